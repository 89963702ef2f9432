import { describe, expect, it } from "vitest";
import { ACROSS_TERMS, evaluate, expressionNumbers, findAcross, findWorking, type ShownNumber } from "./arithmetic.js";
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

describe("a working searched across results (bounded)", () => {
  const at = (result: number, key: string, ...values: number[]): ShownNumber[] => values.map((value) => ({ value, key, result }));

  it("a sum of numbers under one field name over several results; not across field names; at most ACROSS_TERMS terms", () => {
    const orders = [...at(0, "amount", 200.8, 3), ...at(1, "amount", 295.9), ...at(2, "price", 10)];
    expect(findAcross(496.7, orders)).toBe("200.8 + 295.9");
    // 295.9 + 10 under two different names is no total.
    expect(findAcross(305.9, orders)).toBeUndefined();
    const many = Array.from({ length: ACROSS_TERMS + 1 }, (_, i) => at(i, "total", 100)).flat();
    expect(findAcross(100 * ACROSS_TERMS, many)).toBe(Array.from({ length: ACROSS_TERMS }, () => "100").join(" + "));
    expect(findAcross(100 * (ACROSS_TERMS + 1), many)).toBeUndefined();
  });

  it("a multiple of a sum less the action's other amounts, written with shown numbers only", () => {
    const fares = [...at(0, "business", 400, 300), ...at(1, "business", 171)];
    // 3 passengers at 400 + 300 + 171 = 871, less 500 and 198 paid otherwise.
    const how = findAcross(1915, fares, [500, 198], 4)!;
    expect(how).toBe("(171 + 300 + 400) + (171 + 300 + 400) + (171 + 300 + 400) - 500 - 198");
    expect(evaluate(how)).toBe(1915);
    expect(findAcross(1915, fares, [500, 198], 2)).toBeUndefined();
  });

  it("two differences: two numbers of one result less numbers of other results", () => {
    const exchange = [...at(0, "price", 342.81, 561.05), ...at(1, "price", 330.08), ...at(2, "price", 540.1)];
    expect(evaluate(findAcross(33.68, exchange)!)).toBeCloseTo(33.68, 6);
    // The same numbers all in one result are no saving over two exchanges.
    expect(findAcross(33.68, at(0, "price", 342.81, 561.05, 330.08, 540.1))).toBeUndefined();
  });
});
