import { spawnSync } from "node:child_process";
import { openSync, closeSync } from "node:fs";

export interface Timed {
  name: string;
  seconds: number;
  maxRssMb?: number;
}

/** Runs `cmd args < input > /dev/null` `runs` times; keeps the fastest (machines here are noisy). */
export function timeCommand(name: string, cmd: string, args: string[], input: string, runs = 3): Timed {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const fd = openSync(input, "r");
    const started = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { stdio: [fd, "ignore", "pipe"], env: { ...process.env, CHATMILL_NO_PROGRESS: "1" } });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    closeSync(fd);
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr?.toString().slice(0, 500)}`);
    best = Math.min(best, seconds);
  }
  return { name, seconds: best };
}

/** Peak resident memory of one run, from GNU time (/usr/bin/time -f %M, in KiB). */
export function peakRss(cmd: string, args: string[], input: string): number {
  const fd = openSync(input, "r");
  const r = spawnSync("/usr/bin/time", ["-f", "%M", cmd, ...args], { stdio: [fd, "ignore", "pipe"], env: { ...process.env, CHATMILL_NO_PROGRESS: "1" } });
  closeSync(fd);
  const lines = r.stderr.toString().trim().split("\n");
  return Number(lines[lines.length - 1]) / 1024;
}

export function report(rows: Timed[], records: number, bytes: number, baseline: string): void {
  const base = rows.find((r) => r.name === baseline)!;
  console.log(`input: ${records.toLocaleString("en-US")} records, ${(bytes / 1e6).toFixed(1)} MB (${Math.round(bytes / records)} B/record)`);
  console.log(`${"run".padEnd(34)} ${"seconds".padStart(8)} ${"records/s".padStart(12)} ${"MB/s".padStart(8)} ${"ratio".padStart(7)}`);
  for (const r of rows) {
    const ratio = base.seconds / r.seconds;
    console.log(
      `${r.name.padEnd(34)} ${r.seconds.toFixed(3).padStart(8)} ${Math.round(records / r.seconds).toLocaleString("en-US").padStart(12)} ${(bytes / 1e6 / r.seconds).toFixed(1).padStart(8)} ${ratio.toFixed(2).padStart(7)}`,
    );
  }
}
