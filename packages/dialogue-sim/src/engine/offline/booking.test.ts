import { loadDomain } from "@chatmill/domains";
import { describe, expect, it } from "vitest";
import { Rng } from "@chatmill/kit";
import { changeWhat, ownBooking, otherField, refusal } from "./booking.js";
import { askRef } from "./realizer.js";
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

describe("refusal: why a write was refused, by the error's type, never its message", () => {
  const said = (lang: "en" | "hi" | "mixed", error: Record<string, unknown>, seed = "1") => refusal({ lang, rng: Rng.for(0, seed) }, error, "'HK42'");
  const message = "zz_bookings with zz_ref 'HK42' is cancelled and cannot be changed.";

  it("says a closed record's state as the data writes it, and none of the message's table or field names", () => {
    for (const seed of ["1", "2", "3", "4"]) {
      const en = said("en", { type: "invalid_state", message, table: "zz_bookings", zz_state: "cancelled" }, seed);
      expect(en).toMatch(/^'HK42' is already cancelled/);
      expect(en).not.toMatch(/zz_/);
      expect(said("hi", { type: "invalid_state", message, table: "zz_bookings", zz_state: "cancelled" }, seed)).toMatch(/^'HK42' पहले से cancelled है/);
    }
  });

  it("tells not found, already there, unavailable, bad details and anything else apart", () => {
    expect(said("en", { type: "not_found", message: "No zz_t with zz_k 'HK42'.", table: "zz_t" })).toMatch(/'HK42'$/);
    expect(said("en", { type: "invalid_state", message: "zz_t 'HK42' already exists.", table: "zz_t" })).toMatch(/^'HK42' (already exists|is already in the system)$/);
    expect(said("mixed", { type: "unavailable", message: "Fully booked for 19:00: 0 left. Try another slot." })).toMatch(/available nahi|jagah nahi|full/);
    expect(said("en", { type: "bad_arguments", message: "nothing to change: give one of zz_a, zz_b" })).toMatch(/details/);
    expect(said("en", { type: "internal_error", message: "zz_tool: boom" })).toMatch(/turned it down|refused/);
    expect(said("en", { type: "bad_arguments", message: "nothing to change: give one of zz_a, zz_b" })).not.toMatch(/zz_|give one of/);
  });
});

describe("changeWhat: a cancel or a change read back before it is done", () => {
  const what = (lang: "en" | "hi" | "mixed", cancel: boolean, details = "") => changeWhat({ lang } as unknown as Dialog, cancel, "AP7LZ2M9U9", details);

  it("says which it is, with the reference, in each language (was the reference alone)", () => {
    expect([what("en", true), what("hi", true), what("mixed", true)]).toEqual(["cancel AP7LZ2M9U9", "AP7LZ2M9U9 रद्द करना", "AP7LZ2M9U9 cancel karna"]);
    expect(what("en", false, "on Saturday")).toBe("change AP7LZ2M9U9 so it's on Saturday");
    expect(what("hi", false, "शनिवार को")).toBe("AP7LZ2M9U9 में बदलाव, शनिवार को");
    expect(what("mixed", false, "Saturday ko")).toBe("AP7LZ2M9U9 mein change, Saturday ko");
    expect(what("en", false)).toBe("change AP7LZ2M9U9");
  });
});

describe("ownBooking: the booking a user means without giving its reference", () => {
  const service = (booked?: string[]) => ({ service: { booking: booked ? { booked } : {} } }) as unknown as Task;
  it("says the pack's word for what is booked, never nothing ('small change to — …')", () => {
    expect(ownBooking({ lang: "en" }, service(["a hold on "]))).toBe("a hold");
    expect(ownBooking({ lang: "en" }, service(["a table at ", "a table for us at "]))).toBe("a table");
    expect(ownBooking({ lang: "en" }, service(["an appointment with the "]))).toBe("an appointment");
    expect(ownBooking({ lang: "en" }, service(["tickets for "]))).toBe("tickets");
    expect(ownBooking({ lang: "en" }, service())).toBe("a booking");
    expect(ownBooking({ lang: "hi" }, service(["a hold on "]))).toBe("अपनी बुकिंग");
    expect(ownBooking({ lang: "mixed" }, service())).toBe("apni booking");
  });
});

describe("askRef: which booking, with a hint the data gives", () => {
  const lines = (lang: "en" | "hi" | "mixed", prefix: string | undefined) =>
    Array.from({ length: 40 }, (_, i) => askRef({ lang, rng: Rng.for(0, `s${i}`) } as unknown as Dialog, prefix));
  it("says the create tool's id prefix when there is one, and never guesses a form", () => {
    const withPrefix = lines("en", "TX");
    expect(withPrefix.some((l) => l.includes("starts with TX"))).toBe(true);
    expect(lines("hi", "TX").some((l) => l.includes("TX से शुरू"))).toBe(true);
    for (const lang of ["en", "hi", "mixed"] as const) {
      for (const l of [...lines(lang, undefined), ...lines(lang, "TX")]) expect(l).not.toMatch(/a letter|अक्षर|letter se/);
      for (const l of lines(lang, undefined)) expect(l).not.toMatch(/starts with|से शुरू|se shuru/);
    }
  });
});
