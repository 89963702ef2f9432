import { createSession, loadDomain, policyViolations } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import type { Scenario, TaskAction } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import type { Domain } from "../../contract.js";
import { evaluate } from "./arithmetic.js";
import { taskDialogue } from "./task-dialogue.js";

/**
 * The task engine on the tau packs, with tasks written as chatmill-import writes tau2's: the
 * facts and amounts no result shows are worked out the way an agent would from what it saw —
 * a balance read again after the write that changed it, the fare of each flight booked times
 * the passengers less the other payments, the sum of the balances of the kind the user named —
 * and none of them is a searched working.
 */
const opts = { failureRate: 0, createSession: (d: Domain, o: { failureRate: number; rng: Rng }) => createSession(d as never, o), tool: "t", version: "0", seed: 1 };
type Msg = { role: string; content?: string | null; tool_calls?: Array<{ name: string; arguments: Record<string, unknown> }> };

function scenario(id: string, domain: string, reason: string, known: Record<string, string>, actions: TaskAction[], communicate: string[]): Scenario {
  return {
    id,
    persona: { id: "p", name: "n", style: "casual", language: "en" },
    domain,
    services: [],
    category: "task",
    goal: { text: reason, constraints: [], end_state: [] },
    task: { instructions: { reason, known }, evaluation: { actions, communicate } },
    region: "US",
    time: { slot: "weekday_afternoon", at: "2024-05-15T15:00" },
    emotions: { user: "neutral", assistant: "helpful" },
    resolution: "resolved",
    turns: { min: 2, max: 60 },
  } as unknown as Scenario;
}

const calls = (d: { messages: unknown }) => (d.messages as Msg[]).flatMap((m) => m.tool_calls ?? []);

describe("the task engine on the tau packs: workings a reader of the transcript could follow", () => {
  it("a gift card's balance after a change paid with it: the user's record is read again after the write, and the new balance said", () => {
    const s = scenario(
      "balance-after",
      "tau-retail",
      "You want to exchange your shoes and keyboard in your pending order, paying with your gift card, and then know your gift card balance.",
      { first_name: "Ethan", last_name: "Garcia", zip: "80280" },
      [
        { name: "find_user_id_by_name_zip", arguments: { first_name: "Ethan", last_name: "Garcia", zip: "80280" } },
        { name: "modify_pending_order_items", arguments: { order_id: "#W9911714", item_ids: ["9791469541", "1340995114"], new_item_ids: ["4107812777", "1421289881"], payment_method_id: "gift_card_4332117" } },
      ],
      ["44.08"],
    );
    const { dialogue, trace, judgement } = taskDialogue(s, loadDomain("tau-retail"), Rng.for(1, s.id), opts);
    expect(trace.searched).toEqual([]);
    expect(trace.unsaid).toEqual([]);
    expect(judgement.state.match).toBe(true);
    const names = calls(dialogue).map((c) => c.name);
    const write = names.indexOf("modify_pending_order_items");
    expect(write).toBeGreaterThan(0);
    expect(names.slice(write + 1)).toContain("get_user_details");
    expect(dialogue.outcome?.reward).toBe(1);
  });

  it("a booking's card amount: each flight's fare in the cabin booked, times the passengers, less the certificate and gift cards; the balances summed by kind", () => {
    const fares = [
      { flight_number: "HAT023", date: "2024-05-26" },
      { flight_number: "HAT204", date: "2024-05-28" },
      { flight_number: "HAT100", date: "2024-05-28" },
    ];
    const s = scenario(
      "booking-amount",
      "tau-airline",
      "You want to know how much you have on your gift cards and certificates. Then you want to change your upcoming reservation to business.",
      { user_id: "mohamed_silva_9265" },
      [
        { name: "cancel_reservation", arguments: { reservation_id: "K1NW8N" } },
        {
          name: "book_reservation",
          arguments: {
            user_id: "mohamed_silva_9265",
            origin: "JFK",
            destination: "SFO",
            flight_type: "round_trip",
            cabin: "business",
            flights: fares,
            passengers: [
              { first_name: "Mohamed", last_name: "Silva", dob: "1960-11-26" },
              { first_name: "Raj", last_name: "Sanchez", dob: "1986-09-12" },
              { first_name: "Liam", last_name: "Wilson", dob: "1980-03-27" },
            ],
            payment_methods: [
              { payment_id: "certificate_3765853", amount: 500 },
              { payment_id: "gift_card_8020792", amount: 198 },
              { payment_id: "gift_card_6136092", amount: 129 },
              { payment_id: "credit_card_2198526", amount: 1786 },
            ],
            total_baggages: 0,
            nonfree_baggages: 0,
            insurance: "no",
          },
        },
      ],
      ["327", "1000", "1786"],
    );
    const { dialogue, trace, judgement } = taskDialogue(s, loadDomain("tau-airline"), Rng.for(1, s.id), opts);
    expect(trace.searched).toEqual([]);
    expect(trace.unsaid).toEqual([]);
    expect(judgement.state.match).toBe(true);
    expect(trace.derived.map((d) => [d.value, d.kind])).toEqual([
      ["1786", "action price"],
      ["327", "named total"],
      ["1000", "named total"],
    ]);
    const amount = trace.derived[0]!.how;
    expect(evaluate(amount)).toBe(1786);
    // Three times the three fares, less the other payments: no seat count, no stray number.
    expect(amount).toMatch(/^\((\d+) \+ (\d+) \+ (\d+)\) \+ \(\1 \+ \2 \+ \3\) \+ \(\1 \+ \2 \+ \3\) - 500 - 198 - 129$/);
    // Each fare was shown, under the cabin's name, for that flight on that date, before the calculation.
    const ms = dialogue.messages as Msg[];
    const at = ms.findIndex((m) => m.tool_calls?.some((c) => c.name === "calculate" && c.arguments.expression === amount));
    const shown = ms.slice(0, at).filter((m) => m.role === "tool").map((m) => String(m.content)).join("\n");
    const [, a, b, c] = amount.match(/^\((\d+) \+ (\d+) \+ (\d+)\)/)!;
    fares.forEach((f, i) => expect(shown).toMatch(new RegExp(`"date":"${f.date}"[^{}]*"flight_number":"${f.flight_number}"[^{}]*"prices":\\{[^}]*"business":${[a, b, c][i]}`)));
    expect(dialogue.outcome?.reward).toBe(1);
  });
});

describe("the task engine follows the tau packs' identity rule (declared, not enforced by the tools)", () => {
  it("a tau2 task whose gold returns items without identifying: the user is found by email first, and the dialogue breaks no policy rule", () => {
    // tau2 retail train task 73: the gold is the return alone; tau2's tools would accept it unidentified.
    const s = scenario(
      "identify-first",
      "tau-retail",
      "You want to return everything you just bought except the coffee machine.",
      { name: "Fatima Wilson", first_name: "Fatima", last_name: "Wilson", email: "fatima.wilson5721@example.com" },
      [{ name: "return_delivered_order_items", arguments: { order_id: "#W5272531", item_ids: ["7228247242", "2698416822", "8098621301", "3320557165"], payment_method_id: "credit_card_6824399" } }],
      [],
    );
    const retail = loadDomain("tau-retail");
    const { dialogue, trace, judgement } = taskDialogue(s, retail, Rng.for(1, s.id), opts);
    expect(trace.identified).toBe(true);
    expect(judgement.state.match).toBe(true);
    const names = calls(dialogue).map((c) => c.name);
    expect(names[0]).toBe("find_user_id_by_email");
    expect(names.indexOf("return_delivered_order_items")).toBeGreaterThan(0);
    expect(policyViolations(retail, dialogue.messages as never)).toEqual([]);
  });

  it("tau-airline: the user id is checked with get_user_details before the reservation is read", () => {
    const s = scenario(
      "airline-identify-first",
      "tau-airline",
      "You want to cancel your reservation K1NW8N.",
      { user_id: "mohamed_silva_9265", reservation_id: "K1NW8N" },
      [{ name: "cancel_reservation", arguments: { reservation_id: "K1NW8N" } }],
      [],
    );
    const airline = loadDomain("tau-airline");
    const { dialogue, trace } = taskDialogue(s, airline, Rng.for(1, s.id), opts);
    expect(trace.identified).toBe(true);
    const names = calls(dialogue).map((c) => c.name);
    expect(names[0]).toBe("get_user_details");
    expect(policyViolations(airline, dialogue.messages as never).filter((v) => v.rule === "identity")).toEqual([]);
  });
});
