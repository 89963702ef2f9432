// dialogue-sim --engine openai with a scenario that carries a task, against the fake server:
// the user model gets the task's instructions and never its evaluation, and the outcome is the
// checker's (judge on the task's evaluation over the transcript), as audit re-computes it.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { judge, loadDomain, transcriptOf } from "@chatmill/domains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bin, lines, run, sh } from "./helpers/spawn.js";
import { startFake, type FakeProcess } from "./llm-helpers.js";

type Msg = Record<string, any>;
const sim = bin("dialogue-sim");
const dir = mkdtempSync(join(tmpdir(), "sim-llm-task-"));
const config = join(dir, "llm.json");
writeFileSync(config, JSON.stringify({ model: "fake", retryBaseMs: 5, retryMaxMs: 40, concurrency: 2 }));
const fakes: FakeProcess[] = [];
let scenario = "";

const BOOK = { name: "book_restaurant", arguments: { restaurant_id: "19210", day: "friday", time: "19:00", people: 4 } };
const PHONE = "01223323737";
const task = {
  instructions: {
    reason: "You want a table for 4 at pizza hut city centre on Friday at 19:00.",
    known: { name: "Olivia Johnson" },
    unknown: ["the restaurant's phone number"],
    decisions: ["If offered another time, insist on 19:00."],
  },
  evaluation: { actions: [BOOK], communicate: [PHONE] },
};

const say = (message: string, status: string, intent: string) => JSON.stringify({ message, status, intent, emotion: "neutral", variation: "none" });

/** The fake server plays both models: the user asks, the assistant books and replies `reply`, the user thanks. */
async function conversation(reply: string): Promise<{ dialogue: Msg; requests: Msg[] }> {
  const log = join(dir, `requests-${fakes.length}.ndjson`);
  const rules = join(dir, `script-${fakes.length}.ndjson`);
  writeFileSync(
    rules,
    [
      { match: "The chat window is open", times: 1, reply: { content: say("A table for 4 at pizza hut city centre, Friday 19:00, please.", "continue", "book") } },
      { match: "pizza hut city centre, Friday 19:00", times: 1, reply: { tool_calls: [BOOK] } },
      { match: '"restaurant_id":"19210"', times: 1, reply: { content: reply } },
      { match: "Booked", times: 1, reply: { content: say("Great, thanks!", "goal_met", "thanks") } },
      { match: "Great, thanks!", times: 1, reply: { content: "Enjoy your meal." } },
    ]
      .map((r) => JSON.stringify(r))
      .join("\n"),
  );
  const f = await startFake(["--log", log, "--script", rules]);
  fakes.push(f);
  const r = await run(sim, ["--engine", "openai", "--config", config, "--failure-rate", "0", "-q"], scenario, { OPENAI_BASE_URL: f.url });
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return { dialogue: (lines(r.stdout) as Msg[])[0]!, requests: lines(readFileSync(log, "utf8")) as Msg[] };
}

beforeAll(async () => {
  const persona = (await sh(`node ${bin("persona-sample")} -n 1 --domain travel --seed 5 -q`)).stdout;
  const s = (lines((await run(bin("scenario-gen"), ["-q"], persona)).stdout) as Msg[])[0]!;
  const restaurant = [{ field: "name", op: "eq", value: "pizza hut city centre", service: "restaurant", table: "restaurant" }];
  scenario = `${JSON.stringify({
    ...s,
    services: ["restaurant"],
    category: "dining_reservation",
    resolution: "resolved",
    goal: { text: "Book a table for 4 at pizza hut city centre on Friday at 19:00.", constraints: restaurant, end_state: [{ type: "booking_created", service: "restaurant", table: "restaurant", match: { people: 4 } }] },
    turns: { min: 1, max: 4 },
    task,
  })}\n`;
});

afterAll(async () => {
  await Promise.all(fakes.map((f) => f.stop()));
});

describe("dialogue-sim --engine openai and the scenario's task", () => {
  it("tells the user model the task's instructions and nothing of its evaluation", async () => {
    const { requests } = await conversation(`Booked: pizza hut city centre, reference RI4NCOGQM. Their number is ${PHONE}.`);
    const userRequests = requests.filter((q) => q.body.response_format);
    expect(userRequests.length).toBeGreaterThan(0);
    for (const q of userRequests) {
      const system = q.body.messages[0].content as string;
      expect(system).toContain(`Why you are contacting the assistant: ${task.instructions.reason}`);
      expect(system).toContain("- name: Olivia Johnson");
      expect(system).toContain("- the restaurant's phone number");
      expect(system).toContain("- If offered another time, insist on 19:00.");
      expect(system).toContain("ask for a human and end with status escalate");
      // The gold action, its arguments and the fact to say are the evaluation: the user never sees them.
      expect(system).not.toContain("book_restaurant");
      expect(system).not.toContain("19210");
    }
    // The phone number reaches the user only in the assistant's reply, not in its prompt.
    expect(userRequests.every((q) => !(q.body.messages[0].content as string).includes(PHONE))).toBe(true);
  });

  it("the outcome is judge's: the booking made and the number said → goal_met; the number not said → not met", async () => {
    const travel = loadDomain("travel");
    const judged = (d: Msg) => judge(travel, task.evaluation, transcriptOf(d.messages, d.meta.setup)).reward;
    const met = (await conversation(`Booked: pizza hut city centre, reference RI4NCOGQM. Their number is ${PHONE}.`)).dialogue;
    expect(judged(met)).toBe(1);
    expect(met.outcome).toMatchObject({ goal_met: true, reward: 1, resolution: "resolved" });
    const unsaid = (await conversation("Booked: pizza hut city centre, reference RI4NCOGQM.")).dialogue;
    expect(judged(unsaid)).toBe(0);
    expect(unsaid.outcome).toMatchObject({ goal_met: false, reward: 0, resolution: "failed" });
    expect(unsaid.outcome.checks).toContainEqual({ name: `said "${PHONE}"`, passed: false });
    // The user thanked in both: what the simulator said about itself does not decide the outcome.
    for (const d of [met, unsaid]) expect((d.messages as Msg[]).filter((m) => m.role === "user").at(-1)!.labels.intent).toBe("thanks");
  });
});
