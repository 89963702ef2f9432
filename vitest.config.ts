import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // Unit tests import sibling packages from src (the "chatmill-src" export
    // condition), so a change is tested without a rebuild; spawn tests in test/
    // run the built dist through real pipes.
    conditions: ["chatmill-src"],
  },
  ssr: { resolve: { conditions: ["chatmill-src"] } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "test/**/*.test.ts", "bench/**/*.test.ts"],
    // Timeouts catch hangs, not slowness: the spawn tests run whole pipelines, and the
    // suite must pass on two cores with another full suite beside it (issue #20), where a
    // 40-second pipeline can take four times as long.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: "forks",
  },
});
