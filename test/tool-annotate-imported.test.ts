// The shared imported corpora (MultiWOZ 2.2 and SGD in ../shared/data, or $CHATMILL_DATA)
// through chatmill-import and tool-annotate: every call their annotations imply comes out
// explicit and executed.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bin, sh } from "./helpers/spawn.js";

type Obj = Record<string, unknown>;
// ../shared/data beside the repository (as CI lays it out), or $CHATMILL_DATA.
const DATA = process.env.CHATMILL_DATA ?? fileURLToPath(new URL("../../shared/data", import.meta.url));
const mwoz = `${DATA}/multiwoz22/train_sample_dialogstudio5.json`;
const sgd = [`${DATA}/sgd/train/dialogues_001.json`, `${DATA}/sgd/train/dialogues_045.json`];
const importer = bin("chatmill-import", "import");
const annotate = bin("tool-annotate");
const lines = (s: string) => s.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Obj);
const callsOf = (d: Obj) => (d.messages as Obj[]).flatMap((m) => (Array.isArray(m.tool_calls) ? (m.tool_calls as Obj[]) : []));

describe.skipIf(!existsSync(mwoz) || !sgd.every(existsSync))("tool-annotate on the imported corpora", () => {
  it("MultiWOZ: the calls the dialogue state implies are inferred, executed on the travel database, and placed before the reply", async () => {
    const r = await sh(`node ${importer} -q --from multiwoz ${mwoz} | node ${annotate} -q | node ${bin("validate")} -q --type annotated-dialogue`);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out).toHaveLength(5);
    const byId = new Map(out.map((d) => [d.id, callsOf(d).map((c) => [c.name, c.arguments])]));
    expect(byId.get("multiwoz-SSNG0007")).toEqual([
      ["find_restaurant", { area: "centre", food: "chinese" }],
      ["book_restaurant", { day: "wednesday", people: 4, time: "15:00", restaurant_id: "19242" }],
    ]);
    expect(byId.get("multiwoz-SNG1161")).toEqual([["book_taxi", { departure: "jesus college", destination: "norwich train station", leave_at: "02:45" }]]);
    expect(byId.get("multiwoz-SNG01678")).toEqual([["find_police", {}]]);
    expect(byId.get("multiwoz-MUL1170")?.map((c) => c[0])).toEqual(["find_hotel", "find_hotel", "find_attraction"]);
    for (const d of out) {
      const msgs = d.messages as Obj[];
      for (const [i, m] of msgs.entries()) {
        if (!Array.isArray(m.tool_calls)) continue;
        for (const c of m.tool_calls as Obj[]) {
          expect(c.inferred).toBe(true);
          expect(c.grade).toMatchObject({ schema_valid: true, executed: true, ok: true });
          const tool = msgs.find((x) => x.role === "tool" && x.tool_call_id === c.id)!;
          expect(tool).toMatchObject({ ok: true, inferred: true });
        }
        // The inferred call goes right before the assistant reply it supports.
        const next = msgs.slice(i + 1).find((x) => x.role !== "tool")!;
        expect(next.role).toBe("assistant");
      }
    }
  });

  it("SGD: every recorded service call is graded and executed (on the rows the dialogue's results recorded)", async () => {
    const expected = sgd.flatMap((f) => JSON.parse(readFileSync(f, "utf8")) as Obj[]).reduce(
      (n, d) => n + (d.turns as Obj[]).reduce((k, t) => k + ((t.frames as Obj[]) ?? []).filter((f) => f.service_call !== undefined).length, 0),
      0,
    );
    const r = await sh(`node ${importer} -q --from sgd ${sgd.join(" ")} | node ${annotate} -q -k 2`);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out).toHaveLength(256);
    const calls = out.flatMap(callsOf);
    expect(calls).toHaveLength(expected);
    for (const c of calls) {
      expect(c.grade).toMatchObject({ executed: true, ok: true });
      expect((c.alternatives as Obj[]).length).toBe(2);
    }
    const grounded = calls.filter((c) => (c.grade as Obj).grounded === true).length;
    expect(grounded / calls.length).toBeGreaterThan(0.8);
  });
});
