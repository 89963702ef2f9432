import { runCli } from "@chatmill/kit/cli";
import { spec } from "./spec.js";

await runCli(spec, async (args, ctx) => {
  const [{ importItems }, { readSources }, { readSchemaFile }] = await Promise.all([
    import("./import-records.js"),
    import("./read-sources.js"),
    import("./frames-schema.js"),
  ]);
  const schemaFile = args.values.schema as string | undefined;
  const opts = {
    from: args.values.from as "auto",
    ...(args.values.dataset !== undefined ? { dataset: args.values.dataset as string } : {}),
    ...(args.values.license !== undefined ? { license: args.values.license as string } : {}),
    ...(schemaFile ? { schemaTools: readSchemaFile(schemaFile) } : {}),
  };
  const maxLineBytes = args.values["max-line-bytes"] as number | undefined;
  const maxDepth = args.values["max-depth"] as number | undefined;
  // The kit's input is NDJSON only; import also reads JSON array documents, so it reads the files itself.
  return (_input, rctx) => importItems(readSources(args.positionals, rctx, maxLineBytes, maxDepth), opts, rctx);
});
