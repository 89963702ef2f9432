// The assistant policy: which tool to call with which arguments for what the user said, and
// what it keeps of the results (only what the result shows; recovery from errors and cut-short
// lists is in recovery.ts). The words for what it answers are the realizer's.
import type { Scenario } from "@chatmill/schema";
import type { Call, Constraint, Row } from "../../contract.js";
import { displayOf, type Shown } from "../present.js";
import { displayName, meets, nameOf, rowIndex, toolRows } from "../rows.js";
import { argValue, type ToolInfo } from "../tools.js";
import type { Dialog, Task } from "./context.js";
import { callWithRecovery } from "./recovery.js";
import { wants } from "./realizer.js";

/**
 * Searches the task's table for what the user has said so far. The same search is not sent
 * twice in a row: the rows it already has are narrowed instead. Returns the rows that meet what
 * the user said (undefined when the service stays down); sets the count it may say and the
 * closest rows when none meet it. `acked`: the assistant has just acknowledged what the user
 * said (a correction, restating it), so the search is made in that message, without restating it again.
 */
export function search(d: Dialog, task: Task, revealed: Constraint[], by?: Call, acked = false): Shown[] | undefined {
  // `by`: a search the user's reference calls for (a photo), made instead of the planned one.
  const plan = by ? undefined : d.tools.searchFor(task.table!, revealed);
  if (!plan && !by) return undefined;
  const call = by ?? { name: plan!.tool.name, arguments: plan!.args };
  const callText = JSON.stringify(call);
  const same = d.lastSearch && d.lastSearch.table === task.table && callText === d.lastSearch.call;
  let data: unknown;
  let id: string;
  if (same) {
    // What the user added is not something the tool can filter on: asking again would
    // return the same rows, so the assistant narrows the rows it already has.
    ({ data, id } = d.lastSearch!);
  } else {
    const alt = plan ? d.tools.searchFor(task.table!, revealed, [plan.tool.name]) : undefined;
    // Most of the time the assistant says what it is looking for, as people do ("On it — red, under $50."):
    // the request's own values make the acknowledgement a sentence of this dialogue, not a stock one.
    // The newest two wishes at most: a person says back what was just asked, not every wish so far
    // (four read back each time was the longest, most repeated acknowledgement; issue #18); after
    // a first search mostly only the newest, as the wishes before it were said back when asked.
    const newest = d.lastSearch?.table === task.table ? 0.7 : 0.4;
    const restate = d.rng.chance(0.75) && revealed.length > 0 ? d.voice.restate(wants(d, revealed.slice(d.rng.chance(newest) ? -1 : -2))) : undefined;
    const done = callWithRecovery(d, call, "search", plan && alt && alt.covered >= plan.covered ? [{ name: alt.tool.name, arguments: alt.args }] : [], acked ? "" : restate);
    if (!done) return undefined;
    ({ data } = done.res);
    id = done.id;
    d.lastSearch = { table: task.table!, call: callText, data, id };
  }
  // Only rows that meet what the user said are offered, whatever else the tool returned.
  const returned = toolRows(d.domain, call.name, data);
  const rows = returned.filter((r) => revealed.every((c) => meets(full(d, task.table!, r), c)));
  // A count the assistant can vouch for: the result's total when every row fits, the fitting
  // rows when the result is the whole list, otherwise none (there may be more beyond the page).
  const total = (data as { total?: unknown } | null)?.total;
  const whole = typeof total !== "number" || total <= returned.length;
  d.lastTotal = rows.length === returned.length ? (typeof total === "number" ? total : rows.length) : whole ? rows.length : 0;
  d.closest = rows.length === 0 && returned.length > 0 ? remember(d, returned.slice(0, 3), task.table!, id) : [];
  return remember(d, rows, task.table!, id);
}

/** The whole row behind a (projected) result row, as this dialogue's database has it now. */
function full(d: Dialog, table: string, row: Row): Row {
  const key = d.domain.keyOf(table);
  const k = row[key];
  if (k === undefined) return row;
  const mine = d.session.writes.some((w) => w.table === table);
  if (!mine) return rowIndex(d.domain, table).get(String(k)) ?? row;
  return d.session.rows(table).find((r) => String(r[key]) === String(k)) ?? row;
}

/** The rows of a result as the assistant shows them: key, display name, image link, and the call they came from. */
export function remember(d: Dialog, rows: Row[], table: string, callId: string): Shown[] {
  const key = d.domain.keyOf(table);
  const disp = displayOf(d.domain, table);
  const out: Shown[] = [];
  for (const row of rows) {
    const k = row[key] ?? row.id;
    if (k === undefined) continue;
    const name = displayName(nameOf(row, disp.title) ?? String(k));
    const img = disp.image ? row[disp.image] : row.image;
    const s: Shown = { key: String(k), name, row: full(d, table, row), seen: row, table, callId, ...(typeof img === "string" && img ? { image: img } : {}) };
    d.shown.set(`${table}\u0000${s.key}`, s);
    out.push(s);
  }
  return out;
}

/** Rows meeting all of the task's constraints first: the assistant leads with the best fit. */
export function preferTargets(task: Task, shown: Shown[]): Shown[] {
  const good = shown.filter((s) => task.constraints.every((c) => meets(s.row, c)));
  const rest = shown.filter((s) => !good.includes(s));
  return [...good, ...rest];
}

/** How many of the rows found the assistant lists (the persona's taste for length), best fit first. */
export function topOf(d: Dialog, task: Task, shown: Shown[]): { top: Shown[]; n: number } {
  const n = Math.min(shown.length, d.voice.listSize);
  return { top: preferTargets(task, shown).slice(0, n), n };
}

/** The row a row belongs to (a service's host), when that table has a get tool. */
export function owner(d: Dialog, row: Row, table: string): { table: string; row: Row; tool: ToolInfo } | undefined {
  // A get tool that includes this table's rows declares the link: `include: [{table, field}]`, field holding the owner's key.
  for (const tool of d.tools.find(["get"])) {
    if (!tool.table) continue;
    for (const inc of (tool.run.include as Array<{ table: string; field: string }> | undefined) ?? []) {
      if (inc.table !== table) continue;
      const v = row[inc.field];
      const hit = v == null ? undefined : rowIndex(d.domain, tool.table).get(String(v));
      if (hit) return { table: tool.table, row: hit, tool };
    }
  }
  return undefined;
}

/** Arguments for a hand-off: each required text argument gets what the user wanted, so a person can take over. */
export function handoffArgs(tool: ToolInfo, scenario: Scenario): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const r of tool.required) if (tool.properties[r]?.type === "string") args[r] = `The user asked for a person. Their goal: ${scenario.goal.text}`;
  return args;
}

/** The key of the row the session inserted last (in the tool's table): the reference of a booking just made. */
export function newRef(d: Dialog, tool: ToolInfo): string | undefined {
  const table = tool.table;
  for (let i = d.session.writes.length - 1; i >= 0; i--) {
    const w = d.session.writes[i]!;
    if (w.op === "insert" && (!table || w.table === table)) return w.key;
  }
  return undefined;
}

/**
 * The tool that finds rows of `table` that look like a picture: its run finds similar rows by an
 * anchor on the table's image field (declared in the pack's run spec, whatever the tool is called).
 */
export function imageSearchTool(d: Dialog, table: string): ToolInfo | undefined {
  const image = displayOf(d.domain, table).image ?? "image";
  return d.tools.find(["similar"], table).find((t) => (t.run.anchor as { field?: string } | undefined)?.field === image && !!t.keyArg);
}

/** The tool that recommends rows of `table` like a given row: its run finds similar rows by the row's key. */
export function similarTool(d: Dialog, table: string): ToolInfo | undefined {
  return d.tools.find(["similar"], table).find((t) => typeof t.run.key_arg === "string" && t.keyArg === t.run.key_arg);
}

/** Recommendations like `item`, as the similar tool returns them (every row keeps its image link); undefined when the service stays down. */
export function recommendLike(d: Dialog, tool: ToolInfo, item: Shown, ack: string | undefined): Shown[] | undefined {
  const done = callWithRecovery(d, { name: tool.name, arguments: { [tool.keyArg!]: argValue(tool.properties[tool.keyArg!], item.key) } }, "recommend", [], ack);
  if (!done) return undefined;
  return remember(d, toolRows(d.domain, tool.name, done.res.data), item.table, done.id).filter((s) => s.key !== item.key);
}
