import { describe, expect, it } from "vitest";
import { loadDomain } from "../load.js";
import { deriveTask } from "./derive.js";

describe("what the user knows is kept per service", () => {
  const travel = loadDomain("travel");

  it("a train to cambridge and a taxi to a gallery: both destinations survive, each under its service", () => {
    const goal = {
      constraints: [
        { field: "departure", op: "eq", value: "london kings cross", service: "train", table: "train" },
        { field: "destination", op: "eq", value: "cambridge", service: "train", table: "train" },
      ],
      end_state: [
        { type: "booking_created", service: "train", table: "train", match: { people: 2 } },
        { type: "booking_created", service: "taxi", match: { departure: "Cambridge Station", destination: "Byard Art", leave_at: "10:00" } },
      ],
      targets: [{ service: "train", table: "train", id: "TR0378-mon-0517" }],
    };
    const got = deriveTask(travel, { goal: goal as never, category: "ticket_booking", reason: "Book a train to Cambridge, then a taxi to Byard Art." });
    expect(got.problem).toBeUndefined();
    const known = got.task!.instructions!.known!;
    expect(known["train destination"]).toBe("cambridge");
    expect(known["train departure"]).toBe("london kings cross");
    expect(known["taxi destination"]).toBe("Byard Art");
    expect(known["taxi departure"]).toBe("Cambridge Station");
    expect(known["train people"]).toBe(2);
    // Every value the user was given is still there: none overwrote another.
    expect(Object.values(known)).toEqual(expect.arrayContaining(["cambridge", "london kings cross", "Byard Art", "Cambridge Station", "10:00", 2]));
  });
});
