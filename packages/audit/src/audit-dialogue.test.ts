import { createSession, loadDomain } from "@chatmill/domains";
import { describe, expect, it } from "vitest";
import { auditDialogue } from "./audit-dialogue.js";

const travel = loadDomain("travel");
const BOOK = { name: "book_restaurant", arguments: { restaurant_id: "19210", day: "friday", time: "19:00", people: 4 } };

/** A hand-built dialogue: the calls run on a session, their real results as tool messages. */
function dialogue(calls: Array<typeof BOOK>, extra: Record<string, unknown> = {}) {
  const s = createSession(travel);
  const messages: Array<Record<string, unknown>> = [{ role: "user", content: "A table for four at Pizza Hut, Friday 7pm." }];
  calls.forEach((c, i) => {
    messages.push({ role: "assistant", content: null, tool_calls: [{ id: `c${i}`, ...c }] });
    const r = s.call(c);
    messages.push({ role: "tool", tool_call_id: `c${i}`, name: c.name, content: r.content, ok: r.ok });
  });
  messages.push({ role: "assistant", content: "Booked: Regent Street City Centre, 01223323737." });
  return { id: "d1", domain: "travel", tools: travel.tools, messages, ...extra };
}

describe("auditDialogue", () => {
  it("agrees with a dialogue whose results are the tools' own and whose outcome its task confirms", () => {
    const d = dialogue([BOOK], { scenario: { task: { evaluation: { actions: [BOOK], communicate: ["01223323737"] } } }, outcome: { goal_met: true, reward: 1 } });
    const r = auditDialogue(d, travel, "travel");
    expect(r).toMatchObject({ calls: 1, compared: 1, mismatched: 0, agrees: true, issues: [], judged: { reward: 1, state_match: true, unsaid: [] }, recorded: { goal_met: true } });
  });

  it("disagrees with a recorded success the end state does not show, and with a fact never said", () => {
    const d = dialogue([], { scenario: { task: { evaluation: { actions: [BOOK], communicate: ["table 12"] } } }, outcome: { goal_met: true, reward: 1 } });
    const r = auditDialogue(d, travel, "travel");
    expect(r.agrees).toBe(false);
    expect(r.judged).toMatchObject({ reward: 0, state_match: false, unsaid: ["table 12"] });
    expect(r.issues[0]).toMatch(/recorded goal_met true, judged reward 0 \(1 row\(s\) differ from the expected end state\) \(not said: table 12\)/);
  });

  it("agrees with a recorded failure the checker also finds, and reports a task that does not validate", () => {
    const failed = auditDialogue(dialogue([], { scenario: { task: { evaluation: { actions: [BOOK] } } }, outcome: { goal_met: false, reward: 0 } }), travel, "travel");
    expect(failed).toMatchObject({ agrees: true, judged: { reward: 0 } });
    const invalid = auditDialogue(dialogue([], { scenario: { task: { evaluation: { actions: [{ ...BOOK, arguments: { restaurant_id: "nope" } }] } } } }), travel, "travel");
    expect(invalid.agrees).toBe(false);
    expect(invalid.issues[0]).toMatch(/^the task does not validate: action 0 \(book_restaurant\)/);
    const notATask = auditDialogue(dialogue([], { scenario: { task: { evaluation: {} } } }), travel, "travel");
    expect(notATask.issues[0]).toMatch(/^scenario.task is not a task: .* at \/scenario\/task\/evaluation\/actions/);
  });

  it("catches a changed tool result and keeps the first five mismatches of many", () => {
    const d = dialogue(Array.from({ length: 7 }, () => ({ name: "find_police", arguments: {} }) as unknown as typeof BOOK));
    for (const m of d.messages) if (m.role === "tool") m.content = `${m.content as string} `;
    const r = auditDialogue(d, travel, "travel");
    expect(r).toMatchObject({ compared: 7, mismatched: 7, agrees: false });
    expect(r.mismatches).toHaveLength(5);
  });
});
