import { describe, expect, it } from "vitest";
import { loadDomain } from "../load.js";
import { createSession } from "../session.js";
import { runSetup } from "../tasks/run-setup.js";
import { judge } from "./judge.js";
import { KeyBindings, keyInResult } from "./key-bindings.js";
import type { RecordedCall } from "./transcript.js";

const travel = loadDomain("travel");
const BOOK = { name: "book_restaurant", arguments: { restaurant_id: "19210", day: "friday", time: "19:00", people: 4 } };

/** The model's key for BOOK on a fresh state (what a task planned over the tables names the booking). */
const modelKey = (): string => (createSession(travel).call(BOOK).data as { id: string }).id;

describe("KeyBindings", () => {
  it("rewrites whole values and keys in lists, nothing inside other text", () => {
    const b = new KeyBindings();
    b.bind("o1", "RI4NCOGQM");
    b.bind("same", "same"); // a key both sides share binds nothing
    expect(b.size).toBe(1);
    expect(b.rewrite({ booking_id: "o1", ids: ["o1", "o2"], note: "about o1", n: 1 })).toEqual({ booking_id: "RI4NCOGQM", ids: ["RI4NCOGQM", "o2"], note: "about o1", n: 1 });
    const untouched = { booking_id: "o2" };
    expect(b.rewrite(untouched)).toBe(untouched);
  });

  it("finds a created row's key at the top of a result or one level down", () => {
    expect(keyInResult(travel, "restaurant_booking", '{"id":"o1","people":4}')).toBe("o1");
    expect(keyInResult(travel, "restaurant_booking", '{"booking":{"id":"o1"}}')).toBe("o1");
    expect(keyInResult(travel, "restaurant_booking", "not json")).toBeUndefined();
  });
});

describe("a live backend's own keys, judged over the tables", () => {
  // As a live dialogue records it: the backend called the booking "o1", and the user cancelled "o1".
  const live = (): RecordedCall[] => {
    const booked = createSession(travel).call(BOOK);
    const content = booked.content.replace(`"id":"${modelKey()}"`, '"id":"o1"');
    const cancel = { name: "cancel_restaurant_booking", arguments: { booking_id: "o1" } };
    return [
      { ...BOOK, result: { content, ok: true } },
      { ...cancel, result: { content: '{"id":"o1","status":"cancelled"}', ok: true } },
    ];
  };

  it("the cancel of the backend's row reaches the row the plan names: reward 1", () => {
    const gold = { actions: [BOOK, { name: "cancel_restaurant_booking", arguments: { booking_id: modelKey() } }] };
    const j = judge(travel, gold, { calls: live(), said: [] });
    expect(j.state.differences).toEqual([]);
    expect(j.reward).toBe(1);
    // Had the cancel not reached the booking, the end states would differ: the gold cancels it.
    const cancelOther = live();
    cancelOther[1] = { ...cancelOther[1]!, arguments: { booking_id: "o9" } };
    expect(judge(travel, gold, { calls: cancelOther, said: [] }).reward).toBe(0);
  });

  it("a setup booking made on the backend (meta.setup `created`) is the one the dialogue's cancel names", () => {
    const gold = { actions: [{ name: "cancel_restaurant_booking", arguments: { booking_id: modelKey() } }] };
    const calls = [live()[1]!];
    expect(judge(travel, gold, { setup: [{ ...BOOK, created: "o1" }], calls, said: [] }).reward).toBe(1);
    expect(judge(travel, gold, { setup: [BOOK], calls, said: [] }).reward).toBe(0);
  });
});

describe("runSetup", () => {
  it("runs the planned actions; on the tables the keys are the plan's, so nothing is recorded as created", () => {
    const s = createSession(travel);
    const run = runSetup(travel, s, [BOOK, { name: "cancel_restaurant_booking", arguments: { booking_id: modelKey() } }]);
    expect(run.refused).toBeUndefined();
    expect(run.calls).toEqual([BOOK, { name: "cancel_restaurant_booking", arguments: { booking_id: modelKey() } }]);
    expect(s.get("restaurant_booking", modelKey())).toMatchObject({ status: "cancelled" });
  });

  it("stops at the first refusal with the tool's error", () => {
    const run = runSetup(travel, createSession(travel), [{ name: "cancel_restaurant_booking", arguments: { booking_id: "NOPE" } }, BOOK]);
    expect(run.calls).toEqual([]);
    expect(run.refused).toMatchObject({ action: { name: "cancel_restaurant_booking" }, error: expect.stringMatching(/NOPE/) });
  });
});
