import { describe, expect, it } from "vitest";
import { evaluate } from "./arithmetic.js";
import { actionPrice, datedTotals, derivedEqual, namedTotals, paymentTotals, prices, recordBefore, savings, sumExpression, unpriced, writeAmounts, writesTotals } from "./derive.js";
import { Seen } from "./seen.js";

// Field names here are arbitrary on purpose: the derivations look at shapes, values and what the user said, never at names.
const order = (id: string, lines: Array<[string, string, number]>) => ({ ref: id, lines: lines.map(([line, label, cost]) => ({ line, label, cost, kind: "9001" })) });

describe("named totals: one numeric field summed over the records the user named", () => {
  const results = [order("#A1", [["11", "Grill", 985.66], ["12", "Water Bottle", 48.02]]), order("#A2", [["21", "Grill", 953.39]]), order("#A1", [["11", "Grill", 985.66], ["12", "Water Bottle", 48.02]])];

  it("sums across results, a record shown again counted once; the expression evaluates to the value", () => {
    const d = derivedEqual(1939.05, namedTotals(results, "what did all the grills i bought cost?"));
    expect(d).toMatchObject({ value: 1939.05, kind: "named total" });
    expect(evaluate(d!.how)).toBeCloseTo(1939.05, 6);
    expect(d!.how.split(" + ").sort()).toEqual(["953.39", "985.66"]);
  });

  it("nothing when the user named no such thing, or named something else", () => {
    expect(derivedEqual(1939.05, namedTotals(results, "what did my orders cost?"))).toBeUndefined();
    expect(derivedEqual(1939.05, namedTotals(results, "the water bottles"))).toBeUndefined();
  });

  it("a value said with _ or - in the data matches the user's words ('gift_card' as 'gift cards'); id-like values never name", () => {
    const wallet = { methods: { gc_1: { balance: 198, via: "gift_card" }, gc_2: { balance: 129, via: "gift_card" }, cc_3: { via: "credit_card" } } };
    expect(derivedEqual(327, namedTotals([wallet], "how much is on my gift cards"))?.how).toBe("198 + 129");
    const byId = { methods: [{ balance: 198, via: "gc_1" }, { balance: 129, via: "gc_1" }] };
    expect(namedTotals([byId], "what is on gc_1")).toEqual([]);
  });
});

describe("savings: a named record's number less the cheapest usable of its alternatives", () => {
  const bought = order("#A1", [["2751999929", "Pet Bed", 195.11], ["8069050545", "Office Chair", 499.28], ["2366567022", "Water Bottle", 54.04]]);
  const beds = { name: "Pet Bed", options: { "2751999929": { line: "2751999929", cost: 195.11, ok: true }, "6942241102": { line: "6942241102", cost: 180.93, ok: true }, "5109407456": { line: "5109407456", cost: 170.0, ok: false } } };
  const chairs = { name: "Office Chair", options: [{ line: "8069050545", cost: 499.28, ok: true }, { line: "4168944673", cost: 471.82, ok: true }] };

  it("each named record alone, and the total over them; an alternative flagged false is not a choice", () => {
    const all = savings([bought, beds, chairs], "exchange the pet bed and office chair to the cheapest, and return the water bottle");
    expect(derivedEqual(14.18, all)?.how).toBe("195.11 - 180.93");
    expect(derivedEqual(27.46, all)?.how).toBe("499.28 - 471.82");
    const both = derivedEqual(41.64, all);
    expect(both).toMatchObject({ kind: "saving" });
    expect(evaluate(both!.how)).toBeCloseTo(41.64, 6);
    // The flagged-false bed at 170.00 would give 25.11.
    expect(derivedEqual(25.11, all)).toBeUndefined();
  });

  it("another copy of the list the record is in (its order read again) is no set of alternatives", () => {
    expect(savings([bought, order("#A1", [["2751999929", "Pet Bed", 195.11], ["8069050545", "Office Chair", 499.28], ["2366567022", "Water Bottle", 54.04]])], "the pet bed")).toEqual([]);
  });

  it("records the user did not name give no saving", () => {
    expect(savings([bought, beds, chairs], "the water bottle")).toEqual([]);
  });
});

describe("what the writes came to", () => {
  const before = { ref: "#A1", status: "open", paid: [{ amount: 1429.81, via: "gc_1" }] };
  const cancelled = { ref: "#A1", status: "closed", paid: [{ amount: 1429.81, via: "gc_1" }, { amount: 1429.81, via: "gc_1", back: true }] };

  it("the latest earlier result about the record a write changed is its 'before'", () => {
    expect(recordBefore({ ref: "#A1", why: "no longer needed" }, cancelled, [{ ref: "#B2" }, before, { ref: "#C3" }])).toBe(before);
    expect(recordBefore({ ref: "#Z9" }, cancelled, [before])).toBeUndefined();
  });

  it("a write's amounts: the numbers its result shows that were not there before, and the totals over the records it names by id", () => {
    expect(writeAmounts({ args: { ref: "#A1" }, before, after: cancelled })).toEqual([[1429.81]]);
    const returned = { ref: "#A2", lines: [{ line: "11", cost: 543.68 }, { line: "12", cost: 336.71 }, { line: "13", cost: 9.99 }] };
    expect(writeAmounts({ args: { ref: "#A2", lines: ["11", "12"] }, before: returned, after: returned })).toEqual([[543.68, 336.71]]);
    // An id the result does not show: no total over what it names.
    expect(writeAmounts({ args: { ref: "#A2", lines: ["11", "99"] }, before: returned, after: returned })).toEqual([]);
  });

  it("the total over every write, one amount each; a negative amount is written as a subtraction", () => {
    const up = { args: { ref: "#A1" }, before: { ref: "#A1", x: 1 }, after: { ref: "#A1", x: 1, difference: 167.87 } };
    const down = { args: { ref: "#A2" }, before: { ref: "#A2", x: 1 }, after: { ref: "#A2", x: 1, difference: -60.78 } };
    const d = derivedEqual(107.09, writesTotals([up, down]));
    expect(d?.how).toBe("167.87 - 60.78");
    expect(evaluate(d!.how)).toBeCloseTo(107.09, 6);
    // A write with no amount at all: no total over the writes.
    expect(writesTotals([up, { args: { ref: "#A3" }, after: { ref: "#A3" } }])).toEqual([]);
    // A seen -60.78 makes the subtraction of 60.78 seen.
    const seen = new Seen();
    seen.addResult("", { difference: 167.87 });
    seen.addResult("", { difference: -60.78 });
    expect(seen.has("167.87 - 60.78")).toBe(true);
    expect(seen.has("167.87 - 60.79")).toBe(false);
  });

  it("per payment id, the amounts the writes' arguments put on it", () => {
    const book = (amount: number) => ({ args: { pay: [{ with: "cert_1", amount: 250 }, { with: "card_7", amount }] } });
    const totals = paymentTotals([book(44), book(621), book(621)]);
    expect(derivedEqual(1286, totals)?.how).toBe("44 + 621 + 621");
    expect(derivedEqual(750, totals)?.how).toBe("250 + 250 + 250");
    expect(paymentTotals([book(44)])).toEqual([]);
  });

  it("sumExpression writes positives first", () => {
    expect(sumExpression([-60.78, 167.87, 1])).toBe("167.87 + 1 - 60.78");
  });
});

describe("the price an action pays", () => {
  // Each leg shows seats left and the fare under the cabin's name: only the fares give the amount.
  const leg = (no: string, day: string, seats: number, fare: number) => ({ no, day, left: { gold: seats, tin: 9 }, fares: { gold: fare, tin: 50 } });
  const search1 = { hits: [[leg("F1", "05-26", 6, 364), leg("F9", "05-26", 1, 999)]] };
  const search2 = { hits: [[leg("F2", "05-28", 16, 248), leg("F3", "05-28", 8, 259)]] };
  const action = (card: number, people = 1) => ({
    cabin: "gold",
    legs: [{ no: "F1", day: "05-26" }, { no: "F2", day: "05-28" }, { no: "F3", day: "05-28" }],
    people: Array.from({ length: people }, (_, i) => ({ first: `P${i}` })),
    pay: [{ with: "cert_1", amount: 500 }, { with: "card_7", amount: card }],
  });

  it("the fares of the records it names, times the count of another list, less the other amounts", () => {
    expect(actionPrice(action(371), 371, [search1, search2])?.how).toBe("364 + 248 + 259 - 500");
    expect(actionPrice(action(2113, 3), 2113, [search1, search2])?.how).toBe("(364 + 248 + 259) + (364 + 248 + 259) + (364 + 248 + 259) - 500");
    expect(evaluate(actionPrice(action(2113, 3), 2113, [search1, search2])!.how)).toBe(2113);
  });

  it("undefined while a named record is unpriced, which unpriced lists; and when no price gives the amount", () => {
    expect(actionPrice(action(371), 371, [search2])).toBeUndefined();
    // Every element no seen record prices, of every list (the people too: reads are chosen by what they price, so those cost nothing).
    expect(unpriced(action(371), 371, [search2])).toEqual([{ no: "F1", day: "05-26" }, { first: "P0" }]);
    expect(unpriced(action(371), 371, [search1, search2])).toEqual([{ first: "P0" }]);
    expect(prices(search1, { no: "F1", day: "05-26" }, action(371))).toBe(true);
    expect(prices(search2, { no: "F1", day: "05-26" }, action(371))).toBe(false);
    expect(actionPrice(action(372), 372, [search1, search2])).toBeUndefined();
    // An amount that is no part of a list of amounts has no such price.
    expect(actionPrice({ cabin: "gold", legs: action(1).legs, amount: 871 }, 871, [search1, search2])).toBeUndefined();
  });
});

describe("dated totals: what the records of one kind were paid, all of them, the upcoming or the past ones", () => {
  const booking = (id: string, day: string, paid: number[]) => ({ id, owner: "u_1", legs: [{ day, fare: 1 }], paid: paid.map((amount) => ({ amount })) });
  const now = "2024-05-15T15:00";
  const seen = [booking("AB1", "2024-05-20", [296]), booking("CD2", "2024-05-19", [100, 524]), booking("EF3", "2024-05-14", [308]), { other: { x: 5 }, y: 7 }];

  it("each record as first seen; upcoming = a date after now; the records' own lists summed", () => {
    const all = datedTotals([...seen, booking("AB1", "2024-05-20", [296, 1072, -296, -1072])], now);
    expect(derivedEqual(920, all)?.how).toBe("296 + 100 + 524");
    expect(derivedEqual(1228, all)?.how).toBe("296 + 100 + 524 + 308");
    expect(all.every((d) => d.kind === "dated total")).toBe(true);
    // The later view of AB1 (paid and refunded) is not the one counted.
    expect(derivedEqual(920 + 1072, all)).toBeUndefined();
  });

  it("no time given: no upcoming total; a kind with one record: nothing", () => {
    expect(derivedEqual(920, datedTotals(seen, undefined))).toBeUndefined();
    expect(datedTotals([seen[0]], now)).toEqual([]);
  });
});
