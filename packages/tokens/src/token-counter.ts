import { Template } from "@huggingface/jinja";
import { qwen25Header, qwen25TurnText, renderQwen25 } from "./chatml.js";
import { forgetToolLists } from "./tool-lists.js";
import { oneCallPerMessage, type ChatMsg, type Conversation } from "./conversation.js";
import { loadEncoder, type Encoder } from "./encoders.js";
import { byteBound } from "./pretoken-count.js";
import { TOKENIZER_NAMES, findTokenizer, type TokenizerInfo } from "./registry.js";
import { rowView, type RowView } from "./row-shapes.js";
import { readTemplate } from "./templates-dir.js";
import { CountScope, type HeaderCount } from "./count-scope.js";

export { CountScope } from "./count-scope.js";

const QWEN25 = readTemplate("qwen2.5-instruct.jinja");

/** Pieces of rendered text held in the cache, in characters; past it the cache starts over. */
const CACHE_CHARS = 64 * 1024 * 1024;

/**
 * Text NFC leaves as it is, and any piece of it too: every character here is NFC_QC=Yes with
 * combining class 0 (so the quick check says "normalized") — Latin up to U+02FF (U+0300 starts
 * the combining marks), general punctuation but U+2000 and U+2001 (which NFC replaces), currency
 * signs. Checked character by character and pair by pair in count-bound.test.ts.
 */
export const NFC_STABLE = /^[\u0000-\u02ff\u2002-\u206f\u20a0-\u20cf]*$/;
const NO_TOOLS = {};
/** System texts remembered per tool list (headerTokens). */
const HEADER_TEXTS = 4096;
const NO_SYSTEM = {};

export interface RowTokens extends RowView {
  /** The longest of the row's conversations (a DPO row: prompt + chosen or prompt + rejected), in tokens. */
  tokens: number;
}

/**
 * Counts tokens as a trainer does: the conversation is rendered with the model's chat template
 * (`apply_chat_template`, no generation prompt) and the text is tokenized, special tokens
 * included. The text is cut at the tokenizer's added tokens (which the tokenizer itself
 * matches first, so the count is the same) and every piece between them is counted once and
 * cached: a system prompt, a tool list or a message seen again costs a map lookup.
 */
export class TokenCounter {
  private readonly cache = new Map<string, number>();
  private cacheChars = 0;
  /** Header tokens (once counted) and bound by tool list (NO_TOOLS for none), then by system text (see header). */
  private headerCounts = new WeakMap<object, Map<string, HeaderCount>>();
  private readonly split: RegExp;
  private readonly template: Template;
  /** The Qwen2.5 template is rendered by renderQwen25 (same text, far faster). */
  private readonly native: boolean;
  /** Pieces tokenized and pieces found in the cache (for benchmarks). */
  readonly stats = { tokenized: 0, cached: 0 };

  constructor(
    readonly info: TokenizerInfo,
    readonly encoder: Encoder,
    templateSource = readTemplate(info.template),
  ) {
    const atoms = [...encoder.atoms.keys()].sort((a, b) => b.length - a.length).map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    this.split = new RegExp(`(${atoms.join("|")})`);
    this.template = new Template(templateSource);
    this.native = templateSource === QWEN25 && info.template === "qwen2.5-instruct.jinja";
  }

  /** The counter for a name --tokenizer accepts; an Error naming the choices otherwise. */
  static async load(name: string): Promise<TokenCounter> {
    const info = findTokenizer(name);
    if (!info) throw new Error(`unknown tokenizer '${name}': use one of ${TOKENIZER_NAMES.join(", ")}`);
    return new TokenCounter(info, await loadEncoder(info.name, info.frameTokens));
  }

  /** Tokens of a text (added tokens such as `<|im_start|>` written in it count as one each). */
  countText(text: string): number {
    const parts = text.split(this.split);
    let n = 0;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (i % 2 === 1) n++;
      else if (p.length > 0) n += this.piece(p);
    }
    return n;
  }

  /**
   * An upper bound on countText(text), found without tokenizing: each atom is one token, each
   * piece between them at most its bytes as the tokenizer sees them (Encoder.bound). A text the
   * tokenizer's normalizer leaves as it is (no normalizer; NFC and ASCII text) is bounded by its
   * own bytes (an atom being one token for several bytes); otherwise each piece is normalized and measured.
   */
  bound(text: string): number {
    const bytes = byteBound(text);
    const n = this.encoder.normalizes;
    if (n === "none" || (n === "nfc" && (bytes === text.length || NFC_STABLE.test(text)))) return bytes;
    const parts = text.split(this.split);
    let b = 0;
    for (let i = 0; i < parts.length; i++) b += i % 2 === 1 ? 1 : parts[i]!.length > 0 ? this.encoder.bound(parts[i]!) : 0;
    return b;
  }

  /** Token ids of a text (for tests against a tokenizer's reference ids; frame markers are -1). */
  encode(text: string): number[] {
    const parts = text.split(this.split);
    return parts.flatMap((p, i) => (i % 2 === 1 ? [this.encoder.atoms.get(p)!] : p ? this.encoder.encode(p) : []));
  }

  /** The text the trainer tokenizes for a conversation. */
  render(c: Conversation): string {
    if (this.native) return renderQwen25(c);
    return this.renderJinja(c);
  }

  /** The same text from the Jinja template itself (the reference the native renderer is tested against). */
  renderJinja(c: Conversation): string {
    const messages = this.info.name === "llama3.1" ? oneCallPerMessage(c.messages) : c.messages;
    // Llama 3.1 renders its tool preamble for tools: [] too, so no tools means no key.
    const ctx: Record<string, unknown> = { messages, add_generation_prompt: false, bos_token: "<|begin_of_text|>", eos_token: "<|im_end|>" };
    if (c.tools && c.tools.length > 0) ctx.tools = c.tools;
    return this.template.render(ctx);
  }

  countConversation(c: Conversation, scope?: CountScope): number {
    return this.conversationWithin(c, scope, -1)!;
  }

  /**
   * The conversation's tokens; or undefined when an upper bound (Encoder.bound) shows it has at
   * most `limit` without counting it (limit -1: always counted).
   */
  private conversationWithin(c: Conversation, scope: CountScope | undefined, limit: number): number | undefined {
    // The native renderer counts turn by turn, each remembered in the scope (a new one when none is given).
    if (this.native) return this.countTurns(c, scope ?? new CountScope(), limit);
    const text = this.render(c);
    if (limit >= 0 && this.bound(text) <= limit) return undefined;
    return this.countText(text);
  }

  /** A row of any exported format: its shape and its length in tokens; undefined when it holds no conversation. */
  countRow(row: unknown, scope?: CountScope): RowTokens | undefined {
    const view = rowView(row, scope?.messages);
    if (!view || view.conversations.length === 0) return undefined;
    let tokens = 0;
    for (const c of view.conversations) tokens = Math.max(tokens, this.countConversation(c, scope));
    return { ...view, tokens };
  }

  /**
   * What --max-tokens needs to know of a row: its length in tokens (the longest of its
   * conversations, as countRow counts it) when that is over `limit`, exactly; `"within"` when
   * it is at most `limit`, which an upper bound may show without counting (a row far below the
   * limit costs its rendering and no tokenizing; see Encoder.bound). 0 for a row that holds no conversation.
   */
  countRowOver(row: unknown, limit: number, scope?: CountScope): number | "within" {
    const view = rowView(row, scope?.messages);
    if (!view) return 0;
    let tokens = 0;
    let bounded = false;
    for (const c of view.conversations) {
      const n = this.conversationWithin(c, scope, limit);
      if (n === undefined) bounded = true;
      else tokens = Math.max(tokens, n);
    }
    // Over the limit: the longest conversation was counted (a bounded one is at most the limit).
    return tokens > limit || !bounded ? tokens : "within";
  }

  /**
   * The header's tokens plus each turn's, each remembered in the scope (see qwen25Turns for why
   * the sum is exact). With a limit (>= 0), turns not counted yet enter the sum with their bound
   * first, and are counted only when that sum is over the limit (undefined otherwise).
   */
  private countTurns(c: Conversation, scope: CountScope, limit: number): number | undefined {
    const ms = c.messages;
    const toolsKey = c.tools && c.tools.length > 0 ? c.tools : NO_TOOLS;
    let headers = scope.headers.get(toolsKey);
    if (!headers) scope.headers.set(toolsKey, (headers = new Map()));
    const system = ms[0]?.role === "system" ? ms[0] : undefined;
    let header = headers.get(system ?? NO_SYSTEM);
    if (header === undefined) headers.set(system ?? NO_SYSTEM, (header = this.header(c, toolsKey, system)));
    // The turns of the last conversation counted in the scope, as far as its messages are these
    // (the same objects): rows of a dialogue mostly extend the row before. A turn ending before
    // the first difference is the same turn (its run of tool results ends at the same message).
    let last = scope.last;
    let same = 0;
    if (last) {
      const lm = last.messages;
      const stop = Math.min(ms.length, lm.length);
      while (same < stop && ms[same] === lm[same]) same++;
    }
    let kept = 0;
    if (last) while (kept < last.ends.length && last.ends[kept]! < same) kept++;
    if (!last || kept === 0) last = { messages: ms, turns: [], ends: [], atMost: [0] };
    else {
      // The lists are the scope's own: cut them to the shared turns in place (no copy per row).
      last.messages = ms;
      last.turns.length = kept;
      last.ends.length = kept;
      last.atMost.length = kept + 1;
    }
    scope.last = last;
    const { turns, ends, atMost } = last;
    let sum = atMost[kept]!;
    let i = kept > 0 ? ends[kept - 1]! : ms[0]?.role === "system" ? 1 : 0;
    while (i < ms.length) {
      // A message, or a run of tool results (as qwen25Turns cuts them).
      let end = i + 1;
      if (ms[i]!.role === "tool") while (end < ms.length && ms[end]!.role === "tool") end++;
      const size = end - i;
      const seen = scope.turns.get(ms[i]!);
      let turn = seen;
      while (turn && !(turn.size === size && (size === 1 || turn.rest!.every((m, k) => m === ms[i + 1 + k])))) turn = turn.other;
      if (!turn) {
        const text = qwen25TurnText(ms, i, end);
        turn = { size, rest: size > 1 ? ms.slice(i + 1, end) : undefined, tokens: undefined, bound: limit >= 0 ? this.bound(text) : Infinity, text, other: seen };
        scope.turns.set(ms[i]!, turn);
      }
      turns.push(turn);
      ends.push(end);
      sum += turn.tokens ?? turn.bound;
      atMost.push(sum);
      i = end;
    }
    // A bound that is not over the limit spares counting (atMost only grows with the turns, so a
    // sum made of counts where a turn has been counted since is still an upper bound); the header
    // too is counted only then, so a run whose rows are all shown within never tokenizes.
    if (limit >= 0 && (header.tokens ?? header.bound) + sum <= limit) return undefined;
    const n = (header.tokens ??= this.countText(header.text));
    let exact = 0;
    for (let k = 0; k < turns.length; k++) {
      const t = turns[k]!;
      if (t.tokens === undefined) {
        t.tokens = this.countText(t.text!);
        t.text = undefined;
      }
      exact += t.tokens;
      atMost[k + 1] = exact;
    }
    return n + exact;
  }

  /**
   * The conversation's header (qwen25Header: system text and tool list), its bound and, once
   * counted, its tokens, by content: the dialogues of a dataset share a handful of tool lists
   * (one object per JSON text, see chatTools) and system prompts, so each header is rendered,
   * bounded and counted once. Keyed by the list object (its content: chatTools makes one per
   * JSON text, and a list given as it is stays unchanged while counted) and the system text.
   */
  private header(c: Conversation, toolsKey: object, system: ChatMsg | undefined): HeaderCount {
    let bySystem = this.headerCounts.get(toolsKey);
    if (!bySystem) this.headerCounts.set(toolsKey, (bySystem = new Map()));
    const key = system ? "s" + system.content : "n";
    let h = bySystem.get(key);
    if (h === undefined) {
      // Distinct system texts are as many as the dialogues when each has its own: start over past a bound.
      if (bySystem.size >= HEADER_TEXTS) bySystem.clear();
      const text = qwen25Header(c);
      bySystem.set(key, (h = { text, bound: this.bound(text), tokens: undefined }));
    }
    return h;
  }

  /** Forgets every cached piece, pre-token, header count and converted tool list (benchmarks start each run cold). */
  clearCache(): void {
    this.encoder.cache.clear();
    this.cache.clear();
    this.cacheChars = 0;
    this.headerCounts = new WeakMap();
    forgetToolLists();
  }

  private piece(p: string): number {
    const hit = this.cache.get(p);
    if (hit !== undefined) {
      this.stats.cached++;
      return hit;
    }
    const n = this.encoder.count(p);
    this.stats.tokenized++;
    if (this.cacheChars + p.length > CACHE_CHARS) {
      this.cache.clear();
      this.cacheChars = 0;
    }
    this.cache.set(p, n);
    this.cacheChars += p.length;
    return n;
  }
}
