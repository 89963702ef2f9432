import { runCli } from "@chatmill/kit/cli";
import { spec } from "./spec.js";

await runCli(spec, async (args, ctx) => {
  const [{ simulateTransform }, { scenarioOptions }] = await Promise.all([import("./simulate-records.js"), import("./scenario-flags.js")]);
  return simulateTransform(
    {
      ...(typeof args.values.domain === "string" ? { domain: args.values.domain } : {}),
      failureRate: args.values["failure-rate"] as number,
      scenario: await scenarioOptions(args.values),
    },
    ctx,
  );
});
