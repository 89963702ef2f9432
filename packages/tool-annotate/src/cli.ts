import { UsageError, runCli } from "@chatmill/kit/cli";
import { backendFlags, spec } from "./spec.js";

await runCli(spec, async (args, ctx) => {
  const [{ makeTransform }, { DEFECTS }, domains] = await Promise.all([import("./transform.js"), import("./alternatives.js"), import("@chatmill/domains")]);
  const { RECOVERY_DEFECTS } = await import("./recovery.js");
  const defects = typeof args.values.defects === "string" ? args.values.defects.split(",").map((d) => d.trim()).filter(Boolean) : undefined;
  const known: readonly string[] = [...DEFECTS, ...RECOVERY_DEFECTS];
  const unknown = defects?.find((d) => !known.includes(d));
  if (unknown) throw new UsageError(`unknown defect '${unknown}'; choose from ${known.join(", ")}`);
  const domain = args.values.domain as string | undefined;
  if (domain) {
    try {
      domains.loadDomain(domain);
    } catch (err) {
      throw new UsageError(`--domain: ${(err as Error).message}`);
    }
  }
  let llm;
  if (args.values.engine === "openai" || typeof args.values.config === "string") {
    const { createLlm, llmEngine } = await import("@chatmill/llm");
    if (llmEngine(args.values) === "openai") llm = createLlm(args.values, ctx, { defaultEngine: "offline", roles: ["judge"] });
  }
  const backend = domains.backendFromFlags(args.values, backendFlags);
  return makeTransform(
    {
      alternatives: args.values.alternatives as number,
      ...(domain ? { domain } : {}),
      ...(defects ? { defects } : {}),
      infer: args.values["no-infer"] !== true,
      loadDomain: domains.loadDomain,
      openSession: domains.createSession,
      ...(llm ? { llm } : {}),
      ...(backend ? { backend } : {}),
    },
    ctx,
  );
});
