import { describe, expect, it } from "vitest";
import { planCounts } from "./plan.js";
import { parseSourceArg } from "./source-arg.js";

const src = (arg: string, available: number) => ({ ...parseSourceArg(arg), available });

describe("planCounts", () => {
  it("plans seed 004's data mix: percentages of --total by largest remainder, rest fills up", () => {
    const warnings: string[] = [];
    const plan = planCounts(
      [src("corrections:80", 8), src("agentic:30%", 5000), src("aj:30%", 4000), src("toucan:20%", 9000), src("agentinstruct:10%", 1000), src("chats:rest", 2000)],
      { total: 10000, maxOversample: 10 },
      (m) => warnings.push(m),
    );
    expect(plan.map((p) => p.count)).toEqual([80, 3000, 3000, 2000, 1000, 920]);
    expect(warnings).toEqual(["corrections: oversampled 10× (8 records repeated to make 80)"]);
  });

  it("rounds percentages so that they add up to the total", () => {
    const plan = planCounts([src("a:33.3333%", 100), src("b:33.3333%", 100), src("c:33.3334%", 100)], { total: 10, maxOversample: 10 }, () => {});
    expect(plan.map((p) => p.count).reduce((a, b) => a + b)).toBe(10);
  });

  it("caps oversampling, and warns about empty sources and a mix short of --total", () => {
    const warnings: string[] = [];
    const plan = planCounts([src("small:100", 3), src("empty:5", 0), src("x:all", 7), src("y:x2.5", 4)], { total: 50, maxOversample: 10 }, (m) => warnings.push(m));
    expect(plan.map((p) => [p.wanted, p.count])).toEqual([[100, 30], [5, 0], [7, 7], [10, 10]]);
    expect(warnings.join("\n")).toMatch(/small: 100 records asked for, but it holds 3 and --max-oversample 10 caps it at 30/);
    expect(warnings.join("\n")).toMatch(/empty holds no records/);
    expect(warnings.join("\n")).toMatch(/the mix has 47 records, not the --total 50/);
  });

  it("refuses plans that cannot be made", () => {
    expect(() => planCounts([src("a:10%", 5)], { maxOversample: 10 }, () => {})).toThrow(/needs --total/);
    expect(() => planCounts([src("a:60%", 5), src("b:50%", 5)], { total: 10, maxOversample: 10 }, () => {})).toThrow(/add up to 110%/);
    expect(() => planCounts([src("a:rest", 5), src("b:rest", 5)], { total: 10, maxOversample: 10 }, () => {})).toThrow(/only one source/);
    expect(() => planCounts([src("a:20", 50), src("b:rest", 5)], { total: 10, maxOversample: 10 }, () => {})).toThrow(/nothing is left/);
  });
});
