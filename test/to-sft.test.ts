// Spawn tests of the built to-sft bin (run `turbo run build --filter=@chatmill/to-sft...` first).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { rowTexts, ndjsonValues } from "./helpers/row-texts.js";
import { runSync } from "./helpers/spawn.js";
import { Ajv2020 } from "ajv/dist/2020.js";
import { Context, fromValues } from "@chatmill/kit";
import { ChatTemplate, checkOpenAISftRow, checkSharegptSftRow, checkTrlSftRow } from "@chatmill/export";
import { SFT_FORMATS, sftTransform, type SftFlags } from "@chatmill/to-sft";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "packages/to-sft/bin/to-sft.js");
const FIX = join(ROOT, "test/fixtures/dialogues");
const TPL = join(ROOT, "test/fixtures/chat-templates");
const CLEAN = join(FIX, "all-clean.ndjson");
const EDGE = join(FIX, "edge-cases.ndjson");
const TEMPLATES = ["qwen2.5-instruct", "llama3.1-instruct", "qwen3"] as const;

const run = (args: string[], input = "") => runSync(BIN, args, input);

/** The library route (what the bin runs), for checks that need many runs. */
async function inProcess(flags: SftFlags, file: string): Promise<Array<Record<string, unknown>>> {
  const ctx = new Context();
  const values = readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as object);
  const out: Array<Record<string, unknown>> = [];
  for await (const row of sftTransform(flags, ctx)(fromValues(values), ctx)) out.push(row as Record<string, unknown>);
  return out;
}

/** LLaMA-Factory's SharegptDatasetConverter check, transcribed: the row is dropped when this is false. */
function llamaFactoryKeeps(conv: Array<{ from: string }>, ranking: boolean): boolean {
  const msgs = conv[0]?.from === "system" ? conv.slice(1) : conv;
  const accept = [["human", "observation"], ["gpt", "function_call"]];
  for (let i = 0; i < msgs.length; i++) if (!accept[i % 2]!.includes(msgs[i]!.from)) return false;
  return ranking ? msgs.length % 2 === 1 : msgs.length % 2 === 0;
}

type Msg = { role: string; content: string | null; tool_calls?: Array<{ function: { name: string; arguments: unknown } }>; weight?: number };

describe("to-sft: the command", () => {
  it("prints help with every format and examples, and its version", () => {
    const h = run(["--help"]);
    expect(h.status).toBe(0);
    for (const s of ["openai", "trl", "sharegpt", "hermes", "muse", "--granularity", "--system", "--check-template", "Examples:"]) expect(h.stdout).toContain(s);
    expect(run(["--version"]).stdout).toMatch(/^to-sft \d+\.\d+\.\d+/);
  });
  it("refuses bad flags with status 2", () => {
    expect(run(["--format", "alpaca"]).status).toBe(2);
    expect(run(["-f", "muse", "-g", "conversation"]).stderr).toContain("turn granularity only");
    expect(run(["-f", "trl", "--on-mistake", "mask"], "").stderr).toContain("no per-message loss weight");
    expect(run(["-f", "trl", "--on-mistake", "keep"], "").status).toBe(2);
    expect(run(["-f", "trl", "--tools-as", "yaml"], "").status).toBe(2);
    expect(run(["-f", "openai", "--check-template", join(TPL, "qwen3.jinja")], "").status).toBe(2);
  });
  it("writes nothing for empty input and exits 0", () => {
    const r = run([], "");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
  });
  it("reports a bad line with its number (status 3), or skips it and dead-letters it", () => {
    const good = readFileSync(join(FIX, "ops.ndjson"), "utf8");
    const r = run([], `${good}not json\n{"id":"x","messages":[]}\n`);
    expect(r.status).toBe(3);
    expect(r.rows).toHaveLength(1);
    expect(r.stderr).toMatch(/line 2/);
    expect(r.stderr).toMatch(/line 3: \/messages: messages must be a non-empty array/);
    const dir = mkdtempSync(join(tmpdir(), "to-sft-"));
    const errs = join(dir, "errors.ndjson");
    const s = run(["--on-error", "skip", "--errors", errs], `${good}not json\n`);
    expect(s.status).toBe(0);
    expect(readFileSync(errs, "utf8")).toContain('"line":2');
  });
  it("stops quietly with status 0 when the reader goes away (| head -1)", () => {
    const dir = mkdtempSync(join(tmpdir(), "to-sft-"));
    const big = join(dir, "big.ndjson");
    // Each copy under its own id: a repeated id is warned about on stderr, and how far the tool
    // reads before it sees the pipe close depends on the machine's load.
    const lines = readFileSync(CLEAN, "utf8").split("\n").filter(Boolean);
    const copies = Array.from({ length: 400 }, (_, k) => lines.map((l) => JSON.stringify({ ...JSON.parse(l), id: `${JSON.parse(l).id}-${k}` })).join("\n"));
    writeFileSync(big, copies.join("\n") + "\n");
    const r = spawnSync("bash", ["-c", `set -o pipefail; node ${BIN} -g turn ${big} | head -1`], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toBe("");
  });
  it("dead-letters every row a target would reject, with the rule, never writing it", () => {
    const dir = mkdtempSync(join(tmpdir(), "to-sft-"));
    const errs = join(dir, "dead.ndjson");
    const r = run(["-f", "openai", "--errors", errs, EDGE]);
    expect(r.status).toBe(4);
    const dead = readFileSync(errs, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { kind: string; id: string; raw: string; line: number });
    expect(dead.map((d) => [d.id, d.kind])).toEqual([["edge-bad-tool-name", "openai.tool_name"]]);
    expect(JSON.parse(dead[0]!.raw)).toHaveProperty("messages");
    expect(r.rows.map((row) => JSON.stringify(row))).not.toContain(dead[0]!.raw);
    expect(r.stderr).toContain("arguments decoded 1");
  });
});

describe("to-sft --format openai", () => {
  const conv = run(["-f", "openai", CLEAN]);
  const turn = run(["-f", "openai", "-g", "turn", CLEAN]);
  it("passes the OpenAI fine-tuning validator, every row", () => {
    expect(conv.status).toBe(0);
    expect(conv.rows).toHaveLength(7);
    for (const row of [...conv.rows, ...turn.rows]) expect(checkOpenAISftRow(row)).toBeUndefined();
  });
  it("writes arguments as a JSON string and weight 0/1 only on assistant messages", () => {
    for (const row of conv.rows) {
      for (const m of row.messages as Msg[]) {
        if (m.role === "assistant") expect([0, 1]).toContain(m.weight);
        else expect(m).not.toHaveProperty("weight");
        for (const c of m.tool_calls ?? []) expect(typeof c.function.arguments).toBe("string");
      }
    }
  });
  it("keeps the failed compare call with weight 0 and trains the recovered one", () => {
    const retail = conv.rows[0]!.messages as Msg[];
    const compares = retail.filter((m) => m.tool_calls?.[0]?.function.name === "compare_items");
    expect(compares.map((m) => [m.tool_calls![0]!.function.arguments, m.weight])).toEqual([
      ['{"item_ids":["DR-1042","DR-1178"]}', 0],
      ['{"item_ids":["DR-1042","DR-1187"]}', 1],
    ]);
    expect(conv.stderr).toContain("mistakes masked 2");
  });
  it("at turn granularity trains exactly one assistant message per row, never a failed one", () => {
    expect(turn.rows.length).toBeGreaterThan(conv.rows.length);
    for (const row of turn.rows) {
      const msgs = row.messages as Msg[];
      const trained = msgs.filter((m) => m.weight === 1);
      expect(trained).toHaveLength(1);
      expect(msgs[msgs.length - 1]).toBe(trained[0]);
      expect(JSON.stringify(trained[0])).not.toContain("DR-1178");
    }
  });
  it("--system replaces or adds the system prompt", () => {
    const r = run(["-f", "openai", "--system", "Be brief.", CLEAN]);
    for (const row of r.rows) {
      const msgs = row.messages as Msg[];
      expect(msgs[0]).toEqual({ role: "system", content: "Be brief." });
      expect(msgs.filter((m) => m.role === "system")).toHaveLength(1);
    }
  });
  it("rows of every format match the format's JSON Schema (packages/export/schemas)", async () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    for (const [f, g] of [["openai", "conversation"], ["openai", "turn"], ["trl", "turn"], ["sharegpt", "turn"], ["hermes", "conversation"], ["hermes", "turn"], ["muse", "turn"]] as const) {
      const validate = ajv.getSchema(`https://chatmill.dev/schemas/sft-${f}.schema.json`) ?? ajv.compile(JSON.parse(readFileSync(join(ROOT, `packages/export/schemas/sft-${f}.schema.json`), "utf8")) as object);
      const rows = await inProcess({ format: f, granularity: g }, CLEAN);
      expect(rows.length).toBeGreaterThan(5);
      for (const row of rows) expect(validate(row), `${f}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });
});

describe("to-sft --format trl", () => {
  const templates = TEMPLATES.map((t) => new ChatTemplate(readFileSync(join(TPL, `${t}.jinja`), "utf8"), t));
  const turn = run(["-f", "trl", "-g", "turn", CLEAN, EDGE]);
  const conv = run(["-f", "trl", CLEAN]);

  it("renders the provided sft-tool-call vector byte-identically", () => {
    const input = JSON.parse(readFileSync(join(TPL, "vectors/sft-tool-call.input.json"), "utf8")) as { messages: unknown[]; tools: unknown[]; bos_token: string };
    for (const t of templates) {
      const expected = readFileSync(join(TPL, `vectors/sft-tool-call.${t.name}.expected.txt`), "utf8");
      expect(t.render(input.messages, input.tools, { bos_token: input.bos_token })).toBe(expected);
    }
  });
  it("turns the vector's conversation, as a Dialogue, into a row that renders byte-identically", () => {
    const v = JSON.parse(readFileSync(join(TPL, "vectors/sft-tool-call.input.json"), "utf8")) as { messages: Array<Record<string, unknown>>; tools: unknown[] };
    const dialogue = {
      id: "vector",
      tools: v.tools,
      messages: [
        v.messages[0],
        v.messages[1],
        { role: "assistant", content: null, tool_calls: [{ id: "call_1", name: "get_weather", arguments: { city: "Paris" } }] },
        { role: "tool", tool_call_id: "call_1", name: "get_weather", content: '{"temp_c": 18}', ok: true },
        v.messages[4],
      ],
    };
    const r = run(["-f", "trl"], `${JSON.stringify(dialogue)}\n`);
    expect(r.status).toBe(0);
    const row = r.rows[0] as { messages: unknown[]; tools: unknown[] };
    for (const t of templates) {
      expect(t.render(row.messages, row.tools)).toBe(readFileSync(join(TPL, `vectors/sft-tool-call.${t.name}.expected.txt`), "utf8"));
    }
  });
  it("every row renders through Qwen2.5, Llama 3.1 and Qwen3 without errors or double-encoded arguments", () => {
    const rows = [...turn.rows, ...conv.rows];
    expect(rows.length).toBeGreaterThan(40);
    let calls = 0;
    for (const row of rows) {
      expect(checkTrlSftRow(row)).toBeUndefined();
      const msgs = [...((row.messages ?? row.prompt) as Msg[]), ...((row.completion as Msg[] | undefined) ?? [])];
      const expected = msgs.flatMap((m) => (m.tool_calls ?? []).map((c) => ({ name: c.function.name, arguments: c.function.arguments })));
      for (const t of templates) {
        const text = t.render(msgs, row.tools as unknown[] | null);
        // Read the calls back out of the text: they must be the row's objects, encoded once.
        const found =
          t.name === "llama3.1-instruct"
            ? [...text.matchAll(/<\|start_header_id\|>assistant<\|end_header_id\|>\n\n(\{"name": .*\})<\|eot_id\|>/g)].map((m) => JSON.parse(m[1]!) as { name: string; parameters: unknown }).map((c) => ({ name: c.name, arguments: c.parameters }))
            : [...text.matchAll(/<tool_call>\n(.*)\n<\/tool_call>/g)]
                .filter((m) => !m[1]!.includes("<function-name>")) // the format description in the tools preamble
                .map((m) => JSON.parse(m[1]!) as { name: string; arguments: unknown });
        expect(found).toEqual(expected);
        for (const c of found) expect(typeof c.arguments).toBe("object");
        calls += found.length;
      }
    }
    expect(calls).toBeGreaterThan(50);
  });
  it("splits parallel calls (Llama 3.1 takes one per message) and writes the same columns in every row", () => {
    const travel = conv.rows.find((r) => JSON.stringify(r).includes("search_trains"))!;
    const callers = (travel.messages as Msg[]).filter((m) => m.tool_calls);
    expect(callers.map((m) => m.tool_calls!.length)).toEqual([1, 1, 1]);
    const keys = new Set(turn.rows.map((r) => Object.keys(r).join(",")));
    expect([...keys]).toEqual(["prompt,completion,tools"]);
    expect(new Set(conv.rows.map((r) => Object.keys(r).join(",")))).toEqual(new Set(["messages,tools"]));
  });
  it("cuts a conversation before a mistake it cannot mask; per turn the mistake stays in the prompt only", () => {
    expect(conv.status).toBe(0);
    expect(conv.stderr).toMatch(/dialogues cut before a mistake [1-9]/);
    const retail = conv.rows.find((r) => JSON.stringify(r).includes("DR-1042"))!;
    const msgs = retail.messages as Msg[];
    expect(JSON.stringify(msgs)).not.toContain("DR-1178");
    expect(msgs[msgs.length - 1]!.role === "assistant" || msgs[msgs.length - 1]!.role === "tool").toBe(true);
    for (const row of turn.rows) expect(JSON.stringify(row.completion)).not.toContain("DR-1178");
    expect(turn.rows.some((r) => JSON.stringify(r.prompt).includes("DR-1178"))).toBe(true);
  });
  it("--check-template dead-letters rows a template cannot render", () => {
    const dir = mkdtempSync(join(tmpdir(), "to-sft-"));
    const broken = join(dir, "broken.jinja");
    writeFileSync(broken, "{{ raise_exception('no tools here') }}");
    const ok = run(["-f", "trl", "-g", "turn", ...TEMPLATES.flatMap((t) => ["--check-template", join(TPL, `${t}.jinja`)]), CLEAN]);
    expect(ok.status).toBe(0);
    expect(ok.rows.length).toBeGreaterThan(30);
    const bad = run(["-f", "trl", "-g", "turn", "--check-template", broken, join(FIX, "ops.ndjson")]);
    expect(bad.status).toBe(4);
    expect(bad.rows).toHaveLength(0);
    expect(bad.stderr).toContain("template.render_error");
  });
});

describe("to-sft --format sharegpt", () => {
  const turn = run(["-f", "sharegpt", "-g", "turn", CLEAN, EDGE]);
  const conv = run(["-f", "sharegpt", CLEAN, EDGE]);
  it("every written row passes LLaMA-Factory's alternation rules", () => {
    const rows = [...turn.rows, ...conv.rows];
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      expect(checkSharegptSftRow(row)).toBeUndefined();
      expect(llamaFactoryKeeps(row.conversations as Array<{ from: string }>, false)).toBe(true);
      if (row.tools !== undefined) expect(typeof row.tools).toBe("string");
    }
  });
  it("merges what it can: two assistant turns in a row become one, so LLaMA-Factory keeps the row", () => {
    expect(conv.stderr).toContain("sharegpt turns merged 1");
    expect(conv.stderr).not.toContain("sharegpt.alternation");
    expect(conv.stderr).toContain("trailing turns trimmed 1");
    const parallel = conv.rows.find((r) => JSON.stringify(r).includes("search_trains"))!;
    const fc = (parallel.conversations as Array<{ from: string; value: string }>).find((m) => m.from === "function_call")!;
    expect((JSON.parse(fc.value) as unknown[]).length).toBe(2);
  });
});

describe("to-sft --format hermes and muse", () => {
  it("hermes: <tool_call> text, the failed call kept with weight 0", () => {
    const r = run(["-f", "hermes", join(FIX, "retail.ndjson")]);
    expect(r.status).toBe(0);
    const conv = r.rows[0]!.conversations as Array<{ from: string; value: string; weight?: number }>;
    const failed = conv.find((m) => m.value.includes("DR-1178"))!;
    expect(failed.weight).toBe(0);
    expect(failed.value).toMatch(/^<tool_call>\n\{"name":"compare_items","arguments":\{"item_ids":\["DR-1042","DR-1178"\]\}\}\n<\/tool_call>$/);
    expect(conv.some((m) => m.from === "tool" && m.value.startsWith("<tool_response>\n"))).toBe(true);
    expect(conv[0]!.value).toContain("<tools>");
  });
  it("muse: seed-000 rows, failed calls marked aside, Hindi kept as written", () => {
    const r = run(["-f", "muse", join(FIX, "retail.ndjson")]);
    expect(r.status).toBe(0);
    const compare = r.rows.find((row) => row.intent === "compare")!;
    expect(compare.tool_calls).toEqual([{ tool: "compare_items", args: { item_ids: ["DR-1042", "DR-1187"] } }]);
    expect(compare.failed_tool_calls).toEqual([{ tool: "compare_items", args: { item_ids: ["DR-1042", "DR-1178"] } }]);
    expect(r.stdout).toContain("बनारसी आर्ट सिल्क साड़ी");
    for (const row of r.rows) expect(Object.keys(row).slice(0, 4)).toEqual(["context", "tool_calls", "response", "intent"]);
  });
});

describe("to-sft: rows as text", () => {
  it("writes each row as exactly JSON.stringify of the library's row object, in every format and granularity", async () => {
    const values = ndjsonValues([CLEAN, EDGE, join(FIX, "travel-annotated.ndjson")]);
    const rows = (flags: SftFlags) => rowTexts(sftTransform, flags, values);
    for (const format of SFT_FORMATS.map((f) => f.name)) {
      for (const granularity of format === "muse" ? ["turn"] : ["conversation", "turn"]) {
        for (const system of [undefined, "Be brief."]) {
          const objects = await rows({ format, granularity, system });
          expect(objects.length).toBeGreaterThan(0);
          expect(await rows({ format, granularity, system, serialize: true })).toEqual(objects);
        }
      }
    }
  });
});

describe("to-sft: the app's context (context_provider)", () => {
  const d = JSON.parse(readFileSync(CLEAN, "utf8").split("\n")[0]!) as { messages: Array<Record<string, unknown>> };
  const ctxMsg = { role: "assistant", name: "context_provider", content: "Local time 19:55, New York." };
  const withContext = { ...d, messages: [d.messages[0], ctxMsg, ...d.messages.slice(1)] };
  const rows = async (format: string) => {
    const ctx = new Context();
    const out: Array<Record<string, unknown>> = [];
    for await (const r of sftTransform({ format }, ctx)(fromValues([withContext]), ctx)) out.push(r as Record<string, unknown>);
    expect(ctx.issues).toEqual([]);
    return out;
  };
  it("is a message of its own where the format allows one, folded into the system prompt where not, a line in muse rows", async () => {
    const openai = (await rows("openai"))[0]!.messages as Array<{ role: string; content: string }>;
    expect(openai.filter((m) => m.role === "system").map((m) => m.content)).toContain("Local time 19:55, New York.");
    const sharegpt = (await rows("sharegpt"))[0]!.conversations as Array<{ from: string; value: string }>;
    expect(sharegpt[0]!.from).toBe("system");
    expect(sharegpt[0]!.value).toContain("Local time 19:55, New York.");
    expect(sharegpt.filter((m) => m.value.includes("Local time")).length).toBe(1);
    const trl = (await rows("trl"))[0]!.messages as Array<{ role: string; content: string }>;
    expect(trl[0]!.content).toContain("Local time 19:55, New York.");
    expect(trl[1]!.role).toBe("user");
    const muse = await rows("muse");
    expect(muse[0]!.context).toContain("Context: Local time 19:55, New York.");
  });
});

describe("to-sft --format trl through the Hermes-2-Pro template (@huggingface/jinja, rendered Python's way)", () => {
  const REF = join(ROOT, "../shared/ref/chat-templates");
  const hermes = ChatTemplate.fromFile(join(REF, "hermes-2-pro-llama-3-tool-use.jinja"));
  it("still renders the template's own vector byte-identically", () => {
    const input = JSON.parse(readFileSync(join(REF, "vectors/hermes-2-pro-llama-3-tool-use.hfjs-e2e.input.json"), "utf8")) as { messages: unknown[]; tools?: unknown[] } & Record<string, unknown>;
    const { messages, tools, ...extra } = input;
    expect(hermes.render(messages, tools, extra)).toBe(readFileSync(join(REF, "vectors/hermes-2-pro-llama-3-tool-use.hfjs-e2e.expected.txt"), "utf8"));
  });
  it("renders every row, array parameters and derived descriptions included; --check-template hermes writes rows and counts the call text it drops", () => {
    const r = run(["-f", "trl", "--check-template", join(REF, "hermes-2-pro-llama-3-tool-use.jinja"), CLEAN]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.rows).toHaveLength(7);
    expect(r.stderr).toMatch(/call text dropped by hermes-2-pro-llama-3-tool-use.jinja [1-9]/);
    const text = hermes.render(r.rows[0]!.messages as unknown[], r.rows[0]!.tools as string);
    expect(text).toContain("<tool_call>");
  });
});
