import { Rng, UsageError, hashString } from "@chatmill/kit";

/**
 * Sampling settings that may be a list: seed 003 draws temperature, top_p and the
 * penalties at random from lists, per request, so one run mixes sampling regimes.
 * A list value is drawn once per request, by a seeded choice over (--seed, the record's
 * id, the role and the request's messages): the same request gets the same draw, so the
 * cache and resume keep working, and different turns of a dialogue get different draws.
 */
export const SAMPLED = ["temperature", "top_p", "frequency_penalty", "presence_penalty"] as const;
export type SampledName = (typeof SAMPLED)[number];
export type Sampled = number | number[];

const RANGES: Record<SampledName, [number, number]> = {
  temperature: [0, 2],
  top_p: [0, 1],
  frequency_penalty: [-2, 2],
  presence_penalty: [-2, 2],
};

export function sampledRange(name: SampledName): [number, number] {
  return RANGES[name];
}

/** A flag's value: one number or a comma-separated list ("0.7,0.8,0.9"). */
export function parseSampledFlag(flag: string, name: SampledName, text: string): Sampled {
  const [lo, hi] = RANGES[name];
  const parts = text.split(",").map((p) => p.trim());
  const values = parts.map((p) => Number(p));
  if (parts.some((p) => p === "") || values.some((v) => !Number.isFinite(v) || v < lo || v > hi)) {
    throw new UsageError(`--${flag} expects a number from ${lo} to ${hi}, or a comma-separated list of them (one is drawn per request), got '${text}'`);
  }
  return values.length === 1 ? values[0]! : values;
}

/** The value one request uses: the number itself, or one drawn from the list. */
export function drawSampled(value: Sampled | undefined, name: SampledName, seed: number, recordId: string | undefined, role: string, requestHash: number): number | undefined {
  if (value === undefined || typeof value === "number") return value;
  if (value.length === 1) return value[0];
  return Rng.for(seed, recordId ?? "", "sample", role, name, String(requestHash)).pick(value);
}

/** A cheap hash of what makes a request different from the other requests of its record. */
export function messagesHash(parts: Record<string, unknown>): number {
  const m = parts.messages ?? parts.input;
  return m === undefined ? 0 : hashString(JSON.stringify(m));
}
