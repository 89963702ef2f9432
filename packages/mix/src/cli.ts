import { UsageError, runCli } from "@chatmill/kit/cli";
import { positionalsToSources } from "./argv.js";
import { spec } from "./spec.js";

await runCli(
  spec,
  async (args) => {
    const [{ mixSources }, { parseSourceArg }, { parseTagPath }] = await Promise.all([
      import("./mix-sources.js"),
      import("./source-arg.js"),
      import("./tag.js"),
    ]);
    const given = (args.values.source as string[] | undefined) ?? [];
    if (given.length === 0) throw new UsageError("no sources: give one or more FILE[:TARGET], e.g. mix a.ndjson:3000 b.ndjson:80");
    if (args.values["no-tag"] === true && args.values.tag !== undefined) {
      throw new UsageError("give --tag or --no-tag, not both");
    }
    const opts = {
      sources: given.map(parseSourceArg),
      ...(args.values.total !== undefined ? { total: args.values.total as number } : {}),
      maxOversample: args.values["max-oversample"] as number,
      repeats: args.values.repeats as "ids" | "same" | "refuse",
      shuffle: args.values["no-shuffle"] !== true,
      tag: args.values["no-tag"] === true ? undefined : parseTagPath((args.values.tag as string | undefined) ?? "meta.mix_source"),
      ...(args.values.report !== undefined ? { reportFile: args.values.report as string } : {}),
      maxLineBytes: args.values["max-line-bytes"] as number,
      maxDepth: args.values["max-depth"] as number,
    };
    return (_input, ctx) => mixSources(opts, ctx);
  },
  positionalsToSources(spec, process.argv.slice(2)),
);
