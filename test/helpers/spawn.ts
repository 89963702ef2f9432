import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));

/** Path of a built tool's bin shim, e.g. bin("validate"). */
export function bin(tool: string, pkg = tool): string {
  return `${root}packages/${pkg}/bin/${tool}.js`;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a built tool with `input` on stdin (a string, or undefined for an empty stdin). */
export function run(file: string, args: string[] = [], input = "", env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  const child = spawn(process.execPath, [file, ...args], { cwd: root, env: withEnv(env) });
  child.stdin.on("error", () => {}); // the tool may exit before reading everything
  child.stdin.end(input);
  return collect(child);
}

/** Runs a built tool synchronously; `rows` parses its NDJSON output. */
export function runSync(file: string, args: string[] = [], input = "") {
  const r = spawnSync(process.execPath, [file, ...args], { cwd: root, input, encoding: "utf8", env: withEnv({}), maxBuffer: 1 << 28 });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    get rows() {
      return lines(r.stdout);
    },
  };
}

/** Runs a shell pipeline with bash (real pipes, `| head`, PIPESTATUS). */
export function sh(script: string, env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return collect(spawn("bash", ["-c", `set -o pipefail; export PATH="${root}node_modules/.bin:$PATH"; ${script}`], { cwd: root, env: withEnv(env) }));
}

/** `tool args < input | head -1` in a real shell, so stdout really closes early; the tool's status is on stderr. */
export function runHead(file: string, args: string[], inputFile: string): Promise<RunResult> {
  const quoted = args.map((a) => `'${a}'`).join(" ");
  return sh(`"${process.execPath}" "${file}" ${quoted} < '${inputFile}' | head -1; echo "status=\${PIPESTATUS[0]}" >&2`);
}

function collect(child: ChildProcessWithoutNullStreams): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The test environment: no progress lines unless a test asks (an empty value unsets a variable). */
function withEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CHATMILL_NO_PROGRESS: "1", ...extra };
  for (const [k, v] of Object.entries(env)) if (v === "") delete env[k];
  return env;
}

export function ndjson(values: unknown[]): string {
  return values.map((v) => `${JSON.stringify(v)}\n`).join("");
}

/** The NDJSON records of a tool's output. */
export function lines(text: string): Array<Record<string, unknown>> {
  return text.split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as Record<string, unknown>);
}
