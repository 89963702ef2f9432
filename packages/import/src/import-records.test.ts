import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Context, RecordError } from "@chatmill/kit";
import { Dialogue } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { detectFormat } from "./detect-format.js";
import { readSchemaFile } from "./frames-schema.js";
import { importItems, importRecord } from "./import-records.js";
import { readSources } from "./read-sources.js";

const ctx = { tool: "chatmill-import", version: "0.1.0" };
/** The shared real samples (see each folder's README for source and license). */
const DATA = process.env.CHATMILL_SHARED_DATA ?? resolve(dirname(fileURLToPath(import.meta.url)), "../../../../shared/data");

describe("importRecord", () => {
  it("adds a stable id, the source and meta", () => {
    const row = { conversations: [{ from: "human", value: "hi" }, { from: "gpt", value: "hello" }], tools: "[]" };
    const a = importRecord(row, { from: "auto" }, ctx);
    expect(a.id).toMatch(/^glaive-[0-9a-f]{16}$/);
    expect(importRecord(row, { from: "auto" }, ctx).id).toBe(a.id);
    expect(a.source).toEqual({ dataset: "glaive-function-calling-v2", license: "Apache-2.0" });
    expect(a.meta).toEqual({ engine: "import", tool: "chatmill-import", version: "0.1.0", from: "glaive" });
  });

  it("keeps the source's own id, source fields and other fields; --dataset/--license fill what is missing", () => {
    const rec = importRecord(
      { id: "t-9", source: { dataset: "mine", url: "u" }, messages: [{ role: "user", content: "x" }], team: "blue" },
      { from: "chat", dataset: "other", license: "CC0-1.0" },
      ctx,
    );
    expect(rec).toMatchObject({ id: "t-9", team: "blue", source: { dataset: "mine", url: "u", id: "t-9", license: "CC0-1.0" } });
  });

  it("prefixes MultiWOZ/SGD ids with the corpus", () => {
    const mw = importRecord({ dialogue_id: "SNG01.json", turns: [{ turn_id: "0", speaker: "USER", utterance: "x", frames: [] }] }, { from: "auto" }, ctx);
    expect(mw.id).toBe("multiwoz-SNG01");
    expect(mw.source).toEqual({ dataset: "multiwoz22", id: "SNG01.json", license: "MIT" });
  });

  it("is idempotent: an imported Dialogue imports to the same messages, tools, id and source", () => {
    const sgd = {
      dialogue_id: "1_00000",
      services: ["Restaurants_1"],
      turns: [
        { speaker: "USER", utterance: "find food", frames: [{ service: "Restaurants_1", actions: [{ act: "INFORM_INTENT" }], slots: [], state: { active_intent: "FindRestaurants", requested_slots: [], slot_values: {} } }] },
        { speaker: "SYSTEM", utterance: "Found one.", frames: [{ service: "Restaurants_1", actions: [{ act: "OFFER" }], slots: [], service_call: { method: "FindRestaurants", parameters: { city: "SF" } }, service_results: [{ name: "A" }] }] },
      ],
    };
    const once = importRecord(sgd, { from: "auto" }, ctx);
    const twice = importRecord(JSON.parse(JSON.stringify(once)), { from: "auto" }, ctx);
    expect({ ...twice, meta: undefined }).toEqual({ ...once, meta: undefined });
  });

  it("says which format was expected when --from does not fit, and what fits when it cannot tell", () => {
    expect(() => importRecord({ messages: [] }, { from: "sgd" }, ctx)).toThrow(/--from sgd expects \{dialogue_id/);
    expect(() => importRecord({ foo: 1 }, { from: "auto" }, ctx)).toThrow(RecordError);
  });
});

describe("detectFormat", () => {
  it("detects each format from its fields", () => {
    expect(detectFormat([{ role: "user" }])).toBe("chat");
    expect(detectFormat({ dialogue_id: "1", turns: [{ turn_id: "0" }] })).toBe("multiwoz");
    expect(detectFormat({ dialogue_id: "1", turns: [{ frames: [{ service: "hotel", state: { slot_values: { "hotel-area": [] } } }] }] })).toBe("multiwoz");
    expect(detectFormat({ dialogue_id: "1", turns: [{ frames: [] }] })).toBe("sgd");
    expect(detectFormat({ conversations: [], tools: "[]" })).toBe("glaive");
    expect(detectFormat({ conversations: [{ from: "human" }] })).toBe("sharegpt");
    expect(detectFormat({ messages: [{ role: "tool" }] })).toBe("openai");
    expect(detectFormat({ messages: [] })).toBe("chat");
    expect(detectFormat({ conversation: [] })).toBe("chat");
    expect(detectFormat({ x: 1 })).toBeUndefined();
    expect(detectFormat("x")).toBeUndefined();
  });
});

describe.skipIf(!existsSync(DATA))(`the shared real samples (${DATA}) all import into valid Dialogues`, () => {
  async function importAll(files: string[], opts: Parameters<typeof importItems>[1]) {
    const c = new Context({ tool: "chatmill-import", version: "0.1.0" });
    const out = [];
    for await (const rec of importItems(readSources(files, c), opts, c)) out.push(rec);
    return { out, issues: c.issues };
  }

  it("glaive: 200 rows, calls and results paired, tools parsed", async () => {
    const file = join(DATA, "glaive-function-calling/glaive_toolcall_en_demo.rows000-199.jsonl");
    const { out, issues } = await importAll([file], { from: "glaive" });
    expect(issues).toEqual([]);
    expect(out).toHaveLength(200);
    for (const d of out) expect(Dialogue.safeParse(d).success).toBe(true);
    const withCalls = out.filter((d) => (d.messages as Array<{ tool_calls?: unknown }>).some((m) => m.tool_calls));
    expect(withCalls).toHaveLength(100);
    const rows = readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { tools: string });
    expect(out.filter((d) => (d.tools as unknown[]).length > 0)).toHaveLength(rows.filter((r) => r.tools !== "[]").length);
    // Identical rows (the sample repeats 17) get the same content-hash id, so dedup can drop them.
    const distinctRows = new Set(readFileSync(file, "utf8").trim().split("\n")).size;
    expect(new Set(out.map((d) => d.id)).size).toBe(distinctRows);
  });

  it("SGD: 256 dialogues from two JSON array files, with the schema's tools and every service call", async () => {
    const files = ["dialogues_001.json", "dialogues_045.json"].map((f) => join(DATA, "sgd/train", f));
    const { out, issues } = await importAll(files, { from: "auto", schemaTools: readSchemaFile(join(DATA, "sgd/train/schema.json")) });
    expect(issues).toEqual([]);
    expect(out).toHaveLength(256);
    let calls = 0;
    let expected = 0;
    for (const f of files) {
      for (const d of JSON.parse(readFileSync(f, "utf8")) as Array<{ turns: Array<{ frames: Array<{ service_call?: unknown }> }> }>) {
        for (const t of d.turns) expected += t.frames.filter((fr) => fr.service_call).length;
      }
    }
    for (const d of out) {
      expect(Dialogue.safeParse(d).success).toBe(true);
      const msgs = d.messages as Array<{ role: string; tool_calls?: Array<{ name: string }> }>;
      const names = new Set((d.tools as Array<{ function: { name: string } }>).map((t) => t.function.name));
      for (const m of msgs) for (const c of m.tool_calls ?? []) {
        calls += 1;
        expect(names.has(c.name)).toBe(true);
      }
      expect(msgs.filter((m) => m.role === "tool")).toHaveLength(msgs.flatMap((m) => m.tool_calls ?? []).length);
    }
    expect(calls).toBe(expected);
    expect(calls).toBeGreaterThan(200);
  });

  it("MultiWOZ 2.2: 5 dialogues with state and intents on the user turns", async () => {
    const { out, issues } = await importAll([join(DATA, "multiwoz22/train_sample_dialogstudio5.json")], { from: "multiwoz", schemaTools: readSchemaFile(join(DATA, "multiwoz22/schema.json")) });
    expect(issues).toEqual([]);
    expect(out.map((d) => d.id)).toEqual(["multiwoz-SSNG0007", "multiwoz-SNG1161", "multiwoz-MUL1443", "multiwoz-SNG01678", "multiwoz-MUL1170"]);
    for (const d of out) {
      expect(Dialogue.safeParse(d).success).toBe(true);
      const users = (d.messages as Array<{ role: string; state?: unknown; labels?: { intent?: string } }>).filter((m) => m.role === "user");
      expect(users.some((m) => m.state && m.labels?.intent)).toBe(true);
    }
    expect(out.find((d) => d.id === "multiwoz-MUL1170")!.services).toEqual(["attraction", "hotel"]);
  });
});
