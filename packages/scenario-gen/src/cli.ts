import { UsageError, errorMessage, runCli } from "@chatmill/kit/cli";
import { backendFlags, spec } from "./spec.js";

await runCli(spec, async (args, ctx) => {
  const { scenarioFlags } = await import("./flags.js");
  const { mix, minTurns, maxTurns, dates, homeShare } = await scenarioFlags(args.values);
  const { loadDomain, backendFromFlags, explorePack } = await import("@chatmill/domains");
  const domainArg = args.values.domain as string | undefined;
  let domain;
  if (domainArg) {
    try {
      domain = await loadDomain(domainArg);
    } catch (err) {
      throw new UsageError(`--domain ${domainArg}: ${errorMessage(err)}`);
    }
  }
  const backend = backendFromFlags(args.values, backendFlags);
  if (backend && !domain) throw new UsageError("--backend explores one pack: give it with --domain");
  if (backend && domain) domain = explorePack(domain, backend, ctx);
  let llm;
  if (args.values.engine === "openai" || typeof args.values.config === "string") {
    const { createLlm, llmEngine } = await import("@chatmill/llm");
    if (llmEngine(args.values) === "openai") llm = createLlm(args.values, ctx, { defaultEngine: "offline", roles: ["writer"] });
  }
  const { scenarioTransform } = await import("./generate.js");
  return scenarioTransform(
    {
      seed: ctx.seed,
      ...(domain ? { domain } : {}),
      loadDomain,
      mix,
      perPersona: args.values["per-persona"] as number,
      minTurns,
      maxTurns,
      dates,
      homeShare,
      balance: args.values.balance === true,
      ...(llm ? { llm } : {}),
    },
    ctx,
  );
});
