// The kit's reader under hostile input, through the built bins and real pipes: a record
// nested far too deep, bytes that are not UTF-8, duplicate ids. Every other record goes on.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFake, type FakeProcess } from "./llm-helpers.js";
import { bin, root } from "./helpers/spawn.js";

const dir = mkdtempSync(join(tmpdir(), "chatmill-input-"));
let fake: FakeProcess;
beforeAll(async () => {
  fake = await startFake();
});
afterAll(async () => {
  await fake.stop();
});

/** Runs a built tool with `input` on stdin, without blocking the other tests. */
function runTool(file: string, args: string[], input: string | Buffer, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  const child = spawn(process.execPath, [file, ...args], {
    cwd: dir,
    env: { ...process.env, CHATMILL_NO_PROGRESS: "1", OPENAI_BASE_URL: fake?.url ?? "", OPENAI_API_KEY: "sk-test", ...env },
  });
  child.stdin.on("error", () => {}); // the tool may exit before reading everything
  child.stdin.end(input);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (d: Buffer) => out.push(d));
  child.stderr.on("data", (d: Buffer) => err.push(d));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString() }));
  });
}
const ok = async (file: string, args: string[], input: string | Buffer) => {
  const r = await runTool(file, args, input);
  if (r.code !== 0) throw new Error(`${file} exited ${r.code}: ${r.stderr}`);
  return r.stdout.toString();
};
const outLines = (out: Buffer | string) => out.toString().split("\n").filter(Boolean);

/** The record with one unknown field nested `depth` levels deep (objects, or arrays). */
function deepen(line: string, depth: number, arrays = false): string {
  const [open, leaf, close] = arrays ? ["[", "1", "]"] : ['{"a":', "1", "}"];
  return `${line.slice(0, -1)},"x_unknown":${open.repeat(depth)}${leaf}${close.repeat(depth)}}`;
}

describe("a record nested too deep is refused by line; the 199 others come out", () => {
  const inputs: Record<string, string> = {};
  beforeAll(async () => {
    inputs.personas = await ok(bin("persona-sample"), ["-n", "200", "--domain", "retail", "--seed", "3"], "");
    inputs.scenarios = await ok(bin("scenario-gen"), [], inputs.personas);
    inputs.dialogues = await ok(bin("dialogue-sim"), [], inputs.scenarios);
    inputs.chats = chats;
    inputs.texts = texts;
  }, 120_000);
  const chats = Array.from({ length: 200 }, (_, i) => JSON.stringify({ messages: [{ role: "user", content: `question ${i}` }, { role: "assistant", content: `answer ${i}` }] })).join("\n");
  const texts = Array.from({ length: 200 }, (_, i) => JSON.stringify({ id: `t${i}`, text: `say ${i}` })).join("\n");
  const tools: Array<[string, string, string[], string]> = [
    ["scenario-gen", bin("scenario-gen"), [], "personas"],
    ["dialogue-sim", bin("dialogue-sim"), [], "scenarios"],
    ["tool-annotate", bin("tool-annotate"), [], "dialogues"],
    ["chatmill-import", bin("chatmill-import", "import"), [], "chats"],
    ["mix", bin("mix"), ["-"], "texts"],
    ["llm-map", bin("llm-map"), ["--model", "fake", "--prompt", "{{text}}"], "texts"],
  ];

  for (const [name, file, args, kind] of tools) {
    it(name, async () => {
      const lines = inputs[kind]!.trim().split("\n");
      expect(lines).toHaveLength(200);
      const errors = join(dir, `${name}.errors.ndjson`);
      for (const [mode, depth, arrays] of [["fail", 10_000, false], ["skip", 1_000_000, true]] as const) {
        const hostile = lines.map((l, i) => (i === 150 ? deepen(l, depth, arrays) : l)).join("\n");
        const r = await runTool(file, [...args, "--on-error", mode, "--errors", errors], `${hostile}\n`);
        expect(r.stderr).not.toContain("Maximum call stack");
        expect(r.code, r.stderr).toBe(mode === "fail" ? 3 : 0);
        expect(outLines(r.stdout)).toHaveLength(199);
        if (mode === "fail") expect(r.stderr).toContain("line 151: nested more than 512 levels deep (raise the limit with --max-depth)");
        const dead = outLines(readFileSync(errors, "utf8")).map((l) => JSON.parse(l) as { line: number; kind: string; raw: string });
        expect(dead.map((d) => [d.line, d.kind])).toEqual([[151, "too_deep"]]);
        expect(dead[0]!.raw).toBe(hostile.split("\n")[150]);
      }
    }, 120_000);
  }

  it("chatmill-import refuses a record nested too deep inside a JSON array document too", async () => {
    const chat = (i: number, extra = "") => `{"messages":[{"role":"user","content":"q${i}"},{"role":"assistant","content":"a${i}"}]${extra}}`;
    const doc = join(dir, "deep-document.json");
    writeFileSync(doc, `[\n${chat(0)},\n${chat(1, `,"x":${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`)},\n${chat(2)}\n]\n`);
    const r = await runTool(bin("chatmill-import", "import"), [doc], "");
    expect(r.code, r.stderr).toBe(3);
    expect(outLines(r.stdout)).toHaveLength(2);
    expect(r.stderr).toContain("line 3: element 1 is nested more than 512 levels deep");
    expect(r.stderr).toMatch(/dropped 1 \(too_deep: 1\)/);
  });

  it("mix and chatmill-import take --max-depth too", async () => {
    const file = join(dir, "depth.ndjson");
    writeFileSync(file, '{"id":"a","messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"yo","x":[[1]]}]}\n');
    for (const [tool, pkg] of [["mix", "mix"], ["chatmill-import", "import"]] as const) {
      expect((await runTool(bin(tool, pkg), ["--max-depth", "5", file], "")).code).toBe(0); // 5 levels deep
      const r = await runTool(bin(tool, pkg), ["--max-depth", "4", file], "");
      expect(r.code).toBe(3);
      expect(r.stderr).toContain("line 1: nested more than 4 levels deep");
    }
  });

  it("--max-depth moves the limit", async () => {
    const line = JSON.stringify({ id: "p", style: "casual", language: "en", extra: { a: { b: {} } } });
    expect((await runTool(bin("validate"), ["--max-depth", "4"], `${line}\n`)).code).toBe(0);
    const r = await runTool(bin("validate"), ["--max-depth", "3"], `${line}\n`);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("line 1: nested more than 3 levels deep");
  });
});

describe.concurrent("bytes are never changed without a word", () => {
  const good = (id: string) => JSON.stringify({ id, style: "casual", language: "en" });

  it("a line that is not UTF-8 is bad input, and its dead letter gives the bytes back", async () => {
    const bad = Buffer.concat([Buffer.from('{"id":"caf'), Buffer.from([0xe9, 0xff]), Buffer.from('","style":"casual","language":"en"}')]);
    const input = Buffer.concat([Buffer.from(`${good("a")}\n`), bad, Buffer.from(`\n${good("b")}\n`)]);
    const errors = join(dir, "utf8.errors.ndjson");
    const r = await runTool(bin("validate"), ["--errors", errors], input);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("line 2: not valid UTF-8 (byte 11 of the line)");
    expect(r.stderr).toMatch(/dropped 1 \(invalid_utf8: 1\)/);
    expect(outLines(r.stdout).map((l) => JSON.parse(l).id)).toEqual(["a", "b"]);
    const back = spawnSync("bash", ["-c", `jq -r .raw_base64 '${errors}' | base64 -d`]);
    expect(Buffer.compare(back.stdout, bad)).toBe(0);
  });

  it("a 50 MB line is reported by its length and the records after it survive", async () => {
    const long = `{"x":"${"a".repeat(50_000_000)}"}`;
    const errors = join(dir, "long.errors.ndjson");
    const r = await runTool(bin("validate"), ["--errors", errors], `${good("a")}\n${long}\n${good("b")}\n`);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`line 2: line is ${long.length} bytes, over the limit of 16777216 bytes`);
    expect(outLines(r.stdout).map((l) => JSON.parse(l).id)).toEqual(["a", "b"]);
    const dead = JSON.parse(readFileSync(errors, "utf8")) as { kind: string; raw: string };
    expect(dead.kind).toBe("line_too_long");
    expect(dead.raw).toBe(long.slice(0, 200));
  });

  it("validate passes valid records through byte for byte: CRLF, a BOM, any spacing (cmp)", async () => {
    const input = `\uFEFF${good("a")}\r\n{ "id" : "b", "style":"casual",  "language":"en" }\n${good("c")}\r\n`;
    const inFile = join(dir, "crlf.ndjson");
    const outFile = join(dir, "crlf.out.ndjson");
    writeFileSync(inFile, input);
    const r = spawnSync("bash", ["-c", `node '${bin("validate")}' < '${inFile}' > '${outFile}' && cmp '${inFile}' '${outFile}'`], { cwd: root, env: { ...process.env, CHATMILL_NO_PROGRESS: "1" } });
    expect(r.status, r.stdout.toString() + r.stderr.toString()).toBe(0);
  });

  it("validate keeps the BOM only at the start of its output", async () => {
    const r = await runTool(bin("validate"), [], `\uFEFF{"id":"x"}\n${good("a")}\n`);
    expect(r.stdout.toString()).toBe(`${good("a")}\n`);
  });
});

describe.concurrent("duplicate ids", () => {
  const p = (id: string) => JSON.stringify({ id, style: "casual", language: "en" });
  const input = `${[p("a"), p("b"), p("a"), p("c"), p("b"), p("a")].join("\n")}\n`;

  it("are counted in the summary, with one warning naming the first", async () => {
    const r = await runTool(bin("validate"), [], input);
    expect(r.code).toBe(0);
    expect(outLines(r.stdout)).toHaveLength(6);
    expect(r.stderr).toMatch(/^validate: warning: line 3: id "a" was already used by an earlier record;/);
    expect(r.stderr.match(/warning/g)).toHaveLength(1);
    expect(r.stderr).toMatch(/written 6 · dropped 0 · failed 0 · duplicate ids 3 · /);
    // none: no figure
    expect((await runTool(bin("validate"), [], `${p("a")}\n${p("b")}\n`)).stderr).not.toContain("duplicate");
  });

  it("validate --unique-ids refuses the second and later ones", async () => {
    const errors = join(dir, "dups.errors.ndjson");
    const r = await runTool(bin("validate"), ["--unique-ids", "--errors", errors], input);
    expect(r.code).toBe(3);
    expect(outLines(r.stdout).map((l) => JSON.parse(l).id)).toEqual(["a", "b", "c"]);
    expect(r.stderr).toContain('line 5: /id: id "b" was already used by an earlier record (--unique-ids)');
    const dead = outLines(readFileSync(errors, "utf8")).map((l) => JSON.parse(l) as { line: number; kind: string });
    expect(dead.map((d) => [d.line, d.kind])).toEqual([[3, "duplicate_id"], [5, "duplicate_id"], [6, "duplicate_id"]]);
    expect((await runTool(bin("validate"), ["--unique-ids", "--on-error", "skip"], input)).code).toBe(0);
  });
});
