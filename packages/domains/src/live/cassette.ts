import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { canonicalJson } from "../canonical.js";

/** A request as the cassette keys it: secret header values replaced by the name of their variable. */
export interface RequestKey {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** What the backend answered: a status and a body, or no answer (cut at the timeout, unreachable). */
export type HttpAnswer =
  | { status: number; contentType: string; body: string }
  | { error: "timeout" }
  | { error: "network"; message: string };

/** One cassette line: the request, which time this same request was made in the run (1, 2, …), the answer. */
export interface CassetteEntry {
  request: RequestKey;
  n: number;
  answer: HttpAnswer;
}

/** Names the request in an error: method, URL and body (secrets are already out of the key). */
export function describeRequest(key: RequestKey): string {
  return `${key.method} ${key.url}${key.body !== undefined ? ` with body ${canonicalJson(key.body)}` : ""}`;
}

/** The canonical text of a request: the same request always gives the same text, whatever the key order. */
export const keyText = (key: RequestKey): string => canonicalJson(key);

/**
 * An NDJSON cassette. Record starts it empty and appends each answer as it arrives (a killed
 * run keeps what it recorded); replay reads it whole and answers the n-th occurrence of a
 * request with the answer recorded for its n-th occurrence, so a request whose answer changed
 * during the run (a list read before and after a create) replays in order. The count starts
 * again at each reset request (see LiveBackend), so with a declared reset every dialogue's
 * calls are keyed within the dialogue: any subset or order of the recorded dialogues replays.
 */
export class Cassette {
  private readonly entries = new Map<string, HttpAnswer>();
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
        if (!e || typeof e !== "object" || !e.request || !e.answer) throw new Error(`${file}:${i + 1}: not a cassette entry (needs request and answer)`);
        const k = keyText(e.request);
        // The same occurrence recorded twice (the same dialogue in two records): the first answer stands.
        if (!c.entries.has(`${k}\u0000${e.n}`)) c.entries.set(`${k}\u0000${e.n}`, e.answer);
        c.counts.set(k, Math.max(c.counts.get(k) ?? 0, e.n));
      });
    return c;
  }

  append(entry: CassetteEntry): void {
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }

  /** The answer recorded for the n-th occurrence of this request. */
  answer(key: RequestKey, n: number): HttpAnswer | undefined {
    return this.entries.get(`${keyText(key)}\u0000${n}`);
  }

  /** The most occurrences of this request recorded (0: never). */
  recorded(key: RequestKey): number {
    return this.counts.get(keyText(key)) ?? 0;
  }
}
