import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSession, loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { sampleScenarios } from "../../testing/scenarios.js";
import { offlineDialogue } from "../dialogue.js";

// A fleet of office printers, as a user writes the pack: no command tool (not an ops pack), no
// field named as ops' hosts are. Its printers' display declares format status, so asked how a
// printer is the assistant says its state, numbers, fullest tray and worn part — from its fields.

function printerPack(): string {
  const dir = mkdtempSync(join(tmpdir(), "chatmill-printers-"));
  mkdirSync(join(dir, "data"));
  const states: Array<[string, string, number]> = [["ground", "jammed", 93], ["first", "ready", 40], ["second", "ready", 55], ["ground", "offline", 12], ["first", "ready", 88], ["second", "jammed", 97]];
  const printers = states.map(([floor, condition, ink], i) => ({ id: `p${i}`, name: `printer-${i}`, floor, condition, ink_level: ink, queue: i * 2, trays: [{ tray: "A4", paper_pct: 20 + i * 10 }, { tray: "Letter", paper_pct: 60 + i * 5 }] }));
  const parts = printers.flatMap((p) => [{ id: `${p.id}:fuser`, printer_id: p.id, part: "fuser", health: p.condition === "jammed" ? "worn" : "ok" }, { id: `${p.id}:drum`, printer_id: p.id, part: "drum", health: "ok" }]);
  writeFileSync(join(dir, "data", "printers.json"), JSON.stringify(printers));
  writeFileSync(join(dir, "data", "parts.json"), JSON.stringify(parts));
  const pack = {
    name: "printfleet",
    version: "1",
    description: "office printers",
    services: [{ name: "fleet", table: "printers", categories: ["printer_check"], search_fields: ["floor", "condition"] }],
    general_categories: [],
    intents: ["search", "status", "inform", "greeting"],
    tools: [
      {
        type: "function",
        function: { name: "find_printers", description: "find printers", parameters: { type: "object", properties: { floor: { type: "string" }, condition: { type: "string" } }, additionalProperties: false } },
        role: "search",
        run: { op: "search", table: "printers", filters: [{ arg: "floor", field: "floor" }, { arg: "condition", field: "condition" }], project: ["id", "name", "floor", "condition"] },
      },
      {
        type: "function",
        function: { name: "printer_state", description: "a printer's state", parameters: { type: "object", properties: { printer: { type: "string" } }, required: ["printer"], additionalProperties: false } },
        role: "lookup",
        run: { op: "get", table: "printers", key_arg: "printer", include: [{ table: "parts", field: "printer_id", as: "parts", project: ["part", "health"] }] },
      },
    ],
    categories: { printer_check: { task: "info" } },
    database: { tables: { printers: { key: "id", file: "data/printers.json" }, parts: { key: "id", file: "data/parts.json" } } },
    offline: {
      display: {
        printers: {
          title: "name",
          format: "status",
          parts: {
            state: "condition",
            where: ["floor"],
            metrics: [{ field: "ink_level", say: { en: "ink [at |]{value}%", hi: "स्याही {value}%" }, high: 90 }, { field: "queue", say: { en: "{value} jobs queued" } }],
            usage: { list: "trays", name: "tray", percent: "paper_pct", high: 95, label: { en: "Trays" } },
            members: { list: "parts", name: "part", state: "health", normal: "ok", label: { en: "Parts" } },
          },
        },
      },
    },
  };
  writeFileSync(join(dir, "pack.json"), JSON.stringify(pack));
  return dir;
}

describe("a pack of one's own with format status", () => {
  it("has a printer's state said from its fields when the user asks how it is", () => {
    const dir = printerPack();
    const domain = loadDomain(dir);
    const replies: string[] = [];
    for (const s of sampleScenarios(dir, 40, 5)) {
      const d = offlineDialogue(s, domain, Rng.for(0, s.id, "dialogue"), { failureRate: 0, createSession, tool: "dialogue-sim", version: "test", seed: 0 }).dialogue;
      for (const m of d.messages) if (m.role === "assistant" && typeof m.content === "string") replies.push(m.content);
    }
    const said = replies.filter((r) => /`printer-\d` (is|looks|shows as|reports|is currently) (jammed|ready|offline)/.test(r));
    expect(said.length).toBeGreaterThan(3);
    // What stands out: the ink over its high, the worn fuser (never the parts that are ok, when one is not).
    expect(said.some((r) => /Ink (at )?(93|97)%/.test(r))).toBe(true);
    expect(said.some((r) => r.includes("`fuser` is worn") && !r.includes("drum"))).toBe(true);
    expect(said.some((r) => r.includes("jobs queued"))).toBe(true);
    // Said in words, never as its fields.
    for (const r of said) expect(r).not.toMatch(/ink_level|paper_pct|\bhealth\b|\bcondition\b/);
  });
});
