// A passthrough built on the kit: every record parsed and re-serialised by the frame.
import { runCli } from "../../packages/kit/dist/index.js";

await runCli(
  { name: "passthrough", version: "0.0.0", summary: "kit passthrough (benchmark)", input: "ndjson", options: [], examples: [] },
  async () =>
    async function* (input) {
      for await (const rec of input) yield rec.value;
    },
);
