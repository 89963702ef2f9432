import { Rng } from "@chatmill/kit";

/** The faults the fake server can inject, each drawn with its own probability per request. */
export const FAULT_KINDS = ["429", "500", "503", "drop", "malformed", "slow", "truncate", "empty", "refusal"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
/**
 * Faults of the Batch API, each drawn on its own (not one of the per-request kinds above):
 * batch-expire, the share of batches that expire with about half their lines done;
 * batch-fail, the share of lines that fail (a 500 in the error file);
 * batch-shuffle, the share of output files written in a shuffled order.
 */
export const BATCH_FAULT_KINDS = ["batch-expire", "batch-fail", "batch-shuffle"] as const;
export type BatchFaultKind = (typeof BATCH_FAULT_KINDS)[number];
export type FaultRates = Partial<Record<FaultKind | BatchFaultKind, number>>;

/** Parses `429=0.05,500=0.02,slow=0.1` into rates; throws a message naming the bad part. */
export function parseFaults(spec: string): FaultRates {
  const rates: FaultRates = {};
  for (const part of spec.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [kind, value] = part.split("=");
    if (!kind || ![...FAULT_KINDS, ...BATCH_FAULT_KINDS].includes(kind as FaultKind)) {
      throw new Error(`unknown fault '${kind}' in '${spec}'; known faults: ${[...FAULT_KINDS, ...BATCH_FAULT_KINDS].join(", ")}`);
    }
    const rate = Number(value);
    if (value === undefined || !Number.isFinite(rate) || rate < 0 || rate > 1) {
      throw new Error(`fault '${kind}' needs a rate between 0 and 1, as in ${kind}=0.05`);
    }
    rates[kind as FaultKind] = rate;
  }
  // One request draws at most one of the per-request faults; the batch faults are drawn apart.
  const total = FAULT_KINDS.reduce((a, k) => a + (rates[k] ?? 0), 0);
  if (total > 1) throw new Error(`the fault rates add up to ${total}, more than 1`);
  return rates;
}

/**
 * Picks the fault (if any) for the n-th arrival of one request body. The draw depends on
 * the seed, the body and n only, so a run's faults do not depend on timing or order.
 */
export function pickFault(rates: FaultRates, seed: number, bodyKey: string, attempt: number): FaultKind | undefined {
  const roll = Rng.for(seed, bodyKey, String(attempt)).next();
  let edge = 0;
  for (const kind of FAULT_KINDS) {
    edge += rates[kind] ?? 0;
    if (roll < edge) return kind;
  }
  return undefined;
}
