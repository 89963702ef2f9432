import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createSession, loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import type { Dialogue, Scenario } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { sampleScenarios } from "../../testing/scenarios.js";
import { offlineDialogue } from "../dialogue.js";

// A pack as a user writes it, with snake_case names everywhere (issue 18: zero raw field or
// category names in user text; principle 2: no behaviour keyed to a field's name). It is the
// realism bench's dental pack with its fields renamed so that no name gives away its role: the
// fee is `visit_charge` (declared as money by display.price), the area `clinic_zone`, whether a
// dentist takes new patients `accepts_new_patients`, and the photo `portrait_link` (declared by
// display.image) — beside a field called `image` that holds another link and is not the photo.
// Its categories have no labels.

type Obj = Record<string, unknown>;
const dental = fileURLToPath(new URL("../../../../../bench/packs/dental", import.meta.url));
const RENAMED: Record<string, string> = { fee: "visit_charge", area: "clinic_zone", new_patients: "accepts_new_patients" };
const photo = (id: string) => `https://img.example.org/dentists/${id}.jpg`;
const decoy = (id: string) => `https://decoy.example.org/${id}.png`;

function userPack(): string {
  const dir = mkdtempSync(join(tmpdir(), "chatmill-user-pack-"));
  mkdirSync(join(dir, "data"));
  const rename = (o: Obj): Obj => Object.fromEntries(Object.entries(o).map(([k, v]) => [RENAMED[k] ?? k, v]));
  const dentists = (JSON.parse(readFileSync(join(dental, "data/dentists.json"), "utf8")) as Obj[]).map((r) => ({ ...rename(r), portrait_link: photo(String(r.id)), image: decoy(String(r.id)) }));
  writeFileSync(join(dir, "data/dentists.json"), JSON.stringify(dentists));
  for (const f of ["patients.json", "appointments.json"]) writeFileSync(join(dir, "data", f), readFileSync(join(dental, "data", f)));
  writeFileSync(join(dir, "policy.md"), readFileSync(join(dental, "policy.md")));
  const pack = JSON.parse(readFileSync(join(dental, "pack.json"), "utf8")) as Obj & { services: Obj[]; categories: Record<string, Obj>; tools: Array<{ run: Obj }>; offline: { display: Record<string, Obj> }; persona: { preferences: Obj[] } };
  pack.name = "smilecare";
  pack.services[0]!.search_fields = ["clinic_zone", "speciality", "languages", "accepts_new_patients", "visit_charge"];
  for (const c of Object.values(pack.categories)) delete c.label;
  for (const t of pack.tools) {
    for (const f of (t.run.filters as Obj[] | undefined) ?? []) f.field = RENAMED[f.field as string] ?? f.field;
  }
  const shown = pack.offline.display.dentists!;
  pack.offline.display.dentists = { ...shown, details: (shown.details as string[]).map((f) => RENAMED[f] ?? f), price: "visit_charge", image: "portrait_link" };
  // A yes/no field whose name the pack never says gets its phrasing in wording (else it goes unsaid).
  pack.wording = { values: { accepts_new_patients: { en: "[taking|who takes] new patients", hi: "नए मरीज़ देखने वाला", mixed: "naye patients lene wala", no: { en: "not taking new patients", hi: "नए मरीज़ न देखने वाला", mixed: "naye patients na lene wala" } } } };
  writeFileSync(join(dir, "pack.json"), JSON.stringify(pack));
  return dir;
}

const dir = userPack();
const domain = loadDomain(dir);
const opts = { failureRate: 0.15, createSession, tool: "dialogue-sim", version: "test", seed: 0 };
const scenarios = sampleScenarios(dir, 120, 5);
const dialogues: Array<{ scenario: Scenario; dialogue: Dialogue }> = [];
for (const language of ["en", "hi", "mixed"]) {
  for (const s of scenarios) {
    const scenario = { ...s, persona: { ...s.persona, language } } as Scenario;
    dialogues.push({ scenario, dialogue: offlineDialogue(scenario, domain, Rng.for(0, scenario.id, "dialogue"), opts).dialogue });
  }
}
const userTexts = dialogues.flatMap(({ dialogue }) => dialogue.messages.filter((m) => m.role === "user").map((m) => String(m.content ?? "")));
const assistantTexts = dialogues.flatMap(({ dialogue }) => dialogue.messages.filter((m) => m.role === "assistant").map((m) => String(m.content ?? "")));

/** Every string under a value. */
const strings = (v: unknown, out: string[] = []): string[] => {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === "object") for (const x of Object.values(v)) strings(x, out);
  return out;
};

describe("a user's pack with snake_case field and category names", () => {
  it("its users never say a field or category name, raw or with spaces, unless the pack's own text says it", () => {
    const pack = domain.pack as unknown as Obj & { categories: Obj; services: Array<{ name: string }> };
    const names = new Set<string>([...Object.keys(pack.categories), ...pack.services.map((s) => s.name)]);
    for (const table of Object.keys(domain.pack.database.tables)) for (const row of domain.table(table)) for (const k of Object.keys(row)) names.add(k);
    const snake = [...names].filter((n) => n.includes("_"));
    expect(snake).toEqual(expect.arrayContaining(["visit_charge", "clinic_zone", "accepts_new_patients", "portrait_link", "checkup_booking", "fees_question", "dental_care"]));
    // The pack's own words: its category asks, nouns and the text of its rows.
    const rows = Object.keys(domain.pack.database.tables).map((t) => domain.table(t));
    const own = strings([Object.values(pack.categories).map((c) => (c as Obj).asks), domain.offline.nouns, rows]).join("\n").toLowerCase();
    const found: string[] = [];
    for (const text of userTexts) {
      const t = text.toLowerCase();
      for (const n of snake) {
        const spaced = n.replace(/_/g, " ");
        if (t.includes(n) || (t.includes(spaced) && !own.includes(spaced))) found.push(`${n} in "${text}"`);
      }
    }
    expect(found).toEqual([]);
  });

  it("says a field declared as money (display.price) with its currency, whatever the field is called", () => {
    const capped = dialogues.filter(({ scenario }) => scenario.goal.constraints.some((c) => c.field === "visit_charge" && c.op === "lte"));
    expect(capped.length).toBeGreaterThanOrEqual(10);
    for (const { scenario, dialogue } of capped) {
      const cap = scenario.goal.constraints.find((c) => c.field === "visit_charge")!.value;
      expect(scenario.goal.text).toContain(`£${cap}`);
      const said = dialogue.messages.filter((m) => m.role === "user").map((m) => String(m.content)).join("\n");
      if (said.includes(String(cap))) expect(said).toContain(`£${cap}`);
    }
  });

  it("shows the declared image field (portrait_link) as the photo, never a field that is merely called image", () => {
    const all = assistantTexts.join("\n");
    // In a list ("— pic: …") and after a dentist's details ("Photo: …").
    expect(all).toMatch(/— (pic|photo): https:\/\/img\.example\.org\/dentists\/D\d+\.jpg/);
    expect(all).toMatch(/Photo: https:\/\/img\.example\.org\/dentists\/D\d+\.jpg/);
    expect(all).not.toMatch(/(pic|photo): https:\/\/decoy/i);
  });
});
