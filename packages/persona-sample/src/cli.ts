import { UsageError, errorMessage, runCli } from "@chatmill/kit/cli";
import { spec } from "./spec.js";

await runCli(spec, async (args, ctx) => {
  const [{ sampleTransform }, { parseMix, checkMixValues }, { PERSONA_MIX_KEYS, CITY_NAMES }] = await Promise.all([
    import("./sample.js"),
    import("./mix.js"),
    import("./persona.js"),
  ]);
  const mix = parseMix(args.values.mix as string[] | undefined, PERSONA_MIX_KEYS);
  checkMixValues(mix, "city", CITY_NAMES);
  checkMixValues(mix, "formality", ["casual", "neutral", "formal"]);
  checkMixValues(mix, "verbosity", ["terse", "moderate", "verbose"]);
  const domainArg = args.values.domain as string | undefined;
  const { builtinDomains, loadDomain } = await import("@chatmill/domains");
  let domain;
  if (domainArg) {
    try {
      domain = await loadDomain(domainArg);
    } catch (err) {
      throw new UsageError(`--domain ${domainArg}: ${errorMessage(err)}`);
    }
  }
  // Without --domain, personas are spread evenly over the built-in packs, so that
  // `persona-sample | scenario-gen` works as it is (a persona without a domain is rejected there).
  const domains = domain ? undefined : builtinDomains.map((name) => loadDomain(name));
  let llm;
  if (args.values.engine === "openai" || typeof args.values.config === "string") {
    const { createLlm, llmEngine } = await import("@chatmill/llm");
    if (llmEngine(args.values) === "openai") {
      if (!args.values.from) throw new UsageError("--engine openai reads corpus personas into fields: give --from FILE (generated personas need no LLM)");
      llm = createLlm(args.values, ctx, { defaultEngine: "offline", roles: ["writer"] });
    }
  }
  return sampleTransform(
    {
      n: args.values.count as number,
      seed: ctx.seed,
      ...(domain ? { domain } : {}),
      ...(domains ? { domains } : {}),
      mix,
      ...(args.values.from ? { from: args.values.from as string } : {}),
      stratify: args.values.stratify as "auto" | "cluster" | "summary" | "none",
      maxLineBytes: args.values["max-line-bytes"] as number,
      ...(llm ? { llm } : {}),
    },
    ctx,
  );
});
