import { UsageError, runCli } from "@chatmill/kit/cli";
import { spec } from "./spec.js";

await runCli(spec, async (args, ctx) => {
  const [{ importItems }, { readSources }, { readSchemaFile }, { tauPackInfo }] = await Promise.all([
    import("./import-records.js"),
    import("./read-sources.js"),
    import("./frames-schema.js"),
    import("./tau-pack.js"),
  ]);
  const from = args.values.from as string;
  const domain = args.values.domain as string | undefined;
  if (domain !== undefined && from !== "tau-bench" && from !== "tau2") throw new UsageError("--domain is for --from tau-bench or tau2 (the pack the tasks are for)");
  const schemaFile = args.values.schema as string | undefined;
  const opts = {
    from: from as "auto",
    ...(from === "tau-bench" || from === "tau2" ? { tauPack: await tauPackInfo(domain) } : {}),
    ...(args.values.dataset !== undefined ? { dataset: args.values.dataset as string } : {}),
    ...(args.values.license !== undefined ? { license: args.values.license as string } : {}),
    ...(schemaFile ? { schemaTools: readSchemaFile(schemaFile) } : {}),
  };
  const maxLineBytes = args.values["max-line-bytes"] as number | undefined;
  const maxDepth = args.values["max-depth"] as number | undefined;
  // The kit's input is NDJSON only; import also reads JSON array documents, so it reads the files itself.
  return (_input, rctx) => importItems(readSources(args.positionals, rctx, maxLineBytes, maxDepth), opts, rctx);
});
