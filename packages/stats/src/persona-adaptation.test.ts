import { describe, expect, it } from "vitest";
import { StatsAccumulator } from "./accumulator.js";
import { renderHtml } from "./html-report.js";
import { lengthClass, personaAdaptation, styleSignals } from "./persona-adaptation.js";

const user = (content: string) => ({ role: "user", content });
const say = (content: string) => ({ role: "assistant", content });
const call = (content: string) => ({ role: "assistant", content, tool_calls: [{ id: "c1", name: "find_hotel", arguments: { area: "north" } }] });
const result = { role: "tool", name: "find_hotel", tool_call_id: "c1", content: "[]" };
const dialogue = (id: string, messages: object[]) => ({ id, messages });

// A casual, excited user answered in kind, and a formal, calm user answered in kind.
const mirrored = dialogue("mirrored", [
  user("yo!! cheap hotel up north lol 😀"),
  call("yay, on it! 😀"),
  result,
  say("cool!! found 2 cheap ones up north lol"),
  user("Good afternoon. I would like to book a table for four, please. Thank you."),
  say("Certainly. I would be pleased to book the table for four at the Golden Wok, Sir. May I confirm the time, please?"),
]);
// The same users answered the other way round: stiff to the excited one, exuberant to the formal one.
const crossed = dialogue("crossed", [
  user("yo!! cheap hotel up north lol 😀"),
  call("Certainly, I shall look into it for you, Sir."),
  result,
  say("Thank you for waiting. Kindly note that the Acorn Guest House would be a suitable choice, and may I assist you with anything further? I would be pleased to help you with your booking, should you wish to proceed with it today."),
  user("Good afternoon. I would like to book a table for four, please. Thank you."),
  say("yay!! 🎉 done!!"),
]);

describe("personaAdaptation", () => {
  it("is near 1 when every reply matches its user message in formality, energy and length", () => {
    const r = personaAdaptation(mirrored);
    expect(r).toMatchObject({ pairs: 2, energy: 1, length: 1 });
    // Formality: 1/7 vs 1/6 (casual), 6/7 vs 4/5 (formal).
    expect(r.formality).toBe(Math.round(((1 - Math.abs(1 / 7 - 1 / 6)) + (1 - Math.abs(6 / 7 - 4 / 5))) / 2 * 1000) / 1000);
    expect(r.value!).toBeGreaterThan(0.95);
  });

  it("is low when the replies go against the user's register and energy", () => {
    const r = personaAdaptation(crossed);
    expect(r.pairs).toBe(2);
    expect(r.value!).toBeLessThan(0.4);
    expect(r.formality!).toBeLessThan(0.4);
    expect(r.energy!).toBeLessThan(0.2);
    expect(r.length).toBe(0.25);
  });

  it("is null when no user message is answered", () => {
    expect(personaAdaptation(dialogue("x", [say("Hello! How can I help?"), user("hi")])).value).toBeNull();
    expect(personaAdaptation(dialogue("x", [])).pairs).toBe(0);
  });

  it("reads the signals of one text", () => {
    expect(styleSignals("I would like a room, please. Thank you.")).toMatchObject({ formality: 0.8, energy: 0, words: 8 });
    expect(styleSignals("hey HELP!! 😀")).toMatchObject({ formality: 0.2, energy: 1, words: 2 });
    expect(styleSignals("A room in the north.").formality).toBe(0.5);
    expect([lengthClass(7, "user"), lengthClass(8, "user"), lengthClass(25, "user")]).toEqual([0, 1, 2]);
    expect([lengthClass(14, "assistant"), lengthClass(15, "assistant"), lengthClass(50, "assistant")]).toEqual([0, 1, 2]);
  });
});

describe("persona adaptation in the report", () => {
  it("is given per dialogue, averaged in the report and shown on the page", () => {
    const acc = new StatsAccumulator();
    expect(acc.add(mirrored)).toMatchObject({ id: "mirrored", persona_adaptation: { pairs: 2 } });
    expect(acc.add(crossed)?.persona_adaptation.value).toBeLessThan(0.4);
    acc.add(dialogue("silent", [say("Hello!")]));
    const r = acc.report();
    expect(r.dialogues.persona_adaptation).toMatchObject({ dialogues_measured: 2, pairs: 4 });
    const both = [personaAdaptation(mirrored).value!, personaAdaptation(crossed).value!];
    expect(r.dialogues.persona_adaptation.mean).toBe(Math.round(((both[0]! + both[1]!) / 2) * 1000) / 1000);
    const html = renderHtml(r);
    expect(html).toContain("Persona adaptation");
    expect(html).toContain(`${(r.dialogues.persona_adaptation.mean! * 100).toFixed(1)}%`);
  });
});
