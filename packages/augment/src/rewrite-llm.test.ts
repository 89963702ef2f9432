import { startFakeLlm, type FakeLlm } from "@chatmill/fake-llm";
import { loadDomain } from "@chatmill/domains";
import { Context, fromValues } from "@chatmill/kit";
import { Llm, resolveConfig } from "@chatmill/llm";
import { afterEach, describe, expect, it } from "vitest";
import { augmentTransform } from "./augment-records.js";
import { mustKeep } from "./rewrite-llm.js";

type Obj = Record<string, any>;
const servers: FakeLlm[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const travel = loadDomain("travel");
const source: Obj = {
  id: "mw-1",
  tools: travel.pack.tools,
  messages: [
    { role: "user", content: "My name is Grace Hopper. A table at jinling noodle bar for 4 at 15:00 on wednesday please." },
    { role: "assistant", content: null, tool_calls: [{ id: "b1", name: "book_restaurant", arguments: { restaurant_id: "19242", day: "wednesday", people: 4, time: "15:00" } }] },
    { role: "tool", tool_call_id: "b1", name: "book_restaurant", ok: true, content: "{}" },
    { role: "assistant", content: "Booked, Grace! Anything else?" },
    { role: "user", content: "No, thanks Grace signing off." },
    { role: "assistant", content: "Bye!" },
  ],
};

async function run(server: FakeLlm): Promise<{ out: Obj[]; ctx: Context }> {
  const ctx = new Context({ seed: 4 });
  const llm = new Llm(resolveConfig({ model: "m", "base-url": server.url }, {}), ctx, { signals: false });
  const out: Obj[] = [];
  for await (const r of augmentTransform({ domain: "travel", variants: 2, llm }, ctx)(fromValues([source]), ctx)) out.push(r as Obj);
  return { out, ctx };
}

describe("--engine openai", () => {
  it("has the model rewrite each drafted turn given the persona; the calls and results are the offline ones", async () => {
    const server = await startFakeLlm();
    servers.push(server);
    const { out, ctx } = await run(server);
    expect(ctx.issues).toEqual([]);
    expect(out).toHaveLength(2);
    for (const d of out) {
      const turns = d.messages.filter((m: Obj) => (m.role === "user" || m.role === "assistant") && m.content);
      expect(d.meta).toMatchObject({ engine: "openai", tool: "augment", augment: { rewritten: turns.length, kept_draft: 0 }, llm: { usage: { calls: turns.length } } });
      for (const t of turns) expect(t.content).toMatch(/^fake /);
      expect(JSON.stringify(d)).not.toMatch(/grace|hopper/i);
      const tool = d.messages.find((m: Obj) => m.role === "tool");
      expect(JSON.parse(tool.content)).toMatchObject({ restaurant_id: "19242", status: "confirmed" });
    }
    const stats = (await (await fetch(`${server.url}/stats`)).json()) as { completed: number };
    expect(stats.completed).toBeGreaterThan(0);
  });

  it("keeps the draft when the rewrite loses a value of it or names a person of the source", async () => {
    const server = await startFakeLlm({ script: [{ match: "reference", reply: { content: "All done, have fun!" } }, { match: "15:00", reply: { content: "Book it for Grace at 15:00 for 4 on wednesday" } }] });
    servers.push(server);
    const { out } = await run(server);
    for (const d of out) {
      const kept = d.messages.filter((m: Obj) => m.role !== "tool" && typeof m.content === "string" && !m.content.startsWith("fake ") && m.content !== "");
      expect(d.meta.augment.kept_draft).toBe(kept.length);
      expect(kept.some((m: Obj) => /reference/.test(m.content))).toBe(true);
      expect(JSON.stringify(d)).not.toMatch(/grace/i);
    }
  });
});

describe("mustKeep", () => {
  it("lists the values a rewrite must keep: numbers, times, references, names mid-sentence", () => {
    expect(mustKeep("Done. Jinling noodle bar, reference R8SXRH0TY, for 4 at 15:00 — ask Alice.")).toEqual(["R8SXRH0TY", "4", "15:00", "Alice"]);
  });
});
