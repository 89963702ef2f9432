import { fileURLToPath } from "node:url";
import { humanField, loadDomain } from "@chatmill/domains";
import { describe, expect, it } from "vitest";
import type { Constraint } from "../../contract.js";
import { idBeside } from "../present.js";
import { fieldToChange } from "./find.js";

// Readers saw "Maybe a different new patients?" and "1) TR2673 (TR2673-tue-1948)".
const dental = loadDomain(fileURLToPath(new URL("../../../../../bench/packs/dental", import.meta.url)));
const c = (field: string, value: unknown) => ({ field, value }) as unknown as Constraint;

describe("what nothing found offers to change", () => {
  it("is the last field asked of that has other values, never a yes/no", () => {
    expect(fieldToChange(dental, [c("area", "parkview"), c("new_patients", true)])).toBe("area");
    expect(fieldToChange(dental, [c("speciality", "hygiene"), c("new_patients", "yes")])).toBe("speciality");
    expect(fieldToChange(dental, [c("new_patients", true)])).toBe(humanField(dental, "option"));
    // The dental pack calls its languages field "language": "a different language".
    expect(fieldToChange(dental, [c("languages", "Welsh")])).toBe("language");
  });
});

describe("a row's reference beside its name", () => {
  it("is left out when it is the name or holds it", () => {
    expect(idBeside("TR2673", "TR2673-tue-1948")).toBe(false);
    expect(idBeside("TR2673", "tr2673")).toBe(false);
    expect(idBeside("Tiberius Gym Tank", "MT10")).toBe(true);
    // A name of two letters is no evidence: "AB12" is said.
    expect(idBeside("AB", "AB12")).toBe(true);
    expect(idBeside("x", undefined)).toBe(false);
  });
});
