import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { canonicalJson } from "../canonical.js";

/** An HTTP request as the cassette keys it: secret header values replaced by the name of their variable. */
export interface HttpKey {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** An MCP tool call as the cassette keys it: the server's name in the pack (never its command, URL or secrets), the tool, the arguments sent. */
export interface McpKey {
  mcp: string;
  tool: string;
  arguments: Record<string, unknown>;
}

export type RequestKey = HttpKey | McpKey;

/** What the backend answered: a status and a body, or no answer (cut at the timeout, unreachable). */
export type HttpAnswer =
  | { status: number; contentType: string; body: string }
  | { error: "timeout" }
  | { error: "network"; message: string };

/** An MCP tool's result as the server sent it (content parts, structuredContent, isError). */
export interface McpToolResult {
  content: Array<Record<string, unknown>>;
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

/**
 * What an MCP server answered: the tool's result; no answer within the timeout; a dropped
 * connection; or a JSON-RPC error (the server refused the call: an unknown tool, bad params).
 */
export type McpAnswer =
  | { result: McpToolResult }
  | { error: "timeout" }
  | { error: "network"; message: string }
  | { error: "rpc"; code: number; message: string };

export type LiveAnswer = HttpAnswer | McpAnswer;

/**
 * One cassette line: the request; `after`, a digest of the requests made before it since the
 * last reset (the backend's state is what they made of it); `n`, which time this same request
 * was made since the reset (for people reading the file); the answer.
 */
export interface CassetteEntry {
  request: RequestKey;
  after: string;
  n: number;
  answer: LiveAnswer;
}

/** Names the request in an error: method, URL and body, or server, tool and arguments (secrets are already out of the key). */
export function describeRequest(key: RequestKey): string {
  if ("mcp" in key) return `the MCP call ${key.tool} on server ${key.mcp} with arguments ${canonicalJson(key.arguments)}`;
  return `${key.method} ${key.url}${key.body !== undefined ? ` with body ${canonicalJson(key.body)}` : ""}`;
}

/** The canonical text of a request: the same request always gives the same text, whatever the key order. */
export const keyText = (key: RequestKey): string => canonicalJson(key);

/**
 * An NDJSON cassette (HTTP requests and MCP tool calls alike). Record starts it empty and appends each answer as it arrives (a killed
 * run keeps what it recorded); replay reads it whole and answers a request made after the
 * same earlier requests with what was recorded there, so a request whose answer changed
 * (a list read before and after a create; cancelling order o1 in two dialogues that ordered
 * different items) replays right. The history starts again at each reset request (see
 * LiveBackend), so with a declared reset any subset or order of the recorded dialogues replays.
 */
export class Cassette {
  private readonly entries = new Map<string, LiveAnswer>();
  /** Per request, how many occurrences were recorded (for the miss message). */
  private readonly counts = new Map<string, number>();

  private constructor(readonly file: string) {}

  static forRecording(file: string): Cassette {
    writeFileSync(file, "");
    return new Cassette(file);
  }

  static forReplay(file: string): Cassette {
    if (!existsSync(file)) throw new Error(`the cassette '${file}' does not exist: record one first with --backend record --cassette ${file}`);
    const c = new Cassette(file);
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (!line.trim()) return;
        let e: CassetteEntry;
        try {
          e = JSON.parse(line) as CassetteEntry;
        } catch {
          throw new Error(`${file}:${i + 1}: not a cassette entry (not JSON); record the cassette again`);
        }
        if (!e || typeof e !== "object" || !e.request || !e.answer || typeof e.after !== "string") throw new Error(`${file}:${i + 1}: not a cassette entry (needs request, after and answer); record the cassette again`);
        const k = keyText(e.request);
        // The same occurrence recorded twice (the same dialogue in two records): the first answer stands.
        // The same request after the same history (the same dialogue twice): the first answer stands.
        if (!c.entries.has(`${k}\u0000${e.after}`)) c.entries.set(`${k}\u0000${e.after}`, e.answer);
        c.counts.set(k, (c.counts.get(k) ?? 0) + 1);
      });
    return c;
  }

  append(entry: CassetteEntry): void {
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }

  /** The answer recorded for this request after this history. */
  answer(key: RequestKey, after: string): LiveAnswer | undefined {
    return this.entries.get(`${keyText(key)}\u0000${after}`);
  }

  /** How many times this request was recorded, after any history (0: never). */
  recorded(key: RequestKey): number {
    return this.counts.get(keyText(key)) ?? 0;
  }
}
