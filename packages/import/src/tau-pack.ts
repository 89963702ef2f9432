import { ConfigError } from "@chatmill/kit";
import { TAU_HANDOFF, TAU_PACKS, type TauPackInfo } from "./tau-tasks.js";

/**
 * The pack each tau task is for, as the importer needs it: its declared hand-off tool, its
 * services and its tools' roles (gold actions are checked against them). `override` is
 * --domain (a pack name or path: every task is for it). A tau pack that is not installed is
 * imported by names only: tau's own hand-off tool name, the tau domain as the service, and
 * no check of the gold actions' tools (`meta.pack_checked: false` on each record).
 */
export async function tauPackInfo(override?: string): Promise<(tauDomain: string) => TauPackInfo> {
  const { loadDomain, resolvePackFile } = await import("@chatmill/domains");
  const cache = new Map<string, TauPackInfo>();
  const load = (name: string, required: boolean): TauPackInfo | undefined => {
    try {
      resolvePackFile(name);
    } catch (err) {
      if (required) throw new ConfigError(`--domain ${name}: ${(err as Error).message}`);
      return undefined;
    }
    try {
      const d = loadDomain(name);
      return { name: d.name, handoff: d.handoffTool, services: d.services.map((s) => s.name), roles: new Map(d.tools.map((t) => [t.function.name, d.roleOf(t.function.name) ?? ""])) };
    } catch (err) {
      throw new ConfigError(`the pack '${name}' does not load: ${(err as Error).message}`);
    }
  };
  const fixed = override !== undefined ? load(override, true) : undefined;
  return (tauDomain) => {
    if (fixed) return fixed;
    const name = TAU_PACKS[tauDomain] ?? `tau-${tauDomain}`;
    let info = cache.get(name);
    if (!info) cache.set(name, (info = load(name, false) ?? { name, handoff: TAU_HANDOFF, services: [tauDomain] }));
    return info;
  };
}
