import { UsageError, runCli } from "@chatmill/kit/cli";
import type { ContextRole } from "./context.js";
import { spec } from "./spec.js";

await runCli(spec, async (args, ctx) => {
  const [{ simulateTransform }, { scenarioFlags }] = await Promise.all([import("./simulate-records.js"), import("@chatmill/scenario-gen")]);
  let llm;
  if (args.values.engine === "openai" || typeof args.values.config === "string") {
    const { createLlm, llmEngine } = await import("@chatmill/llm");
    if (llmEngine(args.values) === "openai") llm = createLlm(args.values, ctx, { defaultEngine: "offline", roles: ["user", "assistant"] });
  }
  if (llm && (args.values["chit-chat"] !== undefined || args.values["multi-turn"] !== undefined)) {
    throw new UsageError("--chit-chat and --multi-turn steer the offline engine; with --engine openai the user model decides when to make small talk and how many requests to make (drop the flags, or use the offline engine)");
  }
  return simulateTransform(
    {
      ...(typeof args.values.domain === "string" ? { domain: args.values.domain } : {}),
      failureRate: args.values["failure-rate"] as number,
      ...(typeof args.values["chit-chat"] === "number" ? { chitChat: args.values["chit-chat"] } : {}),
      ...(typeof args.values["multi-turn"] === "number" ? { multiTurn: args.values["multi-turn"] } : {}),
      contextRole: args.values["context-role"] as ContextRole,
      scenario: await scenarioFlags(args.values),
      ...(llm ? { llm } : {}),
    },
    ctx,
  );
});
