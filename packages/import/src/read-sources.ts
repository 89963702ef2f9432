import { isUtf8 } from "node:buffer";
import { Readable } from "node:stream";
import { DEFAULT_MAX_DEPTH, deeperThan, fileSource, firstInvalidUtf8, isBadLine, readNdjson, stdinSource, type InputSource, type RunContext } from "@chatmill/kit";
import { JsonArrayError, splitJsonArray, type ArrayElement } from "./json-array.js";

/** One item to import: an object, or an array of turns (a bare chat export). */
export interface SourceItem {
  value: unknown;
  /** 1-based line the item starts on in its source. */
  line: number;
  raw: string;
  source: string;
}

const PEEK_LIMIT = 1 << 20;

/**
 * Reads every input the way users have it: NDJSON (one record per line, a line may
 * also be an array of turns), or one JSON document — an array of records (MultiWOZ,
 * SGD and many exports) or a single pretty-printed object. NDJSON streams; a JSON
 * document is read whole (its text stays in memory while its elements are parsed
 * one at a time). Lines that are not JSON are rejected here with their line number.
 * A "document" whose start does not parse while its second line is a whole record is
 * NDJSON with a broken first line: it is read line by line, so that one bad line does
 * not take the records after it along.
 */
export async function* readSources(paths: string[], ctx: RunContext, maxLineBytes?: number, maxDepth = DEFAULT_MAX_DEPTH): AsyncGenerator<SourceItem> {
  const sources: InputSource[] = paths.length === 0 ? [stdinSource()] : paths.map((p) => (p === "-" ? stdinSource() : fileSource(p)));
  for (const src of sources) yield* readOne(src, ctx, maxLineBytes, maxDepth);
}

async function* readOne(src: InputSource, ctx: RunContext, maxLineBytes: number | undefined, maxDepth: number): AsyncGenerator<SourceItem> {
  const { head, stream, chunks } = await peek(src.open());
  if (isJsonDocument(head)) {
    let bytes: Buffer | undefined = await readBytes(chunks.splice(0), stream);
    const text = bytes.toString("utf8");
    // Decoding put U+FFFD where the bytes were not UTF-8: the records those lines belong to are refused, not changed.
    const badLines = invalidUtf8Lines(bytes);
    // The bytes are kept only until the document's start parses: then it is one for sure.
    const records = readDocument(text, src.name, ctx, maxDepth, () => {
      const ndjson = looksLikeNdjson(text);
      if (!ndjson) bytes = undefined;
      return ndjson;
    }, () => (bytes = undefined));
    const gaveUp = yield* (badLines.size > 0 ? refuseInvalidUtf8(records, badLines, ctx) : records);
    // NDJSON whose first line is broken (cut off, not JSON, over 1 MiB): each line on its own.
    if (gaveUp && bytes) yield* readLines(src.name, Readable.from([bytes], { objectMode: false }), ctx, maxLineBytes, maxDepth);
    return;
  }
  yield* readLines(src.name, Readable.from(replayChunks(chunks, stream), { objectMode: false }), ctx, maxLineBytes, maxDepth);
}

/** The lines (1-based) of a document that are not valid UTF-8, with their bytes; empty for a valid document. */
export function invalidUtf8Lines(bytes: Buffer): Map<number, Buffer> {
  const bad = new Map<number, Buffer>();
  if (isUtf8(bytes)) return bad;
  for (let start = 0, line = 1; start <= bytes.length; line++) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    const text = bytes.subarray(start, end);
    if (!isUtf8(text)) bad.set(line, text);
    start = end + 1;
  }
  return bad;
}

/**
 * A document's records that span a line that is not UTF-8 are rejected (kind invalid_utf8,
 * the bad line's exact bytes in the dead letter's raw_base64): decoding would have put U+FFFD
 * into them, a change no one asked for. The records around them go on.
 */
function* refuseInvalidUtf8(records: Generator<SourceItem, boolean>, bad: ReadonlyMap<number, Buffer>, ctx: RunContext): Generator<SourceItem, boolean> {
  for (;;) {
    const r = records.next();
    if (r.done) return r.value;
    const item = r.value;
    const last = item.line + countLines(item.raw);
    let hit: number | undefined;
    for (const line of bad.keys()) if (line >= item.line && line <= last && (hit === undefined || line < hit)) hit = line;
    if (hit === undefined) {
      yield item;
      continue;
    }
    const bytes = bad.get(hit)!;
    ctx.reject(
      { line: item.line, raw: item.raw.slice(0, 200), source: item.source, rawBase64: bytes.toString("base64") },
      `not valid UTF-8 (line ${hit}, byte ${firstInvalidUtf8(bytes) + 1} of the line); the dead letter's raw_base64 holds that line's exact bytes`,
      "invalid_utf8",
    );
  }
}

/** NDJSON: one record per line; a line may also be an array of turns (a bare chat export). */
async function* readLines(source: string, stream: Readable, ctx: RunContext, maxLineBytes: number | undefined, maxDepth: number): AsyncGenerator<SourceItem> {
  for await (const item of readNdjson(stream, source, { maxLineBytes, maxDepth })) {
    ctx.counters.read += 1;
    if (!isBadLine(item)) {
      yield item;
      continue;
    }
    // The kit refuses lines that are arrays; here an array line is a chat export's list of turns.
    if (item.kind === "not_an_object" && item.raw.trimStart().startsWith("[")) {
      yield { value: JSON.parse(item.raw) as unknown, line: item.line, raw: item.raw, source };
      continue;
    }
    ctx.reject(item, item.reason, item.kind);
  }
}

/** A document (not NDJSON) starts with '{' or '[' on a first line that is not complete JSON by itself. */
export function isJsonDocument(head: string): boolean {
  const text = head.replace(/^\uFEFF/, "");
  const start = text.search(/\S/);
  if (start < 0 || (text[start] !== "[" && text[start] !== "{")) return false;
  const nl = text.indexOf("\n", start);
  const first = (nl < 0 ? text.slice(start) : text.slice(start, nl)).trim();
  if (nl < 0 && text.length >= PEEK_LIMIT) return true; // a first line over 1 MiB: treat as one document
  try {
    JSON.parse(first);
    return false;
  } catch {
    return true;
  }
}

/** The too-deep check the kit's reader makes on each line, for a document's records. */
function tooDeep(value: unknown, maxDepth: number): boolean {
  return typeof value === "object" && value !== null && deeperThan(value, maxDepth);
}
const tooDeepReason = (maxDepth: number) => `nested more than ${maxDepth} levels deep (raise the limit with --max-depth)`;

/**
 * A text whose first line is not JSON by itself, yet one of whose next lines (up to 16
 * non-blank ones) is a whole JSON object or array starting at column 0: NDJSON with a
 * broken first line, not a broken JSON document (in a pretty-printed document inner
 * lines are indented; in an array of one record per line they end with a comma).
 */
export function looksLikeNdjson(text: string): boolean {
  const body = text.replace(/^\uFEFF/, "");
  let at = body.indexOf("\n", Math.max(0, body.search(/\S/)));
  for (let seen = 0; at >= 0 && seen < 16; ) {
    const end = body.indexOf("\n", at + 1);
    const line = (end < 0 ? body.slice(at + 1) : body.slice(at + 1, end)).replace(/\r$/, "");
    at = end;
    if (line.trim() === "") continue;
    seen += 1;
    if (line[0] !== "{" && line[0] !== "[") continue;
    try {
      JSON.parse(line);
      return true;
    } catch {
      /* a fragment: look further */
    }
  }
  return false;
}

/**
 * Yields a JSON document's records. When its start does not parse, `giveUp()` is asked
 * first: true returns `true` at once (nothing yielded, nothing counted; the caller reads
 * the text as NDJSON); false reports the document as before. `parsed()` is called once
 * the start has parsed.
 */
function* readDocument(
  text: string, source: string, ctx: RunContext, maxDepth = DEFAULT_MAX_DEPTH,
  giveUp: () => boolean = () => false, parsed: () => void = () => {},
): Generator<SourceItem, boolean> {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trimStart().startsWith("{")) {
    const raw = body.trim();
    let value: unknown;
    try {
      value = JSON.parse(raw) as unknown;
    } catch (err) {
      if (giveUp()) return true;
      ctx.counters.read += 1;
      ctx.reject({ line: 1, raw: raw.slice(0, 200), source }, `invalid JSON document: ${(err as Error).message}`, "invalid_json");
      return false;
    }
    parsed();
    ctx.counters.read += 1;
    if (tooDeep(value, maxDepth)) ctx.reject({ line: 1, raw: raw.slice(0, 200), source }, tooDeepReason(maxDepth), "too_deep");
    else yield { value, line: 1 + countLines(body.slice(0, body.search(/\S/))), raw, source };
    return false;
  }
  // Elements are parsed one at a time, so memory holds the text and one parsed record.
  const elements = splitJsonArray(body);
  const next = (): ArrayElement | undefined | JsonArrayError => {
    try {
      const r = elements.next();
      return r.done ? undefined : r.value;
    } catch (err) {
      if (err instanceof JsonArrayError) return err;
      throw err;
    }
  };
  const parse = (el: ArrayElement): unknown => {
    let value: unknown;
    try {
      value = JSON.parse(el.text);
    } catch (err) {
      return new BadElement((err as Error).message);
    }
    return tooDeep(value, maxDepth) ? new BadElement(tooDeepReason(maxDepth), "too_deep") : value;
  };
  let el = next();
  const first = el instanceof JsonArrayError || el === undefined ? undefined : parse(el);
  if (el instanceof JsonArrayError || (first instanceof BadElement && first.kind !== "too_deep")) {
    if (giveUp()) return true;
  } else parsed();
  // An array whose elements are all turns is one conversation, not a list of records.
  const held: Array<{ el: ArrayElement; value: unknown }> = [];
  while (el !== undefined && !(el instanceof Error)) {
    const value = parse(el);
    if (!isTurn(value)) {
      held.push({ el, value });
      break;
    }
    held.push({ el, value });
    el = next();
  }
  if (held.length > 0 && el === undefined) {
    ctx.counters.read += 1;
    yield { value: held.map((h) => h.value), line: held[0]!.el.line, raw: body.trim(), source };
    return false;
  }
  for (const h of held) yield* element(h.el, h.value, source, ctx);
  if (el !== undefined && !(el instanceof Error)) el = next();
  while (el !== undefined && !(el instanceof Error)) {
    yield* element(el, parse(el), source, ctx);
    el = next();
  }
  if (el instanceof JsonArrayError) {
    ctx.counters.read += 1;
    ctx.reject({ line: el.line, raw: "", source }, `invalid JSON array: ${el.problem}`, "invalid_json");
  }
  return false;
}

function* element(el: ArrayElement, value: unknown, source: string, ctx: RunContext): Generator<SourceItem> {
  ctx.counters.read += 1;
  if (value instanceof BadElement) {
    const reason = value.kind === "too_deep" ? `element ${el.index} is ${value.message}` : `element ${el.index} is not valid JSON: ${value.message}`;
    ctx.reject({ line: el.line, raw: el.text.slice(0, 200), source }, reason, value.kind);
    return;
  }
  yield { value, line: el.line, raw: el.text, source };
}

class BadElement {
  constructor(
    readonly message: string,
    readonly kind: "invalid_json" | "too_deep" = "invalid_json",
  ) {}
}

/** A chat turn: has a speaker field and is not itself a conversation. */
export function isTurn(v: unknown): boolean {
  if (!v || typeof v !== "object" || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  const hasSpeaker = typeof o.role === "string" || typeof o.from === "string" || typeof o.speaker === "string";
  return hasSpeaker && !("messages" in o || "conversations" in o || "turns" in o || "conversation" in o);
}

function countLines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n += 1;
  return n;
}

async function peek(stream: Readable): Promise<{ head: string; stream: AsyncIterator<Buffer>; chunks: Buffer[] }> {
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let len = 0;
  for (;;) {
    const r = await it.next();
    if (r.done) break;
    const chunk = typeof r.value === "string" ? Buffer.from(r.value) : r.value;
    chunks.push(chunk);
    len += chunk.length;
    const sofar = Buffer.concat(chunks).toString("utf8");
    const start = sofar.search(/\S/);
    if ((start >= 0 && sofar.indexOf("\n", start) >= 0) || len >= PEEK_LIMIT) break;
  }
  return { head: Buffer.concat(chunks).toString("utf8"), stream: it, chunks };
}

/** The rest of the stream's bytes (a document is read whole). */
async function readBytes(head: Buffer[], it: AsyncIterator<Buffer>): Promise<Buffer> {
  const parts = head;
  for (;;) {
    const r = await it.next();
    if (r.done) break;
    parts.push(typeof r.value === "string" ? Buffer.from(r.value) : r.value);
  }
  return Buffer.concat(parts);
}

async function* replayChunks(chunks: Buffer[], it: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield* chunks;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  } finally {
    await it.return?.();
  }
}
