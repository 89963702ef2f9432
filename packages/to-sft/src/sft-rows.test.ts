import { Context, UsageError, fromValues } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { sftOptions, sftTransform } from "./sft-transform.js";

const dialogue = {
  id: "d1",
  tools: [{ type: "function", function: { name: "lookup", parameters: { type: "object" } } }],
  messages: [
    { role: "user", content: "find it" },
    { role: "assistant", content: null, tool_calls: [{ id: "a", name: "lookup", arguments: { q: "x" } }] },
    { role: "tool", tool_call_id: "a", name: "lookup", content: '{"error":"timeout"}', ok: false },
    { role: "assistant", content: null, tool_calls: [{ id: "b", name: "lookup", arguments: { q: "x", retry: true } }] },
    { role: "tool", tool_call_id: "b", name: "lookup", content: '{"found":1}', ok: true },
    { role: "assistant", content: "Found one." },
  ],
};

async function rows(flags: Parameters<typeof sftTransform>[0]) {
  const ctx = new Context();
  const out: Array<Record<string, unknown>> = [];
  for await (const r of sftTransform(flags, ctx)(fromValues([dialogue]), ctx)) out.push(r as Record<string, unknown>);
  return { out, ctx };
}

describe("to-sft options", () => {
  it("defaults: openai by conversation, muse by turn", () => {
    expect(sftOptions({})).toEqual({ format: "openai", granularity: "conversation", system: undefined });
    expect(sftOptions({ format: "muse" }).granularity).toBe("turn");
    expect(() => sftOptions({ format: "muse", granularity: "conversation" })).toThrow(UsageError);
  });
});

describe("failed turns per format", () => {
  it("openai: weight 0 on the failed call, 1 on the rest", async () => {
    const { out } = await rows({ format: "openai" });
    const weights = (out[0]!.messages as Array<{ role: string; weight?: number }>).filter((m) => m.role === "assistant").map((m) => m.weight);
    expect(weights).toEqual([0, 1, 1]);
  });
  it("trl: the conversation is dead-lettered, per turn the failed call is only in prompts", async () => {
    const conv = await rows({ format: "trl" });
    expect(conv.out).toEqual([]);
    expect(conv.ctx.issues.map((i) => i.kind)).toEqual(["unmaskable_failed_turn"]);
    const turn = await rows({ format: "trl", granularity: "turn" });
    expect(turn.out).toHaveLength(2);
    expect(turn.out.every((r) => !JSON.stringify(r.completion).includes('"retry"') || JSON.stringify(r.prompt).includes("timeout"))).toBe(true);
  });
  it("muse: the failed call is listed apart", async () => {
    const { out } = await rows({ format: "muse" });
    expect(out).toEqual([
      { context: ["User: find it"], tool_calls: [{ tool: "lookup", args: { q: "x", retry: true } }], response: "Found one.", intent: null, failed_tool_calls: [{ tool: "lookup", args: { q: "x" } }] },
    ]);
  });
});
