// Tasks with no table to search: a question answered from knowledge, a host's status looked up
// (through the host a service runs on), and a command run on a host, read back first when the
// pack's policy wants the user's yes.
import type { Row } from "../../contract.js";
import { displayOf, type Shown } from "../present.js";
import { meets, nameOf, toolRows } from "../rows.js";
import { humanField } from "@chatmill/domains";
import { owner, remember } from "./assistant-policy.js";
import { lookupArg } from "./explore.js";
import { serviceDown } from "./endings.js";
import type { Dialog, Task } from "./context.js";
import { commandText, statusListText } from "./realize-results.js";
import { commandReadBack, hostText, nothingRun, topicAnswer, topicQuestion } from "./realizer.js";
import { thing } from "./thing-words.js";
import { callWithRecovery, consentIntent } from "./recovery.js";
import { askFor } from "../reserved-request.js";
import { reasonClause } from "./reason.js";
import { agrees, requestItem, reservedReason, tasks as userTasks } from "./user-agent.js";

/** A task with no table to search: ask and answer (ops' "how does X work"), or look up by name. */
export function explain(d: Dialog, task: Task, index: number): void {
  const plan = explainPlan(d, task, d.t.userTurns === 0, index);
  d.t.userSay(plan.say, plan.intent, plan.variation);
  plan.act();
}

/** The user's question for explain() and what the assistant then does (apart, so a single-turn dialogue can ask first). */
export function explainPlan(d: Dialog, task: Task, first: boolean, index = 0): { say: string; intent: string; variation?: string; act: () => void } {
  const r = d.rng;
  const t = d.t;
  const table = task.table ?? task.service.table;
  const get = table ? d.tools.find(["get", "list", "search"], table)[0] : undefined;
  // What the user asks about: the category's declared label, else the pack's words for what the service offers — never a key.
  const label = d.scenario.category ? d.domain.category(d.scenario.category)?.label : undefined;
  const topic = label ?? thing(d, task);
  const rowsHere = table ? d.domain.table(table) : [];
  const wanted = rowsHere.filter((row) => task.constraints.every((c) => meets(row, c)));
  // The first row that fits, as the task's derivation takes it (a row the user names, in the table's order).
  const picked = wanted.length > 0 ? wanted[0] : rowsHere.length > 0 ? r.pick(rowsHere) : undefined;
  // A row with no tool of its own (a service on a host) is reached through the row it belongs to.
  const via = picked && table && !get ? owner(d, picked, table) : undefined;
  if (via || (get && table)) {
    const useTable = via ? via.table : table!;
    const tool = via ? via.tool : get!;
    const target = via ? via.row : picked;
    const key = target ? String(target[d.domain.keyOf(useTable)]) : undefined;
    // Each row is called by its table's declared title (the one name lookup), never by a field taken for a name.
    const host = target ? nameOf(target, d.domain.titleOf(useTable)) ?? key ?? "" : "";
    const service = via && picked ? nameOf(picked, d.domain.titleOf(table!)) : undefined;
    const say = d.voice.user("status", { host: hostText(d, host, service) }, { first });
    const act = (): void => {
      const args: Record<string, unknown> = tool.op === "get" && tool.keyArg && key && target ? { [tool.keyArg]: lookupArg(tool, tool.keyArg, target, useTable, key) } : {};
      const done = callWithRecovery(d, { name: tool.name, arguments: args }, "status");
      if (!done) return serviceDown(d, task);
      const shown = remember(d, toolRows(d.domain, tool.name, done.res.data), useTable, done.id).slice(0, 3);
      t.assistantSay(statusListText(d, shown, topic, humanField(d.domain, d.domain.titleOf(useTable) ?? d.domain.keyOf(useTable))), "inform", undefined, shown);
      for (const s of shown) t.trace.infoShown.add(`${s.table}\u0000${s.key}`);
      // A command to run is a request of its own: not in a single-turn dialogue.
      if (!d.single) runCommand(d, task, shown[0], service);
      if (via && picked) t.trace.accepted.push({ table: table!, row: picked });
      if (shown[0]) t.trace.accepted.push({ table: useTable, row: shown[0].row });
      if (via && table) t.trace.infoShown.add(`${table}\u0000${key}`);
    };
    return { say, intent: "status", act };
  }
  // Nothing to look up: a question answered from knowledge, with the pack's "no tool" call if it has one.
  // A request about a thing the service books (the fare of a taxi from A to B) is said as the user's
  // reason puts it, not as a question about the category's label; the first is the scenario's own request.
  const asked = task.service.booking ? reasonClause(reservedReason(d), index, userTasks(d).length) : undefined;
  const say = asked ? askFor(asked, d.lang, r, first, d.lang === "en" ? {} : { item: requestItem(d, asked) ?? thing(d, task) }) : topicQuestion(d, topic);
  const act = (): void => {
    const none = d.tools.withRole("none")[0];
    if (none) callWithRecovery(d, { name: none.name, arguments: { reason: `explaining ${topic}` } }, "inform");
    t.assistantSay(topicAnswer(d, topic), "inform");
    t.trace.infoShown.add(`topic\u0000${topic}`);
  };
  if (asked) return { say, intent: (index === 0 ? d.scenario.intent : undefined) ?? "request", act };
  return { say, intent: "clarify", variation: "clarification", act };
}

/**
 * The pack's policy wants the user's yes before this write: the assistant says what it is
 * about to do and asks; the user answers from what it can see — yes when the read-back names
 * exactly what it asked for, no when it does not. Returns whether the user said yes.
 */
function askConsent(d: Dialog, what: string, expected: string[], target: string): boolean {
  const t = d.t;
  t.assistantSay(d.voice.assistant("confirm_first", { what }), "confirm", "clarification");
  if (agrees(t.lastText(), expected)) {
    t.userSay(d.voice.user("ok_go", {}), consentIntent(d));
    return true;
  }
  t.userSay(d.voice.user("keep_it", {}, { hedge: d.rng.chance(0.4) }), "decline", "change_of_mind");
  t.assistantSay(nothingRun(d, target), "inform");
  return false;
}

/**
 * For ops: a command the pack knows that fits the scenario's category, run on the host: the
 * one the task asks for, else a read-only one. Returns false when there is none.
 */
export function runCommand(d: Dialog, _task: Task, host: Shown | undefined, service?: string): boolean {
  const t = d.t;
  const tool = d.tools.find(["command"])[0];
  if (!tool || !host || t.turnsLeft() < 3) return false;
  const cat = d.scenario.category;
  // The service in question: the one asked about, else a member of the host not in its normal state (its table's status parts), else its first.
  const disp = displayOf(d.domain, host.table);
  const m = disp.format === "status" ? disp.parts?.members : undefined;
  // The members as the look-up showed them (a list its include joins is in the result, not in the data row).
  const list = (r: Row): Row[] | undefined => (m && Array.isArray(r[m.list]) ? (r[m.list] as Row[]) : undefined);
  const svc = list(host.seen) ?? list(host.row) ?? [];
  const nameOfMember = (s: Row | undefined) => (m && s?.[m.name] != null ? String(s[m.name]) : undefined);
  const broken = service ?? nameOfMember(svc.find((s) => m && s[m.state] && s[m.state] !== m.normal)) ?? nameOfMember(svc[0]);
  // The commands the pack declares for the category; {{service}} is the service in question (none known: only commands without one).
  const declared = d.domain.category(cat)?.commands ?? [];
  const cands = broken !== undefined ? declared.map((c) => c.replaceAll("{{service}}", broken)) : declared.filter((c) => !c.includes("{{service}}"));
  const patterns = ((tool.run.commands as Array<{ pattern: string }>) ?? []).map((c) => new RegExp(c.pattern));
  const hostArg = tool.keyArg;
  const cmdArg = tool.run.command_arg as string | undefined;
  if (!hostArg || !cmdArg) return false;
  // A command that changes the host is run only when the user's task asks for exactly it; any read-only one may be asked for.
  const asked = d.checked?.evaluation.actions.find((a) => a.name === tool.name && String(a.arguments[hostArg]) === host.key);
  const cmd = asked
    ? String(asked.arguments[cmdArg])
    : d.rng.shuffle(cands).find((c) => patterns.some((p) => p.test(c)) && !d.domain.needsConfirmation(tool.name, { [hostArg]: host.key, [cmdArg]: c }));
  if (!cmd) return false;
  const call = { name: tool.name, arguments: { [hostArg]: host.key, [cmdArg]: cmd } };
  const ask = d.domain.needsConfirmation(call.name, call.arguments);
  t.userSay(d.voice.user("command", { cmd, host: host.name }), "command");
  if (ask && !askConsent(d, commandReadBack(d, cmd, host.name), [cmd, host.name], host.name)) return true;
  const ack = d.rng.chance(0.8) ? d.voice.restateItem(host.name, "command") : undefined;
  const done = callWithRecovery(d, call, "command", [], ack);
  if (!done) return true;
  const data = done.res.data as { output?: unknown; stdout?: unknown } | undefined;
  const output = typeof data?.output === "string" ? data.output : typeof data?.stdout === "string" ? data.stdout : done.res.content;
  t.assistantSay(commandText(d, cmd, host.name, String(output)), "inform", undefined, [host]);
  return true;
}
