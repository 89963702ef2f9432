import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { pyJson } from "./chatml.js";
import type { Conversation } from "./conversation.js";
import { rowView } from "./row-shapes.js";
import { TokenCounter } from "./token-counter.js";
import { Template } from "@huggingface/jinja";

const FIXTURES = join(import.meta.dirname, "../../../test/fixtures/dialogues");
const dialogues = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".ndjson"))
  .flatMap((f) => readFileSync(join(FIXTURES, f), "utf8").split("\n").filter(Boolean))
  .map((l) => JSON.parse(l) as unknown);

/** Every conversation of the fixtures, and every prefix of it, with and without its tools and its system message. */
function conversations(): Conversation[] {
  const out: Conversation[] = [];
  for (const d of dialogues) {
    const c = rowView(d)?.conversations[0];
    if (!c) continue;
    for (let n = 1; n <= c.messages.length; n++) {
      const messages = c.messages.slice(0, n);
      out.push({ messages, tools: c.tools }, { messages }, { messages: messages.filter((m) => m.role !== "system"), tools: c.tools });
    }
  }
  return out;
}

let qwen: TokenCounter;
beforeAll(async () => {
  qwen = await TokenCounter.load("qwen2.5");
}, 60_000);

describe("the Qwen2.5 template written out in TypeScript", () => {
  it("renders exactly what @huggingface/jinja renders from the template, for every prefix of every fixture dialogue", () => {
    const all = conversations();
    expect(all.length).toBeGreaterThan(300);
    expect(all.some((c) => c.messages.some((m) => m.role === "tool") && c.messages.some((m) => m.tool_calls?.length))).toBe(true);
    for (const c of all) expect(qwen.render(c)).toBe(qwen.renderJinja(c));
  });

  it("and the edge cases: consecutive tool results, a system message later on, text beside a call, string arguments", () => {
    const call = (q: unknown) => ({ type: "function" as const, function: { name: "f", arguments: q } });
    const c: Conversation = {
      messages: [
        { role: "user", content: "hi" },
        { role: "assistant", content: "looking", tool_calls: [call({ q: "é", n: 2.5, l: [1, null, true] }), call('{"q":1}')] },
        { role: "tool", content: "r1" },
        { role: "tool", content: "r2" },
        { role: "system", content: "later" },
        { role: "assistant", content: "" },
        { role: "tool", content: "last" },
      ],
      tools: [{ type: "function", function: { name: "f", parameters: { type: "object", properties: {} } } }],
    };
    expect(qwen.render(c)).toBe(qwen.renderJinja(c));
  });

  it("pyJson is the template's tojson", () => {
    const v = { a: [1, 2.5, "x\n\"é\"", null, { b: true, c: {} }], d: [], "k y": -0.1 };
    expect(pyJson(v)).toBe(new Template("{{ v | tojson }}").render({ v }));
  });
});
