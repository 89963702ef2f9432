import { readFileSync } from "node:fs";
import { ExitCode, UsageError, errorMessage, formatHelp, parseToolArgs, type ParsedArgs } from "@chatmill/kit/cli";
import { spec } from "./spec.js";

// Subcommands with their own positionals, not an NDJSON filter: the kit parses the flags
// and writes the help, but runCli's stream frame does not apply.
function exit(code: number): never {
  process.exitCode = code;
  // Let stdout drain (a pipe may be async) before the process ends.
  process.stdout.write("", () => process.exit(code));
  return undefined as never;
}

function say(message: string): void {
  process.stderr.write(`${spec.name}: ${message}\n`);
}

function usage(message: string): number {
  say(`${message}\nTry '${spec.name} --help' for the options and examples.`);
  return ExitCode.usage;
}

const SUBCOMMANDS = ["from-openapi", "from-mcp", "check", "call"];
const TAKES_VALUE = new Set(spec.options.filter((o) => o.type !== "boolean").flatMap((o) => [`--${o.name}`, ...(o.short ? [`-${o.short}`] : [])]));

/** The flags (parsed by the kit, so they are checked as every tool's are) and the positionals around them. */
function parse(argv: string[]): { args: ParsedArgs; positionals: string[]; command: string[] } {
  const dash = argv.indexOf("--");
  const before = dash < 0 ? argv : argv.slice(0, dash);
  const flags: string[] = [];
  const positionals: string[] = [];
  for (let i = 0; i < before.length; i++) {
    const a = before[i]!;
    if (a.startsWith("-") && a !== "-") {
      flags.push(a);
      if (TAKES_VALUE.has(a) && i + 1 < before.length) flags.push(before[++i]!);
    } else positionals.push(a);
  }
  return { args: parseToolArgs(spec, flags), positionals, command: dash < 0 ? [] : argv.slice(dash + 1) };
}

/** A call's arguments given on the command line: a JSON object. */
function parseArgs(tool: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`the arguments of '${tool}' must be a JSON object, e.g. '{"id": "B01"}'; got ${text}`);
  }
}

/** A file of calls; one that cannot be read is bad input (exit 3), named. */
function readSource(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (err) {
    const e = new Error(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? errorMessage(err)}`);
    e.name = "SourceError";
    throw e;
  }
}

/** Runs the command line; returns the exit status. Every message goes through `say`. */
async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    return usage(errorMessage(err));
  }
  const { args, positionals, command } = parsed;
  const v = args.values;
  if (v.help) {
    process.stdout.write(formatHelp(spec));
    return ExitCode.ok;
  }
  if (v.version) {
    process.stdout.write(`${spec.name} ${spec.version}\n`);
    return ExitCode.ok;
  }
  const [sub, ...rest] = positionals;
  const quiet = v.quiet === true;
  const info = (line: string) => {
    if (!quiet) say(line);
  };
  try {
    if (sub === undefined) throw new UsageError(`give a subcommand: ${SUBCOMMANDS.join(", ")}`);
    if (!SUBCOMMANDS.includes(sub)) throw new UsageError(`unknown subcommand '${sub}' (use one of ${SUBCOMMANDS.join(", ")})`);
    if (sub !== "from-mcp" && command.length > 0) throw new UsageError(`'--' and a command are for from-mcp only`);
    const run = await import("./run.js");
    if (sub === "check") {
      if (rest.length !== 1) throw new UsageError("check takes one pack: chatmill-pack check PACK (a folder or its pack.json)");
      return run.runCheck(rest[0]!, v.json === true, info);
    }
    if (sub === "call") {
      // PACK TOOL ARGS_JSON: one call; PACK [FILE]: NDJSON calls from the file or stdin.
      if (rest.length === 3) return run.runCall(rest[0]!, [JSON.stringify({ name: rest[1], arguments: parseArgs(rest[1]!, rest[2]!) })], say, info);
      if (rest.length !== 1 && rest.length !== 2) throw new UsageError("call takes a pack and the calls: chatmill-pack call PACK TOOL '{...}', or chatmill-pack call PACK [FILE] with one {\"name\", \"arguments\"} a line (stdin when no FILE or '-')");
      const text = rest.length === 2 && rest[1] !== "-" ? readSource(rest[1]!) : readFileSync(0, "utf8");
      return run.runCall(rest[0]!, text.split(/\r?\n/), say, info);
    }
    if (v.live !== undefined && sub !== "from-openapi") throw new UsageError("--live is for from-openapi (an MCP server's tools are not http requests)");
    const opts = { out: v.out as string | undefined, force: v.force === true, info, version: spec.version, live: v.live as string | undefined };
    if (sub === "from-openapi") {
      if (rest.length !== 1) throw new UsageError("from-openapi takes one document: chatmill-pack from-openapi SPEC [--out DIR]");
      return await run.runImport({ openapi: rest[0]! }, opts);
    }
    if (command.length > 0 && rest.length > 0) throw new UsageError(`give a URL or '-- CMD ARGS', not both (got '${rest[0]}')`);
    if (command.length === 0 && rest.length !== 1) throw new UsageError("from-mcp takes a URL (streamable HTTP) or '-- CMD ARGS...' (stdio)");
    if (command.length === 0 && !/^https?:\/\//.test(rest[0]!)) throw new UsageError(`'${rest[0]}' is not an http(s) URL; for a server started over stdio, give its command after '--'`);
    const target = command.length > 0 ? { command: command[0]!, args: command.slice(1) } : { url: rest[0]! };
    return await run.runImport({ mcp: target, timeoutMs: (v.timeout as number) * 1000 }, opts);
  } catch (err) {
    // A bad source or pack is the user's to fix (exit 3, the reason, no stack trace); anything else is a bug (1).
    if (err instanceof UsageError) return usage(err.message);
    if (err instanceof Error && (err.name === "SourceError" || err.name === "PackError")) {
      say(err.message);
      return ExitCode.badData;
    }
    say(`error: ${errorMessage(err)}`);
    return ExitCode.internal;
  }
}

exit(await main(process.argv.slice(2)));
