import { runCli } from "@chatmill/kit/cli";
import type { ContextRole } from "./context.js";
import { spec } from "./spec.js";

await runCli(spec, async (args, ctx) => {
  const [{ simulateTransform }, { scenarioFlags }] = await Promise.all([import("./simulate-records.js"), import("@chatmill/scenario-gen")]);
  let llm;
  if (args.values.engine === "openai" || typeof args.values.config === "string") {
    const { createLlm, llmEngine } = await import("@chatmill/llm");
    if (llmEngine(args.values) === "openai") llm = createLlm(args.values, ctx, { defaultEngine: "offline", roles: ["user", "assistant"] });
  }
  return simulateTransform(
    {
      ...(typeof args.values.domain === "string" ? { domain: args.values.domain } : {}),
      failureRate: args.values["failure-rate"] as number,
      contextRole: args.values["context-role"] as ContextRole,
      scenario: await scenarioFlags(args.values),
      ...(llm ? { llm } : {}),
    },
    ctx,
  );
});
