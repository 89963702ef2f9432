// The line fuzzer's generator: a seeded stream of input lines, each a valid record of the
// kind a tool accepts or one of the ways a line goes wrong. Lines are bytes (invalid
// UTF-8 cannot be a JS string) and never hold a newline: the batch file is the lines
// joined with "\n", so line i of the batch is case i.
import { Rng } from "@chatmill/kit";

/** What a case is; `valid` lines are real tool output, only given a fresh id. */
export const CASE_KINDS = [
  "valid", "duplicate_line", "duplicate_id", "random_bytes", "truncated", "deep_object", "deep_array",
  "huge_string", "wrong_type", "missing_field", "invalid_utf8", "lone_surrogate", "crlf", "blank",
  "big_number", "proto_key",
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** How often each kind is drawn. Deep and huge lines are few: each is 100 KB to 3 MB. */
const WEIGHTS: Record<CaseKind, number> = {
  valid: 30, duplicate_line: 3, duplicate_id: 3, random_bytes: 5, truncated: 6, deep_object: 1.5, deep_array: 1.5,
  huge_string: 1, wrong_type: 20, missing_field: 8, invalid_utf8: 5, lone_surrogate: 3, crlf: 4, blank: 3,
  big_number: 4, proto_key: 5,
};

/** Per batch, at most this many bytes of deep and huge lines, so a batch stays a few MB. */
const HEAVY_BYTES = 12 * 1024 * 1024;

export interface Case {
  kind: CaseKind;
  bytes: Buffer;
  /** What was done, for a violation's report (e.g. "/messages/3/role = 7"). */
  note: string;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * `count` lines for one tool's batch, drawn from `pool` (records that tool accepts).
 * The same seed and pool give the same bytes. The first line carries a UTF-8 BOM.
 */
export function makeCases(pool: readonly Json[], count: number, seed: string, without: readonly CaseKind[] = []): Case[] {
  const rng = new Rng(`fuzz\u0000${seed}`);
  const weights = Object.entries(WEIGHTS).filter(([k]) => !without.includes(k as CaseKind)) as Array<[CaseKind, number]>;
  const cases: Case[] = [];
  const validLines: Buffer[] = [];
  const validIds: string[] = [];
  let heavy = 0;
  for (let i = 0; i < count; i++) {
    let kind = rng.weighted(weights);
    const isHeavy = kind === "deep_object" || kind === "deep_array" || kind === "huge_string";
    if (isHeavy && heavy > HEAVY_BYTES) kind = "wrong_type";
    if ((kind === "duplicate_line" || kind === "duplicate_id") && validLines.length === 0) kind = "valid";
    const base = clone(rng.pick(pool));
    if (isObject(base) && typeof base.id === "string") base.id = `${base.id}~${seed}~${i}`;
    const c = makeCase(kind, base, rng.fork(String(i)), { validLines, validIds });
    if (kind === "valid" || kind === "crlf") {
      validLines.push(c.bytes);
      if (isObject(base) && typeof base.id === "string") validIds.push(base.id);
    }
    if (isHeavy) heavy += c.bytes.length;
    cases.push(c);
  }
  if (cases.length > 0 && cases[0]!.kind !== "blank") cases[0] = { ...cases[0]!, bytes: Buffer.concat([BOM, cases[0]!.bytes]), note: `BOM + ${cases[0]!.note}` };
  return cases;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The batch file's bytes: the cases, one per line. */
export function batchBytes(cases: readonly Case[]): Buffer {
  const parts: Buffer[] = [];
  for (const c of cases) parts.push(c.bytes, NL);
  return Buffer.concat(parts);
}
const NL = Buffer.from("\n");

function makeCase(kind: CaseKind, rec: Json, rng: Rng, seen: { validLines: Buffer[]; validIds: string[] }): Case {
  const text = (v: Json) => Buffer.from(JSON.stringify(v));
  switch (kind) {
    case "valid":
      return { kind, bytes: text(rec), note: "a valid record" };
    case "crlf":
      return { kind, bytes: Buffer.concat([text(rec), Buffer.from("\r")]), note: "a valid record, CRLF line end" };
    case "blank":
      return { kind, bytes: Buffer.from(rng.pick(["", " ", "\t", "\r", "  \t \r"])), note: "a blank line" };
    case "duplicate_line":
      return { kind, bytes: rng.pick(seen.validLines), note: "an earlier valid line again" };
    case "duplicate_id": {
      if (isObject(rec)) rec.id = rng.pick(seen.validIds.length > 0 ? seen.validIds : ["dup"]);
      return { kind, bytes: text(rec), note: `another record with the earlier id ${isObject(rec) ? String(rec.id) : ""}` };
    }
    case "random_bytes": {
      const n = rng.int(1, 300);
      const b = Buffer.alloc(n);
      for (let i = 0; i < n; i++) {
        let x = rng.int(0, 255);
        if (x === 10) x = 0x7b; // "{": a newline would split the case in two
        b[i] = x;
      }
      if (b.every((x) => x === 32 || x === 9 || x === 13)) b[0] = 0x21;
      return { kind, bytes: b, note: `${n} random bytes` };
    }
    case "truncated": {
      const full = text(rec);
      const at = rng.int(1, full.length - 1);
      return { kind, bytes: full.subarray(0, at), note: `a valid line cut at byte ${at} of ${full.length}` };
    }
    case "deep_object":
    case "deep_array": {
      const depth = rng.chance(0.5) ? 10_000 : 100_000;
      const [open, close] = kind === "deep_object" ? ['{"a":', "}"] : ["[", "]"];
      const deep = `${open.repeat(depth)}1${close.repeat(depth)}`;
      return { kind, bytes: withRawField(rec, "fuzz_deep", deep), note: `${depth} levels of ${kind === "deep_object" ? "objects" : "arrays"} in an unknown field` };
    }
    case "huge_string": {
      const size = rng.int(1, 3) * 1024 * 1024 + rng.int(0, 1000);
      const paths = stringPaths(rec);
      const known = paths.length > 0 && rng.chance(0.5);
      if (known) {
        const path = rng.pick(paths);
        setAt(rec, path, "x".repeat(size));
        return { kind, bytes: text(rec), note: `a ${size}-byte string at ${pointer(path)}` };
      }
      if (isObject(rec)) rec.fuzz_blob = "y".repeat(size);
      return { kind, bytes: text(rec), note: `a ${size}-byte string in an unknown field` };
    }
    case "wrong_type": {
      const path = pickPath(rec, rng);
      const was = getAt(rec, path);
      const value = otherType(was, rng);
      setAt(rec, path, value);
      return { kind, bytes: text(rec), note: `${pointer(path)} = ${short(value)}` };
    }
    case "missing_field": {
      const path = pickPath(rec, rng).slice();
      while (path.length > 0 && typeof path[path.length - 1] === "number") path.pop();
      if (path.length === 0) return { kind, bytes: text({}), note: "an empty object" };
      deleteAt(rec, path);
      return { kind, bytes: text(rec), note: `without ${pointer(path)}` };
    }
    case "invalid_utf8": {
      const paths = stringPaths(rec);
      const bad = rng.pick(BAD_UTF8);
      if (paths.length === 0 || !isObject(rec)) return { kind, bytes: Buffer.concat([Buffer.from('{"id":"'), bad.bytes, Buffer.from('"}')]), note: `${bad.what} in an id` };
      const path = rng.pick(paths);
      setAt(rec, path, `${String(getAt(rec, path))}${MARK}`);
      return { kind, bytes: replaceMark(text(rec), bad.bytes), note: `${bad.what} inside ${pointer(path)}` };
    }
    case "lone_surrogate": {
      const paths = stringPaths(rec);
      const s = rng.pick(["\ud800", "\udfff", "a\udc00b", "\ud83d"]);
      if (paths.length === 0) return { kind, bytes: text({ id: s }), note: "a lone surrogate id" };
      const path = rng.pick(paths);
      setAt(rec, path, `${String(getAt(rec, path))}${s}`);
      return { kind, bytes: text(rec), note: `an escaped lone surrogate in ${pointer(path)}` };
    }
    case "big_number": {
      const n = rng.pick(["1e400", "-1e400", "1e-400", "123456789012345678901234567890", "-0", "1E308", "0.1e-999999"]);
      const paths = numberPaths(rec);
      const path = paths.length > 0 && rng.chance(0.7) ? rng.pick(paths) : ["fuzz_number"];
      if (isObject(rec)) setAt(rec, path, MARK);
      return { kind, bytes: replaceMark(text(rec), Buffer.from(n), true), note: `${pointer(path)} = ${n}` };
    }
    case "proto_key": {
      const key = rng.pick(["__proto__", "constructor", "prototype", "hasOwnProperty", "toString"]);
      const value = rng.pick<Json>([{ polluted: true, id: "x" }, { prototype: { polluted: true } }, null, 1, "x", []]);
      const objects = objectPaths(rec);
      const path = rng.pick(objects.length > 0 ? objects : [[]]);
      const target = getAt(rec, path);
      if (isObject(target)) target[MARK_KEY] = value;
      return { kind, bytes: replaceKey(text(rec), key), note: `key "${key}" = ${short(value)} in ${pointer(path)}` };
    }
  }
}

const MARK = "\u0001fuzz-mark\u0001";
const MARK_KEY = "\u0001fuzz-key\u0001";
const BAD_UTF8 = [
  { what: "a lone 0xff byte", bytes: Buffer.from([0xff]) },
  { what: "a cut two-byte sequence", bytes: Buffer.from([0xc3, 0x41]) },
  { what: "an encoded surrogate", bytes: Buffer.from([0xed, 0xa0, 0x80]) },
  { what: "an overlong slash", bytes: Buffer.from([0xc0, 0xaf]) },
  { what: "a stray continuation byte", bytes: Buffer.from([0x80, 0x80]) },
];

/** Replaces the JSON-escaped mark (inside a string, or the whole string when `whole`) with raw bytes. */
function replaceMark(buf: Buffer, bytes: Buffer, whole = false): Buffer {
  const escaped = JSON.stringify(MARK);
  const needle = Buffer.from(whole ? escaped : escaped.slice(1, -1));
  const at = buf.indexOf(needle);
  if (at < 0) return buf;
  return Buffer.concat([buf.subarray(0, at), bytes, buf.subarray(at + needle.length)]);
}

function replaceKey(buf: Buffer, key: string): Buffer {
  const needle = Buffer.from(JSON.stringify(MARK_KEY));
  const at = buf.indexOf(needle);
  if (at < 0) return buf;
  return Buffer.concat([buf.subarray(0, at), Buffer.from(JSON.stringify(key)), buf.subarray(at + needle.length)]);
}

/** The record's JSON with an extra field whose value is `rawJson` as it is (too deep to build as a value). */
function withRawField(rec: Json, key: string, rawJson: string): Buffer {
  const body = JSON.stringify(rec);
  if (!isObject(rec) || body === "{}") return Buffer.from(`{${JSON.stringify(key)}:${rawJson}}`);
  return Buffer.from(`${body.slice(0, -1)},${JSON.stringify(key)}:${rawJson}}`);
}

type Path = Array<string | number>;

/** Every path in the record down to depth 6 (a record's known fields are near the top). */
function allPaths(v: Json, path: Path = [], out: Path[] = [], depth = 0): Path[] {
  if (depth > 6) return out;
  if (Array.isArray(v)) v.slice(0, 12).forEach((x, i) => { out.push([...path, i]); allPaths(x, [...path, i], out, depth + 1); });
  else if (isObject(v)) for (const [k, x] of Object.entries(v)) { out.push([...path, k]); allPaths(x, [...path, k], out, depth + 1); }
  return out;
}

/** A path to mutate: half the time a top-level field, else anywhere (the tools read nested shapes too). */
function pickPath(rec: Json, rng: Rng): Path {
  const paths = allPaths(rec);
  if (paths.length === 0) return ["id"];
  const top = paths.filter((p) => p.length === 1);
  return rng.chance(0.4) && top.length > 0 ? rng.pick(top) : rng.pick(paths);
}

const stringPaths = (rec: Json) => allPaths(rec).filter((p) => typeof getAt(rec, p) === "string");
const numberPaths = (rec: Json) => allPaths(rec).filter((p) => typeof getAt(rec, p) === "number");
const objectPaths = (rec: Json): Path[] => [[], ...allPaths(rec).filter((p) => isObject(getAt(rec, p)))];

/** A value of another JSON type than `was`. */
function otherType(was: unknown, rng: Rng): Json {
  const palette: Json[] = [null, true, false, 0, -1, 2.5, 1e21, "", "x", "null", [], [1, "a", null], {}, { a: 1 }, [{}], "9".repeat(400)];
  const kind = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
  const others = palette.filter((v) => kind(v) !== kind(was));
  return rng.pick(others);
}

function getAt(v: Json, path: Path): Json {
  let cur: Json = v;
  for (const k of path) {
    if (cur === null || typeof cur !== "object") return null;
    cur = (cur as Record<string | number, Json>)[k] ?? null;
  }
  return cur;
}

function setAt(v: Json, path: Path, value: Json): void {
  if (path.length === 0) return;
  const parent = getAt(v, path.slice(0, -1));
  if (parent !== null && typeof parent === "object") (parent as Record<string | number, Json>)[path[path.length - 1]!] = value;
}

function deleteAt(v: Json, path: Path): void {
  const parent = getAt(v, path.slice(0, -1));
  if (isObject(parent)) delete parent[path[path.length - 1] as string];
}

const pointer = (path: Path) => `/${path.join("/")}`;
const short = (v: Json) => { const s = JSON.stringify(v); return s.length > 40 ? `${s.slice(0, 37)}...` : s; };
const isObject = (v: unknown): v is { [k: string]: Json } => v !== null && typeof v === "object" && !Array.isArray(v);
const clone = (v: Json): Json => JSON.parse(JSON.stringify(v)) as Json;

export type { Json };
