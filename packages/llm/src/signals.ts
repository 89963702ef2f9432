import type { Limiter } from "./limiter.js";

/**
 * On the first SIGINT/SIGTERM, stop sending requests and wait for those in flight:
 * their answers land in the cache, so the rerun sends none of them again. A second
 * signal quits at once. Returns a function that removes the handlers.
 */
export function drainOnSignal(limiter: Limiter, say: (message: string) => void): () => void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    const code = 128 + (signal === "SIGINT" ? 2 : 15);
    if (stopping) process.exit(code);
    stopping = true;
    if (limiter.inFlight > 0) {
      say(`interrupted: waiting for ${limiter.inFlight} request(s) in flight to land in the cache (send the signal again to quit now); run the same command again to resume`);
    }
    void limiter.drain().then(() => process.exit(code));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}
