// Reads stdin a few KB at a time with pauses, like a busy next stage of a pipeline,
// so the writer's pipe stays full; prints the byte count it read.
import { readSync } from "node:fs";

const chunk = Number(process.argv[2] ?? 4096);
const pauseMs = Number(process.argv[3] ?? 40);
const buf = Buffer.alloc(chunk);
const sleeper = new Int32Array(new SharedArrayBuffer(4));
let total = 0;
for (;;) {
  let n;
  try {
    n = readSync(0, buf, 0, chunk, null);
  } catch (err) {
    if (err.code === "EAGAIN") {
      Atomics.wait(sleeper, 0, 0, 5);
      continue;
    }
    throw err;
  }
  if (n === 0) break;
  total += n;
  Atomics.wait(sleeper, 0, 0, pauseMs);
}
process.stdout.write(`${total}\n`);
