import type { Step } from "./steps.js";

/**
 * How good one step was, in [0, 1]:
 * - a step with graded calls (tool-annotate): the mean over its calls of
 *   (grade.success_rate + grade.progress) / 2;
 * - a step with ungraded calls: the share of its calls whose tool answered ok;
 * - a reply without calls: 1.
 */
export function stepQuality(step: Step): number {
  if (step.calls.length === 0) return 1;
  let sum = 0;
  for (const c of step.calls) {
    if (c.grade) sum += (clamp01(c.grade.success_rate) + clamp01(c.grade.progress)) / 2;
    else sum += step.results.get(c.id)?.ok === true ? 1 : 0;
  }
  return sum / step.calls.length;
}

/** How much of the per-step quality shows as a centred bonus or penalty. */
export const SHAPING = 0.1;

/**
 * Dense rewards that add up to the episode's reward R:
 *   r_i = R · q_i / Σq  +  SHAPING · (q_i − mean q)
 * (an equal share R / n when every q_i is 0). The second term sums to zero, so a
 * failed call is penalised even in an episode with R = 0 while the total stays R.
 * The last step absorbs the floating-point remainder, so that summing the rewards in
 * step order (r_0 + r_1 + … in IEEE double) gives R exactly. When that cannot be done
 * (R tiny next to the shaping: the remainder is then coarser than R's last bit), the
 * episode falls back to the unshaped split R · q_i / Σq, whose partial sums stay
 * within [0, R] and always close exactly.
 */
export function denseRewards(qualities: number[], R: number): number[] {
  return closed(split(qualities, R, SHAPING), R) ?? closed(split(qualities, R, 0), R) ?? closed(split(qualities.map(() => 1), R, 0), R)!;
}

function split(qualities: number[], R: number, shaping: number): number[] {
  const n = qualities.length;
  const total = qualities.reduce((a, b) => a + b, 0);
  const mean = total / n;
  return qualities.map((q) => (total > 0 ? (R * q) / total : R / n) + shaping * (q - mean));
}

/** The rewards with the last one replaced by the exact closing term, or undefined when none exists. */
function closed(rewards: number[], R: number): number[] | undefined {
  const n = rewards.length;
  if (n === 0) return [];
  let s = 0;
  for (let i = 0; i < n - 1; i++) s += rewards[i]!;
  const x = closingTerm(s, R);
  if (s + x !== R) return undefined;
  rewards[n - 1] = x;
  return rewards;
}

/** x such that s + x === R in IEEE double (R − s, nudged by ulps when rounding bites); check the result. */
export function closingTerm(s: number, R: number): number {
  let x = R - s;
  for (let k = 0; k < 64 && s + x !== R; k++) x = s + x > R ? nextDown(x) : nextUp(x);
  return x;
}

const buf = new DataView(new ArrayBuffer(8));
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  buf.setFloat64(0, x);
  const bits = buf.getBigUint64(0);
  buf.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return buf.getFloat64(0);
}
function nextDown(x: number): number {
  return -nextUp(-x);
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
