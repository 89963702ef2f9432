import { fileURLToPath } from "node:url";
import { createSession } from "@chatmill/domains";
import { checkPack } from "@chatmill/pack";
import { describe, expect, it } from "vitest";
import { sgdUtterances } from "../lib/realism/sgd.js";

// The realism bench's fourth pack (written from docs/write-a-pack.md as a new user would) must
// load and pass `chatmill-pack check` with no findings, and its tools must do what it says.
const dental = fileURLToPath(new URL("./dental", import.meta.url));

describe("bench/packs/dental", () => {
  it("passes chatmill-pack check with no findings", () => {
    const { domain, findings } = checkPack(dental);
    expect(findings).toEqual([]);
    expect(domain.name).toBe("dental");
  });

  it("searches, books one patient per slot, moves and cancels behind a yes", () => {
    const { domain } = checkPack(dental);
    const s = createSession(domain);
    const found = s.call({ name: "find_dentists", arguments: { area: "old town", new_patients: "yes" } });
    expect((found.data as { results: Array<{ id: string }> }).results.map((r) => r.id)).toEqual(["D03", "D11"]);
    const booked = s.call({ name: "book_appointment", arguments: { dentist_id: "D03", day: "monday", time: "10:00" } });
    expect(booked.data).toMatchObject({ dentist: "Dr Priya Raman", treatment: "check-up", status: "confirmed" });
    const again = s.call({ name: "book_appointment", arguments: { dentist_id: "D03", day: "monday", time: "10:00" } });
    expect(again.error?.type).toBeDefined();
    const id = (booked.data as { id: string }).id;
    expect(s.call({ name: "change_appointment", arguments: { appointment_id: id, time: "11:00" } }).data).toMatchObject({ time: "11:00" });
    const said = [{ role: "user" as const, content: "cancel it", labels: { intent: "cancel" } }];
    expect(s.call({ name: "cancel_appointment", arguments: { appointment_id: id } }, { transcript: said }).error?.type).toBe("confirmation_required");
  });
});

describe("SGD utterances", () => {
  it("are read per role in file order", () => {
    const sgd = sgdUtterances([fileURLToPath(new URL("../../../shared/data/sgd/train/dialogues_001.json", import.meta.url))]);
    expect(sgd.user.length).toBe(1233);
    expect(sgd.assistant.length).toBe(1233);
    expect(sgd.user[0]).toBe("I am feeling hungry so I would like to find a place to eat.");
  });
});
