import { describe, expect, it } from "vitest";
import { readDialogue } from "./read-dialogue.js";

const d = (messages: unknown[], extra: Record<string, unknown> = {}) => ({ id: "d1", tools: [], messages, ...extra });

describe("readDialogue", () => {
  it("decodes arguments given as a JSON string, once", () => {
    const r = readDialogue(d([{ role: "user", content: "hi" }, { role: "assistant", tool_calls: [{ id: "c", name: "f", arguments: '{"a":1}' }] }, { role: "tool", tool_call_id: "c", name: "f", content: "{}", ok: true }]));
    expect("dialogue" in r && r.decodedArguments).toBe(1);
    if ("dialogue" in r) expect((r.dialogue.messages[1] as { tool_calls: Array<{ arguments: unknown }> }).tool_calls[0]!.arguments).toEqual({ a: 1 });
  });
  it("names the path of what is wrong", () => {
    const cases: Array<[unknown, string]> = [
      [{ messages: [] }, "/id"],
      [d([]), "/messages"],
      [d([{ role: "bot", content: "x" }]), "/messages/0/role"],
      [d([{ role: "tool", tool_call_id: "zz", name: "f", content: "{}", ok: true }]), "/messages/0/tool_call_id"],
      [d([{ role: "assistant", tool_calls: [{ id: "c", name: "f", arguments: "[1]" }] }]), "/messages/0/tool_calls/0/arguments"],
      [d([{ role: "user", content: "x" }], { outcome: { reward: 2 } }), "/outcome/reward"],
    ];
    for (const [value, path] of cases) {
      const r = readDialogue(value);
      expect("issue" in r && r.issue.path).toBe(path);
    }
  });
});

describe("mergeAssistantRuns", () => {
  it("merges a text-only assistant message into the assistant message after it", async () => {
    const { mergeAssistantRuns } = await import("./read-dialogue.js");
    const call = { id: "c1", name: "search_items", arguments: {} };
    const msgs = [
      { role: "user", content: "red dress?" },
      { role: "assistant", content: "Got it." },
      { role: "assistant", content: "Let me look.", tool_calls: [call], labels: { intent: "search" } },
      { role: "tool", tool_call_id: "c1", name: "search_items", content: "[]", ok: true },
      { role: "assistant", content: "Nothing yet." },
    ];
    expect(mergeAssistantRuns(msgs)).toEqual([
      msgs[0],
      { role: "assistant", content: "Got it. Let me look.", tool_calls: [call], labels: { intent: "search" } },
      msgs[3],
      msgs[4],
    ]);
    expect(msgs[2]!.content).toBe("Let me look.");
    const plain = [msgs[0]!, msgs[4]!];
    expect(mergeAssistantRuns(plain)).toBe(plain);
  });
});

describe("context messages (dialogue-sim --context-role)", () => {
  it("become system messages of their own, where they were, whatever role they were given", async () => {
    const { readDialogue } = await import("./read-dialogue.js");
    const tools = [{ type: "function", function: { name: "find", parameters: { type: "object" } } }];
    const base = [
      { role: "user", content: "hi" },
      { role: "assistant", content: "Hello!" },
    ];
    const ctx = { role: "system", name: "context_provider", content: "Context: Monday." };
    const asAssistant = readDialogue({ id: "a", tools, messages: [{ role: "system", content: "You help." }, { role: "assistant", name: "context_provider", content: " Context: Monday. " }, ...base] });
    expect("dialogue" in asAssistant && asAssistant.dialogue.messages).toEqual([{ role: "system", content: "You help." }, ctx, ...base]);
    const noSystem = readDialogue({ id: "b", tools, messages: [ctx, ...base] });
    expect("dialogue" in noSystem && noSystem.dialogue.messages).toEqual([ctx, ...base]);
    const plain = { id: "c", tools, messages: base };
    const r = readDialogue(plain);
    expect("dialogue" in r && r.dialogue).toBe(plain);
  });
});

describe("context messages per format (ContextMode)", () => {
  it("own: a system message where it came; fold: into the system prompt; lead: folded only before the first user message", async () => {
    const { readDialogue } = await import("./read-dialogue.js");
    const { chatMessages } = await import("./convert.js");
    const read = readDialogue({
      id: "c",
      tools: [],
      messages: [
        { role: "system", content: "You help." },
        { role: "assistant", name: "context_provider", content: "Monday, Pune." },
        { role: "user", content: "hi" },
        { role: "assistant", name: "context_provider", content: "Budget 500." },
        { role: "assistant", content: "Hello!" },
      ],
    });
    if (!("dialogue" in read)) throw new Error("not read");
    const roles = (mode: "own" | "fold" | "lead") => chatMessages(read.dialogue, { args: "object", context: mode }).messages.map((m) => `${m.role}:${m.content}`);
    expect(roles("own")).toEqual(["system:You help.", "system:Monday, Pune.", "user:hi", "system:Budget 500.", "assistant:Hello!"]);
    expect(roles("fold")).toEqual(["system:You help.\n\nMonday, Pune.\n\nBudget 500.", "user:hi", "assistant:Hello!"]);
    expect(roles("lead")).toEqual(["system:You help.\n\nMonday, Pune.", "user:hi", "system:Budget 500.", "assistant:Hello!"]);
  });
});
