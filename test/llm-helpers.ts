import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));
export const fakeBin = `${root}packages/fake-llm/bin/chatmill-fake-llm.js`;
export const llmMapBin = `${root}packages/llm-map/bin/llm-map.js`;

export interface FakeProcess {
  url: string;
  proc: ChildProcess;
  stats(): Promise<{ requests: number; completed: number; distinct: number; repeated: number; aborted: number; maxInFlight: number; faults: Record<string, number> }>;
  stop(): Promise<void>;
}

/** Starts chatmill-fake-llm on a free port and reads its URL from stdout. */
export function startFake(args: string[] = []): Promise<FakeProcess> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [fakeBin, "--port", "0", "--quiet", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    proc.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    proc.once("exit", (code) => reject(new Error(`chatmill-fake-llm exited with ${code}: ${err}`)));
    proc.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf("\n");
      if (nl < 0) return;
      const url = out.slice(0, nl).trim();
      resolve({
        url,
        proc,
        stats: async () => (await fetch(`${url}/stats`)).json() as never,
        stop: () =>
          new Promise<void>((done) => {
            if (proc.exitCode !== null) return done();
            proc.removeAllListeners("exit");
            proc.once("exit", () => done());
            proc.kill("SIGTERM");
          }),
      });
    });
  });
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a bin with input on stdin; `onStart` gets the process (to kill it mid-run). */
export function runBin(bin: string, args: string[], input: string, env: Record<string, string> = {}, onStart?: (p: ChildProcess) => void): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [bin, ...args], {
      stdio: ["pipe", "pipe", "pipe"],
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", CHATMILL_NO_PROGRESS: "1", ...env },
    });
    let stdout = "";
    let stderr = "";
    proc.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
    proc.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    proc.on("error", reject);
    proc.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
    proc.stdin!.on("error", () => {});
    proc.stdin!.end(input);
    onStart?.(proc);
  });
}

export function records(n: number, prefix = "r"): string {
  return Array.from({ length: n }, (_, i) => JSON.stringify({ id: `${prefix}${i}`, text: `item number ${i}` })).join("\n") + (n ? "\n" : "");
}
