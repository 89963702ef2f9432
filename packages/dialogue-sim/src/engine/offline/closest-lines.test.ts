import { createSession, loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import type { Constraint } from "../../contract.js";
import { sampleScenarios } from "../../testing/scenarios.js";
import type { Shown } from "../present.js";
import { Dialog } from "./context.js";
import { closestText } from "./realize-results.js";

// Issue #18, a reader's note: trains on different days looked alike in "closest" lists ("TR0013 —
// leaving at 15:50 and to Ely" three times). What the rows share is said once, after them; each
// row says what it has of its own — the day, which the travel pack declares among a train's details.

const travel = loadDomain("travel");
const train = (id: string, trainID: string, day: string, price: string) => ({ id, trainID, day, price, departure: "cambridge", destination: "ely", leaveAt: "15:50", arriveBy: "16:07" });
const rows = [train("TR0013-thu-1550", "TR0013", "thursday", "4.40 pounds"), train("TR4447-tue-1550", "TR4447", "tuesday", "4.40 pounds"), train("TR5713-sun-1550", "TR5713", "sunday", "3.52 pounds")];
const shown: Shown[] = rows.map((r) => ({ key: r.id, name: r.trainID, row: r, seen: r, table: "train", callId: "c1" }));
const asked: Constraint[] = [
  { field: "destination", op: "eq", value: "ely", service: "train", table: "train" },
  { field: "leaveAt", op: "gte", value: "15:40", service: "train", table: "train" },
] as Constraint[];

function dialog(seed: number): Dialog {
  const scenario = sampleScenarios("travel", 40, 5).find((s) => s.persona.language === "en")!;
  return new Dialog(scenario, travel, createSession(travel), new Rng(String(seed)));
}

describe("the closest rows", () => {
  it("say each row's day and what they share once, after them", () => {
    for (let seed = 0; seed < 10; seed++) {
      const text = closestText(dialog(seed), "train", shown, asked);
      const lines = text.split("\n");
      expect(lines[1]).toMatch(/^1\. TR0013 — .*on Thursday/);
      expect(lines[2]).toMatch(/^2\. TR4447 — .*on Tuesday/);
      expect(lines[3]).toMatch(/^3\. TR5713 — .*on Sunday/);
      // The shared time and destination are not on every row, but said once.
      for (const l of lines.slice(1, 4)) expect(l).not.toMatch(/15:50|Ely/);
      expect(lines[4]).toMatch(/^All three are to Ely and (leaving at|departing) 15:50\.$/);
    }
  });
});
