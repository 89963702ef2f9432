import { RecordError } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { convertFrames } from "./convert-frames.js";
import { toolsFromSchema } from "./frames-schema.js";

const sgd = {
  dialogue_id: "45_00000",
  services: ["Movies_1"],
  turns: [
    {
      speaker: "USER",
      utterance: "Find Captain Marvel in Morgan Hill",
      frames: [{ service: "Movies_1", actions: [{ act: "INFORM_INTENT", slot: "intent", values: ["GetTimesForMovie"] }], slots: [], state: { active_intent: "GetTimesForMovie", requested_slots: [], slot_values: { location: ["Morgan Hill"] } } }],
    },
    {
      speaker: "SYSTEM",
      utterance: "There is one at 9:30 pm.",
      frames: [{
        service: "Movies_1",
        actions: [{ act: "OFFER", slot: "show_time", values: ["9:30 pm"] }],
        slots: [],
        service_call: { method: "GetTimesForMovie", parameters: { location: "Morgan Hill", movie_name: "Captain Marvel" } },
        service_results: [{ show_time: "21:30" }],
      }],
    },
  ],
};

const schema = [{
  service_name: "Movies_1",
  slots: [{ name: "location", description: "city", is_categorical: false, possible_values: [] }, { name: "show_type", description: "kind", is_categorical: true, possible_values: ["regular", "3d"] }],
  intents: [{ name: "GetTimesForMovie", description: "showtimes", required_slots: ["location"], optional_slots: { show_type: "regular", genre: "dontcare" } }],
}];

describe("convertFrames", () => {
  it("keeps the user's state and intent, and turns service_call/results into a call and its result", () => {
    const c = convertFrames(sgd);
    expect(c.sourceId).toBe("45_00000");
    expect(c.messages).toEqual([
      {
        role: "user",
        content: "Find Captain Marvel in Morgan Hill",
        labels: { intent: "GetTimesForMovie", acts: ["INFORM_INTENT"] },
        state: { Movies_1: { active_intent: "GetTimesForMovie", requested_slots: [], slot_values: { location: ["Morgan Hill"] } } },
      },
      { role: "assistant", content: null, tool_calls: [{ id: "call_1", name: "GetTimesForMovie", arguments: { location: "Morgan Hill", movie_name: "Captain Marvel" } }] },
      { role: "tool", tool_call_id: "call_1", name: "GetTimesForMovie", content: '[{"show_time":"21:30"}]', ok: true },
      { role: "assistant", content: "There is one at 9:30 pm.", labels: { intent: "recommend", acts: ["OFFER"] } },
    ]);
    expect(c.rest).toEqual({ services: ["Movies_1"] });
  });

  it("describes tools from the calls seen, or takes them from the schema", () => {
    expect(convertFrames(sgd).tools[0]!.function).toMatchObject({ name: "GetTimesForMovie", parameters: { type: "object", properties: { location: { type: "string" }, movie_name: { type: "string" } } } });
    const tools = convertFrames(sgd, toolsFromSchema(schema)).tools;
    expect(tools).toEqual([{
      type: "function",
      function: {
        name: "GetTimesForMovie",
        description: "showtimes",
        parameters: {
          type: "object",
          properties: { location: { type: "string", description: "city" }, show_type: { type: "string", description: "kind", enum: ["regular", "3d"], default: "regular" }, genre: { type: "string" } },
          required: ["location"],
        },
      },
    }]);
  });

  it("drops the service prefix of MultiWOZ slot names in tool parameters", () => {
    const tools = toolsFromSchema([{ service_name: "hotel", slots: [{ name: "hotel-area", description: "area" }], intents: [{ name: "find_hotel", required_slots: [], optional_slots: { "hotel-area": "dontcare" } }] }]);
    expect(Object.keys(tools.get("hotel")![0]!.function.parameters.properties as object)).toEqual(["area"]);
    expect(() => toolsFromSchema({})).toThrow(/expected a JSON array of services/);
  });

  it("takes the intent of the service the user is talking about, ignoring idle frames", () => {
    const c = convertFrames({
      dialogue_id: "MUL1.json",
      turns: [{
        turn_id: "0",
        speaker: "USER",
        utterance: "a taxi please",
        frames: [
          { service: "hotel", actions: [], slots: [], state: { active_intent: "NONE", requested_slots: [], slot_values: {} } },
          { service: "taxi", actions: [], slots: [], state: { active_intent: "find_taxi", requested_slots: [], slot_values: { "taxi-leaveat": ["10:00"] } } },
        ],
      }, { turn_id: "1", speaker: "SYSTEM", utterance: "Where to?", frames: [] }],
    });
    expect(c.messages[0]).toMatchObject({ labels: { intent: "find_taxi" }, state: { taxi: { active_intent: "find_taxi" } } });
    expect(Object.keys(c.messages[0]!.state as object)).toEqual(["taxi"]);
    expect(c.messages[1]).toEqual({ role: "assistant", content: "Where to?" });
    expect(c.tools).toEqual([]);
  });

  it("names the field that does not fit", () => {
    const pathOf = (v: unknown) => {
      try {
        convertFrames(v);
      } catch (err) {
        return (err as RecordError).path;
      }
      return "no error";
    };
    expect(pathOf({ turns: [] })).toBe("/dialogue_id");
    expect(pathOf({ dialogue_id: "x" })).toBe("/turns");
    expect(pathOf({ dialogue_id: "x", turns: [{ speaker: "BOT", utterance: "a" }] })).toBe("/turns/0/speaker");
    expect(pathOf({ dialogue_id: "x", turns: [{ speaker: "USER" }] })).toBe("/turns/0/utterance");
    expect(pathOf({ dialogue_id: "x", turns: [{ speaker: "USER", utterance: "a", frames: [{}] }] })).toBe("/turns/0/frames/0/service");
    expect(pathOf({ dialogue_id: "x", turns: [{ speaker: "SYSTEM", utterance: "a", frames: [{ service: "s", service_call: { parameters: {} } }] }] })).toBe("/turns/0/frames/0/service_call/method");
    expect(pathOf({ dialogue_id: "x", turns: [{ speaker: "SYSTEM", utterance: "a", frames: [{ service: "s", service_call: { method: "m" }, service_results: {} }] }] })).toBe("/turns/0/frames/0/service_results");
    expect(pathOf({ dialogue_id: "x", services: "s", turns: [{ speaker: "USER", utterance: "a" }] })).toBe("/services");
  });
});
