import { mapConcurrent, ownsItem, type RunContext, type Transform } from "@chatmill/kit";
import type { Llm } from "@chatmill/llm";
import { CorpusPicker, readCorpus, type Stratify } from "./corpus.js";
import { makePersona, personaId, type PersonaOptions } from "./persona.js";

export interface SampleOptions extends PersonaOptions {
  /** How many personas. */
  n: number;
  /** A persona corpus to draw from instead of generating from the distributions. */
  from?: string;
  stratify?: Stratify;
  maxLineBytes?: number;
  /** --engine openai: the writer role reads each corpus persona's text into fields (needs `from`). */
  llm?: Llm;
}

/**
 * persona-sample as a transform: ignores its input and yields `n` personas. Persona i is
 * a pure function of (seed, i, domain, corpus, mix), so two runs with the same flags agree
 * and `-n 100` is the first 100 records of `-n 1000`.
 */
export function sampleTransform(opts: SampleOptions, ctx: RunContext): Transform {
  return async function* sample() {
    const corpus = opts.from ? await readCorpus(opts.from, ctx, opts.maxLineBytes) : undefined;
    const picker = corpus ? new CorpusPicker(corpus, opts.seed, opts.stratify) : undefined;
    if (picker && picker.by !== "none") ctx.info(`persona-sample: ${corpus!.rows.length} personas in ${picker.strataCount} ${picker.by === "cluster" ? "clusters" : "summaries"}; drawing evenly across them`);
    // --shard: this part makes personas i with i mod N = I, each the same as in one process.
    const indices = Array.from({ length: opts.n }, (_, i) => i).filter((i) => ownsItem(ctx.shard, i));
    ctx.expect(indices.length);
    const llm = opts.llm;
    if (!llm || !picker || !corpus) {
      for (const i of indices) {
        const row = picker?.pick(i);
        const pick = row && corpus ? { dataset: corpus.dataset, ...row } : undefined;
        yield makePersona(i, ctx.rng(personaId(opts.seed, i, opts.domain?.name)), opts, pick);
      }
      return;
    }
    // Loaded only with --engine openai, so the offline engine never pays for the LLM layer.
    const { extractFacts, llmFailure, toTextFacts } = await import("./extract.js");
    let stopped = false;
    const one = async (i: number) => {
      const row = picker.pick(i);
      const id = personaId(opts.seed, i, opts.domain?.name);
      try {
        const { facts, meta } = await extractFacts(llm, id, row.text);
        const persona = makePersona(i, ctx.rng(id), opts, { dataset: corpus.dataset, ...row, extracted: toTextFacts(facts) });
        return meta ? { ...persona, meta: { llm: meta } } : persona;
      } catch (err) {
        const failure = llmFailure(err);
        if (failure) {
          ctx.fail({ line: row.index + 1, raw: row.text, source: opts.from! }, failure.message, failure.kind);
          return undefined;
        }
        if (stopped) return undefined;
        stopped = true;
        throw err;
      }
    };
    try {
      for await (const p of mapConcurrent(indices, one, { concurrency: () => llm.concurrency, ordered: llm.ordered })) if (p) yield p;
    } finally {
      llm.close();
    }
  };
}
