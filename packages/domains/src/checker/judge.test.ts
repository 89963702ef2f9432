import { describe, expect, it } from "vitest";
import { loadDomain } from "../load.js";
import { createSession } from "../session.js";
import { judge, wasSaid } from "./judge.js";
import { replayCalls } from "./replay-calls.js";
import type { TranscriptMessage } from "../contract.js";
import { transcriptOf, type RecordedCall } from "./transcript.js";

const travel = loadDomain("travel");
const BOOK = { name: "book_restaurant", arguments: { restaurant_id: "19210", day: "friday", time: "19:00", people: 4 } };
const FIND = { name: "find_restaurant", arguments: { area: "centre", food: "italian" } };

/** Calls as a dialogue records them: each run on one session, its real result kept. */
function recorded(calls: Array<{ name: string; arguments: Record<string, unknown> }>, injected: Record<number, string> = {}): RecordedCall[] {
  const s = createSession(travel);
  return calls.map((c, i) => {
    if (injected[i]) return { ...c, result: { content: '{"error":{"type":"timeout"}}', ok: false, injected: injected[i]! } };
    const r = s.call(c);
    return { ...c, result: { content: r.content, ok: r.ok } };
  });
}

describe("judge: the expected actions replayed on a fresh state, compared with the dialogue's re-run calls", () => {
  it("rewards a dialogue whose calls reach the expected end state, whatever reads came between", () => {
    const j = judge(travel, { actions: [BOOK] }, { calls: recorded([FIND, BOOK, FIND]), said: [] });
    expect(j.reward).toBe(1);
    expect(j.state).toEqual({ match: true, differences: [] });
    expect(j.replay).toMatchObject({ compared: 3, mismatches: [] });
    expect(j.goldErrors).toEqual([]);
  });

  it("names the row that differs when the dialogue wrote something else, and gives 0", () => {
    const wrong = { ...BOOK, arguments: { ...BOOK.arguments, people: 5 } };
    const j = judge(travel, { actions: [BOOK] }, { calls: recorded([wrong]), said: [] });
    expect(j.reward).toBe(0);
    // A booking's reference is drawn from what it holds, so the two bookings are two rows: one only expected, one only made.
    expect(j.state.differences.map((d) => [d.table, (d.expected as { people?: number } | null)?.people ?? null, (d.actual as { people?: number } | null)?.people ?? null])).toEqual(expect.arrayContaining([
      ["restaurant_booking", 4, null],
      ["restaurant_booking", null, 5],
    ]));
    expect(j.state.differences).toHaveLength(2);
  });

  it("a dialogue that wrote nothing differs from a task that expects a write, and the reverse", () => {
    expect(judge(travel, { actions: [BOOK] }, { calls: recorded([FIND]), said: [] }).state.differences[0]).toMatchObject({ actual: null });
    expect(judge(travel, { actions: [] }, { calls: recorded([BOOK]), said: [] }).state.differences[0]).toMatchObject({ expected: null });
  });

  it("does not run a call that met an injected timeout: the backend never saw it", () => {
    const j = judge(travel, { actions: [BOOK] }, { calls: recorded([BOOK, BOOK], { 0: "timeout" }), said: [] });
    expect(j.reward).toBe(1);
    expect(j.replay).toMatchObject({ failedInTransit: 1, compared: 1 });
  });

  it("reports a recorded result the tool does not give when re-run", () => {
    const calls = recorded([FIND, BOOK]);
    calls[1]!.result!.content = calls[1]!.result!.content.replace('"people":4', '"people":40');
    const j = judge(travel, { actions: [BOOK] }, { calls, said: [] });
    expect(j.replay.mismatches).toEqual([expect.objectContaining({ index: 1, name: "book_restaurant" })]);
    expect(j.replay.mismatches[0]!.rerun).toContain('"people":4');
  });

  it("starts both sessions from the transcript's setup: cancelling the booking the user already had", () => {
    const before = createSession(travel);
    const ref = (before.call(BOOK).data as { id: string }).id;
    const cancel = { name: "cancel_restaurant_booking", arguments: { booking_id: ref } };
    const after = createSession(travel);
    after.call(BOOK);
    const calls: RecordedCall[] = [{ ...cancel, result: { content: after.call(cancel).content, ok: true } }];
    const j = judge(travel, { actions: [cancel] }, { setup: [BOOK], calls, said: [] });
    expect(j).toMatchObject({ reward: 1, replay: { compared: 1, mismatches: [], setupErrors: [] } });
    // Without its setup the same transcript cannot be re-run: the booking does not exist.
    const bare = judge(travel, { actions: [cancel] }, { calls, said: [] });
    expect(bare.replay.mismatches).toHaveLength(1);
    expect(bare.goldErrors).toHaveLength(1);
  });

  it("reports expected actions the tools refuse: the task does not validate", () => {
    const j = judge(travel, { actions: [{ name: "book_restaurant", arguments: { ...BOOK.arguments, restaurant_id: "no-such" } }] }, { calls: [], said: [] });
    expect(j.goldErrors).toHaveLength(1);
    expect(j.goldErrors[0]).toMatchObject({ index: 0, name: "book_restaurant" });
  });

  it("requires every fact to communicate when the basis says so, and only then", () => {
    const calls = recorded([BOOK]);
    const evaluation = { actions: [BOOK], communicate: ["01223323737", "Regent Street"] };
    expect(judge(travel, evaluation, { calls, said: ["Booked. Call them on 01223323737."] })).toMatchObject({ reward: 0, basis: ["state", "communicate"] });
    const both = judge(travel, evaluation, { calls, said: ["Booked at Regent Street.", "Their number is 01223323737."] });
    expect(both.reward).toBe(1);
    expect(both.communicate.every((c) => c.said)).toBe(true);
    expect(judge(travel, { ...evaluation, basis: ["state"] }, { calls, said: [] }).reward).toBe(1);
  });

  it("finds a fact the way tau-bench does: case-insensitive, commas in the text ignored", () => {
    expect(wasSaid("1234.50", ["The refund is 1,234.50 dollars."])).toBe(true);
    expect(wasSaid("REGENT street", ["at regent street"])).toBe(true);
    expect(wasSaid("1235", ["1,234"])).toBe(false);
  });
});

describe("replayCalls and the pack's policy", () => {
  it("re-runs each call with the conversation before it: a write refused for want of a yes is refused again, a confirmed one runs", () => {
    const ops = loadDomain("ops");
    const restart = { id: "r1", name: "run_command", arguments: { agent: "web-01", command: "systemctl restart nginx" } };
    const live = createSession(ops);
    const asked: TranscriptMessage[] = [{ role: "user", content: "Restart nginx on web-01." }, { role: "assistant", content: null, tool_calls: [restart] }];
    const refused = live.call(restart, { transcript: asked });
    expect(refused.error?.type).toBe("confirmation_required");
    const yes: TranscriptMessage[] = [
      ...asked,
      { role: "tool", tool_call_id: "r1", content: refused.content, ok: false },
      { role: "assistant", content: "Restart nginx on web-01 — shall I go ahead?" },
      { role: "user", content: "Yes, go ahead.", labels: { intent: "confirm" } },
      { role: "assistant", content: null, tool_calls: [{ ...restart, id: "r2" }] },
    ];
    const done = live.call(restart, { transcript: yes });
    expect(done.ok).toBe(true);
    const messages = [...yes, { role: "tool", tool_call_id: "r2", content: done.content, ok: true }];
    const t = transcriptOf(messages);
    expect(replayCalls(ops, t.calls, [], t.messages).mismatches).toEqual([]);
    // Without the conversation the first call would run, and its recorded refusal would look false.
    expect(replayCalls(ops, t.calls).mismatches.map((m) => m.index)).toEqual([0]);
  });
});

describe("transcriptOf", () => {
  it("pairs each call with its tool message by id, keeps what the assistant said, and leaves an unanswered call without a result", () => {
    const messages: TranscriptMessage[] = [
      { role: "user", content: "hi" },
      { role: "assistant", content: "Looking.", tool_calls: [{ id: "a", name: "find_police", arguments: "{}" }, { id: "b", name: "find_police", arguments: {} }] },
      { role: "tool", tool_call_id: "b", content: "B", ok: true },
      { role: "tool", tool_call_id: "a", content: "A", ok: false, injected: "timeout" },
      { role: "assistant", content: "Done.", tool_calls: [{ id: "c", name: "find_police", arguments: {} }] },
    ];
    const t = transcriptOf(messages);
    expect(t.said).toEqual(["Looking.", "Done."]);
    expect(t.calls.map((c) => [c.id, c.result?.content, c.result?.injected])).toEqual([
      ["a", "A", "timeout"],
      ["b", "B", undefined],
      ["c", undefined, undefined],
    ]);
    expect(t.calls[0]!.arguments).toEqual({});
  });
});
