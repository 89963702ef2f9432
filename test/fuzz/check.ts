// Runs one tool over one fuzz batch through real pipes and checks what the README
// promises: the exit status, no crash, the summary line, and the accounting rules
// described in tools.ts. Returns the violations (an empty list is a pass).
import { spawn } from "node:child_process";
import { createReadStream, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "../helpers/spawn.js";
import { batchBytes, type Case } from "./cases.js";
import type { FuzzTool } from "./tools.js";

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
  deadLetters: Array<Record<string, unknown>>;
  side: Array<Record<string, unknown>>;
}

export interface Summary {
  read: number;
  written: number;
  dropped: Map<string, number>;
  failed: Map<string, number>;
  /** The summary's `duplicate ids N` (0 when absent). */
  duplicateIds: number;
}

export interface BatchResult {
  label: string;
  cases: number;
  seconds: number;
  violations: string[];
}

/** Runs the tool with the batch file piped to its stdin, with --errors (and its side file). */
export function runTool(t: FuzzTool, file: string, onError: "fail" | "skip", dir: string, tag: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const errors = join(dir, `${tag}.errors.ndjson`);
  const side = join(dir, `${tag}.side.ndjson`);
  const args = [t.bin, ...t.args, "--on-error", onError, "--errors", errors, "--max-line-bytes", String(MAX_LINE), ...(t.sideFile ? [t.sideFile, side] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, CHATMILL_NO_PROGRESS: "1", ...env } });
    const out: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.stdin.on("error", () => {}); // a tool that dies early closes its stdin
    createReadStream(file).pipe(child.stdin);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const dl = existsSync(errors) ? ndjson(readFileSync(errors, "utf8")) : [];
      const sf = t.sideFile && existsSync(side) ? ndjson(readFileSync(side, "utf8")) : [];
      resolve({ code, signal, stdout: Buffer.concat(out), stderr: err, deadLetters: dl, side: sf });
    });
  });
}

/** Lines longer than this are reported as too long: some huge-string cases are, some are not. */
export const MAX_LINE = 2 * 1024 * 1024;

function ndjson(text: string): Array<Record<string, unknown>> {
  return text.split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as Record<string, unknown>);
}

export function parseSummary(tool: string, stderr: string): Summary | undefined {
  const re = new RegExp(`^${tool}: read (\\d+) · written (\\d+) · dropped (\\d+)(?: \\(([^)]*)\\))? · failed (\\d+)(?: \\(([^)]*)\\))?( · |$)`, "m");
  const m = re.exec(stderr);
  if (!m) return undefined;
  const split = (s: string | undefined) => new Map((s ? s.split(", ") : []).map((kv) => { const i = kv.lastIndexOf(": "); return [kv.slice(0, i), Number(kv.slice(i + 2))] as [string, number]; }));
  const dup = new RegExp(`^${tool}: read .* · duplicate ids (\\d+)( · |$)`, "m").exec(stderr);
  return { read: Number(m[1]), written: Number(m[2]), dropped: split(m[4]), failed: split(m[6]), duplicateIds: dup ? Number(dup[1]) : 0 };
}

const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** A case's line as the reader sees it: its id when it is a JSON object with a string id. */
function idOf(bytes: Buffer): string | undefined {
  try {
    let text = bytes.toString("utf8"); // lenient: that a line is not UTF-8 is checked on its own
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === "object" && !Array.isArray(v) && typeof (v as { id?: unknown }).id === "string") return (v as { id: string }).id;
  } catch {
    /* not a record: the tool must dead-letter it */
  }
  return undefined;
}

function isUtf8(b: Buffer): boolean {
  try {
    strictUtf8.decode(b);
    return true;
  } catch {
    return false;
  }
}

/** What the kit's reader rejects before a tool sees the record. */
const READER_KINDS = new Set(["invalid_json", "not_an_object", "line_too_long", "too_deep", "invalid_utf8"]);

/** Records (lines the reader accepted) whose id, string or number, an earlier one had. */
function duplicateIds(cases: readonly Case[], readerRejected: Set<number>): number {
  const seen = new Set<string>();
  let n = 0;
  for (const [i, c] of cases.entries()) {
    if (isBlank(c.bytes) || readerRejected.has(i + 1)) continue;
    let id: unknown;
    try {
      id = (JSON.parse(c.bytes.toString("utf8").replace(/^\ufeff/, "")) as { id?: unknown }).id;
    } catch {
      continue;
    }
    if (typeof id !== "string" && typeof id !== "number") continue;
    if (seen.has(String(id))) n++;
    else seen.add(String(id));
  }
  return n;
}

const isBlank = (b: Buffer) => b.every((x) => x === 32 || x === 9 || x === 13);

/** Checks one tool on one batch: --on-error fail and skip on the batch, fail on the accepted lines alone. */
export async function checkBatch(t: FuzzTool, cases: Case[], dir: string, tag: string, env: NodeJS.ProcessEnv = {}): Promise<BatchResult> {
  const started = Date.now();
  const v: string[] = [];
  const file = join(dir, `${tag}.batch.ndjson`);
  writeFileSync(file, batchBytes(cases));
  // Line i + 1 of the batch is case i.
  const nonBlank = cases.filter((c) => !isBlank(c.bytes)).length;
  const ids = cases.map((c) => idOf(c.bytes));
  const idCount = new Map<string, number>();
  for (const id of ids) if (id !== undefined) idCount.set(id, (idCount.get(id) ?? 0) + 1);
  const describe = (line: number) => `line ${line} (${cases[line - 1]?.kind}: ${cases[line - 1]?.note})`;

  const [fail, skip] = [await runTool(t, file, "fail", dir, `${tag}.fail`, env), await runTool(t, file, "skip", dir, `${tag}.skip`, env)];
  let rejectedLines = new Set<number>();
  for (const [mode, r] of [["fail", fail], ["skip", skip]] as const) {
    const where = `${t.label} --on-error ${mode}`;
    if (r.signal) v.push(`${where}: killed by ${r.signal}`);
    if (/Maximum call stack|^\s+at .+:\d+:\d+\)?$|JavaScript heap out of memory/m.test(r.stderr)) v.push(`${where}: crash on stderr: ${r.stderr.slice(0, 600)}`);
    const s = parseSummary(t.tool, r.stderr);
    if (!s) {
      v.push(`${where}: exit ${r.code}, no summary line; stderr: ${r.stderr.slice(-600)}`);
      continue;
    }
    const deliberate = [...s.dropped].filter(([k]) => t.deliberate?.test(k)).reduce((a, [, n]) => a + n, 0);
    const rejected = total(s.dropped) - deliberate;
    const failed = total(s.failed);
    const want = mode === "skip" ? 0 : rejected > 0 ? 3 : failed > 0 ? 4 : 0;
    if (r.code !== want) v.push(`${where}: exit ${r.code}, expected ${want} (rejected ${rejected}, failed ${failed}); stderr: ${r.stderr.slice(-400)}`);
    if (s.read !== nonBlank) v.push(`${where}: read ${s.read}, but the batch has ${nonBlank} non-blank lines`);
    if (r.deadLetters.length !== rejected + failed) v.push(`${where}: ${r.deadLetters.length} dead letters for ${rejected} rejected + ${failed} failed`);
    const rejectKinds = new Set([...s.dropped.keys()].filter((k) => !t.deliberate?.test(k)));
    const dlLines = new Set<number>();
    const rejLines = new Set<number>();
    for (const e of r.deadLetters) {
      const line = e.line as number;
      const c = cases[line - 1];
      if (!c || isBlank(c.bytes)) {
        v.push(`${where}: dead letter for line ${line}, which is ${c ? "blank" : "not in the batch"}`);
        continue;
      }
      dlLines.add(line);
      if (!rejectKinds.has(String(e.kind))) continue;
      rejLines.add(line);
      if (["valid", "crlf", "duplicate_line", "duplicate_id"].includes(c.kind)) v.push(`${where}: ${describe(line)} rejected as ${String(e.kind)}: ${String(e.reason)}`);
      // The dead letter gives the line back: raw (or raw_base64 when the bytes are not UTF-8).
      if (e.kind !== "line_too_long") {
        const back = typeof e.raw_base64 === "string" ? Buffer.from(e.raw_base64, "base64") : Buffer.from(String(e.raw));
        const orig = c.bytes.subarray(line === 1 && c.bytes[0] === 0xef ? 3 : 0, c.bytes.at(-1) === 13 ? -1 : undefined);
        if (!back.equals(orig)) v.push(`${where}: the dead letter of ${describe(line)} does not give the line back (${back.length} bytes for ${orig.length})`);
      }
    }
    // Bytes are never changed without a word: a line that is not UTF-8 is bad input.
    for (const [i, c] of cases.entries()) if (!isBlank(c.bytes) && !isUtf8(c.bytes) && !rejLines.has(i + 1)) v.push(`${where}: ${describe(i + 1)} is not UTF-8 but was not rejected`);
    if (t.countsDuplicateIds !== false) {
      const want = duplicateIds(cases, new Set(r.deadLetters.filter((e) => READER_KINDS.has(String(e.kind))).map((e) => e.line as number)));
      if (s.duplicateIds !== want) v.push(`${where}: the summary counts ${s.duplicateIds} duplicate ids, the batch has ${want} among the records read`);
    }
    if (mode === "fail") rejectedLines = rejLines;
    const out = r.stdout.toString("utf8").split("\n").filter((l) => l !== "");
    if (out.length !== s.written) v.push(`${where}: written ${s.written}, but stdout has ${out.length} lines`);
    v.push(...shapeRule(t, s, out, { cases, ids, idCount, dlLines, rejLines, rejected, failed, side: r.side, where, describe }));
  }
  if (!fail.stdout.equals(skip.stdout)) v.push(`${t.label}: the output differs between --on-error fail and skip`);

  // The same run over the accepted lines alone must write the same: a bad line takes no good record with it.
  const kept = cases.filter((c, i) => !isBlank(c.bytes) && !rejectedLines.has(i + 1));
  const cleanFile = join(dir, `${tag}.clean.ndjson`);
  writeFileSync(cleanFile, batchBytes(kept));
  const clean = await runTool(t, cleanFile, "fail", dir, `${tag}.clean`, env);
  const cs = parseSummary(t.tool, clean.stderr);
  if (!cs) v.push(`${t.label} on the accepted lines: exit ${clean.code}, no summary; stderr: ${clean.stderr.slice(-400)}`);
  else {
    const deliberate = [...cs.dropped].filter(([k]) => t.deliberate?.test(k)).reduce((a, [, n]) => a + n, 0);
    if (total(cs.dropped) - deliberate > 0) v.push(`${t.label} on the accepted lines: it rejects some of them now (${[...cs.dropped].map(([k, n]) => `${k}: ${n}`).join(", ")})`);
  }
  if (!clean.stdout.equals(fail.stdout)) {
    const a = fail.stdout.toString("utf8").split("\n");
    const b = clean.stdout.toString("utf8").split("\n");
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    v.push(`${t.label}: the output differs from its output on the accepted lines alone (${a.length - 1} vs ${b.length - 1} lines; first difference at output line ${i + 1})`);
  }
  return { label: t.label, cases: cases.length, seconds: (Date.now() - started) / 1000, violations: v.map((x) => `${tag}: ${x}`) };
}

interface RuleInput {
  cases: Case[];
  ids: Array<string | undefined>;
  idCount: Map<string, number>;
  dlLines: Set<number>;
  /** Lines dead-lettered as bad input (not the ones whose processing failed). */
  rejLines: Set<number>;
  rejected: number;
  failed: number;
  side: Array<Record<string, unknown>>;
  where: string;
  describe: (line: number) => string;
}

/** The per-shape accounting rule (see tools.ts). */
function shapeRule(t: FuzzTool, s: Summary, out: string[], x: RuleInput): string[] {
  const v: string[] = [];
  // validate passes lines through byte for byte, a BOM and a CR included.
  const rows = out.map((l) => { try { return JSON.parse(l.replace(/^\ufeff/, "")) as Record<string, unknown>; } catch { return {}; } });
  const refs = new Map<string, number>();
  if (t.ref) for (const row of rows) for (const id of new Set(t.ref(row))) if (id !== undefined) refs.set(id, (refs.get(id) ?? 0) + 1);
  const accepted = (line: number) => !x.dlLines.has(line) && !isBlank(x.cases[line - 1]!.bytes);
  const uniqueIdLines = x.cases.map((_, i) => i + 1).filter((line) => accepted(line) && x.ids[line - 1] !== undefined && x.idCount.get(x.ids[line - 1]!) === 1);
  switch (t.shape) {
    case "one":
      if (s.read !== s.written + total(s.dropped) + total(s.failed)) v.push(`${x.where}: read ${s.read} ≠ written ${s.written} + dropped ${total(s.dropped)} + failed ${total(s.failed)}`);
      if (t.ref) {
        // A deliberate drop (augment: a dialogue without a call) leaves no line behind: at most that many may be missing.
        const missing = uniqueIdLines.filter((line) => !refs.has(x.ids[line - 1]!));
        const dropped = total(s.dropped) - x.rejected;
        if (missing.length > dropped) for (const line of missing.slice(dropped)) v.push(`${x.where}: ${x.describe(line)} is neither in the output nor dead-lettered`);
      }
      break;
    case "fanout": {
      if (t.ref) {
        // A row may come from a line some of whose other rows failed (they are in DL too).
        const known = new Set(x.cases.map((_, i) => i + 1).filter((line) => !x.rejLines.has(line)).map((line) => x.ids[line - 1]));
        for (const [id] of refs) if (!known.has(id)) v.push(`${x.where}: an output row names ${id}, which is no accepted input line`);
      }
      if (t.perInput && t.ref) for (const line of uniqueIdLines) {
        const n = refs.get(x.ids[line - 1]!) ?? 0;
        if (n !== t.perInput) v.push(`${x.where}: ${x.describe(line)} gave ${n} outputs, expected ${t.perInput}`);
      }
      break;
    }
    case "aggregate": {
      if (s.written !== 1) v.push(`${x.where}: wrote ${s.written} reports`);
      const report = rows[0] ?? {};
      const counted = typeof report.records === "number" ? report.records : (report.records as { total?: number } | undefined)?.total;
      if (counted !== s.read - x.rejected) v.push(`${x.where}: the report counts ${counted} records, but ${s.read} were read and ${x.rejected} rejected`);
      break;
    }
    case "keep": {
      const dupLines = new Set(x.side.map((d) => d.line as number));
      const deliberate = total(s.dropped) - x.rejected;
      if (s.read !== s.written + deliberate + x.rejected + x.failed) v.push(`${x.where}: read ${s.read} ≠ written ${s.written} + duplicates ${deliberate} + rejected ${x.rejected} + failed ${x.failed}`);
      if (t.sideFile && x.side.length !== deliberate) v.push(`${x.where}: ${x.side.length} lines in ${t.sideFile} for ${deliberate} duplicates`);
      for (const line of uniqueIdLines) if (!refs.has(x.ids[line - 1]!) && !dupLines.has(line)) v.push(`${x.where}: ${x.describe(line)} is neither kept, nor a duplicate, nor dead-lettered`);
      break;
    }
  }
  return v;
}
