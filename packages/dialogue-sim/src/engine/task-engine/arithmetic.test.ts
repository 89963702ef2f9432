import { describe, expect, it } from "vitest";
import { evaluate, expressionNumbers, findWorking } from "./arithmetic.js";
import { Seen } from "./seen.js";

describe("arithmetic over seen numbers", () => {
  it("evaluates + - * / and parentheses; refuses what is not arithmetic", () => {
    expect(evaluate("3131.1 + 4777.75 + 367.38")).toBeCloseTo(8276.23, 6);
    expect(evaluate("2 * ((350 - 122) + (499 - 127))")).toBe(1200);
    expect(evaluate("135.24 - 153.23")).toBeCloseTo(-17.99, 6);
    expect(evaluate("2 +")).toBeUndefined();
    expect(evaluate("(1 + 2")).toBeUndefined();
    expect(expressionNumbers("1319.43 - 302.67 + 271.89")).toEqual([1319.43, 302.67, 271.89]);
    expect(expressionNumbers("#W2378156")).toBeUndefined();
    expect(expressionNumbers("2024-05-15")).toBeUndefined();
    expect(expressionNumbers("2024 - 5")).toEqual([2024, 5]);
  });

  it("an expression is seen when every number in it was", () => {
    const seen = new Seen();
    seen.addResult('{"amount": 3131.1, "total": 4777.75}', { amount: 3131.1, total: 4777.75 });
    expect(seen.has("3131.1 + 4777.75")).toBe(true);
    expect(seen.has("3131.1 + 367.38")).toBe(false);
  });
});

describe("a working searched among shown numbers", () => {
  it("a price difference across results, a sum inside one result, a difference of facts worked out before", () => {
    expect(findWorking(167.87, [[2291.87, 1], [2459.74]])).toBe("2459.74 - 2291.87");
    expect(findWorking(-17.99, [[135.24], [153.23]])).toBe("153.23 - 135.24");
    expect(findWorking(490.53, [[200.8, 96.35, 193.38, 427.9]])).toBe("200.8 + 96.35 + 193.38");
    expect(findWorking(1000, [[500, 3, 500]])).toBe("500 + 500");
    expect(findWorking(1000, [[500, 3]])).toBeUndefined();
    // A sum across two results is not searched for (only differences are).
    expect(findWorking(496.7, [[200.8, 3], [295.9]])).toBeUndefined();
    expect(findWorking(107.09, [[1]], [167.87, 60.78])).toBe("167.87 - 60.78");
  });
});
