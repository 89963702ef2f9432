/**
 * Exact token counts without re-encoding what was seen before.
 *
 * A byte-level BPE tokenizer (Qwen, Llama 3, tiktoken's encodings) first cuts a text into
 * pre-tokens with one regular expression (words with their leading space, digit runs,
 * punctuation runs, whitespace runs), then merges each pre-token on its own: no merge crosses
 * a pre-token's edge. So a text's count is the sum of its pre-tokens' counts, and a word seen
 * once costs a map lookup after that. The cut is made by the tokenizer's own pattern and each
 * new pre-token is merged by the tokenizer's own code, so the counts are the tokenizer's
 * (`src/tokenizers.test.ts` compares them with the unaccelerated encoder on thousands of
 * varied strings for every tokenizer).
 */

/**
 * Pre-tokens held, in characters and in entries; past either the cache starts over (a bound, not
 * an LRU: rare words come back rarely). 200,000 entries is about 20 MB of heap; a language's
 * common words and the data's field names and values fit many times over.
 */
const CACHE_CHARS = 4 * 1024 * 1024;
const CACHE_ENTRIES = 200_000;

/** Longer pre-tokens (a long run of one character, a base64 blob) are merged each time and not kept. */
const MAX_KEPT = 256;

export class PreTokenCache {
  private readonly map = new Map<string, number>();
  private chars = 0;
  /** Pre-tokens merged and pre-tokens found in the cache (for benchmarks and tests). */
  readonly stats = { merged: 0, cached: 0 };

  constructor(
    private readonly maxChars = CACHE_CHARS,
    private readonly maxEntries = CACHE_ENTRIES,
  ) {}

  /** The count of `pre`, from the cache or from `merge` (then kept). */
  count(pre: string, merge: (pre: string) => number): number {
    const hit = this.map.get(pre);
    if (hit !== undefined) {
      this.stats.cached++;
      return hit;
    }
    const n = merge(pre);
    this.stats.merged++;
    if (pre.length <= MAX_KEPT) {
      if (this.chars + pre.length > this.maxChars || this.map.size >= this.maxEntries) this.clear();
      this.map.set(pre, n);
      this.chars += pre.length;
    }
    return n;
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
    this.chars = 0;
  }
}

/**
 * The parts of a `@lenml/tokenizers` (transformers.js) tokenizer the fast count uses. They are
 * not its public API, so `hfCounter` checks the shape it relies on and returns undefined when
 * it is not there (the caller then counts with the whole encoder).
 */
interface HfInternals {
  normalizer: (((text: string) => string) & { config?: Record<string, unknown> }) | null;
  pre_tokenizer: { tokenizers?: Array<{ config?: Record<string, unknown>; pattern?: unknown; pre_tokenize_text(text: string, options?: unknown): string[] }> } | null;
  model: ((tokens: string[]) => string[]) & { config?: Record<string, unknown>; fuse_unk?: boolean };
  remove_space?: boolean;
  do_lowercase_and_remove_accent?: boolean;
}

/**
 * A counter for a Hugging Face tokenizer whose pre-tokenizer is Split(pattern, isolated) then
 * ByteLevel without its own regex — Qwen2/2.5/3's and Llama 3's. Per text: the normalizer (NFC
 * for Qwen), the Split pattern (its matches and the text between them are the pre-tokens, as
 * the tokenizer's own split gives them), then each new pre-token through the ByteLevel mapping
 * and the BPE model, as the tokenizer does it.
 */
export function hfCounter(tokenizer: unknown, cache: PreTokenCache): { count: (text: string) => number; bound: (piece: string) => number; normalizes: Normalizes } | undefined {
  const tok = tokenizer as HfInternals;
  const seq = tok.pre_tokenizer?.tokenizers;
  if (!seq || seq.length !== 2 || tok.remove_space || tok.do_lowercase_and_remove_accent || tok.model.fuse_unk) return undefined;
  const [split, byteLevel] = seq as [NonNullable<typeof seq>[number], NonNullable<typeof seq>[number]];
  const sc = split.config ?? {};
  const bc = byteLevel.config ?? {};
  if (sc.type !== "Split" || String(sc.behavior).toLowerCase() !== "isolated" || sc.invert || !(split.pattern instanceof RegExp)) return undefined;
  if (bc.type !== "ByteLevel" || bc.use_regex !== false || bc.add_prefix_space) return undefined;
  if (tok.model.config?.type !== "BPE") return undefined;
  // A copy, so the tokenizer's own matchAll and this loop never share lastIndex.
  const pattern = new RegExp(split.pattern.source, split.pattern.flags.includes("g") ? split.pattern.flags : `${split.pattern.flags}g`);
  const merge = (pre: string): number => tok.model(byteLevel.pre_tokenize_text(pre)).length;
  const normalize = tok.normalizer;
  // The bytes the model's BPE starts from are those of the normalized text (see byteBound).
  const bound = (piece: string): number => byteBound(normalize ? normalize(piece) : piece);
  const normalizes: Normalizes = !normalize ? "none" : normalize.config?.type === "NFC" ? "nfc" : "other";
  const count = (text: string): number => {
    const x = normalize ? normalize(text) : text;
    let n = 0;
    let prev = 0;
    pattern.lastIndex = 0;
    // The tokenizer's regexSplit: each match, and the text between matches, is a pre-token.
    for (let m = pattern.exec(x); m !== null; m = pattern.exec(x)) {
      if (m[0].length === 0) {
        pattern.lastIndex += (x.codePointAt(pattern.lastIndex) ?? 0) > 0xffff ? 2 : 1;
        continue;
      }
      if (prev < m.index) n += cache.count(x.slice(prev, m.index), merge);
      n += cache.count(m[0], merge);
      prev = m.index + m[0].length;
    }
    if (prev < x.length) n += cache.count(x.slice(prev), merge);
    return n;
  };
  return { count, bound, normalizes };
}

/** What a tokenizer's normalizer does to a text before it is cut into pre-tokens: nothing, NFC (which leaves ASCII text as it is), or something else. */
export type Normalizes = "none" | "nfc" | "other";

/**
 * An upper bound on the tokens of a text, counted without tokenizing it: its length in UTF-8
 * bytes. Byte-level BPE (Qwen, Llama 3, tiktoken's encodings) starts each pre-token from one
 * symbol per byte and every merge joins two symbols into one, so a pre-token never has more
 * tokens than bytes; an added token (`<|im_start|>`, a frame marker) is one token for several
 * bytes. This holds for the text the BPE sees, after the tokenizer's normalizer (NFC can make a
 * text longer: U+0344 becomes two characters). `src/count-bound.test.ts` checks it on varied text for
 * every tokenizer.
 */
export function byteBound(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/**
 * A counter for a js-tiktoken encoding, used with no special token allowed (their text is
 * text): the encoding's own pattern cuts the text, a new pre-token is encoded by js-tiktoken.
 * js-tiktoken encodes a string by matching the pattern over it, so a pre-token encoded alone
 * gives its count in place only when the pattern, run over it alone, matches it whole; a
 * pre-token for which that is not so (none in the tests; a lookahead could make one) is
 * marked, and a text holding one is encoded whole.
 */
export function tiktokenCounter(patStr: string, encode: (text: string) => number[], cache: PreTokenCache): (text: string) => number {
  const pattern = new RegExp(patStr, "gu");
  const alone = new RegExp(patStr, "uy");
  const UNSTABLE = -1;
  const merge = (pre: string): number => {
    alone.lastIndex = 0;
    const m = alone.exec(pre);
    return m && m[0].length === pre.length ? encode(pre).length : UNSTABLE;
  };
  return (text) => {
    let n = 0;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex += (text.codePointAt(pattern.lastIndex) ?? 0) > 0xffff ? 2 : 1;
        continue;
      }
      const k = cache.count(m[0], merge);
      if (k === UNSTABLE) return encode(text).length;
      n += k;
    }
    return n;
  };
}
