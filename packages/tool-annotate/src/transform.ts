import { explorePack, hasLiveTools, LiveSetupError, LoadedDomain, ReplayMissError, type LiveBackend } from "@chatmill/domains";
import { ConfigError, RecordError, mapConcurrent, type InputRecord, type RunContext, type Transform } from "@chatmill/kit";
import type { Llm } from "@chatmill/llm";
import { annotateDialogue, type AnnotateOptions, type AnnotateStats } from "./annotate.js";
import { isObj, type Domain, type Obj, type OpenSession } from "./types.js";

export interface TransformOptions extends Omit<AnnotateOptions, "rng" | "seed" | "advice" | "backend"> {
  /** Force this domain (a built-in name or a pack path) for every dialogue. */
  domain?: string;
  /** Loads a domain by name or path (the domains package's loadDomain). */
  loadDomain: (nameOrPath: string) => Domain;
  openSession: OpenSession;
  /** --engine openai: an LLM proposes more alternatives and judges the replies (as notes). */
  llm?: Llm;
  /**
   * --backend: a live pack's empty tables are read from its backend first (explorePack, as
   * dialogue-sim did) and each dialogue's calls re-run on it (README "Live backends").
   */
  backend?: LiveBackend | undefined;
}

/**
 * The domain a dialogue runs in: --domain, else the dialogue's `domain`, else its scenario's,
 * else `travel` for imported MultiWOZ dialogues (the travel pack is MultiWOZ's database).
 * SGD and other imported dialogues have no domain: their recorded calls are graded on
 * their own transcript.
 */
export function domainNameOf(d: Obj, forced?: string): string | undefined {
  if (forced) return forced;
  if (typeof d.domain === "string" && d.domain) return d.domain;
  if (isObj(d.scenario) && typeof d.scenario.domain === "string") return d.scenario.domain;
  const src = isObj(d.source) ? d.source : undefined;
  if (src && typeof src.dataset === "string" && /multiwoz/i.test(src.dataset)) return "travel";
  return undefined;
}

export function makeTransform(opts: TransformOptions, ctx: RunContext): Transform {
  const stats: AnnotateStats = { graded: 0, inferred: 0, alternatives: 0, swapped: 0, recoveries: 0 };
  const { llm, backend, ...annotateOpts } = opts;
  // Per pack name: the pack explored from the backend (--backend), or whether it was said that its live calls are graded over its tables.
  const explored = new Map<string, Domain>();
  const warned = new Set<string>();
  let overTables = 0;

  /**
   * The domain a live pack's calls are graded on. With --backend: explored from the backend
   * once (what it cannot read stops the run: a ConfigError). Without: its own tables, which is
   * said once per pack and counted per dialogue, since a live dialogue's creates and cancels
   * name rows the tables do not hold.
   */
  const liveDomain = (name: string, domain: Domain): Domain => {
    if (!hasLiveTools(domain)) return domain;
    if (backend) {
      let d = explored.get(name);
      if (!d) explored.set(name, (d = domain instanceof LoadedDomain ? explorePack(domain, backend, ctx) : domain));
      return d;
    }
    overTables++;
    if (!warned.has(name)) {
      warned.add(name);
      ctx.warn(
        `pack '${name}' answers from a live backend, and no --backend was given: its calls are graded over the pack's own tables, not on what the backend answered (a create or cancel of a row the backend made is graded not_found); pass --backend replay --cassette FILE (the cassette dialogue-sim --backend record wrote) or --backend live`,
      );
    }
    return domain;
  };

  /** One record: its annotated dialogue, or undefined when it was rejected or failed (reported through ctx). */
  const one = async (rec: InputRecord): Promise<Obj | undefined> => {
    const d = rec.value;
    const problem = shapeProblem(d);
    if (problem) {
      ctx.reject(rec, problem.message, "invalid_dialogue", problem.path);
      return undefined;
    }
    const name = domainNameOf(d, opts.domain);
    let domain: Domain | undefined;
    if (name) {
      try {
        domain = opts.loadDomain(name);
      } catch (err) {
        ctx.reject(rec, `cannot load its domain: ${(err as Error).message}`, "unknown_domain", "/domain");
        return undefined;
      }
      domain = liveDomain(name, domain);
    }
    const id = String(d.id);
    try {
      const advice = llm ? await (await import("./llm-assist.js")).llmAdvice(d, llm) : undefined;
      const out = annotateDialogue(d, domain, { ...annotateOpts, rng: ctx.rng(id), tool: { name: ctx.tool, version: ctx.version }, ...(advice ? { advice } : {}), ...(backend && domain && hasLiveTools(domain) ? { backend } : {}) }, stats);
      const meta = llm?.takeMeta(id);
      if (meta && isObj(out.annotated)) out.annotated = { ...out.annotated, llm: meta };
      return out;
    } catch (err) {
      // Only a backend throws these: a request the cassette lacks is this dialogue's failure (the message names it), a missing secret the run's.
      if (err instanceof LiveSetupError) throw new ConfigError(err.message);
      if (err instanceof ReplayMissError) ctx.fail(rec, err.message, "replay_miss");
      else if (err instanceof RecordError) ctx.reject(rec, err.message, err.kind, err.path);
      else ctx.fail(rec, `could not annotate: ${(err as Error).message}`, (err as { kind?: string }).kind ?? "annotate_error");
      return undefined;
    }
  };

  return async function* annotate(input: AsyncIterable<InputRecord>) {
    try {
      if (llm) {
        for await (const out of mapConcurrent(input, one, { concurrency: () => llm.concurrency })) if (out) yield out;
      } else {
        for await (const rec of input) {
          const out = await one(rec);
          if (out) yield out;
        }
      }
    } finally {
      // The run's MCP connections end with it (a stdio server is stopped).
      backend?.close();
    }
    ctx.counters.notes.set("calls graded", stats.graded);
    ctx.counters.notes.set("inferred", stats.inferred);
    ctx.counters.notes.set("alternatives", stats.alternatives);
    ctx.counters.notes.set("swapped", stats.swapped);
    ctx.counters.notes.set("recovery alternatives", stats.recoveries ?? 0);
    if (overTables > 0) ctx.counters.notes.set("live dialogues over the pack's tables", overTables);
  };
}

/** Enough of a Dialogue to annotate: an id and a list of messages. */
function shapeProblem(d: Obj): { path: string; message: string } | undefined {
  if (typeof d.id !== "string" && typeof d.id !== "number") return { path: "/id", message: "a dialogue needs an id (a string)" };
  if (!Array.isArray(d.messages)) return { path: "/messages", message: "a dialogue needs messages (an array); is this a Dialogue record? (dialogue-sim and chatmill-import make them)" };
  const bad = d.messages.findIndex((m) => !isObj(m) || typeof m.role !== "string");
  if (bad >= 0) return { path: `/messages/${bad}`, message: "every message needs a role" };
  if (d.tools !== undefined && !Array.isArray(d.tools)) return { path: "/tools", message: "tools must be an array of tool definitions" };
  return undefined;
}
