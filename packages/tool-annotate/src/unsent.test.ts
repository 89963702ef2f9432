import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadPackFile } from "@chatmill/domains";
import { describe, expect, it } from "vitest";
import { annotateDialogue } from "./annotate.js";
import type { Alternative, Obj } from "./types.js";

// A shop whose item search runs over its tables (a declarative run) and whose figures per
// category only the backend answers (a bare http op, never sent here: no backend is given).
const pack = {
  name: "unsent",
  version: "1",
  description: "one search over the tables, one lookup only a backend answers",
  services: [{ name: "shop", table: "items", categories: ["browse"] }],
  general_categories: [],
  intents: ["ask"],
  categories: { browse: { task: "info" } },
  database: { tables: { items: { key: "id", rows: [{ id: "i1", name: "Rain Jacket", category: "jackets" }, { id: "i2", name: "Wool Beanie", category: "hats" }] } } },
  live: { base_url: "http://127.0.0.1:9" },
  tools: [
    { type: "function", function: { name: "listItems", parameters: { type: "object", properties: { category: { type: "string" } }, additionalProperties: false } }, role: "search", run: { op: "search", table: "items", filters: [{ arg: "category", field: "category" }] } },
    { type: "function", function: { name: "categoryStats", parameters: { type: "object", properties: { category: { type: "string" } }, required: ["category"], additionalProperties: false } }, role: "lookup", run: { op: "http", method: "GET", url: "/stats", query: ["category"] } },
  ],
};

describe("alternatives that cannot run unsent", () => {
  it("a wrong_tool alternative to a tool only the backend answers is not offered (its no_backend error says nothing of the call)", () => {
    const file = join(mkdtempSync(join(tmpdir(), "chatmill-unsent-")), "pack.json");
    writeFileSync(file, JSON.stringify(pack));
    const domain = loadPackFile(file);
    const dialogue: Obj = {
      id: "unsent-1",
      messages: [
        { role: "user", content: "Any jackets?" },
        { role: "assistant", content: null, tool_calls: [{ id: "c1", name: "listItems", arguments: { category: "jackets" } }] },
        { role: "tool", tool_call_id: "c1", name: "listItems", content: '{"count":1,"results":[{"category":"jackets","id":"i1","name":"Rain Jacket"}]}', ok: true },
        { role: "assistant", content: "There is the Rain Jacket." },
        { role: "user", content: "And hats?" },
        { role: "assistant", content: null, tool_calls: [{ id: "c2", name: "listItems", arguments: { category: "hats" } }] },
        { role: "tool", tool_call_id: "c2", name: "listItems", content: '{"count":1,"results":[{"category":"hats","id":"i2","name":"Wool Beanie"}]}', ok: true },
        { role: "assistant", content: "There is the Wool Beanie." },
      ],
    };
    // categoryStats answers no_backend here: that alternative would be a failure that is not the call's.
    const s = annotateDialogue(dialogue, domain, { alternatives: 3, defects: ["wrong_tool", "missing_arg"] });
    // The figures of the category asked for would be the search's wrong_tool.
    const call = ((s.messages as Obj[])[5]!.tool_calls as Obj[])[0]!;
    const alternatives = call.alternatives as Alternative[];
    expect(alternatives.map((a) => a.defect)).toEqual(["missing_arg"]);
    expect(alternatives.filter((a) => a.error?.type === "no_backend")).toEqual([]);
  });
});
