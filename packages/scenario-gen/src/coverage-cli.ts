import { runCli } from "@chatmill/kit/cli";
import { coverageSpec } from "./coverage-spec.js";

await runCli(coverageSpec, async (args, ctx) => {
  const { coverageTransform } = await import("./coverage.js");
  return coverageTransform({ format: args.values.format as "json" | "text", top: args.values.top as number }, ctx);
});
