import { isObj, type Obj } from "./conversation.js";
import { CountScope, type TokenCounter } from "./token-counter.js";

/**
 * How a row over the limit is made to fit:
 * - `end` (conversation granularity): cut after the last final assistant reply (an assistant
 *   message without tool calls) that fits, so the row still ends with an assistant turn;
 * - `history` (per-turn rows, DPO pairs, RL prompts and steps): drop the oldest turns of the
 *   history (the system message stays; what is kept starts at a user message), so the row
 *   keeps the turn it trains on.
 */
export type FitMode = "end" | "history";

export type FitResult =
  /** `tokens`: the row's length, or undefined when a bound showed it within the limit without counting it (TokenCounter.countRowOver). */
  | { row: unknown; tokens: number | undefined; trimmed: number }
  /** Nothing that fits could be kept: `tokens` is the length of the shortest row tried. */
  | { tokens: number; reason: string };

/** The list a row keeps its turns in, and how to tell its system, user and final assistant entries. */
interface Turns {
  get(row: Obj): unknown[] | undefined;
  /** The row with `cut` applied to its list of turns (to both lists of a transition). */
  set(row: Obj, cut: (list: unknown[]) => unknown[]): Obj;
  isSystem(e: unknown): boolean;
  isUser(e: unknown): boolean;
  isFinalReply(e: unknown): boolean;
}

const role = (e: unknown) => (isObj(e) ? e.role : undefined);
const from = (e: unknown) => (isObj(e) ? e.from : undefined);
const noCalls = (e: unknown) => isObj(e) && !(Array.isArray(e.tool_calls) && e.tool_calls.length > 0);
const LINE = /^(User|Assistant|System|Context): /;
const lineRole = (e: unknown) => (typeof e === "string" ? LINE.exec(e)?.[1] : undefined);

const messagesAt = (key: string): Turns => ({
  get: (row) => (Array.isArray(row[key]) ? (row[key] as unknown[]) : undefined),
  set: (row, cut) => ({ ...row, [key]: cut(row[key] as unknown[]) }),
  isSystem: (e) => role(e) === "system",
  isUser: (e) => role(e) === "user",
  isFinalReply: (e) => role(e) === "assistant" && noCalls(e),
});

const sharegpt: Turns = {
  get: (row) => (Array.isArray(row.conversations) ? row.conversations : undefined),
  set: (row, cut) => ({ ...row, conversations: cut(row.conversations as unknown[]) }),
  isSystem: (e) => from(e) === "system",
  isUser: (e) => from(e) === "human",
  // Hermes rows keep their calls in the gpt text.
  isFinalReply: (e) => from(e) === "gpt" && !(isObj(e) && typeof e.value === "string" && e.value.includes("<tool_call>")),
};

const museContext: Turns = {
  get: (row) => (Array.isArray(row.context) ? row.context : typeof row.context === "string" ? row.context.split("\n") : undefined),
  set: (row, cut) => ({ ...row, context: Array.isArray(row.context) ? cut(row.context) : cut(String(row.context).split("\n")).join("\n") }),
  isSystem: (e) => lineRole(e) === "System" || lineRole(e) === "Context",
  isUser: (e) => lineRole(e) === "User",
  isFinalReply: () => false,
};

/** Where a row of each layout keeps the turns a cut may drop. */
function turnsOf(row: Obj): Turns | undefined {
  if (isObj(row.input) && Array.isArray(row.input.messages)) {
    const inner = messagesAt("messages");
    return { ...inner, get: (r) => inner.get(r.input as Obj), set: (r, cut) => ({ ...r, input: inner.set(r.input as Obj, cut) }) };
  }
  if (isObj(row.state) && Array.isArray(row.state.messages)) {
    // A transition: the same oldest turns leave the state and the next state.
    const inner = messagesAt("messages");
    return {
      ...inner,
      get: (r) => inner.get(r.state as Obj),
      set: (r, cut) => {
        const out: Obj = { ...r, state: inner.set(r.state as Obj, cut) };
        if (isObj(r.next_state) && Array.isArray(r.next_state.messages)) out.next_state = inner.set(r.next_state, cut);
        return out;
      },
    };
  }
  if (typeof row.state === "string") {
    // Seed 000's transitions: the state as `User: …` lines; the same oldest lines leave the next state.
    const lines = (v: unknown) => String(v).split("\n");
    return {
      ...museContext,
      get: (r) => lines(r.state),
      set: (r, cut) => ({ ...r, state: cut(lines(r.state)).join("\n"), ...(typeof r.next_state === "string" ? { next_state: cut(lines(r.next_state)).join("\n") } : {}) }),
    };
  }
  if (Array.isArray(row.messages)) return messagesAt("messages");
  if (Array.isArray(row.prompt)) return messagesAt("prompt");
  if (Array.isArray(row.conversations)) return sharegpt;
  if (row.context !== undefined) return museContext;
  return undefined;
}

/** The leading system entries a history cut keeps. */
function firstKept(list: unknown[], t: Turns): number {
  let i = 0;
  while (i < list.length && t.isSystem(list[i])) i++;
  return i;
}

/**
 * Makes rows fit `maxTokens` as `counter` counts them (see TokenCounter): rows that fit pass
 * unchanged; a row over the limit is cut at a turn boundary (see FitMode), the longest cut
 * that fits and that `accept` (the target format's rules) takes.
 */
export class RowFitter {
  constructor(
    readonly counter: TokenCounter,
    readonly maxTokens: number,
  ) {}

  count(row: unknown, scope?: CountScope): number {
    return this.counter.countRow(row, scope)?.tokens ?? 0;
  }

  /** `scope`: what the rows of one dialogue share, counted once (see CountScope). */
  fit(row: unknown, mode: FitMode, accept: (row: unknown) => boolean = () => true, scope?: CountScope): FitResult {
    // Only rows over the limit are counted exactly (what is within it may be shown by a bound).
    const over = (r: unknown): number | undefined => {
      const n = this.counter.countRowOver(r, this.maxTokens, scope);
      return n === "within" ? undefined : n;
    };
    const n = over(row);
    if (n === undefined || n <= this.maxTokens) return { row, tokens: n, trimmed: 0 };
    const t = isObj(row) ? turnsOf(row) : undefined;
    const list = t && isObj(row) ? t.get(row) : undefined;
    if (!t || !list || !isObj(row) || Array.isArray(row.steps)) {
      return { tokens: n, reason: Array.isArray((row as Obj).steps) ? "an episode is not cut: its step rewards add up to the outcome only whole" : "this row has no turns to cut" };
    }
    const sys = firstKept(list, t);
    // Candidate rows, longest first.
    const cuts: Array<() => Obj> = [];
    if (mode === "end") {
      for (let i = list.length - 2; i >= sys; i--) if (t.isFinalReply(list[i])) cuts.push(() => t.set(row, (l) => l.slice(0, i + 1)));
    } else {
      // The same positions are dropped from every list (a transition's next state starts with its state).
      for (let i = sys + 1; i < list.length; i++) if (t.isUser(list[i])) cuts.push(() => t.set(row, (l) => [...l.slice(0, sys), ...l.slice(i)]));
    }
    // Lengths fall along the candidates: binary search for the first that fits, then the first the rules accept.
    let lo = 0;
    let hi = cuts.length;
    const lengths = new Map<number, number | undefined>();
    const len = (k: number) => (lengths.has(k) ? lengths.get(k) : lengths.set(k, over(cuts[k]!())).get(k));
    const fits = (k: number) => {
      const m = len(k);
      return m === undefined || m <= this.maxTokens;
    };
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (fits(mid)) hi = mid;
      else lo = mid + 1;
    }
    for (let k = lo; k < cuts.length; k++) {
      const cut = cuts[k]!();
      if (fits(k) && accept(cut)) return { row: cut, tokens: len(k), trimmed: list.length - (t.get(cut)?.length ?? 0) };
    }
    // The message names the shortest cut's length (counted here if a bound had spared it).
    const shortest = cuts.length > 0 ? (len(cuts.length - 1) ?? this.count(cuts[cuts.length - 1]!(), scope)) : n;
    return { tokens: shortest, reason: mode === "end" ? "even the first turn is over the limit" : "even the last turn alone is over the limit" };
  }
}

/** What an exporter's row maker may do besides yielding rows (structurally @chatmill/export's RowSink). */
export interface FitSink {
  note(name: string, by?: number): void;
  reject(row: unknown, why: { rule: string; path: string; message: string }): void;
}

/** The dead-letter rule of a row that cannot be made to fit. */
export const MAX_TOKENS_RULE = "max_tokens";

/**
 * An exporter's row maker, with every row made to fit --max-tokens (see RowFitter): rows that
 * fit pass as they are, a row over the limit is replaced by its longest cut that fits and that
 * the format's rules accept (counted as "rows cut to fit --max-tokens" and "turns cut …"), and
 * a row nothing of which fits is dead-lettered (rule max_tokens) with its length.
 */
export function fittingRows<D>(
  make: (d: D, sink: FitSink) => Iterable<unknown>,
  fitter: RowFitter,
  mode: FitMode,
  accepts: (row: unknown) => boolean = () => true,
): (d: D, sink: FitSink) => Iterable<unknown> {
  const name = fitter.counter.info.name;
  return function* fitted(d, sink) {
    const scope = new CountScope();
    for (const row of make(d, sink)) {
      const r = fitter.fit(row, mode, accepts, scope);
      if ("row" in r) {
        if (r.trimmed > 0) {
          sink.note("rows cut to fit --max-tokens");
          sink.note("turns cut to fit --max-tokens", r.trimmed);
        }
        yield r.row;
      } else {
        sink.reject(row, { rule: MAX_TOKENS_RULE, path: "", message: `over --max-tokens ${fitter.maxTokens} with ${name} (${r.tokens} tokens at the shortest cut): ${r.reason}` });
      }
    }
  };
}

