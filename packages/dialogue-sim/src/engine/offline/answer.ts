// An information service (the pack declares the service's `facts`): the user asks about the row
// its goal names (a command, a concept), the assistant reads that row with the pack's lookup or
// search tool and answers from what it read, in the fields the pack says the answer is worded
// from (`says`). Nothing here knows a tool, table, field or category name.
import type { Constraint, Row } from "../../contract.js";
import type { Shown } from "../present.js";
import { fieldOf, meets, nameOf, rowIndex, toolRows } from "../rows.js";
import type { Dialog, Task } from "./context.js";
import { giveUp, serviceDown } from "./endings.js";
import { answerText, askAbout, lookAgain, nothingOn } from "./realizer.js";
import { callWithRecovery } from "./recovery.js";
import { agenda } from "./user-agent.js";

/** Whether this request is answered from the facts of one row (the service declares them, and the request is not a booking or a change). */
export function isFactsTask(task: Task): boolean {
  return !!task.service.facts && task.table !== undefined && (task.kind === "info" || task.kind === "find");
}

/** What the user asks and what the assistant then does; undefined when no tool can read the row the user names. */
export function answerPlan(d: Dialog, task: Task, index: number, first: boolean): { say: string; intent: string; act: () => void } | undefined {
  const table = task.table!;
  const wishes = agenda(d, task);
  const read = d.tools.readFor(table, wishes);
  if (!read) return undefined;
  const topic = topicOf(d, table, wishes);
  const say = askAbout(d, topic, index === 0 ? categoryAsk(d, task) : undefined, first);
  const act = (): void => {
    const t = d.t;
    const call = { name: read.tool.name, arguments: read.args };
    let done = callWithRecovery(d, call, "inform");
    if (!done) return serviceDown(d, task);
    let hit = readRow(d, table, toolRows(d.domain, call.name, done.res.data), wishes, done.id);
    // Nothing came back (a search can come back empty on a bad day): the user asks once more, the assistant looks again.
    if (!hit && t.turnsLeft() > 3 && !d.single) {
      t.assistantSay(nothingOn(d, topic), "inform");
      t.userSay(lookAgain(d, topic), "clarify");
      done = callWithRecovery(d, call, "inform");
      if (!done) return serviceDown(d, task);
      hit = readRow(d, table, toolRows(d.domain, call.name, done.res.data), wishes, done.id);
    }
    if (!hit) {
      t.assistantSay(nothingOn(d, topic), "inform");
      return giveUp(d, task);
    }
    // Worded from the row as the tool returned it: the assistant says only what it read.
    const parts = (task.service.says ?? task.service.facts ?? []).map((f) => fieldOf(hit.seen, f)).filter((v) => v !== undefined && v !== null && String(v).trim() !== "").map(String);
    t.assistantSay(answerText(d, parts), "inform", undefined, [hit]);
    t.trace.infoShown.add(`${table}\u0000${hit.key}`);
    t.trace.accepted.push({ table, row: hit.row });
  };
  return { say, intent: d.scenario.intent ?? "search", act };
}

/** The user's question and the assistant's answer, in a multi-turn dialogue. Returns false when the row cannot be read (the caller falls back). */
export function answer(d: Dialog, task: Task, index: number): boolean {
  const plan = answerPlan(d, task, index, d.t.userTurns === 0);
  if (!plan) return false;
  d.t.userSay(plan.say, plan.intent);
  plan.act();
  return true;
}

/**
 * The row the user asked about among those the tool returned. Not kept among the rows shown:
 * an answer is not an option to look at closer, so the follow-ups do not ask about it.
 */
function readRow(d: Dialog, table: string, rows: readonly Row[], wishes: readonly Constraint[], callId: string): Shown | undefined {
  const key = d.domain.keyOf(table);
  const index = rowIndex(d.domain, table);
  for (const seen of rows) {
    const k = seen[key];
    const row = k === undefined ? seen : index.get(String(k)) ?? seen;
    if (!wishes.every((c) => meets(row, c))) continue;
    const name = nameOf(row, d.domain.titleOf(table)) ?? String(k ?? "");
    return { key: String(k ?? name), name, row, seen, table, callId };
  }
  return undefined;
}

/** What the user calls the row: the value it gives for the table's title field, else its wishes' values. */
function topicOf(d: Dialog, table: string, wishes: readonly Constraint[]): string {
  const title = d.domain.titleOf(table);
  const named = wishes.find((c) => c.field === title && typeof c.value === "string");
  if (named) return String(named.value);
  const row = d.domain.table(table).find((r) => wishes.every((c) => meets(r, c)));
  return (row ? nameOf(row, title) : undefined) ?? wishes.map((c) => String(c.value)).join(" ");
}

/**
 * The scenario's category's own clause ("find out what {thing} does"), when the category is one
 * of the service's own (a general one, small talk or feedback, asks for something else) and has
 * a clause the user can say with the topic.
 */
function categoryAsk(d: Dialog, task: Task): string | undefined {
  const category = d.scenario.category;
  const asks = category && task.service.categories.includes(category) ? d.domain.category(category)?.asks : undefined;
  const usable = (asks ?? []).filter((a) => a.includes("{thing}") && !/\{(?!thing\}|thingNoun\})[^}]*\}/.test(a));
  return usable.length > 0 ? d.rng.pick(usable) : undefined;
}
