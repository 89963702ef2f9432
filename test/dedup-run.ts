/** Spawns a built chatmill bin with input on a real pipe (shared by dedup and stats tests). */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));
export const bin = (tool: string) => `${root}packages/${tool}/bin/${tool}.js`;

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(tool: string, args: string[], input = "", env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin(tool), ...args], {
      env: { ...process.env, CHATMILL_NO_PROGRESS: "1", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.on("error", () => {});
    child.stdin.end(input);
  });
}

/** `tool args < input | head -1`: the shell pipeline, so stdout really closes early. */
export function runHead(tool: string, args: string[], inputFile: string): Promise<RunResult> {
  const cmd = `"${process.execPath}" "${bin(tool)}" ${args.map((a) => `'${a}'`).join(" ")} < '${inputFile}' | head -1; echo "status=\${PIPESTATUS[0]}" >&2`;
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-c", cmd], { env: { ...process.env, CHATMILL_NO_PROGRESS: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export const ndjson = (values: unknown[]) => values.map((v) => `${JSON.stringify(v)}\n`).join("");
export const lines = (text: string) => text.split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as Record<string, unknown>);
