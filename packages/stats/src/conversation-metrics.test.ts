import { describe, expect, it } from "vitest";
import { StatsAccumulator } from "./accumulator.js";
import { contextRetention } from "./context-retention.js";
import { textToolCall } from "./text-tool-call.js";

const user = (content: string) => ({ role: "user", content });
const say = (content: string) => ({ role: "assistant", content });
const call = (name: string, args: Record<string, unknown>, content = "") => ({ role: "assistant", content, tool_calls: [{ id: `c-${name}-${JSON.stringify(args).length}`, name, arguments: args }] });
const result = (name: string) => ({ role: "tool", name, tool_call_id: "x", content: "[]" });
const dialogue = (messages: object[]) => ({ id: "d1", messages });

describe("contextRetention", () => {
  it("is 1 when a later search keeps every constraint the user gave", () => {
    const r = contextRetention(dialogue([
      user("A hotel in the north, cheap please"),
      call("find_hotel", { area: "north", price: "cheap" }),
      result("find_hotel"),
      user("Any with parking?"),
      call("find_hotel", { area: "north", price: "cheap", parking: "yes" }),
    ]));
    expect(r).toEqual({ kept: 2, dropped: 0, reasked: 0, value: 1 });
  });

  it("is low when the assistant forgets a constraint and asks again for what it was told", () => {
    const r = contextRetention(dialogue([
      user("A hotel in the north, cheap please"),
      call("find_hotel", { area: "north", price: "cheap" }),
      result("find_hotel"),
      say("Which area would you like?"),
      user("Any with parking?"),
      call("find_hotel", { parking: "yes" }),
    ]));
    expect(r).toEqual({ kept: 0, dropped: 2, reasked: 1, value: 0 });
  });

  it("does not count a value the user changed, nor a confirmation that repeats the value", () => {
    const r = contextRetention(dialogue([
      user("Train to Cambridge on friday"),
      call("find_train", { destination: "cambridge", day: "friday" }),
      result("find_train"),
      say("Shall I look at friday's day trains only?"),
      user("Actually make it saturday"),
      call("find_train", { destination: "cambridge", day: "saturday" }),
    ]));
    expect(r).toEqual({ kept: 1, dropped: 0, reasked: 0, value: 1 });
  });

  it("is null when nothing could be forgotten", () => {
    expect(contextRetention(dialogue([user("hi"), say("Hello!")])).value).toBeNull();
    expect(contextRetention(dialogue([user("order 123456"), call("get_order", { order_id: "123456" })])).value).toBeNull();
  });
});

describe("textToolCall", () => {
  it.each([
    ['{"action": "run_command", "args": {"cmd": "df -h"}}'],
    ["Running it now: {'tool': 'check_disk', 'host': 'db-01', 'verbose': True}"],
    ['```json\n{"name": "get_weather", "arguments": {"city": "Oslo"}}\n```'],
    ['<tool_call>{"name": "get_weather", "arguments": {"city": "Oslo"}}</tool_call>'],
  ])("finds a call written as text: %s", (text) => {
    expect(textToolCall(text)).toBe("call_written_as_text");
  });
  it.each([["Your total is {price} dollars"], ['The config is {"timeout": 30}'], ["All 3 hosts are healthy."]])("leaves plain replies alone: %s", (text) => {
    expect(textToolCall(text)).toBeUndefined();
  });
});

describe("stats figures", () => {
  it("counts calls written as text in tool-format accuracy and reports context retention", () => {
    const acc = new StatsAccumulator();
    const good = acc.add({ ...dialogue([user("A hotel in the north"), call("find_hotel", { area: "north" }), result("find_hotel"), user("and cheap"), call("find_hotel", { area: "north", price: "cheap" }), say("Found 2.")]), id: "good" });
    const bad = acc.add({ ...dialogue([user("check db-01"), say('{"action": "check_host", "host": "db-01"}')]), id: "bad" });
    expect(good).toMatchObject({ id: "good", text_tool_calls: 0, context_retention: { value: 1 } });
    expect(bad).toMatchObject({ id: "bad", text_tool_calls: 1, context_retention: { value: null } });
    const r = acc.report().dialogues;
    expect(r.tool_format).toMatchObject({ calls_checked: 3, valid: 2, written_as_text: 1, problems: { call_written_as_text: 1 } });
    expect(r.context_retention).toMatchObject({ dialogues_measured: 1, mean: 1, kept: 1, dropped: 0, reasked: 0 });
  });
});
