import type { Dialogue } from "@chatmill/export/rows";
import { preferencePairs, sameOutput } from "./pairs.js";

/** Per defect: pairs made, identical ones skipped, and the mean success rates of both sides. */
export interface DefectStats {
  pairs: number;
  identical: number;
  /** Pairs written: not identical, margin at least minMargin. */
  written: number;
  chosenMean: number;
  rejectedMean: number;
}

export interface PairStats {
  dialogues: number;
  /** Results dialogue-sim replaced by an injected failure (timeout, server error, empty, partial). */
  injectedFailures: number;
  /** Every failed result: injected, or a real error (not_found, bad_arguments, an unreachable host). */
  failures: number;
  /** Failed results at least one written reaction pair answers. */
  failuresWithPair: number;
  /** Written pairs whose prompt ends at a reaction to a failed result. */
  recoveryPairs: number;
  byDefect: Map<string, DefectStats>;
}

/**
 * What to-dpo would make of annotated dialogues, counted as `bench/pairs.ts` prints it and
 * the pair bars are tested: failures and the recovery pairs answering them, identical pairs
 * skipped and the mean success rates per defect. Same pairs and filters as preferenceRows.
 */
export function pairStats(dialogues: Iterable<Dialogue>, minMargin = 0.1): PairStats {
  const s: PairStats = { dialogues: 0, injectedFailures: 0, failures: 0, failuresWithPair: 0, recoveryPairs: 0, byDefect: new Map() };
  const sums = new Map<string, { chosen: number; rejected: number }>();
  for (const d of dialogues) {
    s.dialogues += 1;
    for (const m of d.messages) {
      if (m.role !== "tool") continue;
      if (typeof m.injected === "string") s.injectedFailures += 1;
      if (m.ok === false || typeof m.injected === "string") s.failures += 1;
    }
    const answered = new Set<number>();
    for (const p of preferencePairs(d)) {
      const k = s.byDefect.get(p.defect) ?? { pairs: 0, identical: 0, written: 0, chosenMean: 0, rejectedMean: 0 };
      const sum = sums.get(p.defect) ?? { chosen: 0, rejected: 0 };
      k.pairs += 1;
      sum.chosen += p.chosen.success_rate;
      sum.rejected += p.rejected.success_rate;
      if (sameOutput(p)) k.identical += 1;
      else if (p.margin >= minMargin) {
        k.written += 1;
        if (p.source === "reaction") {
          s.recoveryPairs += 1;
          answered.add(p.promptEnd);
        }
      }
      s.byDefect.set(p.defect, k);
      sums.set(p.defect, sum);
    }
    s.failuresWithPair += answered.size;
  }
  for (const [name, k] of s.byDefect) {
    const sum = sums.get(name)!;
    k.chosenMean = sum.chosen / k.pairs;
    k.rejectedMean = sum.rejected / k.pairs;
  }
  return s;
}
