import { UsageError, runCli } from "@chatmill/kit/cli";
import { spec } from "./spec.js";

await runCli(spec, async (args, ctx) => {
  const [{ augmentTransform }, { loadDomain }, { parseMix, PERSONA_MIX_KEYS }] = await Promise.all([import("./augment-records.js"), import("@chatmill/domains"), import("@chatmill/persona-sample")]);
  const v = args.values;
  const domain = v.domain as string | undefined;
  if (domain) {
    try {
      loadDomain(domain);
    } catch (err) {
      throw new UsageError(`--domain: ${(err as Error).message}`);
    }
  }
  const mix = parseMix(v.mix as string[] | undefined, PERSONA_MIX_KEYS);
  if (mix.has("language")) throw new UsageError("--mix language: augment writes English (its wording, and the model's rewrite of it); leave language out");
  let llm;
  if (v.engine === "openai" || typeof v.config === "string") {
    const layer = await import("@chatmill/llm");
    if (layer.llmEngine(v) === "openai") llm = layer.createLlm(v, ctx, { defaultEngine: "offline", roles: ["augment"] });
  }
  return augmentTransform({ domain, variants: v.variants as number, mix, llm, version: spec.version }, ctx);
});
