import { mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadDomain, loadPackFile } from "./load.js";
import { renamePack } from "./rename.js";
import { categoryWords, nameWords, sayableName } from "./sayable.js";

// A pack's internal names are keys: said aloud only in the words its own text uses (issue 18:
// zero raw field or category names in user text).
const travel = loadDomain("travel");

/** The dental bench pack without its wording.names: only its own text can make a name sayable. */
function undeclared(packDir: string) {
  const declared = loadDomain(packDir);
  const dir = mkdtempSync(join(tmpdir(), "chatmill-sayable-undeclared-"));
  for (const f of readdirSync(declared.dir)) if (f !== "pack.json") symlinkSync(join(declared.dir, f), join(dir, f));
  writeFileSync(join(dir, "pack.json"), JSON.stringify({ ...declared.pack, wording: { ...declared.pack.wording, names: {} } }));
  return loadPackFile(join(dir, "pack.json"));
}
const dental = undeclared(fileURLToPath(new URL("../../../bench/packs/dental", import.meta.url)));

describe("sayableName", () => {
  it("gives a field's words when the pack's own text says them, and nothing for a key it never says", () => {
    // "find {thing} who is taking new patients" is one of dental's category asks.
    expect(sayableName(dental, "new_patients")).toBe("new patients");
    expect(sayableName(dental, "dentist_id")).toBeUndefined();
    expect(sayableName(travel, "trainID")).toBeUndefined();
    expect(sayableName(travel, "flight_number")).toBeUndefined();
    expect(nameWords("leaveAt")).toBe("leave at");
  });

  it("reads nothing from the name's shape: a one-word name is said only when the pack declares it or its text says it", () => {
    // Without its names, no text of dental says "speciality" or "rating", and some says "area".
    expect(sayableName(dental, "speciality")).toBeUndefined();
    expect(sayableName(dental, "rating")).toBeUndefined();
    expect(sayableName(dental, "area")).toBe("area");
    // An opaque name is a one-word name no pack says.
    expect(sayableName(travel, "zzfield3q")).toBeUndefined();
    expect(sayableName(dental, "zzfield3q")).toBeUndefined();
  });

  it("is the pack's declared name (wording.names) first, whatever the field is called", () => {
    expect(sayableName(travel, "pricerange")).toBe("price range");
    expect(sayableName(travel, "openhours")).toBe("opening hours");
    // Dental as shipped declares the names its undeclared copy above cannot say.
    expect(sayableName(loadDomain(fileURLToPath(new URL("../../../bench/packs/dental", import.meta.url))), "speciality")).toBe("speciality");
    // A field renamed with its entry (restaurant's food, "cuisine") is said the same.
    const dir = mkdtempSync(join(tmpdir(), "chatmill-sayable-"));
    for (const f of readdirSync(travel.dir)) if (f !== "pack.json") symlinkSync(join(travel.dir, f), join(dir, f));
    writeFileSync(join(dir, "pack.json"), JSON.stringify(renamePack(travel.pack, { fields: { restaurant: { food: "zzfield3q" } } }, (t) => travel.table(t))));
    const renamed = loadPackFile(join(dir, "pack.json"));
    expect(sayableName(renamed, "zzfield3q")).toBe("cuisine");
  });
});

describe("categoryWords", () => {
  it("is the declared label, else what the task is — never the category's name", () => {
    expect(categoryWords({ label: "a check-up", task: "create" })).toBe("a check-up");
    expect(categoryWords({ task: "modify" })).toBe("a change");
    expect(categoryWords({ task: "issue" })).toBe("a problem");
    expect(categoryWords(undefined)).toBe("a question");
    const unlabelled = Object.entries(travel.pack.categories).filter(([, spec]) => spec.label === undefined);
    expect(unlabelled.length).toBeGreaterThan(10);
    for (const [c] of unlabelled) expect(travel.labelOf(c)).toMatch(/^a (booking|change|cancellation|question|problem)$/);
  });
});
