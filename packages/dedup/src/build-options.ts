import { UsageError, type ParsedValue, type RunContext } from "@chatmill/kit";
import type { DedupOptions } from "./dedup-records.js";
import { endpointEmbedder, transformersEmbedder, type Embedder } from "./embedders.js";
import { parseFolds } from "./normalize.js";
import { parseMethods, parseThresholds } from "./options.js";
import { parseShingleSpec } from "./shingles.js";
import { parsePath } from "./key-text.js";

/** Turns the parsed flags into dedup options (loading the embedding model if asked). */
export async function buildOptions(v: Record<string, ParsedValue>, ctx: RunContext): Promise<DedupOptions> {
  const methods = parseMethods(v.method as string);
  const thresholds = parseThresholds(v.threshold as string, methods);
  const numPerm = v["num-perm"] as number;
  if (!Number.isInteger(Math.log2(numPerm))) throw new UsageError(`--num-perm must be a power of two (64, 128, 256, …), got ${numPerm}`);
  const keys = (v.key as string[] | undefined) ?? [];
  let folds, shingle;
  try {
    folds = parseFolds(v.fold as string);
    shingle = parseShingleSpec(v.shingle as string);
    keys.forEach(parsePath);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  let embedder: Embedder | undefined;
  const model = v.model as string | undefined;
  const url = (v["embed-url"] as string | undefined);
  if (methods.has("semantic")) {
    if (model && url) throw new UsageError("give --model or --embed-url, not both");
    if (model) embedder = await transformersEmbedder({ model, offline: v.offline === true, dtype: v.dtype as string });
    else if (url) {
      const { createLlm } = await import("@chatmill/llm");
      const embedModel = v["embed-model"] as string;
      // The LLM layer's own flags, filled from ours: its --model is the embedding model here.
      const llm = createLlm(
        { engine: "openai", "base-url": url, model: embedModel, config: v["llm-config"], cache: v["embed-cache"], retries: v.retries },
        ctx,
        { defaultEngine: "openai" },
      );
      embedder = endpointEmbedder(embedModel, llm);
    } else throw new UsageError("the semantic method needs embeddings: pass --model DIR|ID or --embed-url URL");
  } else if (model || url) {
    throw new UsageError("--model and --embed-url are for the semantic method: add --method exact,near,semantic");
  }
  return {
    methods,
    folds,
    shingle,
    numPerm,
    nearThreshold: thresholds.near,
    semanticThreshold: thresholds.semantic,
    keys,
    dupsFile: v.dups as string | undefined,
    indexFile: v.index as string | undefined,
    embedder,
    batchSize: v.batch as number,
  };
}
