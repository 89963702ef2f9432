import { readFileSync } from "node:fs";
import { Template } from "@huggingface/jinja";
import { issue, type RuleIssue } from "./rules/issue.js";

/** A chat template loaded once; renders TRL rows as the trainer would (tools omitted when null). */
export class ChatTemplate {
  private readonly tpl: Template;
  constructor(
    readonly source: string,
    readonly name = "template",
  ) {
    this.tpl = new Template(source);
  }

  static fromFile(path: string): ChatTemplate {
    return new ChatTemplate(readFileSync(path, "utf8"), path);
  }

  render(messages: unknown[], tools: unknown[] | null | undefined, extra: Record<string, unknown> = {}): string {
    // Llama 3.1 renders its tool preamble for tools: [] too, so no tools means no key.
    const ctx: Record<string, unknown> = { messages, add_generation_prompt: false, bos_token: "<|begin_of_text|>", eos_token: "<|im_end|>", ...extra };
    if (tools && tools.length > 0) ctx.tools = tools;
    return this.tpl.render(ctx);
  }
}

/** The messages of a TRL row, whatever its shape ({messages}, {prompt, completion}, {prompt, chosen}). */
export function trlRowMessages(row: Record<string, unknown>): unknown[][] {
  if (Array.isArray(row.messages)) return [row.messages];
  const prompt = Array.isArray(row.prompt) ? row.prompt : [];
  const outs = ["completion", "chosen", "rejected"].map((k) => row[k]).filter(Array.isArray);
  return outs.length > 0 ? outs.map((o) => [...prompt, ...o]) : [prompt];
}

// `"arguments": "` or `"parameters": "`: an argument object rendered as a JSON string.
const DOUBLE = /"(arguments|parameters)": ?"/;

/** Renders a TRL row; returns the first error or double-encoded call as a rule issue. */
export function checkRendering(tpl: ChatTemplate, row: Record<string, unknown>): RuleIssue | undefined {
  for (const messages of trlRowMessages(row)) {
    let text: string;
    try {
      text = tpl.render(messages, row.tools as unknown[] | null);
    } catch (err) {
      return issue("template.render_error", "", `${tpl.name}: ${(err as Error).message}`);
    }
    const m = DOUBLE.exec(text);
    if (m) return issue("template.double_encoded_arguments", "", `${tpl.name} rendered ${m[1]} as a JSON string: ${text.slice(m.index, m.index + 60)}`);
  }
  return undefined;
}
