import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bin, ndjson, run, sh } from "./helpers/spawn.js";

const validate = bin("validate");
const persona = (id: string, extra: object = {}) => ({ id, style: "casual", language: "en", ...extra });
const dialogue = {
  id: "d1",
  tools: [],
  messages: [
    { role: "user", content: "hi", labels: { intent: "greet", emotion: "neutral" } },
    { role: "assistant", content: null, tool_calls: [{ id: "c1", name: "search_items", arguments: { q: "red dress" } }] },
    { role: "tool", tool_call_id: "c1", name: "search_items", content: "[]", ok: true },
    { role: "assistant", content: "Nothing red right now, sorry." },
  ],
  my_own_field: { kept: true },
};
const tmp = () => mkdtempSync(join(tmpdir(), "chatmill-validate-"));

describe.concurrent("validate (built, through real pipes)", () => {
  it("passes valid records through byte for byte, unknown fields included", async () => {
    const input = `${JSON.stringify(dialogue)}\n{"id":"p1",  "style":"casual","language":"hi","x":[1]}\r\n`;
    const r = await run(validate, [], input);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(input); // CRLF kept
    expect(r.stderr).toMatch(/^validate: read 2 · written 2 · dropped 0 · failed 0 · /);
  });

  it("handles empty input", async () => {
    const r = await run(validate, [], "");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/read 0 · written 0/);
  });

  it("reports a bad JSON line in the middle and an invalid record, and goes on", async () => {
    const input = `${JSON.stringify(persona("a"))}\n{oops\n${JSON.stringify({ id: "b", style: 3, language: "en" })}\n${JSON.stringify(persona("c"))}\n`;
    const r = await run(validate, [], input);
    expect(r.code).toBe(3);
    expect(r.stdout.trim().split("\n").map((l) => JSON.parse(l).id)).toEqual(["a", "c"]);
    expect(r.stderr).toContain("line 2: invalid JSON");
    expect(r.stderr).toContain("line 3: /style: must be string");
    expect(r.stderr).toMatch(/dropped 2 \(invalid_json: 1, invalid_record: 1\)/);
  });

  it("names the field path inside a dialogue", async () => {
    const bad = structuredClone(dialogue) as typeof dialogue;
    (bad.messages[2] as Record<string, unknown>).ok = "yes";
    const r = await run(validate, ["--type", "dialogue"], ndjson([bad]));
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("line 1: /messages/2/ok: must be boolean");
  });

  it("writes every bad line to --errors with its line number and reason; skip exits 0", async () => {
    const dir = tmp();
    const errors = join(dir, "errors.ndjson");
    const input = `${JSON.stringify(persona("a"))}\nnot json\n${JSON.stringify({ id: "b" })}\n`;
    const r = await run(validate, ["--on-error", "skip", "--errors", errors], input);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain("line 2");
    const dead = readFileSync(errors, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(dead).toHaveLength(2);
    expect(dead[0]).toMatchObject({ source: "stdin", line: 2, kind: "invalid_json", raw: "not json" });
    expect(dead[1]).toMatchObject({ line: 3, id: "b", kind: "invalid_record", raw: '{"id":"b"}' });
  });

  it("reports a huge line clearly instead of running out of memory", async () => {
    const huge = `{"id":"h","style":"casual","language":"en","blob":"${"z".repeat(3_000_000)}"}`;
    const r = await run(validate, ["--max-line-bytes", "1000000"], `${JSON.stringify(persona("a"))}\n${huge}\n${JSON.stringify(persona("c"))}\n`);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`line 2: line is ${huge.length} bytes, over the limit of 1000000 bytes (raise it with --max-line-bytes)`);
    expect(r.stdout.trim().split("\n")).toHaveLength(2);
  });

  it("exits 0 with nothing on stderr when stdout is closed early (| head -1)", async () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => JSON.stringify(persona(`p${i}`))).join("\n");
    const dir = tmp();
    writeFileSync(join(dir, "in.ndjson"), `${lines}\n`);
    const r = await sh(`validate ${join(dir, "in.ndjson")} | head -1; echo "status=\${PIPESTATUS[0]}" >&2`);
    expect(r.stdout).toBe(`${JSON.stringify(persona("p0"))}\n`);
    expect(r.stderr).toBe("status=0\n");
  });

  it("checks against --type, --schema, and detects types", async () => {
    const dir = tmp();
    const schema = join(dir, "row.schema.json");
    writeFileSync(schema, JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema#", type: "object", required: ["q"], properties: { q: { type: "string", format: "email" } } }));
    let r = await run(validate, ["--schema", schema], '{"q":"a@b.co"}\n{"q":"nope"}\n');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('{"q":"a@b.co"}\n');
    expect(r.stderr).toContain('line 2: /q: must match format "email"');
    r = await run(validate, ["--type", "scenario"], ndjson([persona("a")]));
    expect(r.stderr).toContain("line 1: /persona: must have required property 'persona'");
    r = await run(validate, [], '{"what":"is this"}\n');
    expect(r.stderr).toContain("cannot tell the record type");
    r = await run(validate, ["--type", "persona", "--schema", schema], "");
    expect(r.code).toBe(2);
  });

  it("--report counts failures by kind of check", async () => {
    const input = ndjson([{ id: "a", style: 1, language: "en" }, { id: "b", style: 2, language: "en" }, { id: "c", style: "x" }]);
    const r = await run(validate, ["--report"], input);
    expect(r.stderr).toMatch(/2 {2}type at \/style/);
    expect(r.stderr).toMatch(/1 {2}required at \/language/);
  });

  it("reads files named on the command line and reports them by name", async () => {
    const dir = tmp();
    const f = join(dir, "a.ndjson");
    writeFileSync(f, `${JSON.stringify(persona("a"))}\n{"id":"b"}\n`);
    const r = await run(validate, [f, "-"], JSON.stringify(persona("s")));
    expect(r.stdout.trim().split("\n").map((l) => JSON.parse(l).id)).toEqual(["a", "s"]);
    expect(r.stderr).toContain(`${f}: line 2:`);
    const missing = await run(validate, [join(dir, "nope.ndjson")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read");
  });

  it("answers --help, --version and usage errors like a Unix tool", async () => {
    const help = await run(validate, ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Examples:");
    expect(help.stdout).toContain("Exit status:");
    expect(help.stderr).toBe("");
    const version = await run(validate, ["--version"]);
    expect(version.stdout).toMatch(/^validate \d+\.\d+\.\d+\n$/);
    const bad = await run(validate, ["--type", "nope"]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toMatch(/--type must be one of .*\nTry 'validate --help'/);
    const quiet = await run(validate, ["-q"], '{"id":"x"}\n');
    expect(quiet.code).toBe(3);
    expect(quiet.stderr).not.toContain("read 1");
    expect(quiet.stderr).toContain("line 1:");
  });

  it("shows a progress line only when stderr is a terminal", async () => {
    const dir = tmp();
    const f = join(dir, "many.ndjson");
    writeFileSync(f, Array.from({ length: 80_000 }, (_, i) => JSON.stringify(persona(`p${i}`))).join("\n"));
    // `script` gives the tool a pseudo-terminal for stdout and stderr. The input arrives in two
    // halves a second apart, so the line is drawn (every 250 ms) however fast the machine is;
    // a file read at full speed could end before the first draw. The ETA is progress.test.ts's.
    const tty = await sh(`script -qfec "(head -n 40000 ${f}; sleep 1; tail -n +40001 ${f}) | node ${validate} > /dev/null" /dev/null`, { CHATMILL_NO_PROGRESS: "" });
    expect(tty.stdout).toMatch(/\r\x1b\[Kvalidate: [\d,]+ records · [\d,]+\/s/);
    const piped = await run(validate, [f]);
    expect(piped.stderr).not.toContain("\x1b[K");
  });
});
