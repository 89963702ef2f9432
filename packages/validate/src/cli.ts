import { runCli } from "@chatmill/kit/cli";
import { spec } from "./spec.js";

await runCli(spec, async (args, ctx) => {
  const { validateTransform } = await import("./validate-records.js");
  return validateTransform(
    {
      type: args.values.type as string,
      schemaFile: args.values.schema as string | undefined,
      report: args.values.report === true,
      uniqueIds: args.values["unique-ids"] === true,
    },
    ctx,
  );
});
