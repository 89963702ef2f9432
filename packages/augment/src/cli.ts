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
  const batch = v.batch === true || typeof v["batch-dir"] === "string";
  let llm;
  let withBatch;
  if (v.engine === "openai" || typeof v.config === "string" || batch) {
    const layer = await import("@chatmill/llm");
    if (layer.llmEngine(v) === "openai") {
      llm = layer.createLlm(v, ctx, { defaultEngine: "offline", roles: ["augment"] });
      withBatch = layer.withBatch;
    }
  }
  if (batch && !llm) throw new UsageError("--batch and --batch-dir send the model's requests as batches: add --engine openai");
  const opts = { domain, variants: v.variants as number, mix, llm, version: spec.version };
  return llm && withBatch ? withBatch((c) => augmentTransform(opts, c), llm, ctx) : augmentTransform(opts, ctx);
});
