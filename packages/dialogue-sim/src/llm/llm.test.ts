import { describe, expect, it } from "vitest";
import { callIntent, replyLabels } from "./labels.js";
import { checkTranscript, cleanUserText } from "./transcript.js";

const tools = [{ type: "function", function: { name: "find", parameters: { type: "object" } } }];
const dialogue = (messages: unknown[]) => ({ id: "d1", tools, messages }) as never;

describe("the LLM engine's transcript guard", () => {
  it("cleans role names and quotes a model put around the user's message", () => {
    expect(cleanUserText('Customer: "Do you have it in blue?"')).toBe("Do you have it in blue?");
    expect(cleanUserText("**User:** hi there")).toBe("hi there");
    expect(cleanUserText('"a" and "b"')).toBe('"a" and "b"');
    expect(cleanUserText("   ")).toBe("");
  });

  it("passes a well-formed transcript and names what is wrong with a broken one", () => {
    const ok = [
      { role: "system", content: "s" },
      { role: "user", content: "hi" },
      { role: "assistant", content: null, tool_calls: [{ id: "c1", name: "find", arguments: {} }] },
      { role: "tool", tool_call_id: "c1", name: "find", content: "[]", ok: true },
      { role: "assistant", content: "Nothing yet." },
    ];
    expect(checkTranscript(dialogue(ok), 3)).toBeUndefined();
    expect(checkTranscript(dialogue(ok.slice(0, 3)), 3)).toMatch(/c1 has no result/);
    expect(checkTranscript(dialogue([...ok.slice(0, 3), { role: "user", content: "?" }, ok[3], ok[4]]), 3)).toMatch(/before tool call c1/);
    expect(checkTranscript(dialogue([...ok.slice(0, 4), { role: "tool", tool_call_id: "c1", name: "find", content: "[]", ok: true }, ok[4]]), 3)).toMatch(/already answered/);
    expect(checkTranscript(dialogue([...ok, { role: "user", content: "thanks" }]), 3)).toMatch(/does not end with an assistant reply/);
    expect(checkTranscript(dialogue([ok[0], ok[1], { role: "assistant", content: "  " }]), 3)).toMatch(/empty assistant message/);
    expect(checkTranscript(dialogue([...ok.slice(0, 2), { role: "user", content: "more" }, ok[4]]), 1)).toMatch(/over the turn budget/);
    expect(checkTranscript(dialogue([ok[0], { role: "assistant", content: "Hello" }]), 3)).toMatch(/no user message/);
    const booked = { role: "tool", tool_call_id: "c1", name: "find", content: '{"id":"TKUGY9BD9X","train":"TR0796"}', ok: true };
    expect(checkTranscript(dialogue([...ok.slice(0, 3), booked, { role: "assistant", content: "Booked TR0796, reference TKUGY9BD9X." }]), 3)).toBeUndefined();
    expect(checkTranscript(dialogue([...ok.slice(0, 3), booked, { role: "assistant", content: "Booked, reference XK42QZ." }]), 3)).toMatch(/names 'XK42QZ'.*invented/);
  });
});

describe("assistant labels from what the turn did", () => {
  it("names the reply's intent and marks recovery after a failed tool", () => {
    const base = { text: "Here you go.", mentions: 0, acted: false, afterFailure: false, last: false, escalated: false };
    expect(replyLabels(base, "warm")).toEqual({ intent: "inform", emotion: "warm" });
    expect(replyLabels({ ...base, mentions: 2 }, "warm").intent).toBe("recommend");
    expect(replyLabels({ ...base, acted: true }, "warm").intent).toBe("confirm");
    expect(replyLabels({ ...base, text: "Which size?" }, "warm").intent).toBe("clarify");
    expect(replyLabels({ ...base, last: true }, "warm").intent).toBe("farewell");
    expect(replyLabels({ ...base, last: true, escalated: true }, "warm").intent).toBe("escalate");
    expect(replyLabels({ ...base, afterFailure: true }, "warm")).toEqual({ intent: "inform", emotion: "apologetic", variation: "failure_recovery" });
    expect(callIntent("search")).toBe("search");
    expect(callIntent("create")).toBe("confirm");
    expect(callIntent(undefined)).toBe("inform");
  });
});
