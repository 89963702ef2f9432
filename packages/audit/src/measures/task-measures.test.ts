import { createSession, loadDomain } from "@chatmill/domains";
import { describe, expect, it } from "vitest";
import { summarizeMeasures } from "./measures-summary.js";
import { measureDialogue } from "./task-measures.js";

const travel = loadDomain("travel");
const FIND = { name: "find_restaurant", arguments: { area: "centre", food: "italian" } };
const BOOK = { name: "book_restaurant", arguments: { restaurant_id: "19210", day: "friday", time: "19:00", people: 4 } };
const ITALIAN_CENTRE = [
  { field: "food", op: "eq", value: "italian", service: "restaurant" },
  { field: "area", op: "eq", value: "centre", service: "restaurant" },
];

type Turn = { user: string; intent: string } | { say: string } | { call: { name: string; arguments: Record<string, unknown> } };

/** A dialogue from a script: each call really runs on one session, so its recorded result is the tool's. */
function dialogue(turns: Turn[], o: { task?: unknown; resolution?: string; outcome?: { resolution: string; goal_met: boolean }; intent?: string; constraints?: unknown[] } = {}) {
  const session = createSession(travel);
  const messages: Array<Record<string, unknown>> = [{ role: "system", content: "s" }];
  turns.forEach((t, i) => {
    if ("user" in t) messages.push({ role: "user", content: t.user, labels: { intent: t.intent } });
    else if ("say" in t) messages.push({ role: "assistant", content: t.say });
    else {
      const id = `c${i}`;
      messages.push({ role: "assistant", content: null, tool_calls: [{ id, ...t.call }] });
      const r = session.call(t.call);
      messages.push({ role: "tool", tool_call_id: id, name: t.call.name, content: r.content, ok: r.ok });
    }
  });
  const outcome = o.outcome ?? { resolution: "resolved", goal_met: true };
  return {
    id: "d",
    domain: "travel",
    scenario: { category: "dining_reservation", resolution: o.resolution ?? "resolved", intent: o.intent, goal: { text: "g", constraints: o.constraints ?? ITALIAN_CENTRE, end_state: [] }, ...(o.task ? { task: o.task } : {}) },
    tools: [],
    messages,
    outcome: { ...outcome, reward: outcome.goal_met ? 1 : 0 },
  };
}

const measure = (d: ReturnType<typeof dialogue>) => measureDialogue(d, travel, "travel");
const BOOK_TASK = { instructions: { reason: "Book pizza hut city centre for 4 on friday" }, evaluation: { actions: [BOOK] } };
const booked: Turn[] = [{ user: "Book pizza hut city centre for 4 on friday at 19:00", intent: "book" }, { call: BOOK }, { say: "Booked: reference RI4NCOGQM." }, { user: "Thanks!", intent: "thanks" }];

describe("(a) the audit against the dialogue's own outcome", () => {
  it("agrees when goal_met is the judged reward, disagrees when it is not, and is undefined without a task", () => {
    expect(measure(dialogue(booked, { task: BOOK_TASK })).auditAgrees).toBe(true);
    expect(measure(dialogue(booked, { task: BOOK_TASK, outcome: { resolution: "resolved", goal_met: false } })).auditAgrees).toBe(false);
    expect(measure(dialogue(booked)).auditAgrees).toBeUndefined();
  });
});

describe("(b) the expected end state with every fact said", () => {
  it("holds when the booking is made and the phone number said, fails when the number is not said or nothing is booked", () => {
    const task = { ...BOOK_TASK, evaluation: { actions: [BOOK], communicate: ["01223323737"] } };
    expect(measure(dialogue(booked, { task })).reachedGold).toBe(false);
    const said: Turn[] = [...booked.slice(0, 2), { say: "Booked; call them on 01223323737." }, booked[3]!];
    expect(measure(dialogue(said, { task })).reachedGold).toBe(true);
    expect(measure(dialogue([booked[0]!, { say: "Sorry." }], { task })).reachedGold).toBe(false);
  });
});

describe("(c) writes the gold does not make", () => {
  it("counts a booking made for a task whose gold makes none, and nothing when the dialogue only searched", () => {
    const none = { instructions: { reason: "Book pizza hut city centre for 4" }, evaluation: { actions: [] } };
    expect(measure(dialogue(booked, { task: none, resolution: "failed" })).unexpectedWrites).toBe(1);
    expect(measure(dialogue([booked[0]!, { call: FIND }, { say: "None free." }], { task: none, resolution: "failed" })).unexpectedWrites).toBe(0);
  });
  it("classes the task by its own `expected` over the scenario's drawn resolution", () => {
    const infeasible = { instructions: { reason: "Book pizza hut city centre for 4" }, evaluation: { actions: [] }, expected: "failed" };
    expect(measure(dialogue(booked, { task: infeasible, resolution: "resolved" })).resolution).toBe("failed");
    expect(measure(dialogue(booked, { task: BOOK_TASK, resolution: "escalated" })).resolution).toBe("escalated");
  });
  it("does not count the write the gold expects but the dialogue missed: that is (b)'s miss, not a bad write", () => {
    expect(measure(dialogue([booked[0]!, { say: "Sorry." }], { task: BOOK_TASK, resolution: "failed" })).unexpectedWrites).toBe(0);
  });
});

describe("(d) unhappy after being shown rows that satisfy the goal", () => {
  const shownThenLeaves = (say: string, last: { user: string; intent: string }, outcome = { resolution: "failed", goal_met: false }) =>
    measure(dialogue([{ user: "Italian in the centre?", intent: "find" }, { call: FIND }, { say }, last], { outcome }));
  it("counts a user who asks for a person after the assistant named an italian restaurant in the centre", () => {
    const m = shownThenLeaves("Try Caffe Uno on Bridge Street.", { user: "Get me a person.", intent: "escalate" });
    expect(m).toMatchObject({ satisfyingShown: true, unhappyAfterSatisfying: true });
  });
  it("does not count a user taking the hand-off its task expects (a request the policy reserves to a person)", () => {
    const turns: Turn[] = [{ user: "Italian in the centre?", intent: "find" }, { call: FIND }, { say: "Try Caffe Uno on Bridge Street." }, { user: "Yes, go ahead.", intent: "escalate" }];
    const reserved = { instructions: { reason: "complain about my booking" }, evaluation: { actions: [] }, expected: "escalated" };
    expect(measure(dialogue(turns, { task: reserved, outcome: { resolution: "escalated", goal_met: true } }))).toMatchObject({ satisfyingShown: true, unhappyAfterSatisfying: false });
    const resolvable = { ...reserved, expected: "resolved" };
    expect(measure(dialogue(turns, { task: resolvable, outcome: { resolution: "escalated", goal_met: false } })).unhappyAfterSatisfying).toBe(true);
  });
  it("counts a give-up (a farewell on an unresolved outcome), not a thank-you", () => {
    expect(shownThenLeaves("Try Caffe Uno.", { user: "Forget it.", intent: "farewell" }).unhappyAfterSatisfying).toBe(true);
    expect(shownThenLeaves("Try Caffe Uno.", { user: "Lovely, thanks.", intent: "thanks" }, { resolution: "resolved", goal_met: true }).unhappyAfterSatisfying).toBe(false);
  });
  it("does not count rows the tool returned but the assistant never named, nor rows that miss a constraint", () => {
    expect(shownThenLeaves("I found some places.", { user: "Forget it.", intent: "farewell" })).toMatchObject({ satisfyingShown: false, unhappyAfterSatisfying: false });
    const cheapOnly = measure(
      dialogue([{ user: "Cheap italian?", intent: "find" }, { call: FIND }, { say: "Caffe Uno is one." }, { user: "Forget it.", intent: "farewell" }], {
        outcome: { resolution: "failed", goal_met: false },
        constraints: [...ITALIAN_CENTRE, { field: "pricerange", op: "eq", value: "cheap", service: "restaurant" }],
      }),
    );
    expect(cheapOnly).toMatchObject({ satisfyingShown: false, unhappyAfterSatisfying: false });
  });
});

describe("(e) the reason stated within the first two user messages", () => {
  it("holds when a first message names a value of the task's reason or carries its intent, fails when the reason comes third", () => {
    expect(measure(dialogue(booked, { task: BOOK_TASK })).reasonStated).toBe(true);
    const late: Turn[] = [{ user: "Hi!", intent: "greeting" }, { user: "Nice weather.", intent: "chit_chat" }, ...booked];
    expect(measure(dialogue(late, { task: BOOK_TASK, intent: "book" })).reasonStated).toBe(false);
    const labelled: Turn[] = [{ user: "Hi!", intent: "greeting" }, { user: "I'd like to reserve a table.", intent: "book" }, ...booked.slice(1)];
    expect(measure(dialogue(labelled, { task: BOOK_TASK, intent: "book" })).reasonStated).toBe(true);
    expect(measure(dialogue(booked)).reasonStated).toBeUndefined();
  });
});

describe("summarizeMeasures", () => {
  it("counts per category and over all, each bar over its own denominator", () => {
    const a = measure(dialogue(booked, { task: BOOK_TASK }));
    const b = { ...measure(dialogue(booked, { task: { ...BOOK_TASK, evaluation: { actions: [] } }, resolution: "failed" })), category: "other" };
    const t = summarizeMeasures([a, b]);
    expect(t.get("all")).toMatchObject({ dialogues: 2, withTask: 2, resolvedTasks: 1, reachedGold: 1, unresolvedTasks: 1, withUnexpectedWrites: 1 });
    expect(t.get("other")).toMatchObject({ dialogues: 1, resolvedTasks: 0, unresolvedTasks: 1 });
  });
});
