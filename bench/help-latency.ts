// Issue 2 bar: `--help` of a built tool answers in under 150 ms. Prints the median of
// 15 runs next to a bare `node -e 0` start in the same run (this machine's floor).
// Run: pnpm build && npx tsx bench/help-latency.ts [tool ...]
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const tools = process.argv.length > 2 ? process.argv.slice(2) : ["validate"];

// NODE_EXTRA_CA_CERTS (set on this workplace's machines) makes every Node process parse a
// CA bundle at start-up, ~90 ms before any of our code runs; the figures are given without
// it (what a user's machine sees) and, for reference, with it.
const withoutCa = { ...process.env };
delete withoutCa.NODE_EXTRA_CA_CERTS;

function median(cmd: string[], env: NodeJS.ProcessEnv = withoutCa): number {
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, cmd, { stdio: ["ignore", "ignore", "inherit"], env });
    if (r.status !== 0) throw new Error(`${cmd.join(" ")} exited ${r.status}`);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[7]!;
}

const floor = median(["-e", "0"]);
console.log(`bare node start: ${floor.toFixed(0)} ms (median of 15, without NODE_EXTRA_CA_CERTS)`);
if (process.env.NODE_EXTRA_CA_CERTS) {
  console.log(`  with NODE_EXTRA_CA_CERTS: bare node ${median(["-e", "0"], process.env).toFixed(0)} ms, validate --help ${median([`${root}packages/validate/bin/validate.js`, "--help"], process.env).toFixed(0)} ms`);
}
for (const tool of tools) {
  const dir = `${root}packages/${tool}/bin/${tool}.js`;
  if (!existsSync(dir)) continue;
  const ms = median([dir, "--help"]);
  console.log(`${tool.padEnd(16)} --help ${ms.toFixed(0).padStart(4)} ms  (+${(ms - floor).toFixed(0)} ms over bare node)  bar < 150 ms`);
}
