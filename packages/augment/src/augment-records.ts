import { domainLoader, type Domain, type LoadedDomain } from "@chatmill/domains";
import { hashString, mapConcurrent, stableId, type InputRecord, type RunContext, type Transform } from "@chatmill/kit";
import { LlmError, type Llm } from "@chatmill/llm";
import { makePersona, type Mix } from "@chatmill/persona-sample";
import { AugmentError, augmentDialogue, type AugmentReport } from "./augment-dialogue.js";
import { detailsOf } from "./personal-details.js";
import { rewriteTurns } from "./rewrite-llm.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);

export interface AugmentOptions {
  /** The pack every dialogue's calls re-run on; else the dialogue's `domain` or `scenario.domain`; else the recorded results. */
  domain?: string | undefined;
  /** New dialogues per source dialogue. */
  variants?: number;
  /** Persona distributions to override (persona-sample's --mix). */
  mix?: Mix | undefined;
  /** --engine openai: every turn rewritten by the model. */
  llm?: Llm | undefined;
  version?: string;
}

/**
 * Imported (or any) Dialogue records in, new dialogues out: for each source, `variants`
 * dialogues with the same skeleton, a persona of their own, new wording and the source's
 * personal details replaced. A source whose pack cannot be loaded, or that is not a
 * dialogue, is bad input; one whose skeleton cannot be kept fails with the reason.
 */
export function augmentTransform(opts: AugmentOptions, ctx: RunContext): Transform {
  const loadPack = domainLoader();
  const variants = opts.variants ?? 1;
  const totals = { sources: 0, written: 0, calls: 0, rerun: 0, same: 0, recorded: 0, replaced: 0, rewritten: 0, keptDraft: 0 };
  // English personas: the offline wording is English (an LLM rewrite keeps the draft's language too).
  const mix: Mix = new Map(opts.mix ?? []);
  if (!mix.has("language")) mix.set("language", { en: 1 });

  async function one(rec: InputRecord): Promise<Obj[]> {
    const d = rec.value;
    if (!Array.isArray(d.messages)) {
      ctx.reject(rec, "not a dialogue: it has no messages array (augment reads Dialogue records, e.g. chatmill-import output)", "invalid_record", "/messages");
      return [];
    }
    if (d.id === undefined || d.id === null || d.id === "") {
      ctx.reject(rec, "the dialogue has no id: augment names its new dialogues after it", "missing_field", "/id");
      return [];
    }
    // Without a call there is no skeleton to keep: the new wording comes from what the calls
    // did, never from the source text, so such a dialogue would come out empty of content.
    if (!d.messages.some((m) => isObj(m) && Array.isArray(m.tool_calls) && m.tool_calls.length > 0)) {
      ctx.drop(rec, "no tool calls");
      return [];
    }
    const scenario = isObj(d.scenario) ? d.scenario : undefined;
    const name = opts.domain ?? (typeof d.domain === "string" && d.domain ? d.domain : typeof scenario?.domain === "string" && scenario.domain ? scenario.domain : undefined);
    let domain: (LoadedDomain & Domain) | undefined;
    if (name) {
      const loaded = loadPack(name);
      if (loaded instanceof Error) {
        ctx.reject(rec, `${loaded.message} (or leave the domain out to keep the recorded results)`, "unknown_domain", "/domain");
        return [];
      }
      domain = loaded;
    }
    totals.sources++;
    const out: Obj[] = [];
    for (let k = 0; k < variants; k++) {
      const id = String(d.id);
      const rng = ctx.rng(id, "augment", String(k));
      const index = hashString(`${id}\u0000${k}`);
      const persona = makePersona(index, rng.fork("persona"), { seed: ctx.seed, ...(domain ? { domain } : {}), mix });
      let others = 0;
      const otherName = () => makePersona(index, rng.fork(`other ${others++}`), { seed: ctx.seed, mix }).name ?? "Sam Lee";
      let made: { dialogue: Obj; report: AugmentReport };
      try {
        made = augmentDialogue({ source: d, domain, persona, otherName, rng, version: opts.version ?? "0.0.0" });
      } catch (err) {
        if (err instanceof AugmentError) {
          // All or nothing: a source is written with all its variants or failed.
          ctx.fail(rec, `${id}: ${err.message}`, err.kind);
          return [];
        }
        throw err;
      }
      const { dialogue, report } = made;
      if (domain) dialogue.domain = domain.name;
      const meta: Obj = { ...(dialogue.meta as Obj), engine: opts.llm ? "openai" : "offline", seed: ctx.seed, augment: { ...report, variant: k } };
      if (opts.llm) {
        try {
          const r = await rewriteTurns(dialogue.messages as Obj[], persona, detailsOf(d), opts.llm, `${id}~${k}`);
          (meta.augment as Obj).rewritten = r.rewritten;
          (meta.augment as Obj).kept_draft = r.kept_draft;
          totals.rewritten += r.rewritten;
          totals.keptDraft += r.kept_draft;
          const usage = opts.llm.takeMeta(`${id}~${k}`);
          if (usage) meta.llm = usage;
        } catch (err) {
          if (err instanceof LlmError) {
            ctx.fail(rec, `${id}: ${err.message}`, err.kind);
            return [];
          }
          throw err;
        }
      }
      totals.written++;
      totals.calls += report.calls;
      totals.rerun += report.rerun;
      totals.same += report.same_as_source;
      totals.recorded += report.recorded;
      totals.replaced += report.replaced;
      out.push({ id: stableId("aug", ctx.seed, id, k), ...dialogue, meta });
    }
    return out;
  }

  return async function* augment(input) {
    if (opts.llm) {
      const llm = opts.llm;
      for await (const list of mapConcurrent(input, one, { concurrency: llm.concurrency, ordered: llm.ordered })) yield* list;
    } else for await (const rec of input) yield* await one(rec);
    ctx.info(
      `augment: ${totals.sources} sources → ${totals.written} dialogues · ${totals.calls} calls: ${totals.rerun} re-run on the pack (${totals.same} same result as the source), ${totals.recorded} kept as recorded · ${totals.replaced} personal details replaced` +
        (opts.llm ? ` · ${totals.rewritten} turns rewritten by the model, ${totals.keptDraft} kept as drafted` : ""),
    );
  };
}
