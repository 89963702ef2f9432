import { Rng, mapConcurrent, ownsItem, type RunContext, type Transform } from "@chatmill/kit";
import type { Domain } from "@chatmill/domains";
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
  /**
   * Without `domain`: the packs the personas are spread over, evenly (see domainOf), so every
   * persona names a domain and scenario-gen accepts it. Without either, personas have none.
   */
  domains?: readonly Domain[];
}

/**
 * The pack of persona i when no --domain was given: each run of `domains.length` personas
 * uses every pack once, in an order seeded by (seed, block), so the packs are used equally
 * often and persona i stays a pure function of (seed, i).
 */
export function domainOf(seed: number, index: number, domains: readonly Domain[]): Domain {
  const block = Math.floor(index / domains.length);
  const order = new Rng(`${seed}\u0000persona-domains\u0000${block}`).shuffle([...domains.keys()]);
  return domains[order[index % domains.length]!]!;
}

/** Persona i's id and the options it is made with (its own domain when none was given). */
function slot(opts: SampleOptions, i: number): { id: string; opts: SampleOptions } {
  const id = personaId(opts.seed, i, opts.domain?.name);
  if (opts.domain || !opts.domains || opts.domains.length === 0) return { id, opts };
  return { id, opts: { ...opts, domain: domainOf(opts.seed, i, opts.domains) } };
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
        const one = slot(opts, i);
        yield makePersona(i, ctx.rng(one.id), one.opts, pick);
      }
      return;
    }
    // Loaded only with --engine openai, so the offline engine never pays for the LLM layer.
    const { extractFacts, llmFailure, toTextFacts } = await import("./extract.js");
    let stopped = false;
    const one = async (i: number) => {
      const row = picker.pick(i);
      const { id, opts: personaOpts } = slot(opts, i);
      try {
        const { facts, meta } = await extractFacts(llm, id, row.text);
        const persona = makePersona(i, ctx.rng(id), personaOpts, { dataset: corpus.dataset, ...row, extracted: toTextFacts(facts) });
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
