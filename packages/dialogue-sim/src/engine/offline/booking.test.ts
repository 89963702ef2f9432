import { loadDomain } from "@chatmill/domains";
import { describe, expect, it } from "vitest";
import { otherField } from "./booking.js";
import type { Dialog, Task } from "./context.js";

const travel = loadDomain("travel");
const on = (service: string, kinds: Parameters<typeof otherField>[2]) =>
  otherField({ domain: travel } as unknown as Dialog, { service: travel.service(service)! } as unknown as Task, kinds);

describe("otherField", () => {
  it("offers another of the booking field the pack declares of the first kind asked for, in the pack's words", () => {
    expect(on("restaurant", ["time", "weekday", "date"])).toBe("time");
    expect(on("restaurant", ["weekday", "date", "time"])).toBe("day");
    // The taxi's time field is leave_at; the pack calls it "pick-up time".
    expect(on("taxi", ["time", "weekday", "date"])).toBe("pick-up time");
    // No field of those kinds: the first booking field ("number of people" is the pack's name for people).
    expect(on("train", ["time", "weekday", "date"])).toBe("number of people");
  });
});
