// Every form of the rule language (@chatmill/schema's pack-rules.ts: each expression, each
// condition, each effect, and a transact's let) has a runnable example in the pack
// reference (README.md): a form counts as shown when it appears in the run of a tool that
// one of the reference's call blocks calls (```text wallet, ```text tau-retail: run by
// readme-rules.test.ts), or in a ```text expr block, whose examples run here. A form added
// to the schema without an example fails this test.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Cond, Effect, Expr, Let, RowRef, Rule, TransactRun } from "@chatmill/schema";
import type { z } from "zod";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical.js";
import { loadDomain, loadPackFile } from "./load.js";
import { createSession } from "./session.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const walletDir = fileURLToPath(new URL("../examples/wallet/", import.meta.url));

/** The key that names each option of a union of objects (`{"add": …}` → add): its first key. */
function formKeys(schema: z.ZodType): string[] {
  // zod 4: a lazy schema's getter gives the union; each option is an object schema.
  const def = (schema as unknown as { _zod: { def: { getter?: () => unknown; options?: unknown[] } } })._zod.def;
  const union = (def.getter ? def.getter() : schema) as { options: { shape: Record<string, unknown> }[] };
  return union.options.map((o) => Object.keys(o.shape)[0]!);
}
const exprForms = formKeys(Expr);
const condForms = formKeys(Cond);
const effectForms = formKeys(Effect);

/** The forms used anywhere in a JSON value: an object that parses as an Expr or a Cond counts as its form. */
function formsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) formsIn(v, found);
  else if (value && typeof value === "object") {
    const keys = Object.keys(value);
    if (Expr.safeParse(value).success) for (const k of keys.filter((k) => exprForms.includes(k))) found.add(`expr ${k}`);
    if (Cond.safeParse(value).success) for (const k of keys.filter((k) => condForms.includes(k))) found.add(`cond ${k}`);
    if (Effect.safeParse(value).success) for (const k of keys) found.add(effectForms.includes(k) ? `effect ${k}` : `effect field ${k}`);
    if (RowRef.safeParse(value).success) for (const k of keys) found.add(`ref field ${k}`);
    if (Rule.safeParse(value).success) for (const k of keys) found.add(`rule field ${k}`);
    if (TransactRun.safeParse(value).success) for (const k of keys) found.add(`transact field ${k}`);
    for (const v of Object.values(value)) formsIn(v, found);
  }
  return found;
}

/** What a call block of the reference runs: the tools it calls, and the invariants of the tables they write. */
function calledRuns(): unknown[] {
  const packs = { wallet: JSON.parse(readFileSync(join(walletDir, "pack.json"), "utf8")) as PackJson, "tau-retail": loadDomain("tau-retail").pack as unknown as PackJson };
  const runs: unknown[] = [];
  for (const m of readme.matchAll(/```text (wallet|tau-retail)\n([\s\S]*?)```/g)) {
    const pack = packs[m[1] as keyof typeof packs];
    for (const call of m[2]!.matchAll(/^> (\w+) /gm)) {
      const tool = pack.tools.find((t) => t.function.name === call[1]);
      expect(tool, `the reference calls ${call[1]}, a tool of ${m[1]}`).toBeDefined();
      runs.push(tool!.run);
      for (const c of tool!.changes ?? []) runs.push(pack.database.tables[c.table]?.invariants ?? []);
    }
  }
  return runs;
}
interface PackJson {
  tools: { function: { name: string }; run: { let?: unknown }; changes?: { table: string }[] }[];
  database: { tables: Record<string, { invariants?: unknown[] }> };
}

/** One ```text expr example: the arguments and lets in force, the expression or condition, the value printed. */
interface ExprExample {
  args: Record<string, unknown>;
  lets: { as: string; value: unknown }[];
  form: unknown;
  expected: string;
  source: string;
}

function exprExamples(): ExprExample[] {
  const out: ExprExample[] = [];
  for (const m of readme.matchAll(/```text expr\n([\s\S]*?)```/g)) {
    let args: Record<string, unknown> = {};
    const lets: { as: string; value: unknown }[] = [];
    const lines = m[1]!.trimEnd().split("\n");
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const arg = /^args (\{.*\})$/.exec(line);
      const bind = /^let (\w+) = (.+)$/.exec(line);
      if (arg) args = JSON.parse(arg[1]!) as Record<string, unknown>;
      else if (bind) lets.push({ as: bind[1]!, value: JSON.parse(bind[2]!) as unknown });
      else {
        const result = lines[i + 1];
        if (result === undefined || !result.startsWith("= ")) throw new Error(`an example is followed by '= value': ${line}`);
        out.push({ args, lets: [...lets], form: JSON.parse(line) as unknown, expected: result.slice(2), source: line });
        i++;
      }
    }
  }
  return out;
}

/**
 * The wallet example with one more tool per example: a read-only transact whose result is the
 * expression (a condition is read through an if), with the refs the reference names:
 * `account` (accounts by the argument account_id) and `payment` (payments by payment_id).
 */
function evalPack(examples: ExprExample[]): string {
  const dir = mkdtempSync(join(tmpdir(), "chatmill-forms-"));
  cpSync(walletDir, dir, { recursive: true });
  const pack = JSON.parse(readFileSync(join(dir, "pack.json"), "utf8")) as { tools: unknown[] };
  for (const [i, ex] of examples.entries()) {
    const isCond = Cond.safeParse(ex.form).success;
    const value = isCond ? { if: ex.form, then: { value: true }, else: { value: false } } : ex.form;
    const names = new Set(["account_id", "payment_id", ...Object.keys(ex.args), ...argsIn([ex.form, ex.lets])]);
    pack.tools.push({
      type: "function",
      function: { name: `example_${i}`, parameters: { type: "object", properties: Object.fromEntries([...names].map((n) => [n, {}])) } },
      role: "lookup",
      run: {
        op: "transact",
        refs: [
          { as: "account", table: "accounts", key: { arg: "account_id", default: "" }, optional: true },
          { as: "payment", table: "payments", key: { arg: "payment_id", default: "" }, optional: true },
        ],
        ...(ex.lets.length > 0 ? { let: ex.lets } : {}),
        result: { object: { value } },
      },
    });
  }
  writeFileSync(join(dir, "pack.json"), JSON.stringify(pack));
  return join(dir, "pack.json");
}

/** Every argument an expression reads (declared as a parameter, so an absent one shows its default). */
function argsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) argsIn(v, found);
  else if (value && typeof value === "object") {
    const arg = (value as { arg?: unknown }).arg;
    if (typeof arg === "string") found.push(arg);
    for (const v of Object.values(value)) argsIn(v, found);
  }
  return found;
}

describe("the pack reference has a runnable example of every rule form", () => {
  const examples = exprExamples();

  it("finds the schema's forms (the test reads the union it checks)", () => {
    expect(exprForms).toContain("calc");
    expect(condForms).toContain("matches");
    expect(effectForms).toEqual(["update", "update_all", "insert"]);
    expect(Let.shape).toHaveProperty("as");
  });

  it("every ```text expr example returns the value printed", () => {
    expect(examples.length).toBeGreaterThan(20);
    const domain = loadPackFile(evalPack(examples));
    const wrong: string[] = [];
    for (const [i, ex] of examples.entries()) {
      const r = createSession(domain).call({ name: `example_${i}`, arguments: ex.args });
      const value = (JSON.parse(r.content) as { value?: unknown }).value;
      const got = r.ok ? (value === undefined ? "absent" : canonicalJson(value)) : r.content;
      if (got !== ex.expected) wrong.push(`${ex.source}\n  printed: ${ex.expected}\n  runs to: ${got}`);
    }
    expect(wrong.join("\n"), "examples whose printed value differs from what they run to").toBe("");
  });

  it("every expression, condition and effect form, and every part of a transact, ref, rule and effect, is shown running", () => {
    const shown = formsIn([...calledRuns(), ...examples.flatMap((e) => [e.form, ...e.lets.map((l) => l.value)])]);
    const fields = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape);
    const effectFields = [...new Set(Effect.options.flatMap((o) => fields(o)))].filter((k) => !effectForms.includes(k));
    const missing = [
      ...exprForms.map((f) => `expr ${f}`),
      ...condForms.map((f) => `cond ${f}`),
      ...effectForms.map((f) => `effect ${f}`),
      ...effectFields.map((f) => `effect field ${f}`),
      ...fields(RowRef).map((f) => `ref field ${f}`),
      ...fields(Rule).map((f) => `rule field ${f}`),
      ...fields(TransactRun).map((f) => `transact field ${f}`),
    ].filter((f) => !shown.has(f));
    expect(missing, "forms with no runnable example in README.md").toEqual([]);
  });
});
