import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The answer cache: one JSON file per request key under DIR/<2 hex>/<key>.json.
 * A file is written to a temporary name and renamed, so a run killed mid-write
 * leaves either the whole answer or nothing, never half a file.
 */
export class DiskCache {
  private readonly made = new Set<string>();

  constructor(readonly dir: string) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw new Error(`cannot create the cache directory ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  get(key: string): unknown {
    let text: string;
    try {
      text = readFileSync(this.path(key), "utf8");
    } catch {
      return undefined;
    }
    try {
      return (JSON.parse(text) as { answer?: unknown }).answer;
    } catch {
      return undefined; // a damaged entry is asked again
    }
  }

  put(key: string, answer: unknown, about: Record<string, unknown> = {}): void {
    const sub = join(this.dir, key.slice(0, 2));
    if (!this.made.has(sub)) {
      mkdirSync(sub, { recursive: true });
      this.made.add(sub);
    }
    const final = this.path(key);
    const tmp = `${final}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ v: 1, ...about, answer })}\n`);
    renameSync(tmp, final);
  }
}
