import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { partySaid, timeSaid, weekdaySaid } from "./spoken-kinds.js";

const all = (f: (rng: Rng) => string) => {
  const rng = new Rng("kinds");
  return [...new Set(Array.from({ length: 60 }, () => f(rng)))].sort();
};

describe("a booking detail as the user asking for it says it", () => {
  it("says a party in digits or words, one person as such", () => {
    expect(all((r) => partySaid("4", "en", r))).toEqual(["for 4 of us", "for 4 people", "for four people"]);
    expect(all((r) => partySaid("4", "hi", r))).toEqual(["4 लोगों के लिए", "चार लोगों के लिए", "हम 4 लोगों के लिए"].sort());
    expect(all((r) => partySaid("1", "mixed", r))).toEqual(["1 person", "ek person ke liye", "sirf mere liye"]);
    expect(all((r) => partySaid("12", "en", r))).toEqual(["for 12 of us", "for 12 people"]);
  });

  it("says a weekday with its postposition or as this one", () => {
    expect(all((r) => weekdaySaid("शनिवार", "hi", r))).toEqual(["इस शनिवार", "शनिवार के दिन", "शनिवार को"].sort());
  });

  it("says a time on the 24-hour clock or with the part of the day", () => {
    expect(all((r) => timeSaid("20:15", "hi", r))).toEqual(["20:15 बजे", "रात 8:15 बजे"].sort());
    expect(all((r) => timeSaid("15:00", "mixed", r))).toEqual(["15:00 baje", "dopahar 3 baje"].sort());
    expect(all((r) => timeSaid("09:30", "hi", r))).toEqual(["09:30 बजे", "सुबह 9:30 बजे"].sort());
    expect(all((r) => timeSaid("00:45", "hi", r))).toEqual(["00:45 बजे", "रात 12:45 बजे"].sort());
    expect(all((r) => timeSaid("late", "hi", r))).toEqual(["late बजे"]);
  });
});
