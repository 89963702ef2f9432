import type { RewardBasis, TaskEvaluation } from "@chatmill/schema";
import type { Domain } from "../contract.js";
import { endStateDiff, type StateDifference } from "./end-state.js";
import { replayCalls, startingState, type CallMismatch, type ReplayedCalls } from "./replay-calls.js";
import type { Transcript } from "./transcript.js";

export interface Judgement {
  /** 1 when every part of the basis holds, else 0 (tau-bench's reward: no partial credit). */
  reward: number;
  basis: RewardBasis[];
  state: { match: boolean; differences: StateDifference[] };
  communicate: Array<{ info: string; said: boolean }>;
  /** Expected actions that the tools refuse on a fresh state: the task does not validate. */
  goldErrors: Array<{ index: number; name: string; error: string }>;
  /** The dialogue's own calls re-run: results that differ from the recorded ones. */
  replay: { compared: number; mismatches: CallMismatch[]; failedInTransit: number; unanswered: number; setupErrors: ReplayedCalls["setupErrors"] };
}

/**
 * The one checker: replays the task's expected actions on a fresh session and the dialogue's
 * own calls on another (both from the transcript's setup, when it has one), compares where
 * the two left the data (tau-bench's end-state check), and looks for every fact the assistant
 * had to say in what it said. Decided from the task and the transcript only. The expected
 * actions presuppose the user's yes, so a pack's confirmation rule does not hold them back.
 */
export function judge(
  domain: Domain,
  evaluation: TaskEvaluation,
  transcript: Transcript,
  // A caller that has already re-run the dialogue's calls (audit) passes them, so they run once.
  replayed: ReplayedCalls = replayCalls(domain, transcript.calls, transcript.setup, transcript.messages),
): Judgement {
  const { session: gold } = startingState(domain, transcript.setup);
  const goldErrors: Judgement["goldErrors"] = [];
  evaluation.actions.forEach((a, index) => {
    const r = gold.call({ name: a.name, arguments: a.arguments });
    if (!r.ok) goldErrors.push({ index, name: a.name, error: r.error?.message ?? r.content });
  });
  const differences = endStateDiff(gold, replayed.session);
  const communicate = (evaluation.communicate ?? []).map((info) => ({ info, said: wasSaid(info, transcript.said) }));
  const basis = evaluation.basis ?? (communicate.length > 0 ? (["state", "communicate"] as RewardBasis[]) : (["state"] as RewardBasis[]));
  const holds: Record<RewardBasis, boolean> = { state: differences.length === 0, communicate: communicate.every((c) => c.said) };
  return {
    reward: basis.every((b) => holds[b]) ? 1 : 0,
    basis,
    state: { match: holds.state, differences },
    communicate,
    goldErrors,
    replay: { compared: replayed.compared, mismatches: replayed.mismatches, failedInTransit: replayed.failedInTransit, unanswered: replayed.unanswered, setupErrors: replayed.setupErrors },
  };
}

/** tau-bench's test: the fact, lower-cased, inside one of the assistant's texts lower-cased with commas removed. */
export function wasSaid(info: string, said: ReadonlyArray<string>): boolean {
  const needle = info.toLowerCase();
  return said.some((text) => text.toLowerCase().replaceAll(",", "").includes(needle));
}
