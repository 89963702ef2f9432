// The user looks closer at what it was shown: details, reviews or logs, stock, status, a
// comparison; the assistant answers with the look-up tool the pack declares for it.
import type { Row } from "../../contract.js";
import { displayOf, type Shown } from "../present.js";
import { fieldOf, toolRows } from "../rows.js";
import { argValue, type ToolInfo } from "../tools.js";
import type { Dialog, Task } from "./context.js";
import { runCommand } from "./ops.js";
import { comparisonText, lookupText, statusPairText, stockPairText, type LookAct } from "./realize-results.js";
import { andWord, bothAsk } from "./realizer.js";
import { callAllWithRecovery, callWithRecovery } from "./recovery.js";

/** One extra exchange about shown items: details, reviews, stock, or a comparison. Returns false when nothing fits. */
export function explore(d: Dialog, task: Task, top: Shown[]): boolean {
  const table = task.table!;
  const item = d.rng.pick(top);
  const options: Array<() => boolean> = [];
  const get = d.tools.find(["get"], table)[0];
  // A lookup the pack declares to be about this table: reviews of an item, logs of a host.
  const about = d.tools.withRole("lookup").find((t) => t.about === table && (t.ref || t.keyArg));
  const aboutFormat = about?.table ? displayOf(d.domain, about.table).format : undefined;
  const avail = d.tools.find(["availability"]).find((t) => (t.run.item_table as string | undefined) === table);
  const compare = d.tools.find(["compare"], table)[0];
  const ops = d.ops;
  // A row whose table declares a state (display format status) is asked about as "how is it?", any other for its details.
  const look = displayOf(d.domain, get?.table ?? table).format === "status" ? "status" : "details";
  if (get?.keyArg) options.push(() => detail(d, get, item, look));
  if (about) options.push(() => detail(d, about, item, aboutAct(aboutFormat)));
  if (ops) options.push(() => runCommand(d, task, item));
  if (avail?.keyArg) options.push(() => detail(d, avail, item, "availability"));
  if (compare?.keyArg && top.length >= 2) options.push(() => compareTwo(d, compare, top));
  // Two items at once, as people ask ("how are web-01 and web-02?", "are both in stock?"): the look-ups go out together.
  if (get?.keyArg && top.length >= 2 && (look === "status" || !compare)) options.push(() => both(d, get, top, look));
  if (avail?.keyArg && top.length >= 2) options.push(() => both(d, avail, top, "availability"));
  const fresh = options.filter((_, i) => !d.explored.has(`${item.key}:${i}`));
  if (fresh.length === 0) return false;
  const i = options.indexOf(d.rng.pick(fresh));
  d.explored.add(`${item.key}:${i}`);
  return options[i]!();
}

/**
 * What the user asks a look-up about another table for, by how that table's rows are said
 * (display.format): reviews, logs, stock, a state; rows of any other kind are the item's details.
 * (An item's details asked of a tool whose rows are its stock found no facts to say: "X, in brief:.")
 */
export function aboutAct(format: string | undefined): LookAct {
  return format === "log" ? "logs" : format === "reviews" ? "reviews" : format === "stock" ? "availability" : format === "status" ? "status" : "details";
}

/**
 * What a look-up's argument is given for a row: the value of the field the tool matches it
 * against (a get's `by`, a reference's `field` when it names the row's table), else the row's
 * key — a get by topic is called with the topic, not with the row's id.
 */
export function lookupArg(tool: ToolInfo, arg: string, row: Row, table: string, key: string): unknown {
  const ref = tool.run.ref as { arg?: string; table?: string; field?: string } | undefined;
  const field = arg === tool.keyArg && typeof tool.run.by === "string" ? tool.run.by : ref?.arg === arg && ref.table === table ? ref.field : undefined;
  const v = field === undefined ? undefined : fieldOf(row, field);
  return argValue(tool.properties[arg], v === undefined || v === null ? key : v);
}

/** The user asks about one item; the assistant looks it up with `tool` and says what came back. */
export function detail(d: Dialog, tool: ToolInfo, item: Shown, act: LookAct): boolean {
  const t = d.t;
  const arg = tool.keyArg ?? tool.ref?.arg;
  if (!arg) return false;
  const variation = act === "details" && d.rng.chance(0.3) ? "clarification" : undefined;
  t.userSay(d.voice.user(act, { item: item.name, host: item.name, c: "" }), act, variation);
  // Mostly naming the item looked at: its name makes the acknowledgement this dialogue's own.
  const ack = d.rng.chance(0.8) ? d.voice.restateItem(item.name, act) : undefined;
  const done = callWithRecovery(d, { name: tool.name, arguments: { [arg]: lookupArg(tool, arg, item.row, item.table, item.key) } }, act, [], ack);
  if (!done) {
    t.assistantSay(d.voice.assistant("still_failing", { next: d.lang === "en" ? "Want to go ahead with what we have?" : "" }), "inform", "failure_recovery");
    return true;
  }
  t.assistantSay(lookupText(d, act, item, toolRows(d.domain, tool.name, done.res.data), tool.table), "inform", variation, [item]);
  t.trace.infoShown.add(`${item.table}\u0000${item.key}`);
  return true;
}

/** The user asks how the first two options compare; the assistant calls the compare tool with both. */
function compareTwo(d: Dialog, tool: ToolInfo, top: Shown[]): boolean {
  const t = d.t;
  const [a, b] = [top[0]!, top[1]!];
  t.userSay(d.voice.user(d.rng.chance(0.5) ? "compare" : "clarify_q", { item: a.name, item2: b.name }), "compare", "clarification");
  const arg = tool.keyArg!;
  const ack = d.rng.chance(0.8) ? d.voice.restateItem(`${a.name} ${andWord(d)} ${b.name}`, "compare") : undefined;
  const done = callWithRecovery(d, { name: tool.name, arguments: { [arg]: [a.key, b.key] } }, "compare", [], ack);
  if (!done) {
    t.assistantSay(d.voice.assistant("still_failing", { next: "" }), "inform", "failure_recovery");
    return true;
  }
  const rows = toolRows(d.domain, tool.name, done.res.data);
  const pair = rows.length >= 2 ? rows.slice(0, 2) : [a.seen, b.seen];
  t.assistantSay(comparisonText(d, pair[0]!, pair[1]!, tool.table, a.row), "compare", undefined, [a, b]);
  return true;
}

/**
 * The user asks about the first two options together; the assistant makes both look-ups in one
 * message (parallel tool calls) and answers about both: their status, how they compare, their stock.
 */
function both(d: Dialog, tool: ToolInfo, top: Shown[], act: "status" | "details" | "availability"): boolean {
  const t = d.t;
  const pair = [top[0]!, top[1]!];
  const arg = tool.keyArg!;
  const say = act === "details" ? d.voice.user("compare", { item: pair[0]!.name, item2: pair[1]!.name }) : bothAsk(d, act, pair[0]!.name, pair[1]!.name);
  t.userSay(say, act === "details" ? "compare" : act);
  const calls = pair.map((item) => ({ name: tool.name, arguments: { [arg]: lookupArg(tool, arg, item.row, item.table, item.key) } }));
  const done = callAllWithRecovery(d, calls, act === "details" ? "compare" : act);
  if (done.some((r) => !r)) {
    t.assistantSay(d.voice.assistant("still_failing", { next: "" }), "inform", "failure_recovery");
    return true;
  }
  const rows = done.map((r, i) => toolRows(d.domain, tool.name, r!.res.data)[0] ?? pair[i]!.seen);
  const text =
    act === "details"
      ? comparisonText(d, rows[0]!, rows[1]!, tool.table, pair[0]!.row)
      : act === "status"
        ? statusPairText(d, rows, tool.table)
        : stockPairText(d, pair.map((item, i) => ({ name: item.name, rows: toolRows(d.domain, tool.name, done[i]!.res.data), item: item.row })), tool.table);
  t.assistantSay(text, act === "details" ? "compare" : "inform", undefined, pair);
  for (const item of pair) t.trace.infoShown.add(`${item.table}\u0000${item.key}`);
  return true;
}
