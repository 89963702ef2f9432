import { describe, expect, it } from "vitest";
import { bookedNoun, bookingRef } from "./booking-ref.js";

describe("bookingRef: a booking the user has, in the pack's words", () => {
  it("takes the pack's word for what is booked, with 'my' for its article", () => {
    expect(bookingRef(["a table at ", "a table for us at "], "the Copper Kettle", true)).toBe("my table at the Copper Kettle");
    expect(bookingRef(["a hold on "], "Dracula", true)).toBe("my hold on Dracula");
    expect(bookingRef(["tickets for "], "Castle Galleries", true)).toBe("my tickets for Castle Galleries");
    expect(bookingRef(["an appointment with the "], "a cardiology department", false)).toBe("my appointment with the cardiology department");
    expect(bookingRef(["an appointment with the "], "the hospital department", true)).toBe("my appointment with the hospital department");
  });

  it("without one, a booking at a named thing or for a described one", () => {
    expect(bookingRef(undefined, "TR7767", true)).toBe("my booking at TR7767");
    expect(bookingRef([], "a taxi to the station", false)).toBe("my booking for a taxi to the station");
  });
});

describe("bookedNoun: what a service books, as a noun", () => {
  it("drops the article and the word that leads to the place", () => {
    expect([bookedNoun(["a hold on "]), bookedNoun(["an appointment with the "]), bookedNoun(["tickets for "]), bookedNoun(undefined)]).toEqual(["hold", "appointment", "tickets", undefined]);
  });
});
