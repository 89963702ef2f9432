import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bin, root, sh } from "./helpers/spawn.js";

// The exit-13 flake: a tool's last output chunk (below the stream's 16 KiB high-water
// mark) was left queued by a slow reader, the writer waited for a 'drain' that never
// comes after such a write, the event loop emptied under the bin's top-level await, and
// Node exited with 13. These sizes make that happen on every run with the old writer:
// one 64 KiB flush fills the pipe, the ~10 KB rest must queue behind it.
const record = (i: number) => JSON.stringify({ id: `p${String(i).padStart(4, "0")}`, pad: "x".repeat(980) });
const input = join(tmpdir(), `chatmill-backpressure-${process.pid}.ndjson`);
const lines = Array.from({ length: 76 }, (_, i) => record(i));
writeFileSync(input, lines.map((l) => `${l}\n`).join(""));
const schema = join(tmpdir(), `chatmill-backpressure-${process.pid}.schema.json`);
writeFileSync(schema, '{"type":"object"}');
const bytes = lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);

describe("a tool behind a slow reader", () => {
  it("exits 0 with every byte written, many times and many pipelines at once", async () => {
    const slow = `${root}test/helpers/slow-reader.mjs`;
    const runs = await Promise.all(
      Array.from({ length: 6 }, () =>
        sh(`"${process.execPath}" "${bin("validate")}" --quiet --schema '${schema}' '${input}' | "${process.execPath}" "${slow}" 4096 40; echo "status=\${PIPESTATUS[0]}"`),
      ),
    );
    for (const r of runs) {
      expect(r.stdout.trim().split("\n")).toEqual([String(bytes), "status=0"]);
    }
  }, 60_000);

  it("a whole pipeline pinned to one core, many at once, every stage exits 0", async () => {
    // Stages that start slowly, share one core and feed a slow reader: the load under which
    // the suite once failed with exit 13. PIPESTATUS has every stage's status.
    const pin = (await sh("command -v taskset")).code === 0 ? "taskset -c 0 " : "";
    const slow = `${root}test/helpers/slow-reader.mjs`;
    const pipeline = `${pin}persona-sample -n 40 --domain ops --quiet | ${pin}scenario-gen --quiet | ${pin}dialogue-sim --quiet | ${pin}validate --quiet | "${process.execPath}" "${slow}" 8192 5; echo "status=\${PIPESTATUS[*]}"`;
    const runs = await Promise.all(Array.from({ length: 4 }, () => sh(pipeline)));
    const sizes = new Set<string>();
    for (const r of runs) {
      const [size, status] = r.stdout.trim().split("\n");
      expect(status, r.stderr).toBe("status=0 0 0 0 0");
      sizes.add(size!);
    }
    expect(sizes.size).toBe(1); // the same seed, the same bytes, however loaded
  }, 120_000);
});
