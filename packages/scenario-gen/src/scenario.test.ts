import { createSession, loadDomain, meetsConstraint, reservedToPerson, validateTask } from "@chatmill/domains";
import { Context, Rng, fromValues } from "@chatmill/kit";
import { makePersona } from "@chatmill/persona-sample";
import { tinyDomain } from "@chatmill/persona-sample/testing";
import { Scenario, type Persona } from "@chatmill/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, weekday } from "./booking-values.js";
import { categoryKind } from "./categories.js";
import { CombinationBalancer, comboKey, combinationsOf } from "./combinations.js";
import { CoverageCounter } from "./coverage.js";
import { ASSISTANT_EMOTIONS, CORE_SERVICES, LOGICAL_COMBINATIONS, RESOLUTION_WEIGHTS, SIZE_WEIGHTS, TIME_SLOTS, USER_EMOTIONS } from "./data/seed003.js";
import { scenarioTransform } from "./generate.js";
import { ScenarioMaker } from "./scenario.js";

const personas = (n: number, domain = tinyDomain()): Persona[] =>
  Array.from({ length: n }, (_, i) => makePersona(i, new Rng(`p${i}`), { seed: 9, domain }));

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe("seed 003 facts", () => {
  it("has the seed's lists and weights", () => {
    expect(CORE_SERVICES).toHaveLength(8);
    expect(USER_EMOTIONS).toHaveLength(20);
    expect(ASSISTANT_EMOTIONS).toHaveLength(20);
    expect(RESOLUTION_WEIGHTS).toEqual({ resolved: 40, failed: 30, escalated: 30 });
    expect(SIZE_WEIGHTS).toEqual({ single: 30, double: 35, triple: 25, quadruple: 10 });
    for (const [size, combos] of Object.entries(LOGICAL_COMBINATIONS)) {
      for (const c of combos) {
        expect(c).toHaveLength({ double: 2, triple: 3, quadruple: 4 }[size]!);
        for (const s of c) expect(CORE_SERVICES).toContain(s);
      }
    }
    expect(LOGICAL_COMBINATIONS.double).toContainEqual(["hospital", "taxi"]);
    expect(LOGICAL_COMBINATIONS.quadruple).toContainEqual(["flight", "train", "hotel", "taxi"]);
  });

  it("takes what a category asks for from the pack's declaration, never from its name", () => {
    const travel = loadDomain("travel");
    expect(categoryKind(travel, "dining_reservation")).toBe("create");
    expect(categoryKind(travel, "reservation_cancellation")).toBe("cancel");
    expect(categoryKind(travel, "table_modification")).toBe("modify");
    expect(categoryKind(travel, "refund_request_flight")).toBe("issue");
    expect(categoryKind(travel, "opening_hours")).toBe("info");
    // A name that reads like a booking is what its pack says it is, and an unlisted one is info.
    const tiny = tinyDomain();
    expect(categoryKind({ ...tiny, taskOf: (c: string) => (c === "menu_inquiry" ? "create" : tiny.taskOf(c)) }, "menu_inquiry")).toBe("create");
    expect(categoryKind(tiny, "hotel_reservation")).toBe("info");
  });
});

describe("calendar arithmetic", () => {
  it("agrees with Date on weekdays and added days", () => {
    for (let i = 0; i < 800; i += 7) {
      const d = new Date(Date.UTC(2023, 11, 25 + i));
      const iso = d.toISOString().slice(0, 10);
      expect(weekday(iso)).toBe(["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"][d.getUTCDay()]);
      expect(addDays("2023-12-25", i)).toBe(iso);
    }
  });
});

describe("ScenarioMaker on a small contract Domain", () => {
  const domain = tinyDomain();
  // A contract-level Domain has no tools that run, so no task can be derived or validated.
  const maker = new ScenarioMaker({ seed: 1, domain, tasks: false });

  it("uses the pack's own combinations", () => {
    expect(Object.keys(maker.combos).sort()).toEqual(["double", "single", "triple"]);
    expect(maker.combos.double!.map(comboKey).sort()).toEqual(["cab+cafe", "cab+shop"]);
  });

  it("grounds every scenario in real rows, valid categories and checkable end states", () => {
    for (const p of personas(400, domain)) {
      const s = maker.make(p, new Rng(p.id));
      expect(Scenario.safeParse(s).success).toBe(true);
      const primary = domain.services.find((x) => x.name === s.services[0])!;
      expect([...primary.categories, ...domain.generalCategories]).toContain(s.category);
      expect(s.turns.min).toBeLessThanOrEqual(s.turns.max);
      const [h0, h1] = TIME_SLOTS[s.time.slot]!.hours;
      const hour = Number(s.time.at.slice(11, 13));
      expect(hour >= h0 && hour < h1).toBe(true);
      for (const c of s.goal.constraints) {
        const target = (s.goal.targets as Array<{ service: string; table: string; id: string }>).find((t) => t.service === c.service)!;
        const row = domain.table(target.table).find((r) => String(r[domain.keyOf(target.table)]) === target.id)!;
        expect(meetsConstraint(row, c)).toBe(true);
        // The cafe the pack would not book (its create tool refuses a closed one) is never a goal.
        expect(row.status).not.toBe("closed");
      }
      for (const e of s.goal.end_state) {
        if (e.type === "booking_created" && e.service === "cafe") expect(Object.keys(e.match!).sort()).toEqual(["day", "people", "time"]);
        if (e.type === "booking_created" && e.service === "cab") expect(Object.keys(e.match!).sort()).toEqual(["departure", "destination", "leave_at"]);
      }
      if (s.category === "cafe_cancellation") {
        expect(s.goal.end_state[0]!.type).toBe("booking_cancelled");
        expect(s.goal.setup).toBeDefined();
      }
      expect(s.narrative!.split(/(?<=[.!?])\s+/).length).toBeGreaterThanOrEqual(2);
      expect(s.narrative).toContain(s.region);
    }
  });

  it("types booking values as the create tool's schema asks", () => {
    const s = personas(200, domain).map((p) => maker.make(p, new Rng(p.id))).find((x) => x.goal.end_state.some((e) => e.type === "booking_created" && e.service === "cafe"))!;
    const match = s.goal.end_state.find((e) => e.service === "cafe")!.match!;
    expect(typeof match.people).toBe("number");
    expect(match.time).toMatch(/^\d{2}:\d{2}$/);
  });

  it("balances combinations exactly with --balance", () => {
    const balancer = new CombinationBalancer();
    const counts = new Map<string, number>();
    for (let i = 0; i < 90; i++) {
      const c = balancer.choose([["a"], ["b"], ["c"]], new Rng(`b${i}`));
      counts.set(c[0]!, (counts.get(c[0]!) ?? 0) + 1);
    }
    expect([...counts.values()]).toEqual([30, 30, 30]);
  });
});

describe("scenarioTransform", () => {
  const domain = tinyDomain();

  it("rejects what is not a Persona, and personas with no domain, with a JSON path", async () => {
    const ctx = new Context({ seed: 1 });
    const out = await collect(scenarioTransform({ seed: 1 }, ctx)(fromValues([{ id: "x" }, { id: "y", style: "casual", language: "en" }]), ctx));
    expect(out).toHaveLength(0);
    expect(ctx.issues.map((i) => [i.line, i.path])).toEqual([[1, "/style"], [2, "/domain"]]);
  });

  it("writes --per-persona scenarios with distinct ids and keeps the persona's own fields", async () => {
    const ctx = new Context({ seed: 1 });
    const p = { ...personas(1, domain)[0]!, my_field: 42 };
    const out = await collect(scenarioTransform({ seed: 1, domain, perPersona: 3, tasks: false }, ctx)(fromValues([p]), ctx)) as Scenario[];
    expect(out).toHaveLength(3);
    expect(new Set(out.map((s) => s.id)).size).toBe(3);
    expect((out[0]!.persona as Record<string, unknown>).my_field).toBe(42);
  });

  it("builds the resolution by construction on a real pack: --mix resolution=failed:1 gives infeasible tasks, and the redraws are counted on stderr", async () => {
    const travel = loadDomain("travel");
    const lines: string[] = [];
    const ctx = new Context({ seed: 2, log: (line) => lines.push(line) });
    const mix = new Map([["resolution", { failed: 1 }]]);
    const input = personas(40, travel);
    const out = (await collect(scenarioTransform({ seed: 2, domain: travel, mix: mix as never }, ctx)(fromValues(input), ctx))) as Scenario[];
    expect(out).toHaveLength(40);
    const failed = out.filter((s) => s.resolution === "failed");
    expect(failed.length).toBeGreaterThan(30);
    for (const s of failed) expect(s.task!.expected).toBe("failed");
    const line = lines.find((l) => /\d+ task\(s\) drawn again/.test(l));
    // It names the commonest reasons: how many, which category on which service, and what was wrong.
    expect(line).toMatch(/most often: \d+× category '[a-z_]+' on service '[a-z_]+': /);
  });

  it("gives each persona the same scenario whatever else is in the input and in what order", async () => {
    const list = personas(60, domain);
    const run = async (input: Persona[]) => {
      const ctx = new Context({ seed: 4 });
      return new Map((await collect(scenarioTransform({ seed: 4, domain, tasks: false }, ctx)(fromValues(input), ctx)) as Scenario[]).map((s) => [s.persona.id, s]));
    };
    const whole = await run(list);
    const reversed = await run([...list].reverse());
    const part = await run(list.slice(20, 30));
    for (const [id, s] of part) expect(s).toEqual(whole.get(id));
    expect(reversed).toEqual(whole);
  });
});

describe("10,000 scenarios on the travel pack", () => {
  let scenarios: Scenario[] = [];
  let travel: ReturnType<typeof loadDomain>;

  beforeAll(() => {
    travel = loadDomain("travel");
    const maker = new ScenarioMaker({ seed: 7, domain: travel });
    scenarios = personas(10_000, travel).map((p) => maker.make(p, new Rng(`7\u0000${p.id}`)));
  });

  it("uses every service, every category and every resolution", () => {
    const services = new Set(scenarios.flatMap((s) => s.services));
    expect([...services].sort()).toEqual(travel.services.map((s) => s.name).sort());
    const categories = new Set(scenarios.map((s) => s.category));
    const all = new Set([...travel.services.flatMap((s) => s.categories), ...travel.generalCategories]);
    expect([...all].filter((c) => !categories.has(c))).toEqual([]);
    expect(new Set(scenarios.map((s) => s.resolution))).toEqual(new Set(["resolved", "failed", "escalated"]));
  });

  it("keeps resolution and combination-size shares within 2 points of their weights", () => {
    const share = (pred: (s: Scenario) => boolean) => (100 * scenarios.filter(pred).length) / scenarios.length;
    for (const [r, w] of Object.entries(RESOLUTION_WEIGHTS)) expect(Math.abs(share((s) => s.resolution === r) - w)).toBeLessThan(2);
    const sizes = { single: 1, double: 2, triple: 3, quadruple: 4 } as const;
    for (const [name, w] of Object.entries(SIZE_WEIGHTS)) expect(Math.abs(share((s) => s.services.length === sizes[name as keyof typeof sizes]) - w)).toBeLessThan(2);
    // each combination of a size gets an equal share of that size, within 2 points of all scenarios
    const combos = combinationsOf(travel);
    for (const [name, list] of Object.entries(combos)) {
      const expected = SIZE_WEIGHTS[name]! / list.length;
      for (const c of list) expect(Math.abs(share((s) => comboKey(s.services) === comboKey(c)) - expected)).toBeLessThan(2);
    }
    // An escalation is a category the policy reserves to a person, and those are uniform among the primary service's valid ones.
    for (const svc of travel.services) {
      const escalated = scenarios.filter((s) => s.services[0] === svc.name && s.resolution === "escalated");
      const valid = new Set([...svc.categories, ...travel.generalCategories].filter((c) => reservedToPerson(travel, c)));
      expect(escalated.every((s) => valid.has(s.category))).toBe(true);
      for (const c of valid) {
        const got = (100 * escalated.filter((s) => s.category === c).length) / escalated.length;
        expect(Math.abs(got - 100 / valid.size)).toBeLessThan(5);
      }
      // And no other ending comes from one of them.
      expect(scenarios.filter((s) => s.services[0] === svc.name && s.resolution !== "escalated" && valid.has(s.category))).toEqual([]);
    }
    for (const e of USER_EMOTIONS) expect(Math.abs(share((s) => s.emotions.user === e) - 5)).toBeLessThan(2);
  });

  it("writes on every scenario a task that validates, whose ending is the scenario's resolution by construction", () => {
    for (const s of scenarios.slice(0, 1500)) {
      expect(s.task, s.id).toBeDefined();
      expect(validateTask(travel, s.task!), s.id).toBeUndefined();
      expect(s.task!.expected, s.id).toBe(s.resolution);
      const actions = s.task!.evaluation.actions;
      if (s.resolution === "escalated") expect(actions.at(-1)!.name).toBe(travel.handoffTool);
      // Infeasible in the data: the expected actions change nothing.
      if (s.resolution === "failed") expect(actions, s.id).toEqual([]);
    }
  });

  it("never repeats a scenario, or a goal text and narrative", () => {
    const strip = (s: Scenario) => JSON.stringify({ ...s, id: undefined, persona: undefined });
    expect(new Set(scenarios.map(strip)).size).toBe(scenarios.length);
    expect(new Set(scenarios.map((s) => s.narrative)).size).toBe(scenarios.length);
    expect(new Set(scenarios.map((s) => s.goal.text)).size).toBeGreaterThan(scenarios.length * 0.6);
  });

  it("writes records that validate, with turn budgets in the configured ranges", () => {
    for (const s of scenarios) {
      const r = Scenario.safeParse(s);
      if (!r.success) throw new Error(`${s.id}: ${r.error.message}`);
      expect(s.turns.min >= 5 && s.turns.min <= 10 && s.turns.max >= s.turns.min && s.turns.max <= 20).toBe(true);
    }
  });

  it("reports the grid's coverage", () => {
    const counter = new CoverageCounter();
    for (const s of scenarios) counter.add(s);
    const r = counter.report();
    expect(r.records).toBe(10_000);
    expect(r.dimensions.resolution!.distinct).toBe(3);
    expect(r.dimensions.region!.distinct).toBe(54);
    expect(r.dimensions.emotion!.evenness).toBeGreaterThan(0.99);
    expect(r.grid.cells).toBeGreaterThan(9_900);
    expect(counter.add({ id: "x" })).toMatch(/no services/);
  });
});
