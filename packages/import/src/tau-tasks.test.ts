import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { RecordError } from "@chatmill/kit";
import { Scenario } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { Context } from "@chatmill/kit";
import { importItems, importRecord } from "./import-records.js";
import { TAU_HANDOFF, importTauTask, parseKnown, parseTauBenchInstruction, type TauPackInfo } from "./tau-tasks.js";

const ctx = { tool: "chatmill-import", version: "0.1.0" };
const DATA = process.env.CHATMILL_SHARED_DATA ?? resolve(dirname(fileURLToPath(import.meta.url)), "../../../../shared/data");
const TASKS = resolve(DATA, "tau-tasks-train");
const byName = (d: string): TauPackInfo => ({ name: `tau-${d}`, handoff: TAU_HANDOFF, services: [d] });
/** A pack that is installed: its tools and roles are known, so gold actions are checked. */
const installed = (d: string): TauPackInfo => ({
  name: `tau-${d}`,
  handoff: "transfer_to_human_agents",
  services: [d],
  roles: new Map([
    ["find_user_id_by_email", "lookup"],
    ["get_order_details", "lookup"],
    ["cancel_pending_order", "act"],
    ["transfer_to_human_agents", "handoff"],
  ]),
});

const benchTask = {
  annotator: "synthetic",
  user_id: "ethan_smith_9087",
  instruction: "Your name is Ethan Smith and your email is ethan.smith4017@example.com. You are cautious, messy, confident. Cancel order #W1138897 because no longer needed. ",
  actions: [{ name: "cancel_pending_order", kwargs: { order_id: "#W1138897", reason: "no longer needed" } }],
  outputs: [],
};
const tau2Task = {
  id: "7",
  description: { purpose: "p", relevant_policies: null, notes: null },
  user_scenario: {
    persona: null,
    instructions: {
      task_instructions: "If the agent offers a gift card refund, insist on the original card.\nYou are polite.",
      domain: "retail",
      reason_for_call: "You want to cancel order #W1138897.",
      known_info: "You are mia_garcia_4516 with email mia.garcia2723@example.com",
      unknown_info: "You do not remember your zip code.",
    },
  },
  initial_state: null,
  evaluation_criteria: {
    actions: [
      { action_id: "7_0", name: "find_user_id_by_email", arguments: { email: "mia.garcia2723@example.com" }, info: null },
      { action_id: "7_1", name: "cancel_pending_order", arguments: { order_id: "#W1138897", reason: "ordered by mistake" }, info: null },
    ],
    communicate_info: ["1093.34"],
    nl_assertions: ["Agent cancels the order."],
    reward_basis: ["DB", "COMMUNICATE", "NL_ASSERTION"],
  },
};

describe("chatmill-import --from tau-bench", () => {
  it("maps the instruction, known info, traits, gold actions and outputs onto a Scenario with a task", () => {
    const s = importTauTask(benchTask, "tau-bench", { pack: byName }, ctx) as Record<string, any>;
    expect(Scenario.safeParse(s).success).toBe(true);
    expect(s.domain).toBe("tau-retail");
    expect(s.goal).toEqual({ text: benchTask.instruction.trim(), constraints: [], end_state: [] });
    expect(s.task.instructions).toEqual({
      reason: "Cancel order #W1138897 because no longer needed.",
      known: { name: "Ethan Smith", first_name: "Ethan", last_name: "Smith", email: "ethan.smith4017@example.com" },
    });
    // The identity look-up tau's policy asks for first is added from the known email (tau2 writes it in its gold).
    expect(s.task.evaluation).toEqual({
      actions: [
        { name: "find_user_id_by_email", arguments: { email: "ethan.smith4017@example.com" } },
        { name: "cancel_pending_order", arguments: { order_id: "#W1138897", reason: "no longer needed" } },
      ],
      communicate: [],
      basis: ["state"],
    });
    expect(s.task.tau).toEqual({ instruction: benchTask.instruction, annotator: "synthetic", user_id: "ethan_smith_9087", identity_added: "find_user_id_by_email" });
    expect(s.persona).toMatchObject({ name: "Ethan Smith", traits: ["cautious", "messy", "confident"], language: "en" });
    expect(s.resolution).toBe("resolved");
    expect(s.meta.pack_checked).toBe(false);
    // Content decides the id: the same task gets the same id, another task another.
    expect(importTauTask(benchTask, "tau-bench", { pack: byName }, ctx).id).toBe(s.id);
    expect(importTauTask({ ...benchTask, user_id: "x" }, "tau-bench", { pack: byName }, ctx).id).not.toBe(s.id);
  });

  it("outputs become facts to say, and the basis asks for them", () => {
    const s = importTauTask({ ...benchTask, outputs: ["10"] }, "tau-bench", { pack: byName }, ctx) as Record<string, any>;
    expect(s.task.evaluation.communicate).toEqual(["10"]);
    expect(s.task.evaluation.basis).toEqual(["state", "communicate"]);
  });

  it("a gold action that is the pack's hand-off makes the task escalated", () => {
    const t = { ...benchTask, actions: [{ name: "transfer_to_human_agents", kwargs: { summary: "wants a person" } }] };
    expect(importTauTask(t, "tau-bench", { pack: byName }, ctx).resolution).toBe("escalated");
    expect(importTauTask(t, "tau-bench", { pack: (d) => ({ ...byName(d), handoff: "call_a_person" }) }, ctx).resolution).toBe("resolved");
  });

  it("parses the name sentence past an email's dots, and zip codes", () => {
    expect(parseTauBenchInstruction("Your name is Sofia Li and your zip code is 10199. You are flexible, outgoing. For #W1, exchange X.")).toEqual({
      known: { name: "Sofia Li", first_name: "Sofia", last_name: "Li", zip: "10199" },
      traits: ["flexible", "outgoing"],
      rest: "For #W1, exchange X.",
    });
  });

  it("a user known by name and zip gets the name-and-zip look-up first; a task with no gold actions gets none", () => {
    const byZip = { ...benchTask, instruction: "Your name is Sofia Li and your zip code is 10199. You are flexible. Cancel order #W1 because no longer needed." };
    expect((importTauTask(byZip, "tau-bench", { pack: byName }, ctx) as Record<string, any>).task.evaluation.actions[0]).toEqual({ name: "find_user_id_by_name_zip", arguments: { first_name: "Sofia", last_name: "Li", zip: "10199" } });
    // An installed pack without that look-up: nothing is added (and nothing the pack lacks is named).
    expect((importTauTask(byZip, "tau-bench", { pack: installed }, ctx) as Record<string, any>).task.evaluation.actions.map((a: { name: string }) => a.name)).toEqual(["cancel_pending_order"]);
    expect((importTauTask({ ...benchTask, actions: [] }, "tau-bench", { pack: byName }, ctx) as Record<string, any>).task.evaluation.actions).toEqual([]);
  });
});

describe("chatmill-import --from tau2", () => {
  it("maps reason, known and unknown info, decisions, gold actions, communicate_info; keeps what has no slot", () => {
    const s = importTauTask(tau2Task, "tau2", { pack: byName }, ctx) as Record<string, any>;
    expect(Scenario.safeParse(s).success).toBe(true);
    expect(s.id).toBe("tau2-retail-7");
    expect(s.task.instructions).toEqual({
      reason: "You want to cancel order #W1138897.",
      known: { user_id: "mia_garcia_4516", first_name: "Mia", last_name: "Garcia", email: "mia.garcia2723@example.com" },
      unknown: ["You do not remember your zip code."],
      decisions: ["If the agent offers a gift card refund, insist on the original card.", "You are polite."],
    });
    expect(s.task.evaluation.actions.map((a: { name: string }) => a.name)).toEqual(["find_user_id_by_email", "cancel_pending_order"]);
    expect(s.task.evaluation.communicate).toEqual(["1093.34"]);
    expect(s.task.evaluation.basis).toEqual(["state", "communicate"]);
    expect(s.task.tau).toMatchObject({ reward_basis: ["DB", "COMMUNICATE", "NL_ASSERTION"], nl_assertions: ["Agent cancels the order."], action_ids: ["7_0", "7_1"], known_info: tau2Task.user_scenario.instructions.known_info });
    expect(s.goal.constraints).toEqual([]);
  });

  it("NL assertions have no slot: a DB + NL_ASSERTION task is judged on the state", () => {
    const t = { ...tau2Task, evaluation_criteria: { ...tau2Task.evaluation_criteria, reward_basis: ["DB", "NL_ASSERTION"] } };
    expect((importTauTask(t, "tau2", { pack: byName }, ctx) as Record<string, any>).task.evaluation.basis).toEqual(["state"]);
  });

  it("known info in tau2's words: name, user id, zip, confirmation number", () => {
    expect(parseKnown("You are Yusuf Rossi in zip code 19122.")).toEqual({ name: "Yusuf Rossi", first_name: "Yusuf", last_name: "Rossi", zip: "19122" });
    expect(parseKnown("You name is Sofia Thomas and your emails are sofia.thomas3019@example.com and sofia.thomas3069@example.com.")).toMatchObject({ email: "sofia.thomas3019@example.com", email_2: "sofia.thomas3069@example.com" });
    expect(parseKnown("You are an interesting guy called Noah Patel, living in the Big Apple in 10108.")).toEqual({ name: "Noah Patel", first_name: "Noah", last_name: "Patel", zip: "10108" });
    expect(parseKnown("You are Anya Garcia.\n\nYour user id is: anya_garcia_5901.\n\nYour confirmation number is JMO1MG.")).toMatchObject({ user_id: "anya_garcia_5901", reservation_id: "JMO1MG" });
    // A user known only by its id knows the name the id spells (tau2 then finds it by name and zip); a stated name wins.
    expect(parseKnown("You are mei_kovacs_8020 living in zipcode 28236.")).toEqual({ user_id: "mei_kovacs_8020", first_name: "Mei", last_name: "Kovacs", zip: "28236" });
    expect(parseKnown("You are Anya Garcia. Your user id is: anya_smith_5901.")).toMatchObject({ first_name: "Anya", last_name: "Garcia" });
  });

  it("with the pack installed, the task kind lists only the tools that change data", () => {
    expect(importTauTask(tau2Task, "tau2", { pack: installed }, ctx)).toMatchObject({ category: "cancel_pending_order", meta: { pack_checked: true } });
  });
});

describe("tau tasks that do not fit are dead letters with the reason", () => {
  const dead = (v: unknown, format: "tau-bench" | "tau2", pack = byName) => {
    try {
      importTauTask(v, format, { pack }, ctx);
    } catch (err) {
      expect(err).toBeInstanceOf(RecordError);
      return { message: (err as RecordError).message, path: (err as RecordError).path };
    }
    throw new Error("imported");
  };
  it("no instruction, bad actions, a domain without a pack, a tool the pack lacks", () => {
    expect(dead({ ...benchTask, instruction: "" }, "tau-bench")).toMatchObject({ path: "/instruction" });
    expect(dead({ ...benchTask, actions: [{ kwargs: {} }] }, "tau-bench")).toMatchObject({ path: "/actions/0", message: /needs a 'name'/ });
    const telecom = { ...tau2Task, user_scenario: { ...tau2Task.user_scenario, instructions: { ...tau2Task.user_scenario.instructions, domain: "telecom" } } };
    expect(dead(telecom, "tau2").message).toMatch(/tau2 domain 'telecom' has no chatmill pack/);
    const odd = { ...tau2Task, evaluation_criteria: { ...tau2Task.evaluation_criteria, actions: [{ action_id: "1", name: "refund_everything", arguments: {} }] } };
    expect(dead(odd, "tau2", installed)).toMatchObject({ path: "/evaluation_criteria/actions/0/name", message: /'refund_everything', which the pack 'tau-retail' does not have/ });
    expect(() => importRecord(odd, { from: "tau2", tauPack: byName }, ctx)).not.toThrow();
  });
});

describe("a task list on one line", () => {
  it("a compact JSON array is its tasks; a bad one among them names its index", async () => {
    const ctx2 = new Context({ seed: 1 });
    const items = (async function* () {
      yield { value: [benchTask, { ...benchTask, instruction: "" }], line: 1, raw: "", source: "tasks.json" };
    })();
    const out = [];
    for await (const s of importItems(items, { from: "tau-bench", tauPack: byName }, ctx2)) out.push(s);
    expect(out).toHaveLength(1);
    expect(ctx2.issues).toMatchObject([{ path: "/1/instruction" }]);
  });
});

describe("the shared tau task files", () => {
  const files: Array<[string, "tau-bench" | "tau2", number]> = [
    ["tau-bench-retail-tasks_train.json", "tau-bench", 500],
    ["tau-bench-retail-tasks_dev.json", "tau-bench", 20],
    ["tau2-retail-train.json", "tau2", 74],
    ["tau2-airline-train.json", "tau2", 30],
  ];
  it.each(files)("%s: every task becomes a valid Scenario (0 dead letters)", (file, format, count) => {
    const rows = JSON.parse(readFileSync(resolve(TASKS, file), "utf8")) as unknown[];
    expect(rows).toHaveLength(count);
    const out = rows.map((r) => importRecord(r, { from: format, tauPack: byName }, ctx) as Record<string, any>);
    for (const s of out) {
      expect(Scenario.safeParse(s).success).toBe(true);
      expect(s.task.instructions.reason.length).toBeGreaterThan(0);
    }
    // Every user can be identified from what it knows: a name with a zip, an email, or a user id.
    expect(out.filter((s) => !(s.task.instructions.known?.email || s.task.instructions.known?.user_id || (s.task.instructions.known?.name && s.task.instructions.known?.zip))).map((s) => s.id)).toEqual([]);
  });
});
