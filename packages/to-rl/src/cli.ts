import { runCli } from "@chatmill/kit/cli";
import { spec } from "./spec.js";

await runCli(spec, async (args, ctx) => {
  const { rlTransform } = await import("./rl-transform.js");
  return rlTransform({ format: args.values.format as string, system: args.values.system as string | undefined, toolsAs: args.values["tools-as"] as string | undefined, serialize: true }, ctx);
});
