import { Template } from "@huggingface/jinja";
import { renderQwen25 } from "./chatml.js";
import { oneCallPerMessage, type Conversation } from "./conversation.js";
import { loadEncoder, type Encoder } from "./encoders.js";
import { TOKENIZER_NAMES, findTokenizer, type TokenizerInfo } from "./registry.js";
import { rowView, type RowView } from "./row-shapes.js";
import { readTemplate } from "./templates-dir.js";

const QWEN25 = readTemplate("qwen2.5-instruct.jinja");

/** Pieces of rendered text held in the cache, in characters; past it the cache starts over. */
const CACHE_CHARS = 64 * 1024 * 1024;

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

  countConversation(c: Conversation): number {
    return this.countText(this.render(c));
  }

  /** A row of any exported format: its shape and its length in tokens; undefined when it holds no conversation. */
  countRow(row: unknown): RowTokens | undefined {
    const view = rowView(row);
    if (!view || view.conversations.length === 0) return undefined;
    let tokens = 0;
    for (const c of view.conversations) tokens = Math.max(tokens, this.countConversation(c));
    return { ...view, tokens };
  }

  /** Forgets every cached piece and pre-token (benchmarks start each run cold). */
  clearCache(): void {
    this.encoder.cache.clear();
    this.cache.clear();
    this.cacheChars = 0;
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
