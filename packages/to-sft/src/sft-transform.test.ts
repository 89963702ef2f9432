import { Context, UsageError, fromValues } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { SFT_FORMATS } from "./formats/index.js";
import { sftOptions, sftTransform } from "./sft-transform.js";

const tools = [{ type: "function", function: { name: "lookup", parameters: { type: "object", properties: { q: { type: "string" }, retry: { type: "boolean" } } } } }];
const user = { role: "user", content: "find it" };
const reply = { role: "assistant", content: "Found one." };
const retry = [
  { role: "assistant", content: null, tool_calls: [{ id: "b", name: "lookup", arguments: { q: "x", retry: true } }] },
  { role: "tool", tool_call_id: "b", name: "lookup", content: '{"found":1}', ok: true },
];
/** The call met the environment's failure: dialogue-sim injected a timeout. */
const environment = {
  id: "env",
  tools,
  messages: [user, { role: "assistant", content: "Looking.", tool_calls: [{ id: "a", name: "lookup", arguments: { q: "x" } }] }, { role: "tool", tool_call_id: "a", name: "lookup", content: '{"error":"timeout"}', ok: false, error: { type: "timeout", message: "timed out" }, injected: "timeout" }, ...retry, reply],
};
/** The assistant's own mistake: bad arguments, an error that is not the environment's. */
const mistake = {
  id: "mis",
  tools,
  messages: [
    user,
    { role: "assistant", content: "One moment.", tool_calls: [{ id: "z", name: "lookup", arguments: { q: "y" } }] },
    { role: "tool", tool_call_id: "z", name: "lookup", content: '{"found":0}', ok: true },
    { role: "assistant", content: null, tool_calls: [{ id: "a", name: "lookup", arguments: { q: 3 } }] },
    { role: "tool", tool_call_id: "a", name: "lookup", content: '{"error":"bad arguments"}', ok: false, error: { type: "bad_arguments", message: "q must be a string" } },
    ...retry,
    reply,
  ],
};

async function rows(flags: Parameters<typeof sftTransform>[0], d: object = mistake) {
  const ctx = new Context();
  const out: Array<Record<string, unknown>> = [];
  for await (const r of sftTransform(flags, ctx)(fromValues([d]), ctx)) out.push(r as Record<string, unknown>);
  return { out, ctx };
}
const text = (v: unknown) => JSON.stringify(v);

describe("to-sft options", () => {
  it("defaults: openai by conversation, muse by turn; --on-mistake mask where the format weighs, else cut", () => {
    const o = sftOptions({});
    expect([o.format.name, o.granularity, o.onMistake, o.toolsAs]).toEqual(["openai", "conversation", "mask", "text"]);
    expect(sftOptions({ format: "muse" }).granularity).toBe("turn");
    expect(sftOptions({ format: "trl" }).onMistake).toBe("cut");
    expect(sftOptions({ format: "sharegpt", granularity: "turn" }).onMistake).toBe("mask");
    expect(() => sftOptions({ format: "muse", granularity: "conversation" })).toThrow(UsageError);
    expect(() => sftOptions({ format: "sharegpt", onMistake: "mask" })).toThrow(/no per-message loss weight/);
    expect(() => sftOptions({ format: "alpaca" })).toThrow(SFT_FORMATS.map((f) => f.name).join(", "));
  });
});

describe("the environment's failures are trained", () => {
  it("a right call that met an injected timeout is a target in every format, and the dialogue is whole", async () => {
    const openai = await rows({ format: "openai" }, environment);
    const weights = (openai.out[0]!.messages as Array<{ role: string; weight?: number }>).filter((m) => m.role === "assistant").map((m) => m.weight);
    expect(weights).toEqual([1, 1, 1]);
    expect(openai.ctx.counters.notes.get("environment failures trained")).toBe(1);
    for (const format of ["trl", "sharegpt"]) {
      const r = await rows({ format }, environment);
      expect(r.ctx.issues).toEqual([]);
      expect(r.out).toHaveLength(1);
      expect(text(r.out[0])).toContain("timeout");
      expect(text(r.out[0])).toContain("Found one.");
    }
  });
});

describe("a right call the data refused is trained; the same refusal ungraded is a mistake", () => {
  const grade = (refused: boolean) => ({ schema_valid: true, executed: true, ok: false, grounded: true, progress: 0, success_rate: 0.5, ...(refused ? { refused: true } : {}) });
  /** Cancel an order that was already delivered: tool-annotate graded the call `refused` (or, `refused: false`, a wrong call). */
  const refusedBy = (refused: boolean | undefined) => ({
    id: "ref",
    tools,
    messages: [
      { role: "user", content: "cancel order 7" },
      { role: "assistant", content: "Cancelling it.", tool_calls: [{ id: "a", name: "lookup", arguments: { q: "7" }, ...(refused === undefined ? {} : { grade: grade(refused) }) }] },
      { role: "tool", tool_call_id: "a", name: "lookup", content: '{"error":{"type":"invalid_state","status":"delivered"}}', ok: false, error: { type: "invalid_state", message: "order 7 is delivered" } },
      { role: "assistant", content: "Order 7 was delivered already, so it can't be cancelled." },
    ],
  });
  const weights = (out: Array<Record<string, unknown>>) => (out[0]!.messages as Array<{ role: string; weight?: number }>).filter((m) => m.role === "assistant").map((m) => m.weight);

  it("graded refused: every assistant message a target, counted, and whole in trl and muse", async () => {
    const openai = await rows({ format: "openai" }, refusedBy(true));
    expect(weights(openai.out)).toEqual([1, 1]);
    expect(openai.ctx.counters.notes.get("refusals by the data trained")).toBe(1);
    expect(openai.ctx.counters.notes.get("mistakes masked")).toBeUndefined();
    const trl = await rows({ format: "trl" }, refusedBy(true));
    expect(trl.ctx.counters.notes.get("dialogues cut before a mistake")).toBeUndefined();
    expect(text(trl.out[0])).toContain("delivered already");
    const muse = await rows({ format: "muse" }, refusedBy(true));
    expect(muse.out).toHaveLength(1);
    expect(muse.out[0]).toMatchObject({ tool_calls: [{ tool: "lookup" }], response: "Order 7 was delivered already, so it can't be cancelled." });
    expect(muse.out[0]!.failed_tool_calls).toBeUndefined();
  });

  it("graded not refused, or not graded at all: the assistant's mistake, masked", async () => {
    for (const r of [false, undefined]) {
      const openai = await rows({ format: "openai" }, refusedBy(r));
      expect(weights(openai.out)).toEqual([0, 1]);
      expect(openai.ctx.counters.notes.get("refusals by the data trained")).toBeUndefined();
    }
  });
});

describe("the assistant's mistakes are not", () => {
  it("openai --on-mistake mask (default): weight 0 on the mistake, 1 on the rest", async () => {
    const { out, ctx } = await rows({ format: "openai" });
    const weights = (out[0]!.messages as Array<{ role: string; weight?: number }>).filter((m) => m.role === "assistant").map((m) => m.weight);
    expect(weights).toEqual([1, 0, 1, 1]);
    expect(ctx.counters.notes.get("mistakes masked")).toBe(1);
  });
  it("cut (default for trl and sharegpt conversations): the row ends at the last good turn before the mistake", async () => {
    for (const format of ["trl", "sharegpt", "openai", "hermes"]) {
      const { out, ctx } = await rows({ format, onMistake: "cut" });
      expect(ctx.issues).toEqual([]);
      expect(out).toHaveLength(1);
      // The good call before the mistake is in (as JSON, or JSON inside text), the mistake is not.
      expect(text(out[0])).toMatch(/\\?"q\\?":\\?"y\\?"/);
      expect(text(out[0])).not.toMatch(/\\?"q\\?":3/);
      expect(text(out[0])).not.toContain("Found one.");
      expect(ctx.counters.notes.get("dialogues cut before a mistake")).toBe(1);
    }
  });
  it("drop leaves the dialogue out, counted", async () => {
    const { out, ctx } = await rows({ format: "trl", onMistake: "drop" });
    expect(out).toEqual([]);
    expect(ctx.counters.notes.get("dialogues dropped for a mistake")).toBe(1);
    expect((await rows({ format: "trl", onMistake: "drop" }, environment)).out).toHaveLength(1);
  });
  it("per turn, no row ends with the mistake; mask keeps it in later prompts, cut stops before it", async () => {
    const mask = await rows({ format: "trl", granularity: "turn" });
    expect(mask.out).toHaveLength(3);
    for (const r of mask.out) expect(text(r.completion)).not.toContain('"q":3');
    expect(text(mask.out)).toContain('"q":3');
    expect(mask.out.some((r) => text(r.prompt).includes('"q":3'))).toBe(true);
    const cut = await rows({ format: "trl", granularity: "turn", onMistake: "cut" });
    expect(cut.out).toHaveLength(1);
  });
  it("muse: the mistake is listed apart, the environment's failure nowhere (its retry is the call)", async () => {
    expect((await rows({ format: "muse" })).out).toEqual([
      { context: ["User: find it", "Assistant: One moment."], tool_calls: [{ tool: "lookup", args: { q: "y" } }, { tool: "lookup", args: { q: "x", retry: true } }], response: "Found one.", intent: null, failed_tool_calls: [{ tool: "lookup", args: { q: 3 } }] },
    ]);
    expect((await rows({ format: "muse" }, environment)).out).toEqual([{ context: ["User: find it", "Assistant: Looking."], tool_calls: [{ tool: "lookup", args: { q: "x", retry: true } }], response: "Found one.", intent: null }]);
  });
});

describe("trl rows", () => {
  it("count the assistant text beside a call, which Llama 3.1 and Hermes templates drop", async () => {
    expect((await rows({ format: "trl" }, environment)).ctx.counters.notes.get("call text Llama 3.1 and Hermes templates drop")).toBe(1);
    expect((await rows({ format: "trl", granularity: "turn" }, environment)).ctx.counters.notes.get("call text Llama 3.1 and Hermes templates drop")).toBe(1);
  });
  it("carry tools as JSON text by default, the list with --tools-as list, every parameter described", async () => {
    const t = (await rows({ format: "trl" }, environment)).out[0]!.tools as string;
    expect(typeof t).toBe("string");
    const list = JSON.parse(t) as typeof tools;
    expect(list[0]!.function.parameters.properties).toEqual({ q: { type: "string", description: "Q (string)." }, retry: { type: "boolean", description: "Retry (boolean)." } });
    expect((await rows({ format: "trl", toolsAs: "list" }, environment)).out[0]!.tools).toEqual(list);
  });
});
