import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { canonicalJson } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import type { LoadedDomain } from "./domain.js";
import { loadDomain, loadPackFile } from "./load.js";
import type { TranscriptMessage } from "./contract.js";
import { policyViolations } from "./policy.js";
import { renamePack } from "./rename.js";
import { createSession } from "./session.js";

// tau-bench's train tasks replayed on the tau packs: every gold action, in order, on a fresh
// session per task, must succeed or be refused as tau-bench's own tools do, with the same result,
// and leave the same rows changed. The expected side (test-data/tau-expected.json) was produced
// once by scripts/tau-expected.py, which runs tau-bench's tool code from a mirror of its repo.
const DATA = fileURLToPath(new URL("../../../../shared/data/tau-tasks-train/", import.meta.url));
const PROBES = JSON.parse(readFileSync(fileURLToPath(new URL("../test-data/tau-probes.json", import.meta.url)), "utf8")) as Array<Task & { pack: string }>;
const EXPECTED = JSON.parse(readFileSync(fileURLToPath(new URL("../test-data/tau-expected.json", import.meta.url)), "utf8")) as Record<string, ExpectedTask[]>;

interface ExpectedTask {
  task: string;
  actions: Array<{ ok: boolean; hash: string }>;
  changed: number;
  end: string;
}
interface Task {
  id: string;
  userId?: string;
  actions: Array<{ name: string; arguments: Record<string, unknown> }>;
}

/** As the script hashes: numbers at 6 decimals (tau-bench's unrounded sums vs chatmill's clean arithmetic), canonical JSON, sha256, 16 hex digits. */
function normal(v: unknown): unknown {
  if (typeof v === "number") return Number.isInteger(v) ? v : Number(v.toFixed(6));
  if (Array.isArray(v)) return v.map(normal);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normal(x)]));
  return v;
}
const hash = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex").slice(0, 16);

function tasks(file: string, tau2: boolean): Task[] {
  const raw = JSON.parse(readFileSync(DATA + file, "utf8")) as Array<Record<string, any>>;
  return raw.map((t, i) => {
    if (!tau2) return { id: String(i), userId: t.user_id, actions: t.actions.map((a: any) => ({ name: a.name, arguments: a.kwargs })) };
    // tau2 tasks may set an initial state; the train tasks here set none, and a replay that ignored one would be wrong.
    expect(t.initial_state ?? null, `task ${t.id} has an initial_state, which this replay does not apply`).toBeNull();
    return { id: String(t.id), actions: (t.evaluation_criteria.actions ?? []).map((a: any) => ({ name: a.name, arguments: a.arguments })) };
  });
}

/** Names of a renamed pack: the tool a task's action calls, and the table name a changed row reports. */
interface Names {
  tool: (name: string) => string;
  table: (name: string) => string;
}
const same: Names = { tool: (n) => n, table: (n) => n };

function replayTask(domain: LoadedDomain, task: Task, names: Names = same) {
  // The task's user is the signed-in subject (tau-bench's tasks give it; tau2's find it with their first actions).
  const s = createSession(domain, task.userId ? { subject: task.userId } : {});
  const actions = task.actions.map((a) => {
    const r = s.call({ name: names.tool(a.name), arguments: a.arguments });
    return r.ok ? { ok: true, hash: hash(canonicalJson(normal(JSON.parse(r.content)))) } : { ok: false, hash: hash(r.error!.message) };
  });
  // The rows that differ from the pack's initial ones, as [table, key, row] sorted by table and key.
  const touched = new Map<string, [string, string]>();
  for (const w of s.writes) touched.set(`${w.table}\u0000${w.key}`, [w.table, w.key]);
  const rows = [...touched.values()]
    .filter(([table, key]) => canonicalJson(normal(s.get(table, key) ?? null)) !== canonicalJson(normal(domain.base(table).byKey.get(key) ?? null)))
    .map(([table, key]) => [names.table(table), key, normal(s.get(table, key) ?? null)] as const)
    .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
  return { actions, changed: rows.length, end: hash(canonicalJson(rows)) };
}

/** Every wrong action and end state of a suite's tasks, against the fixture. */
function mismatches(name: string, domain: LoadedDomain, file: string, tau2: boolean, names: Names = same): string[] {
  const expected = EXPECTED[name]!;
  const list = tasks(file, tau2);
  expect(list.map((t) => t.id)).toEqual(expected.map((t) => t.task));
  const wrong: string[] = [];
  list.forEach((task, i) => {
    const want = expected[i]!;
    const got = replayTask(domain, task, names);
    got.actions.forEach((a, j) => {
      const w = want.actions[j]!;
      if (a.ok !== w.ok || a.hash !== w.hash) wrong.push(`task ${task.id} action ${j} (${task.actions[j]!.name}): ${a.ok ? "ok" : "refused"}, tau-bench ${w.ok ? "ok" : "refused"}, results differ: ${a.hash !== w.hash}`);
    });
    if (got.end !== want.end) wrong.push(`task ${task.id}: end state differs (${got.changed} rows changed, tau-bench ${want.changed})`);
  });
  return wrong;
}

const suites: Array<[string, string, string, boolean]> = [
  ["tau-bench-retail-train", "tau-retail", "tau-bench-retail-tasks_train.json", false],
  ["tau-bench-retail-dev", "tau-retail", "tau-bench-retail-tasks_dev.json", false],
  ["tau2-retail-train", "tau-retail", "tau2-retail-train.json", true],
  ["tau2-airline-train", "tau-airline", "tau2-airline-train.json", true],
];

describe.runIf(existsSync(DATA))("tau-bench's gold actions on the tau packs", () => {
  it.each(suites)("%s: every action as tau-bench's tools give it, and the same end state", (name, pack, file, tau2) => {
    expect(mismatches(name, loadDomain(pack), file, tau2).slice(0, 20)).toEqual([]);
  });

  it("probes: the tools and refusals no gold action reaches (search_onestop_flight, certificates, a booking paid by certificate and gift card, every error text) give what tau-bench's give", () => {
    const expected = EXPECTED.probes!;
    expect(PROBES.map((p) => p.id)).toEqual(expected.map((t) => t.task));
    const wrong: string[] = [];
    PROBES.forEach((probe, i) => {
      const want = expected[i]!;
      const got = replayTask(loadDomain(probe.pack), probe);
      got.actions.forEach((a, j) => {
        const w = want.actions[j]!;
        if (a.ok !== w.ok || a.hash !== w.hash) wrong.push(`probe ${probe.id} action ${j} (${probe.actions[j]!.name}): ${a.ok ? "ok" : "refused"}, tau-bench ${w.ok ? "ok" : "refused"}, results differ: ${a.hash !== w.hash}`);
      });
      if (got.end !== want.end) wrong.push(`probe ${probe.id}: end state differs (${got.changed} rows changed, tau-bench ${want.changed})`);
    });
    expect(wrong).toEqual([]);
    // Every tool of both packs is called by some probe.
    for (const pack of ["tau-retail", "tau-airline"]) {
      const called = new Set(PROBES.filter((p) => p.pack === pack).flatMap((p) => p.actions.map((a) => a.name)));
      expect(loadDomain(pack).tools.map((t) => t.function.name).filter((t) => !called.has(t))).toEqual([]);
    }
  });

  it("the fixture holds the refusals the issue counts: 20 of tau-bench's retail train actions, 13 of tau2's retail ones", () => {
    // (The suites above check each action's ok/refused against it.)
    const refused = (name: string) => EXPECTED[name]!.reduce((n, t) => n + t.actions.filter((a) => !a.ok).length, 0);
    const actions = (name: string) => EXPECTED[name]!.reduce((n, t) => n + t.actions.length, 0);
    expect([refused("tau-bench-retail-train"), refused("tau2-retail-train")]).toEqual([20, 13]);
    expect([actions("tau-bench-retail-train") + actions("tau-bench-retail-dev"), actions("tau2-retail-train")]).toEqual([793, 365]);
  });

  it.each(suites.filter(([name]) => name !== "tau-bench-retail-train"))("%s on its pack with every tool and table renamed: the same results and end states", (name, pack, file, tau2) => {
    const original = loadDomain(pack);
    const opaque = (prefix: string, names: string[]) => Object.fromEntries(names.map((n, i) => [n, `${prefix}${i}q`]));
    const tools = opaque("zzTool", original.pack.tools.map((t) => t.function.name));
    const tables = opaque("zzTable", Object.keys(original.pack.database.tables));
    const dir = mkdtempSync(join(tmpdir(), "chatmill-renamed-tau-"));
    for (const f of readdirSync(original.dir)) if (f !== "pack.json") symlinkSync(join(original.dir, f), join(dir, f));
    writeFileSync(join(dir, "pack.json"), JSON.stringify(renamePack(original.pack, { tools, tables })));
    const renamed = loadPackFile(join(dir, "pack.json"));
    expect([...renamed.tables.keys()].every((t) => t.startsWith("zzTable"))).toBe(true);
    const back = Object.fromEntries(Object.entries(tables).map(([a, b]) => [b, a]));
    expect(mismatches(name, renamed, file, tau2, { tool: (n) => tools[n]!, table: (n) => back[n]! }).slice(0, 20)).toEqual([]);
  });
});

/** A task's gold actions as a transcript (each call and its result), for the policy checker. */
function goldTranscript(domain: LoadedDomain, task: Task): { messages: TranscriptMessage[]; subjects: unknown[] } {
  const s = createSession(domain);
  const messages: TranscriptMessage[] = [];
  const subjects: unknown[] = [];
  task.actions.forEach((a, i) => {
    const r = s.call({ name: a.name, arguments: a.arguments });
    messages.push({ role: "assistant", content: null, tool_calls: [{ id: `c${i}`, name: a.name, arguments: a.arguments }] });
    messages.push({ role: "tool", tool_call_id: `c${i}`, name: a.name, content: r.content, ok: r.ok });
    subjects.push(s.subject);
  });
  return { messages, subjects };
}

describe.runIf(existsSync(DATA))("identity on the tau packs: the assistant's rule (policy.identity, enforced: false), not the tools'", () => {
  it("tau-retail: an order tool runs before identification, as tau-bench's does; either find tool names the subject; the checker flags the early call", () => {
    const retail = loadDomain("tau-retail");
    expect(retail.pack.policy?.identity?.enforced).toBe(false);
    const s = createSession(retail);
    const order = s.call({ name: "get_order_details", arguments: { order_id: "#W5272531" } });
    expect(order.ok).toBe(true);
    expect(s.subject).toBeUndefined();
    const owner = (order.data as { user_id: string }).user_id;
    expect(s.call({ name: "find_user_id_by_email", arguments: { email: "nobody@example.com" } }).ok).toBe(false);
    expect(s.subject).toBeUndefined();
    const found = s.call({ name: "find_user_id_by_email", arguments: { email: "fatima.wilson5721@example.com" } });
    expect(found.data).toEqual({ result: owner });
    expect(s.subject).toBe(owner);
    const user = s.get("users", owner) as { name: { first_name: string; last_name: string }; address: { zip: string } };
    const byZip = createSession(retail);
    byZip.call({ name: "find_user_id_by_name_zip", arguments: { first_name: user.name.first_name, last_name: user.name.last_name, zip: user.address.zip } });
    expect(byZip.subject).toBe(owner);
    const early = goldTranscript(retail, { id: "early", actions: [{ name: "get_order_details", arguments: { order_id: "#W5272531" } }, { name: "find_user_id_by_email", arguments: { email: "fatima.wilson5721@example.com" } }] });
    expect(policyViolations(retail, early.messages).map((v) => [v.tool, v.rule])).toEqual([["get_order_details", "identity"]]);
    expect(policyViolations(retail, [...early.messages.slice(2), ...early.messages.slice(0, 2)])).toEqual([]);
  });

  it("tau-airline: get_user_details identifies the user; a reservation read before it runs and is flagged", () => {
    const airline = loadDomain("tau-airline");
    const t = goldTranscript(airline, { id: "early", actions: [{ name: "get_reservation_details", arguments: { reservation_id: "K1NW8N" } }, { name: "get_user_details", arguments: { user_id: "mohamed_silva_9265" } }] });
    expect(t.messages.filter((m) => m.role === "tool").map((m) => m.ok)).toEqual([true, true]);
    expect(t.subjects).toEqual([undefined, "mohamed_silva_9265"]);
    expect(policyViolations(airline, t.messages).map((v) => [v.tool, v.rule])).toEqual([["get_reservation_details", "identity"]]);
  });

  // Why the rule is not enforced: in 29 of tau2's retail train tasks and 15 airline ones, a gold
  // action on a user's records that tau2's tools accept comes before any identity call (tau-bench's
  // own retail gold lists hold no identity call at all), so refusing would break the replay bar
  // above. Where they do identify, every later action is on the identified user's own records,
  // so "act only on the user's own records" asks nothing the gold contradicts.
  it.each([
    ["tau2-retail-train.json", "tau-retail", 29],
    ["tau2-airline-train.json", "tau-airline", 15],
  ] as const)("%s: the tasks whose gold acts before identifying, and no action on another user's record after", (file, pack, early) => {
    const domain = loadDomain(pack);
    const list = tasks(file, true);
    const flagged = list.filter((task) => policyViolations(domain, goldTranscript(domain, task).messages).some((v) => v.rule === "identity"));
    expect(flagged.length).toBe(early);
    const others: string[] = [];
    let own = 0;
    for (const task of list) {
      const { subjects } = goldTranscript(domain, task);
      task.actions.forEach((a, i) => {
        const subject = subjects[i - 1];
        if (subject === undefined) return;
        const args = a.arguments as { order_id?: string; reservation_id?: string; user_id?: string };
        const row = args.order_id ? domain.base("orders").byKey.get(args.order_id) : args.reservation_id ? domain.base("reservations").byKey.get(args.reservation_id) : undefined;
        const owner = row ? row.user_id : args.user_id;
        if (owner === undefined) return;
        if (owner === subject) own++;
        else others.push(`task ${task.id} action ${i} (${a.name}): ${String(owner)}, identified ${String(subject)}`);
      });
    }
    expect(others).toEqual([]);
    expect(own).toBeGreaterThan(0);
  });
});
