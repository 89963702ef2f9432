import { runCli } from "@chatmill/kit/cli";
import { spec } from "./spec.js";

await runCli(spec, async (args, ctx) => {
  const { dpoTransform } = await import("./dpo-transform.js");
  return dpoTransform(
    { format: args.values.format as string, minMargin: args.values["min-margin"] as number, system: args.values.system as string | undefined, toolsAs: args.values["tools-as"] as string | undefined, serialize: true },
    ctx,
  );
});
