import { deriveTask, judge, loadDomain, validateTask } from "@chatmill/domains";
import { describe, expect, it } from "vitest";
import { sampleScenarios } from "../testing/scenarios.js";
import { scenarioTask, TaskInvalid } from "./scenario-task.js";

describe.each(["retail", "travel", "ops"])("tasks derived for the built-in %s pack", (name) => {
  const domain = loadDomain(name);
  const scenarios = sampleScenarios(name, 300, 13);

  it("every scenario gets a task whose setup and actions succeed on a fresh state, and which the checker gives reward 1 against itself", () => {
    const expected = new Set<string>();
    for (const s of scenarios) {
      const { task } = scenarioTask(s, domain);
      expect(validateTask(domain, task), s.id).toBeUndefined();
      const said = task.evaluation.communicate ?? [];
      const setup = task.setup ?? [];
      // The gold calls as a dialogue would record them: replayed, they reach the expected state.
      const j = judge(domain, task.evaluation, { setup, calls: task.evaluation.actions.map((a) => ({ ...a })), said });
      expect(j.goldErrors, s.id).toEqual([]);
      expected.add(task.expected ?? "resolved");
    }
    expect(expected.has("resolved")).toBe(true);
    expect(expected.has("escalated")).toBe(true);
  });

  it("a category the policy reserves to a person is an escalation task whose expected action is the declared hand-off", () => {
    const s = scenarios.find((x) => (domain.pack.policy?.handoff?.tasks ?? []).includes(domain.taskOf(x.category)!));
    expect(s).toBeDefined();
    const { task } = scenarioTask(s!, domain);
    expect(task.expected).toBe("escalated");
    expect(task.evaluation.actions.at(-1)!.name).toBe(domain.handoffTool);
  });
});

describe("deriving a task on travel", () => {
  const travel = loadDomain("travel");
  const goal = (constraints: Array<Record<string, unknown>>, end: Record<string, unknown>) =>
    ({ constraints, end_state: [end] }) as never;

  it("books the first row the search shows that meets every constraint, with the goal's booking values", () => {
    const got = deriveTask(travel, {
      goal: goal([{ field: "area", op: "eq", value: "centre", service: "restaurant", table: "restaurant" }, { field: "food", op: "eq", value: "italian", service: "restaurant", table: "restaurant" }], { type: "booking_created", service: "restaurant", table: "restaurant", match: { day: "friday", time: "19:00", people: 4 } }),
      category: "dining_reservation",
      reason: "Book an Italian place in the centre.",
    });
    expect(got.task?.expected).toBe("resolved");
    const first = travel.table("restaurant").filter((r) => r.area === "centre" && r.food === "italian").map((r) => String(r.name)).sort()[0];
    const booked = travel.table("restaurant").find((r) => r.name === first)!;
    expect(got.task!.evaluation.actions).toEqual([{ name: "book_restaurant", arguments: { restaurant_id: booked.id, day: "friday", time: "19:00", people: 4 } }]);
    expect(got.task!.instructions!.decisions!.join(" ")).toMatch(/first option/);
  });

  it("a goal nothing in the data meets is a failed task whose actions change nothing", () => {
    const got = deriveTask(travel, {
      goal: goal([{ field: "food", op: "eq", value: "martian", service: "restaurant", table: "restaurant" }, { field: "area", op: "eq", value: "centre", service: "restaurant", table: "restaurant" }], { type: "booking_created", service: "restaurant", table: "restaurant", match: { day: "friday", time: "19:00", people: 4 } }),
      category: "dining_reservation",
      reason: "Book a Martian place.",
    });
    expect(got.task).toMatchObject({ expected: "failed", evaluation: { actions: [] } });
  });

  it("a change to a booking that was cancelled before the conversation is refused by the data: a failed task", () => {
    const got = deriveTask(travel, {
      goal: { constraints: [], end_state: [{ type: "booking_cancelled", service: "restaurant", table: "restaurant" }], setup: [{ service: "restaurant", match: { id: "19210", day: "friday", time: "19:00", people: 4 }, closed: true }] } as never,
      category: "reservation_cancellation",
      reason: "Cancel my booking.",
    });
    expect(got.task?.expected).toBe("failed");
    expect(got.task!.setup!.map((a) => a.name)).toEqual(["book_restaurant", "cancel_restaurant_booking"]);
    expect(got.task!.evaluation.actions).toEqual([]);
  });

  it("a scenario whose task does not validate is refused with the failing action and the tool's error", () => {
    const [s] = sampleScenarios("travel", 1, 3);
    const bad = { ...s!, task: { evaluation: { actions: [{ name: "book_restaurant", arguments: { restaurant_id: "no-such", day: "friday", time: "19:00", people: 2 } }] } } };
    expect(() => scenarioTask(bad, travel)).toThrow(TaskInvalid);
    expect(() => scenarioTask(bad, travel)).toThrow(/book_restaurant .*no-such.*the tool said: No restaurant/);
  });
});
