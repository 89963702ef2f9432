import { builtinDomains, checksSomething, loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { makePersona, personaId, type Mix } from "@chatmill/persona-sample";
import type { Scenario } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { ScenarioMaker } from "./scenario.js";

/** n scenarios of a built-in pack, as `persona-sample -n N --seed S | scenario-gen --seed S [--mix …]` makes them. */
function scenarios(name: string, seed: number, n: number, mix?: Mix): Scenario[] {
  const domain = loadDomain(name);
  const maker = new ScenarioMaker({ seed, domain, ...(mix ? { mix } : {}) });
  return Array.from({ length: n }, (_, i) => {
    const persona = makePersona(i, Rng.for(seed, personaId(seed, i, domain.name)), { seed, domain });
    return maker.make(persona, Rng.for(seed, persona.id, "scenario", "0"), 0);
  });
}

/** A resolved task with no expected action and no fact to say: any dialogue earns reward 1. */
const vacuous = (s: Scenario): boolean => s.task !== undefined && (s.task.expected ?? "resolved") === "resolved" && s.task.evaluation.actions.length === 0 && (s.task.evaluation.communicate ?? []).length === 0;

describe("every resolved task of a built-in pack checks something (issue #16 d5, #17)", () => {
  it.each(builtinDomains.flatMap((name) => [5, 7].map((seed) => [name, seed] as const)))("%s, seed %i: 300 scenarios, none resolved with nothing to do and nothing to say", (name, seed) => {
    const got = scenarios(name, seed, 300);
    expect(got.every((s) => s.task !== undefined)).toBe(true);
    const empty = got.filter(vacuous).map((s) => `${s.category} on ${s.services.join("+")}: ${s.goal.text}`);
    expect(empty).toEqual([]);
    // Resolved tasks are still drawn: the fix is real tasks, not fewer of them.
    expect(got.filter((s) => s.resolution === "resolved").length).toBeGreaterThan(60);
  });

  it("a general category on a service with no data behind it (travel's general_inquiry about a taxi) is drawn again as another category", () => {
    const travel = loadDomain("travel");
    expect(travel.generalCategories).toContain("general_inquiry");
    expect(travel.services.find((s) => s.name === "taxi")?.table).toBeUndefined();
    const got = scenarios("travel", 5, 300, new Map<string, Record<string, number>>([["size", { single: 1 }], ["resolution", { resolved: 1 }]]));
    const taxi = got.filter((s) => s.services.length === 1 && s.services[0] === "taxi");
    expect(taxi.length).toBeGreaterThan(10);
    expect(taxi.filter((s) => s.category === "general_inquiry")).toEqual([]);
    // The same category on a service with a table is a real question, and is drawn.
    expect(got.filter((s) => s.category === "general_inquiry" && s.resolution === "resolved").length).toBeGreaterThan(0);
    expect(got.filter(vacuous)).toEqual([]);
  });

  it("checksSomething tells a resolved task with nothing to check from one with an action or a fact, and keeps failed ones", () => {
    const evaluation = { actions: [] };
    expect(checksSomething({ evaluation, expected: "resolved" })).toBe(false);
    expect(checksSomething({ evaluation })).toBe(false);
    expect(checksSomething({ evaluation: { actions: [], communicate: ["web-01"] }, expected: "resolved" })).toBe(true);
    expect(checksSomething({ evaluation: { actions: [{ name: "t", arguments: {} }] }, expected: "resolved" })).toBe(true);
    expect(checksSomething({ evaluation, expected: "failed" })).toBe(true);
  });
});
