import { loadDomain } from "@chatmill/domains";
import { describe, expect, it } from "vitest";
import { sampleScenarios } from "../testing/scenarios.js";
import { TASK_ENDING, userSystemPrompt } from "./prompts.js";

const travel = loadDomain("travel");
const [base] = sampleScenarios("travel", 1, 3);
const task = {
  instructions: {
    reason: "You want a table for 4 at pizza hut city centre on Friday at 19:00.",
    known: { name: "Olivia Johnson", zip: "cb21uf" },
    unknown: ["the restaurant's phone number"],
    decisions: ["If offered another time, insist on 19:00."],
  },
  evaluation: { actions: [{ name: "book_restaurant", arguments: { restaurant_id: "19210", day: "friday", time: "19:00", people: 4 } }], communicate: ["01223323737"] },
};

describe("the LLM user simulator's prompt and the scenario's task", () => {
  it("carries the task's instructions: reason, known info given when asked, unknown info not to invent, decisions, and the task's endings", () => {
    const prompt = userSystemPrompt({ scenario: { ...base!, task }, domain: travel, bookings: [] });
    expect(prompt).toContain("Why you are contacting the assistant: You want a table for 4 at pizza hut city centre on Friday at 19:00.");
    expect(prompt).toMatch(/give each only when the assistant asks[^\n]*\n- name: Olivia Johnson\n- zip: cb21uf/);
    expect(prompt).toMatch(/never make it up:\n- the restaurant's phone number/);
    expect(prompt).toContain("- If offered another time, insist on 19:00.");
    for (const line of TASK_ENDING) expect(prompt).toContain(line);
    // The ending drawn for the scenario is not told: the user ends by what happens.
    expect(prompt).not.toContain("You get what you came for");
    expect(prompt).not.toContain("You do not get what you came for");
  });

  it("never shows the evaluation: no gold action, argument or fact to communicate", () => {
    const prompt = userSystemPrompt({ scenario: { ...base!, task }, domain: travel, bookings: [] });
    for (const secret of ["book_restaurant", "19210", "01223323737"]) expect(prompt).not.toContain(secret);
  });

  it("a task without instructions still ends by what happened, with no task section", () => {
    const prompt = userSystemPrompt({ scenario: { ...base!, resolution: "failed", task: { evaluation: task.evaluation } }, domain: travel, bookings: [] });
    expect(prompt).not.toContain("# Your task");
    expect(prompt).toContain(TASK_ENDING[1]);
    expect(prompt).not.toContain("You do not get what you came for");
  });

  it("without a task, the prompt is the goal's with the drawn ending, as before", () => {
    // scenario-gen writes a task on every scenario: an older scenario is one without it.
    const { task: _written, ...older } = base!;
    const prompt = userSystemPrompt({ scenario: { ...older, resolution: "failed" }, domain: travel, bookings: [] });
    expect(prompt).not.toContain("# Your task");
    expect(prompt).toContain("You do not get what you came for");
    expect(prompt).not.toContain(TASK_ENDING[0]);
  });

  it("puts the article the persona's occupation sounds like before it", () => {
    const said = (occupation: string) => userSystemPrompt({ scenario: { ...base!, persona: { ...base!.persona, occupation } }, domain: travel, bookings: [] });
    expect(said("engineer")).toContain("You work as an engineer.");
    expect(said("university lecturer")).toContain("You work as a university lecturer.");
    expect(said("nurse")).toContain("You work as a nurse.");
  });
});
