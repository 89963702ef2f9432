import { existsSync, statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { normalizeVector } from "./hyperplanes.js";

/** Turns texts into unit vectors, in order. */
export interface Embedder {
  /** Recorded in the index header: vectors from different embedders are not comparable. */
  readonly name: string;
  embed(texts: string[]): Promise<Float32Array[]>;
}

export interface TransformersOptions {
  /** A local model folder (config.json, tokenizer.json, onnx/model.onnx) or a hub model id. */
  model: string;
  /** Never fetch from the hub (also when HF_HUB_OFFLINE=1 or TRANSFORMERS_OFFLINE=1). */
  offline?: boolean;
  /** ONNX weights variant: fp32 (onnx/model.onnx), q8 (onnx/model_quantized.onnx), … */
  dtype?: string;
}

/** The minimal shape of a transformers.js feature-extraction pipeline we rely on. */
export type FeatureExtractor = (
  texts: string[],
  opts: { pooling: "mean"; normalize: boolean },
) => Promise<{ dims: number[]; data: ArrayLike<number> }>;

/**
 * Sentence embeddings with @huggingface/transformers (mean pooling, L2-normalised, as
 * sentence-transformers models are used). A path that exists is loaded from disk
 * only; anything else is a hub id, fetched unless remote models are disallowed.
 */
export async function transformersEmbedder(opts: TransformersOptions): Promise<Embedder> {
  const tf = await import("@huggingface/transformers");
  const { env } = tf;
  const offline = opts.offline || process.env.HF_HUB_OFFLINE === "1" || process.env.TRANSFORMERS_OFFLINE === "1";
  if (offline) env.allowRemoteModels = false;
  let modelId = opts.model;
  const local = existsSync(opts.model) && statSync(opts.model).isDirectory();
  if (local) {
    const abs = resolve(opts.model);
    env.allowLocalModels = true;
    env.localModelPath = `${dirname(abs)}/`;
    modelId = basename(abs);
  } else if (!env.allowRemoteModels) {
    throw new Error(`model '${opts.model}' is not a local folder and remote models are disallowed; pass the model's folder, or allow downloads`);
  }
  let extractor: FeatureExtractor;
  try {
    extractor = (await tf.pipeline("feature-extraction", modelId, {
      dtype: (opts.dtype ?? "fp32") as "fp32",
      ...(local ? { local_files_only: true } : {}),
    })) as unknown as FeatureExtractor;
  } catch (err) {
    throw new Error(`cannot load embedding model '${opts.model}': ${(err as Error).message}`);
  }
  return pipelineEmbedder(`transformers:${opts.model}`, extractor);
}

export function pipelineEmbedder(name: string, extractor: FeatureExtractor): Embedder {
  return {
    name,
    async embed(texts) {
      if (texts.length === 0) return [];
      const out = await extractor(texts, { pooling: "mean", normalize: true });
      const dim = out.dims[out.dims.length - 1]!;
      const vectors: Float32Array[] = [];
      for (let i = 0; i < texts.length; i++) {
        vectors.push(normalizeVector(Array.prototype.slice.call(out.data, i * dim, (i + 1) * dim) as number[]));
      }
      return vectors;
    },
  };
}

/** The part of @chatmill/llm's client the endpoint embedder uses. */
export interface EmbeddingClient {
  embed(texts: string[]): Promise<number[][]>;
}

/**
 * Embeddings from an OpenAI-compatible POST {base}/embeddings through @chatmill/llm
 * (its retries, rate limiting, answer cache and key redaction), normalised here.
 */
export function endpointEmbedder(model: string, client: EmbeddingClient): Embedder {
  return {
    name: `endpoint:${model}`,
    async embed(texts) {
      if (texts.length === 0) return [];
      return (await client.embed(texts)).map((v) => normalizeVector(v));
    },
  };
}
