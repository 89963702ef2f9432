import { readFileSync, readdirSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { writeWhole } from "./ledger.js";
import { inputLine } from "./lines.js";
import type { Endpoint, WantedRequest } from "./requests.js";

/** OpenAI takes input files up to 200 MB; a round's batch stays under this. */
const MAX_FILE_BYTES = 190 * 1024 * 1024;

/** One batch of a round on its way through the Batch API, as kept on disk (DIR/sub-TOKEN.json). */
export interface Submission {
  token: string;
  round: number;
  endpoint: Endpoint;
  count: number;
  phase: "prepared" | "uploaded" | "submitted";
  fileId?: string;
  batchId?: string;
}

/** The submissions' files in the state folder: each one's record (sub-TOKEN.json) and input file (sub-TOKEN.input.jsonl). */
export class SubmissionFiles {
  constructor(private readonly dir: string) {}

  path(token: string, ext: "json" | "input.jsonl"): string {
    return join(this.dir, `sub-${token}.${ext}`);
  }

  save(s: Submission): void {
    writeWhole(this.path(s.token, "json"), `${JSON.stringify(s)}\n`);
  }

  remove(s: Submission): void {
    for (const ext of ["json", "input.jsonl"] as const) {
      try {
        unlinkSync(this.path(s.token, ext));
      } catch {
        // already gone
      }
    }
  }

  /** The submissions an earlier run left on disk (none when there is no state folder yet). */
  list(): Submission[] {
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((n) => /^sub-[0-9a-f]+\.json$/.test(n));
    } catch {
      return []; // no state folder yet: a first run
    }
    return names.map((name) => JSON.parse(readFileSync(join(this.dir, name), "utf8")) as Submission);
  }
}

/** Splits a round by endpoint, --batch-size and file size. */
export function roundChunks(wanted: WantedRequest[], size: number): WantedRequest[][] {
  const out: WantedRequest[][] = [];
  for (const endpoint of ["chat", "embeddings"] as const) {
    let chunk: WantedRequest[] = [];
    let bytes = 0;
    for (const w of wanted) {
      if (w.endpoint !== endpoint) continue;
      const lineBytes = Buffer.byteLength(inputLine(w)) + 1;
      if (chunk.length && (chunk.length >= size || bytes + lineBytes > MAX_FILE_BYTES)) {
        out.push(chunk);
        chunk = [];
        bytes = 0;
      }
      chunk.push(w);
      bytes += lineBytes;
    }
    if (chunk.length) out.push(chunk);
  }
  return out;
}
