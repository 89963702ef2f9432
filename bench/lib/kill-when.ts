import type { ChildProcess } from "node:child_process";

/**
 * Sends `signal` to a run once `served()` reaches `after`, exactly once. The poll may have
 * several stats requests in flight; without the flag each could signal, and a second SIGTERM
 * makes a chatmill tool quit at once instead of draining its requests into the cache —
 * which then shows up as "finished requests repeated" on resume, a fault of the harness.
 */
export function killWhen(served: () => Promise<number>, after: number, signal: NodeJS.Signals = "SIGTERM", everyMs = 15): (p: ChildProcess) => void {
  return (p) => {
    let sent = false;
    const poll = setInterval(() => {
      void served().then((n) => {
        if (!sent && n >= after && p.exitCode === null) {
          sent = true;
          clearInterval(poll);
          p.kill(signal);
        }
      });
    }, everyMs);
    p.once("exit", () => clearInterval(poll));
  };
}
