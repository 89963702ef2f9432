import { domainLoader, explorePack, LiveSetupError, ReplayMissError, type LiveBackend } from "@chatmill/domains";
import { ConfigError, type RunContext, type Transform } from "@chatmill/kit";
import { auditDialogue, type AuditReport } from "./audit-dialogue.js";
import { barsRecord } from "./measures/bars-record.js";
import { summarizeMeasures } from "./measures/measures-summary.js";
import { measureDialogue, type DialogueMeasures } from "./measures/task-measures.js";

export interface AuditOptions {
  /** A built-in pack name or a pack path for every dialogue; else each dialogue's `domain` or `scenario.domain`. */
  domain?: string | undefined;
  /** Write only the reports of dialogues that disagree. */
  onlyDisagreements?: boolean;
  /** Instead of one report per dialogue, one line per pack and category with issue #17's bars (measureDialogue), at the end. */
  bars?: boolean;
  /** Where a live pack's calls re-run (audit --backend); none: over the pack's tables. */
  backend?: LiveBackend | undefined;
}

/**
 * One audit report per dialogue (or per disagreeing dialogue). A record that is not a dialogue,
 * or whose pack cannot be loaded, is rejected with the reason: it cannot be judged.
 */
export function auditTransform(opts: AuditOptions, ctx: RunContext): Transform {
  // With a backend, a live pack's empty tables are read from it first (replayed from the cassette: dialogue-sim read them first), as dialogue-sim judged over them.
  const backend = opts.backend;
  const domainFor = domainLoader(backend ? (d) => explorePack(d, backend, ctx) : undefined);
  const totals = { dialogues: 0, compared: 0, mismatched: 0, judged: 0, disagree: 0 };
  const measured = new Map<string, DialogueMeasures[]>();
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
      let report: AuditReport;
      try {
        if (opts.bars) {
          // measureDialogue runs the same audit on the way: its verdict is counted below as usual.
          const m = measureDialogue(d, domain, name, opts.backend);
          report = m.audit;
          let list = measured.get(name);
          if (!list) measured.set(name, (list = []));
          list.push(m);
        } else report = auditDialogue(d, domain, name, opts.backend);
      } catch (err) {
        // Only a backend throws: a request the cassette lacks is this dialogue's failure, a missing secret the run's.
        if (err instanceof LiveSetupError) throw new ConfigError(err.message);
        if (!(err instanceof ReplayMissError)) throw err;
        ctx.fail(rec, err.message, "replay_miss");
        continue;
      }
      totals.dialogues++;
      totals.compared += report.compared;
      totals.mismatched += report.mismatched;
      if (report.judged) totals.judged++;
      if (!report.agrees) totals.disagree++;
      if (!opts.bars && (!opts.onlyDisagreements || !report.agrees)) yield report;
    }
    for (const [name, list] of measured) {
      const byCategory = summarizeMeasures(list);
      yield barsRecord(name, "all", byCategory.get("all")!);
      for (const c of [...byCategory.keys()].filter((k) => k !== "all").sort()) yield barsRecord(name, c, byCategory.get(c)!);
    }
    ctx.info(
      `audit: ${totals.dialogues} dialogues · ${totals.compared} tool results re-run · ${totals.mismatched} differ · ${totals.judged} judged from their task · ${totals.disagree} disagree`,
    );
  };
}
