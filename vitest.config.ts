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
    include: ["packages/*/src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
