// Issue 20: what the reader's safety checks cost. The whole reader (split, UTF-8 check,
// decode, JSON.parse, depth check) over a file, in process, against the two checks timed
// alone on the same bytes and the same parsed records: isUtf8 over each chunk, and the
// depth walk over each parsed record. Both are printed as a share of the reader's time.
// Run: pnpm build && npx tsx bench/kit-reader.ts [small-records] [large-records]
import { isUtf8 } from "node:buffer";
import { createReadStream, existsSync, mkdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEFAULT_MAX_DEPTH, deeperThan, readNdjsonBatches } from "../packages/kit/dist/index.js";
import { largeDialogueRecord, writeRecords } from "./lib/records.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const smallCount = Number(process.argv[2] ?? 100_000);
const largeCount = Number(process.argv[3] ?? 4_700);
mkdirSync(`${here}out`, { recursive: true });

const ms = (t: bigint) => Number(t) / 1e6;
const open = (f: string) => createReadStream(f, { highWaterMark: 256 * 1024 });

for (const [label, records, input, make] of [
  ["small records", smallCount, `${here}out/dialogues-${smallCount}.ndjson`, undefined],
  ["large records", largeCount, `${here}out/large-dialogues-${largeCount}.ndjson`, largeDialogueRecord],
] as const) {
  const bytes = existsSync(input) ? statSync(input).size : await writeRecords(input, records, make);
  let best = { reader: Infinity, utf8: Infinity, depth: Infinity };
  for (let run = 0; run < 3; run++) {
    let t = process.hrtime.bigint();
    let n = 0;
    let depth = 0n;
    for await (const batch of readNdjsonBatches(open(input), input)) {
      n += batch.length;
      // the depth walk alone, on the records the reader just parsed (outside the reader's time)
      const paused = process.hrtime.bigint();
      for (const rec of batch) if ("value" in rec) deeperThan(rec.value, DEFAULT_MAX_DEPTH);
      const resumed = process.hrtime.bigint();
      depth += resumed - paused;
      t += resumed - paused;
    }
    const reader = ms(process.hrtime.bigint() - t);
    if (n !== records) throw new Error(`read ${n} records, expected ${records}`);
    let utf8 = 0n;
    for await (const chunk of open(input)) {
      const s = process.hrtime.bigint();
      isUtf8(chunk as Buffer);
      utf8 += process.hrtime.bigint() - s;
    }
    best = { reader: Math.min(best.reader, reader), utf8: Math.min(best.utf8, ms(utf8)), depth: Math.min(best.depth, ms(depth)) };
  }
  console.log(`${label}: ${records.toLocaleString("en-US")} records, ${(bytes / 1e6).toFixed(1)} MB (${Math.round(bytes / records)} B/record)`);
  console.log(`  reader (split, UTF-8 check, decode, parse, depth check) ${best.reader.toFixed(0).padStart(6)} ms  ${(bytes / 1e3 / best.reader).toFixed(0)} MB/s`);
  console.log(`  of which the UTF-8 check (isUtf8 per chunk)           ${best.utf8.toFixed(0).padStart(6)} ms  ${((100 * best.utf8) / best.reader).toFixed(1)}%`);
  console.log(`  of which the depth check (walk of each record)         ${best.depth.toFixed(0).padStart(6)} ms  ${((100 * best.depth) / best.reader).toFixed(1)}%`);
}
