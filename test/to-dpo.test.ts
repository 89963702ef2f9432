// Spawn tests of the built to-dpo bin (run `turbo run build --filter=@chatmill/to-dpo...` first).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Context, fromValues } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { rowTexts, ndjsonValues } from "./helpers/row-texts.js";
import { runSync } from "./helpers/spawn.js";
import { Ajv2020 } from "ajv/dist/2020.js";
import { ChatTemplate, checkOpenAIDpoRow, checkSharegptDpoRow, checkTrlDpoRow } from "@chatmill/export";
import { DPO_FORMATS, dpoTransform, type DpoFlags } from "@chatmill/to-dpo";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "packages/to-dpo/bin/to-dpo.js");
const FIX = join(ROOT, "test/fixtures/dialogues");
const CLEAN = join(FIX, "all-clean.ndjson");
const ANNOTATED = ["retail-annotated", "travel-annotated", "ops-annotated"].map((f) => join(FIX, `${f}.ndjson`));

const run = (args: string[], input = "") => runSync(BIN, args, input);

async function inProcess(flags: DpoFlags, files: string[]): Promise<{ rows: Array<Record<string, unknown>>; notes: Map<string, number> }> {
  const ctx = new Context();
  const values = files.flatMap((f) => readFileSync(f, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as object));
  const rows: Array<Record<string, unknown>> = [];
  for await (const row of dpoTransform(flags, ctx)(fromValues(values), ctx)) rows.push(row as Record<string, unknown>);
  expect(ctx.issues).toEqual([]);
  return { rows, notes: ctx.counters.notes };
}

const sides: Record<string, [string, string]> = { openai: ["preferred_output", "non_preferred_output"], trl: ["chosen", "rejected"], sharegpt: ["chosen", "rejected"], muse: ["chosen", "rejected"], axolotl: ["chosen", "rejected"] };

describe("to-dpo: the command", () => {
  it("prints help that says where grading on the way stands", () => {
    const h = run(["--help"]);
    expect(h.status).toBe(0);
    for (const s of ["--min-margin", "mistake-versus-recovered", "graded and given executed alternatives on the way", "Examples:"]) expect(h.stdout).toContain(s);
  });
  it("handles empty input, bad lines and bad flags", () => {
    expect(run([], "").status).toBe(0);
    const bad = run([], "{oops\n");
    expect(bad.status).toBe(3);
    expect(bad.stderr).toContain("line 1");
    expect(run(["--min-margin", "2"]).status).toBe(2);
    expect(run(["--format", "kto"]).status).toBe(2);
  });
  it("stops quietly with status 0 under | head -1", () => {
    const dir = mkdtempSync(join(tmpdir(), "to-dpo-"));
    const big = join(dir, "big.ndjson");
    writeFileSync(big, readFileSync(ANNOTATED[0]!, "utf8").repeat(2000));
    const r = spawnSync("bash", ["-c", `set -o pipefail; node ${BIN} ${big} | head -1`], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
  });
  it("writes every format with each documented flag", () => {
    for (const f of DPO_FORMATS.map((x) => x.name)) {
      const r = run(["-f", f, "-m", "0.3", "--system", "Be helpful.", ...ANNOTATED]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.rows.length).toBeGreaterThan(5);
    }
  });
});

describe("to-dpo pairs", () => {
  it("chosen and rejected always differ, in every format, and pass the format's rules and schema", async () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    // The rule checkers are the formats' own, plus the shared ones for the formats that have them.
    const checks: Record<string, (r: unknown) => unknown> = { openai: checkOpenAIDpoRow, trl: checkTrlDpoRow, sharegpt: checkSharegptDpoRow };
    for (const format of DPO_FORMATS) {
      const f = format.name;
      const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, `packages/export/schemas/dpo-${f}.schema.json`), "utf8")) as object);
      const { rows } = await inProcess({ format: f, minMargin: 0 }, [CLEAN]);
      expect(rows.length).toBeGreaterThanOrEqual(13);
      const [c, r] = sides[f]!;
      for (const row of rows) {
        expect(JSON.stringify(row[c])).not.toBe(JSON.stringify(row[r]));
        expect(format.check(row)).toBeUndefined();
        expect(checks[f]?.(row)).toBeUndefined();
        expect(validate(row), ajv.errorsText(validate.errors)).toBe(true);
      }
    }
  });
  it("sharegpt ranking rows keep LLaMA-Factory's alternation (odd history, gpt/function_call outputs)", async () => {
    const { rows } = await inProcess({ format: "sharegpt", minMargin: 0 }, [CLEAN]);
    for (const row of rows) {
      const conv = row.conversations as Array<{ from: string }>;
      const msgs = conv[0]?.from === "system" ? conv.slice(1) : conv;
      msgs.forEach((m, i) => expect(i % 2 === 0 ? ["human", "observation"] : ["gpt", "function_call"]).toContain(m.from));
      expect(msgs.length % 2).toBe(1);
    }
  });
  it("takes pairs from alternatives (graded call vs executed alternative) with success rates", async () => {
    const { rows, notes } = await inProcess({ format: "muse", minMargin: 0 }, [ANNOTATED[0]!]);
    expect(notes.get("pairs from alternatives")).toBe(6);
    expect(notes.get("pairs from recoveries")).toBe(1);
    const search = rows.filter((r) => JSON.stringify(r.chosen).includes('"search_items"'));
    expect(search.map((r) => (r.rejected as { defect: string }).defect)).toEqual(["wrong_args", "missing_arg", "action_key_instead_of_tool"]);
    for (const r of search) {
      const ch = r.chosen as { success_rate: number; response: string };
      expect(ch.success_rate).toBe(0.95);
      expect(ch.response).toMatch(/^Ooh, fun!/);
    }
    const actionKey = search[2]!.rejected as { tool_calls: unknown[]; text: string };
    expect(actionKey.tool_calls).toEqual([]);
    expect(actionKey.text).toContain('"action"');
  });
  it("without annotations and without a known domain, pairs come only from failed-versus-recovered turns", async () => {
    const dir = mkdtempSync(join(tmpdir(), "to-dpo-nodomain-"));
    const file = join(dir, "d.ndjson");
    const values = ["retail", "travel", "ops"].flatMap((f) => readFileSync(join(FIX, `${f}.ndjson`), "utf8").split("\n").filter(Boolean));
    writeFileSync(file, values.map((l) => JSON.stringify({ ...JSON.parse(l), domain: "no-such-domain" })).join("\n"));
    const { rows, notes } = await inProcess({ format: "trl", minMargin: 0.1 }, [file]);
    expect(notes.get("dialogues without grades")).toBe(4);
    expect(rows).toHaveLength(1);
    const row = rows[0]! as { prompt: Array<{ role: string; content: string }>; chosen: Array<{ tool_calls: Array<{ function: { arguments: unknown } }> }>; rejected: Array<{ tool_calls: Array<{ function: { arguments: unknown } }> }> };
    expect(row.prompt[row.prompt.length - 1]!.content).toContain("how are they different?");
    expect(row.chosen[0]!.tool_calls[0]!.function.arguments).toEqual({ item_ids: ["DR-1042", "DR-1187"] });
    expect(row.rejected[0]!.tool_calls[0]!.function.arguments).toEqual({ item_ids: ["DR-1042", "DR-1178"] });
  });
  it("grades un-annotated dialogues on the way: dialogue-sim | to-dpo equals dialogue-sim | tool-annotate | to-dpo", () => {
    const dir = mkdtempSync(join(tmpdir(), "to-dpo-onway-"));
    const sh = (cmd: string) =>
      spawnSync("bash", ["-c", `set -eo pipefail; export PATH="${ROOT}/node_modules/.bin:$PATH"; ${cmd}`], { encoding: "utf8", maxBuffer: 1 << 28 });
    const sim = sh(`persona-sample -n 12 --domain travel -q | dialogue-sim -q > ${dir}/d.ndjson`);
    expect(sim.status, `${sim.error} ${sim.signal} ${sim.stderr}`).toBe(0);
    const direct = sh(`to-dpo --seed 3 ${dir}/d.ndjson`);
    const annotated = sh(`tool-annotate --seed 3 -q ${dir}/d.ndjson | to-dpo --seed 3 -q`);
    expect(direct.status, direct.stderr).toBe(0);
    expect(direct.stderr).toMatch(/dialogues graded on the way \d+/);
    expect(direct.stdout.split("\n").length).toBeGreaterThan(12);
    expect(direct.stdout).toBe(annotated.stdout);
  });
  it("--min-margin keeps only clear preferences", async () => {
    const all = await inProcess({ format: "openai", minMargin: 0 }, ANNOTATED);
    const clear = await inProcess({ format: "openai", minMargin: 0.6 }, ANNOTATED);
    expect(clear.rows.length).toBeLessThan(all.rows.length);
    expect(clear.notes.get("pairs below margin")).toBe(all.rows.length - clear.rows.length);
  });
  it("skips a retry that repeats the failed call: chosen would equal rejected", async () => {
    const d = JSON.parse(readFileSync(join(FIX, "retail.ndjson"), "utf8").split("\n")[0]!) as { messages: Array<{ tool_calls?: Array<{ arguments: unknown }> }> };
    d.messages[8]!.tool_calls![0]!.arguments = d.messages[6]!.tool_calls![0]!.arguments;
    (d as { domain?: string }).domain = "no-such-domain"; // no grading on the way: only the recovery pair
    const ctx = new Context();
    const rows: unknown[] = [];
    for await (const row of dpoTransform({ format: "trl", minMargin: 0 }, ctx)(fromValues([d]), ctx)) rows.push(row);
    expect(rows).toEqual([]);
    expect(ctx.counters.notes.get("identical pairs skipped")).toBe(1);
  });
  it("trl pairs render through the chat templates", async () => {
    const { rows } = await inProcess({ format: "trl", minMargin: 0 }, [CLEAN]);
    for (const t of ["qwen2.5-instruct", "llama3.1-instruct", "qwen3"]) {
      const tpl = new ChatTemplate(readFileSync(join(ROOT, `test/fixtures/chat-templates/${t}.jinja`), "utf8"), t);
      for (const row of rows) {
        for (const side of ["chosen", "rejected"]) {
          const text = tpl.render([...(row.prompt as unknown[]), ...(row[side] as unknown[])], row.tools as unknown[] | null);
          expect(text).not.toMatch(/"(arguments|parameters)": "/);
        }
      }
    }
  });
});

describe("to-dpo: rows as text", () => {
  it("writes each row as exactly JSON.stringify of the library's row object, in every format", async () => {
    const values = ndjsonValues([...ANNOTATED, CLEAN]);
    const rows = (flags: DpoFlags) => rowTexts(dpoTransform, flags, values);
    for (const format of DPO_FORMATS.map((f) => f.name)) {
      for (const system of [undefined, "Be brief."]) {
        const objects = await rows({ format, minMargin: 0, system });
        expect(objects.length).toBeGreaterThan(0);
        expect(await rows({ format, minMargin: 0, system, serialize: true })).toEqual(objects);
      }
    }
  });
});

describe("to-dpo --format axolotl (chat_template.default)", () => {
  it("writes {messages, chosen, rejected} of role and content only, calls as <tool_call> text, tools in the system message", async () => {
    const { rows } = await inProcess({ format: "axolotl", minMargin: 0 }, ANNOTATED);
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(["chosen", "messages", "rejected"]);
      const msgs = row.messages as Array<Record<string, unknown>>;
      for (const m of msgs) expect(Object.keys(m).sort()).toEqual(["content", "role"]);
      expect(msgs[0]!.role).toBe("system");
      expect(msgs[0]!.content).toContain("<tools>");
      expect(["user", "tool"]).toContain(msgs[msgs.length - 1]!.role);
      for (const k of ["chosen", "rejected"]) expect(Object.keys(row[k] as object).sort()).toEqual(["content", "role"]);
    }
    const call = rows.find((r) => (r.chosen as { content: string }).content.includes("<tool_call>"))!;
    const block = /<tool_call>\n(.*)\n<\/tool_call>/.exec((call.chosen as { content: string }).content)![1]!;
    expect(Object.keys(JSON.parse(block) as object)).toEqual(["name", "arguments"]);
  });
  it("renders as axolotl's strategy renders it: the prompt with a generation prompt, each side after a dummy user message, found by its content", async () => {
    const { rows } = await inProcess({ format: "axolotl", minMargin: 0 }, ANNOTATED);
    const tpl = new ChatTemplate(readFileSync(join(ROOT, "../shared/ref/chat-templates/qwen2.5-instruct.jinja"), "utf8"), "qwen2.5");
    for (const row of rows.slice(0, 40)) {
      expect(tpl.render(row.messages as unknown[], null, { add_generation_prompt: true })).toContain("<|im_start|>assistant\n");
      for (const k of ["chosen", "rejected"]) {
        const side = row[k] as { role: string; content: string };
        const text = tpl.render([{ role: "user", content: "[[dummy_message]]" }, side], null);
        expect(text.indexOf(side.content)).toBeGreaterThan(0);
      }
    }
  });
});
