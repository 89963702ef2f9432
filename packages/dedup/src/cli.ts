import { UsageError, runCli } from "@chatmill/kit/cli";
import { mergeSpec, spec } from "./spec.js";

const argv = process.argv.slice(2);

if (argv[0] === "merge-index") {
  await runCli(mergeSpec, async (args, ctx) => {
    if (args.positionals.length === 0) throw new UsageError("give the index files to merge: dedup merge-index A.idx B.idx > all.idx");
    const { mergeIndexTransform } = await import("./merge-index.js");
    return mergeIndexTransform({ numPerm: args.values["num-perm"] as number, dupsFile: args.values.dups as string | undefined }, ctx);
  }, argv.slice(1));
} else {
  await runCli(spec, async (args, ctx) => {
    const { buildOptions } = await import("./build-options.js");
    const { dedupTransform } = await import("./dedup-records.js");
    return dedupTransform(await buildOptions(args.values, ctx), ctx);
  }, argv);
}
