import type { ExportFormat, ToolsAs } from "@chatmill/export/rows";
import type { Dialogue } from "@chatmill/export/rows";

export interface RlOptions {
  system?: string | undefined;
  /** How trl-grpo rows carry `tools`. */
  toolsAs: ToolsAs;
}

export type RlFormat = ExportFormat<RlOptions>;

export function environmentOf(d: Dialogue): string | null {
  return d.domain ?? d.scenario?.domain ?? null;
}
