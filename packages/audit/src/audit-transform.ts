import { domainLoader } from "@chatmill/domains";
import type { RunContext, Transform } from "@chatmill/kit";
import { auditDialogue } from "./audit-dialogue.js";

export interface AuditOptions {
  /** A built-in pack name or a pack path for every dialogue; else each dialogue's `domain` or `scenario.domain`. */
  domain?: string | undefined;
  /** Write only the reports of dialogues that disagree. */
  onlyDisagreements?: boolean;
}

/**
 * One audit report per dialogue (or per disagreeing dialogue). A record that is not a dialogue,
 * or whose pack cannot be loaded, is rejected with the reason: it cannot be judged.
 */
export function auditTransform(opts: AuditOptions, ctx: RunContext): Transform {
  const domainFor = domainLoader();
  const totals = { dialogues: 0, compared: 0, mismatched: 0, judged: 0, disagree: 0 };
  return async function* audit(input) {
    for await (const rec of input) {
      const d = rec.value;
      if (!Array.isArray(d.messages)) {
        ctx.reject(rec, "not a dialogue: it has no messages array", "invalid_record", "/messages");
        continue;
      }
      const scenario = d.scenario as { domain?: unknown } | undefined;
      const name = opts.domain ?? (typeof d.domain === "string" && d.domain ? d.domain : typeof scenario?.domain === "string" ? scenario.domain : undefined);
      if (!name) {
        ctx.reject(rec, "the dialogue names no pack (no domain or scenario.domain): pass --domain", "unknown_domain", "/domain");
        continue;
      }
      const domain = domainFor(name);
      if (domain instanceof Error) {
        ctx.reject(rec, domain.message, "unknown_domain", "/domain");
        continue;
      }
      const report = auditDialogue(d, domain, name);
      totals.dialogues++;
      totals.compared += report.compared;
      totals.mismatched += report.mismatched;
      if (report.judged) totals.judged++;
      if (!report.agrees) totals.disagree++;
      if (!opts.onlyDisagreements || !report.agrees) yield report;
    }
    ctx.info(
      `audit: ${totals.dialogues} dialogues · ${totals.compared} tool results re-run · ${totals.mismatched} differ · ${totals.judged} judged from their task · ${totals.disagree} disagree`,
    );
  };
}
