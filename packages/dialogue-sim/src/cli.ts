import { UsageError, runCli } from "@chatmill/kit/cli";
import type { ContextRole } from "./context.js";
import { backendFromFlags } from "./backend-flags.js";
import { spec } from "./spec.js";

await runCli(spec, async (args, ctx) => {
  const [{ simulateTransform }, { scenarioFlags }] = await Promise.all([import("./simulate-records.js"), import("@chatmill/scenario-gen")]);
  const batch = args.values.batch === true || typeof args.values["batch-dir"] === "string";
  let llm;
  let withBatch;
  if (args.values.engine === "openai" || typeof args.values.config === "string" || batch) {
    const layer = await import("@chatmill/llm");
    if (layer.llmEngine(args.values) === "openai") {
      llm = layer.createLlm(args.values, ctx, { defaultEngine: "offline", roles: ["user", "assistant"] });
      withBatch = layer.withBatch;
    }
  }
  if (llm && (args.values["chit-chat"] !== undefined || args.values["multi-turn"] !== undefined)) {
    throw new UsageError("--chit-chat and --multi-turn steer the offline engine; with --engine openai the user model decides when to make small talk and how many requests to make (drop the flags, or use the offline engine)");
  }
  if (batch && !llm) throw new UsageError("--batch and --batch-dir send the LLM engine's requests as batches: add --engine openai");
  const opts = {
    ...(typeof args.values.domain === "string" ? { domain: args.values.domain } : {}),
    failureRate: args.values["failure-rate"] as number,
    ...(typeof args.values["chit-chat"] === "number" ? { chitChat: args.values["chit-chat"] } : {}),
    ...(typeof args.values["multi-turn"] === "number" ? { multiTurn: args.values["multi-turn"] } : {}),
    contextRole: args.values["context-role"] as ContextRole,
    scenario: await scenarioFlags(args.values),
    ...(llm ? { llm } : {}),
    backend: backendFromFlags(args.values),
  };
  // --batch / --batch-dir: the same transform, run in rounds whose requests go out as batches.
  return llm && withBatch ? withBatch((c) => simulateTransform(opts, c), llm, ctx) : simulateTransform(opts, ctx);
});
