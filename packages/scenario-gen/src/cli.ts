import { UsageError, errorMessage, runCli } from "@chatmill/kit/cli";
import { spec } from "./spec.js";

await runCli(spec, async (args, ctx) => {
  const [{ parseMix, checkMixValues, CITY_NAMES }, { SCENARIO_MIX_KEYS }, seed003, { parseRange, parseDates }] = await Promise.all([
    import("@chatmill/persona-sample"),
    import("./scenario.js"),
    import("./data/seed003.js"),
    import("./flags.js"),
  ]);
  const mix = parseMix(args.values.mix as string[] | undefined, SCENARIO_MIX_KEYS);
  checkMixValues(mix, "region", CITY_NAMES);
  checkMixValues(mix, "slot", Object.keys(seed003.TIME_SLOTS));
  checkMixValues(mix, "size", Object.keys(seed003.SIZE_WEIGHTS));
  checkMixValues(mix, "resolution", Object.keys(seed003.RESOLUTION_WEIGHTS));
  const minTurns = parseRange("min-turns", args.values["min-turns"] as string);
  const maxTurns = parseRange("max-turns", args.values["max-turns"] as string);
  const dates = parseDates(args.values.dates as string);
  const { loadDomain } = await import("@chatmill/domains");
  const domainArg = args.values.domain as string | undefined;
  let domain;
  if (domainArg) {
    try {
      domain = await loadDomain(domainArg);
    } catch (err) {
      throw new UsageError(`--domain ${domainArg}: ${errorMessage(err)}`);
    }
  }
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
      homeShare: args.values["home-share"] as number,
      balance: args.values.balance === true,
      ...(llm ? { llm } : {}),
    },
    ctx,
  );
});
