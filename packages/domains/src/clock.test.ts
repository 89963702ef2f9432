import { describe, expect, it } from "vitest";
import { isClockPattern } from "./clock.js";

describe("isClockPattern", () => {
  it("knows a 24-hour HH:MM pattern from the pattern itself", () => {
    expect(isClockPattern("^([01][0-9]|2[0-3]):[0-5][0-9]$")).toBe(true);
    expect(isClockPattern("^\\d{2}:\\d{2}$")).toBe(true);
  });
  it("refuses other patterns, and one that is no regular expression", () => {
    expect(isClockPattern("^\\d{4}$")).toBe(false);
    expect(isClockPattern("^[A-Z]{2}\\d+$")).toBe(false);
    expect(isClockPattern("^\\d{4}-\\d{2}-\\d{2}$")).toBe(false);
    expect(isClockPattern("([")).toBe(false);
  });
});
