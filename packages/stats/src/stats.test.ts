import { describe, expect, it } from "vitest";
import { StatsAccumulator } from "./accumulator.js";
import { checkItem, collectItems, hasImage } from "./alignment.js";
import { renderHtml } from "./html-report.js";
import { hashString } from "@chatmill/kit";
import { HyperLogLog, Tally, entropyBits } from "./sketch.js";
import { offeredTools, toolCallProblem } from "./tool-format.js";

describe("sketches", () => {
  it("HyperLogLog counts distinct values within a few percent, in 16 KB", () => {
    for (const n of [100, 5_000, 200_000]) {
      const h = new HyperLogLog();
      for (let i = 0; i < n; i++) {
        h.add(hashString(`w${i}`));
        h.add(hashString(`w${i % 50}`));
      }
      expect(Math.abs(h.count() - n) / n).toBeLessThan(0.03);
    }
  });

  it("Tally caps distinct labels and sums the rest as (other)", () => {
    const t = new Tally(2);
    for (const k of ["a", "b", "a", "c", "d"]) t.add(k);
    expect(t.toObject()).toEqual({ a: 2, b: 1, "(other)": 2 });
    expect(t.total).toBe(5);
  });

  it("entropy in bits", () => {
    expect(entropyBits([1, 1, 1, 1])).toBeCloseTo(2);
    expect(entropyBits([5])).toBe(0);
    expect(entropyBits([])).toBe(0);
  });
});

describe("alignment", () => {
  const persona = { budget: { max: 50, currency: "USD" }, preferences: { colors: ["red"], brands: ["Zara"], styles: [] } };
  it("checks budget and preferences where the item says something about them", () => {
    expect(checkItem({ price: 40, color: "Dark Red" }, persona)).toEqual({ budget: true, preference: true });
    expect(checkItem({ price: 60, brand: "Mango" }, persona)).toEqual({ budget: false, preference: false });
    expect(checkItem({ price: 60, currency: "EUR" }, persona)).toEqual({});
    expect(checkItem({ name: "x" }, persona)).toEqual({});
    expect(checkItem({ price: 10 }, undefined)).toEqual({});
  });

  it("finds items anywhere in a tool result, and their images", () => {
    const items = new Map();
    collectItems({ results: { items: [{ id: "a", price: 3, images: ["x.jpg"] }, { id: "b" }] } }, items);
    expect([...items.keys()]).toEqual(["a"]);
    expect(hasImage({ item_id: "a" }, items.get("a"))).toBe(true);
    expect(hasImage({ item_id: "b", image: "y.png" }, undefined)).toBe(true);
    expect(hasImage({ item_id: "c" }, undefined)).toBe(false);
  });
});

describe("tool format", () => {
  const tools = offeredTools({
    tools: [{ type: "function", function: { name: "search", parameters: { type: "object", properties: { q: { type: "string" }, n: { type: "integer", enum: [1, 2] } }, required: ["q"], additionalProperties: false } } }],
  });
  it("names the first problem of a call", () => {
    expect(toolCallProblem({ name: "search", arguments: { q: "x" } }, tools)).toBeUndefined();
    expect(toolCallProblem({ name: "search", arguments: '{"q":"x"}' }, tools)).toBeUndefined();
    expect(toolCallProblem({ name: "find", arguments: {} }, tools)).toBe("unknown_tool");
    expect(toolCallProblem({ name: "search", arguments: "{oops" }, tools)).toBe("arguments_not_json");
    expect(toolCallProblem({ name: "search", arguments: [] }, tools)).toBe("arguments_not_object");
    expect(toolCallProblem({ name: "search", arguments: {} }, tools)).toBe("missing_required");
    expect(toolCallProblem({ name: "search", arguments: { q: "x", z: 1 } }, tools)).toBe("unexpected_argument");
    expect(toolCallProblem({ name: "search", arguments: { q: 3 } }, tools)).toBe("wrong_type");
    expect(toolCallProblem({ name: "search", arguments: { q: "x", n: 3 } }, tools)).toBe("not_in_enum");
    expect(toolCallProblem({ name: "search", arguments: { q: "x" }, grade: { schema_valid: false } }, tools)).toBe("graded_invalid");
    expect(toolCallProblem({ arguments: {} }, tools)).toBe("missing_name");
  });
});

describe("accumulator and page", () => {
  it("keeps counts, not records, and renders every section", () => {
    const acc = new StatsAccumulator();
    acc.add({ id: "p", style: "casual", language: "en", age: 31 });
    acc.add({
      id: "d",
      scenario: { id: "s", persona: { id: "p", style: "casual", language: "hi" }, goal: {}, services: ["taxi", "hotel"], category: "booking", region: "Delhi", emotions: { user: "calm" }, resolution: "resolved" },
      tools: [],
      messages: [
        { role: "system", content: "be nice" },
        { role: "user", content: "Book a <taxi> & a hotel", labels: { intent: "request" } },
        { role: "assistant", content: "Done!", labels: { intent: "confirm" } },
      ],
      outcome: { resolution: "resolved", goal_met: true, reward: 1 },
    });
    const r = acc.report();
    expect(r.records).toEqual({ total: 2, persona: 1, dialogue: 1 });
    expect(r.dialogues.turns).toMatchObject({ mean: 2, p50: 2, histogram: { 2: 1 } });
    expect(r.scenarios.grid.dimensions.services!.values).toEqual({ "hotel+taxi": 1 });
    expect(r.scenarios.grid).toMatchObject({ cells_observed: 1, cells_possible: 1, coverage: 1, entropy_bits: 0 });
    expect(r.personas.age).toEqual({ "25-34": 1, "(none)": 1 });
    expect(r.dialogues.vocabulary).toMatchObject({ tokens: 6, distinct_1: 0.8333, unique_unigrams: 5 });
    const page = renderHtml(r, { title: "A <b> title" });
    expect(page).toContain("<title>A &lt;b&gt; title</title>");
    expect(page).toContain("hotel+taxi");
    expect(page).not.toContain("<taxi>");
  });

  it("names the tools the dialogues offer that none called, and only those", () => {
    const acc = new StatsAccumulator();
    const tool = (name: string) => ({ type: "function", function: { name, parameters: { type: "object", properties: {} } } });
    const dialogue = (id: string, called: string[]) => ({
      id,
      tools: [tool("search_catalog"), tool("renew_loan"), tool("pay_fine")],
      messages: [
        { role: "user", content: "hi" },
        ...called.map((name, i) => ({ role: "assistant", content: null, tool_calls: [{ id: `${id}${i}`, name, arguments: {} }] })),
        { role: "assistant", content: "done" },
      ],
    });
    acc.add(dialogue("a", ["search_catalog"]));
    expect(acc.report().dialogues.tools.never_called).toEqual(["pay_fine", "renew_loan"]);
    acc.add(dialogue("b", ["pay_fine", "search_catalog"]));
    const r = acc.report();
    expect(r.dialogues.tools.never_called).toEqual(["renew_loan"]);
    expect(renderHtml(r, { title: "t" })).toContain("never called: renew_loan");
  });
});
