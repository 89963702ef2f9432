// Preloaded with `node --import` into a benchmarked child: when it exits, writes the CPU
// time it used (process.cpuUsage: user and system microseconds, start-up included) as
// JSON to the file named by CHATMILL_BENCH_CPU_FILE, so the parent can compare children.
import { writeFileSync } from "node:fs";

const file = process.env.CHATMILL_BENCH_CPU_FILE;
if (file) {
  process.on("exit", () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ user, system }));
  });
}
