import { readFileSync } from "node:fs";
import { ExitCode, UsageError, errorMessage, formatHelp, parseToolArgs } from "@chatmill/kit/cli";
import { parseFaults } from "./faults.js";
import { startFakeLlm, type ScriptRule } from "./server.js";
import { spec } from "./spec.js";

// A server, not an NDJSON filter: the kit parses the flags and writes the help, but runCli does not apply.
function fail(message: string, code: number): never {
  process.stderr.write(`${spec.name}: ${message}\n`);
  process.exit(code);
}

let args;
try {
  args = parseToolArgs(spec, process.argv.slice(2));
} catch (err) {
  fail(`${errorMessage(err)}\nTry '${spec.name} --help' for the options and examples.`, ExitCode.usage);
}
const v = args.values;
if (v.help) {
  process.stdout.write(formatHelp(spec));
  process.exit(ExitCode.ok);
}
if (v.version) {
  process.stdout.write(`${spec.name} ${spec.version}\n`);
  process.exit(ExitCode.ok);
}

function readScript(path: string): ScriptRule[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read --script ${path}: ${(err as NodeJS.ErrnoException).code ?? errorMessage(err)}`);
  }
  return text.split("\n").flatMap((line, i) => {
    if (!line.trim()) return [];
    try {
      const rule = JSON.parse(line) as ScriptRule;
      if (!rule || typeof rule !== "object" || !rule.reply || typeof rule.reply !== "object") throw new Error("a rule needs a 'reply' object");
      return [rule];
    } catch (err) {
      throw new UsageError(`--script ${path}: line ${i + 1}: ${errorMessage(err)}`);
    }
  });
}

try {
  const server = await startFakeLlm({
    host: v.host as string,
    port: v.port as number,
    delayMs: v["delay-ms"] as number,
    slowMs: v["slow-ms"] as number,
    retryAfter: v["retry-after"] as number,
    batchMs: v["batch-ms"] as number,
    seed: v.seed as number,
    ...(v.faults ? { faults: (() => { try { return parseFaults(v.faults as string); } catch (err) { throw new UsageError(`--faults: ${errorMessage(err)}`); } })() } : {}),
    ...(v.script ? { script: readScript(v.script as string) } : {}),
    ...(v.log ? { log: v.log as string } : {}),
    noUsage: v["no-usage"] === true,
    rejectResponseFormat: v["reject-response-format"] === true,
    tools: v.tools as "native" | "hermes" | "reject",
  });
  process.stdout.write(`${server.url}\n`);
  const stop = () => {
    if (v.quiet !== true) process.stderr.write(`${spec.name}: ${JSON.stringify(server.stats())}\n`);
    void server.close().then(() => process.exit(ExitCode.ok));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (err) {
  if (err instanceof UsageError) fail(`${err.message}\nTry '${spec.name} --help' for the options and examples.`, ExitCode.usage);
  fail(`error: ${errorMessage(err)}`, ExitCode.internal);
}
