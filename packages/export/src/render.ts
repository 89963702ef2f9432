import { readFileSync } from "node:fs";
import { Environment, Interpreter, Template } from "@huggingface/jinja";
import { issue, type RuleIssue } from "./rules/issue.js";
import { toolsForTemplate } from "./template-tools.js";

/* eslint-disable @typescript-eslint/no-explicit-any -- the interpreter's node and value classes are not exported */
type Eval = (this: any, node: any, env: any) => any;
const proto = Interpreter.prototype as unknown as {
  evaluateMemberExpression: Eval;
  evaluateFor: Eval;
  evaluate: Eval;
  evaluateBlock: (this: any, statements: unknown[], env: any) => any;
  applyFilter: (this: any, operand: any, filter: any, env: any) => any;
};
const memberOriginal = proto.evaluateMemberExpression;
const forOriginal = proto.evaluateFor;
const filterOriginal = proto.applyFilter;
const UNDEFINED_KEY = /^Cannot access property with non-string(\/non-number)?: got UndefinedValue$/;
const undefinedValue = (self: any, env: any) => self.evaluate({ type: "Identifier", value: "\u0000chatmill_undefined" }, env);

/**
 * Python's jinja2 (what transformers renders with) treats three things @huggingface/jinja 0.5.11
 * raises on: a subscript whose key is undefined (`map[x.type]` when x has no `type`) is
 * undefined, a for loop over an undefined value runs its else block, and `undefined | trim`
 * is "" (trim of str(Undefined)). The Hermes-2-Pro template does the first two for every array
 * parameter (`json_to_python_type(json_spec|items)` reads `.type` of a list) and the third for
 * every parameter without a description (`param_fields.description | trim`): in JS it fails on
 * such rows, in Python it renders them. While a ChatTemplate renders, the interpreter follows
 * Python there (and only there: every other error is raised as before); the methods are
 * restored after each render. One difference stays: `undefined is iterable` is true in Python
 * and false here, so such an array parameter is typed "list[Any]" in JS and "list[Union[]]" in
 * Python, in the tools preamble only.
 */
function renderLikePython(tpl: Template, ctx: Record<string, unknown>): string {
  proto.evaluateMemberExpression = function (expr, env) {
    try {
      return memberOriginal.call(this, expr, env);
    } catch (err) {
      if (UNDEFINED_KEY.test((err as Error).message)) return undefinedValue(this, env);
      throw err;
    }
  };
  proto.evaluateFor = function (node, env) {
    if (node.iterable?.type !== "SelectExpression" && this.evaluate(node.iterable, new Environment(env)).type === "UndefinedValue") {
      return this.evaluateBlock(node.defaultBlock ?? [], env);
    }
    return forOriginal.call(this, node, env);
  };
  proto.applyFilter = function (operand, filter, env) {
    if (operand?.type === "UndefinedValue" && filter?.type === "Identifier" && filter.value === "trim") return this.evaluate({ type: "StringLiteral", value: "" }, env);
    return filterOriginal.call(this, operand, filter, env);
  };
  try {
    return tpl.render(ctx);
  } finally {
    proto.evaluateMemberExpression = memberOriginal;
    proto.evaluateFor = forOriginal;
    proto.applyFilter = filterOriginal;
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

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

  /** `tools`: the list, or the JSON text of a `--tools-as text` row (parsed as TRL's trainers do). */
  render(messages: unknown[], tools: unknown[] | string | null | undefined, extra: Record<string, unknown> = {}): string {
    const list = toolsForTemplate(tools);
    // Llama 3.1 renders its tool preamble for tools: [] too, so no tools means no key.
    const ctx: Record<string, unknown> = { messages, add_generation_prompt: false, bos_token: "<|begin_of_text|>", eos_token: "<|im_end|>", ...extra };
    if (list && list.length > 0) ctx.tools = list;
    return renderLikePython(this.tpl, ctx);
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

/**
 * Renders a TRL row; returns the first error or double-encoded call as a rule issue.
 * `dropped` is told how many assistant messages of the row have text beside a tool call that
 * the rendering does not contain (Llama 3.1 and Hermes-2-Pro render only the call): the
 * model would never learn to say it.
 */
export function checkRendering(tpl: ChatTemplate, row: Record<string, unknown>, dropped?: (n: number) => void): RuleIssue | undefined {
  for (const messages of trlRowMessages(row)) {
    let text: string;
    try {
      text = tpl.render(messages, row.tools as unknown[] | string | null);
    } catch (err) {
      return issue("template.render_error", "", `${tpl.name}: ${(err as Error).message}`);
    }
    const m = DOUBLE.exec(text);
    if (m) return issue("template.double_encoded_arguments", "", `${tpl.name} rendered ${m[1]} as a JSON string: ${text.slice(m.index, m.index + 60)}`);
    if (dropped) {
      let n = 0;
      // Only what the row trains: all of a {messages} row, the completion / chosen / rejected otherwise.
      const trained = Array.isArray(row.messages) ? messages : messages.slice(-1);
      for (const msg of trained as Array<{ role?: string; content?: unknown; tool_calls?: unknown }>) {
        if (msg.role === "assistant" && msg.tool_calls && typeof msg.content === "string" && msg.content.trim() !== "" && !text.includes(msg.content.trim())) n++;
      }
      if (n > 0) dropped(n);
    }
  }
  return undefined;
}
