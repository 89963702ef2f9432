#!/usr/bin/env node
// The bare tool for bench/exporters.ts: the same CLI frame as the exporters (read NDJSON,
// parse, stringify, write), doing nothing else. Not a chatmill tool.
import { runCli } from "@chatmill/kit";

await runCli(
  { name: "bare", version: "0", summary: "parse and stringify each record", input: "ndjson", options: [], examples: [] },
  async () =>
    async function* bare(input) {
      for await (const rec of input) yield rec.value;
    },
);
