import type { ExportFormat, RowSink, ToolsAs } from "@chatmill/export/rows";

export type Granularity = "conversation" | "turn";
/** What to do with a dialogue in which the assistant made a mistake (a call graded wrong, not one the environment failed). */
export type OnMistake = "cut" | "drop" | "mask";

export interface SftOptions {
  /** conversation: one row per dialogue; turn: one row per assistant message that is trained. */
  granularity: Granularity;
  /** Replaces the dialogue's own system message. */
  system?: string | undefined;
  onMistake: OnMistake;
  /** How chat-template rows carry `tools` (trl). */
  toolsAs: ToolsAs;
}

export interface SftFormat extends ExportFormat<SftOptions> {
  /** The granularities the format has; the first is its default. */
  granularities: readonly Granularity[];
  /** It can keep a message in a row untrained (a loss weight), so a mistake can be masked at conversation granularity. */
  weights: boolean;
}

export const MISTAKES_MASKED = "mistakes masked";
export const CUT = "dialogues cut before a mistake";
export const DROPPED = "dialogues dropped for a mistake";
export const NOTHING_BEFORE = "dialogues with no good turn before the mistake";
export const ENV_TRAINED = "environment failures trained";
export const REFUSED_TRAINED = "refusals by the data trained";

/**
 * Counts the failed steps that are trained: those the environment failed (the call and its
 * recovery are right) and those the data refused (a right call answered "already cancelled": the
 * refusal told is the behaviour to learn).
 */
export function noteEnvironmentFailures(sink: RowSink, steps: ReadonlyArray<{ failed: boolean; mistake: boolean; refused: boolean }>): void {
  const env = steps.filter((s) => s.failed && !s.mistake && !s.refused).length;
  const refused = steps.filter((s) => s.refused).length;
  if (env > 0) sink.note(ENV_TRAINED, env);
  if (refused > 0) sink.note(REFUSED_TRAINED, refused);
}

/**
 * Where a conversation row ends under --on-mistake cut: before the first message of a
 * mistake, then before the trailing messages that may not end a row (`mayEnd`: a user
 * message trains nothing); -1 when no target (`isTarget`) is left before it.
 */
export function cutEnd(mistakes: readonly boolean[], mayEnd: (k: number) => boolean, isTarget: (k: number) => boolean): number {
  const at = mistakes.indexOf(true);
  let end = at < 0 ? mistakes.length : at;
  while (end > 0 && !mayEnd(end - 1)) end--;
  for (let k = 0; k < end; k++) if (isTarget(k)) return end;
  return -1;
}

/**
 * The targets of per-turn rows under --on-mistake: mask skips the rows that would end with a
 * mistake (it stays in later rows' context), cut stops at the first one, drop writes none of
 * the dialogue's rows when it has one.
 */
export function turnTargets(targets: readonly number[], isMistake: (k: number) => boolean, mode: OnMistake, sink: RowSink): number[] {
  const first = targets.findIndex(isMistake);
  if (first < 0) return [...targets];
  if (mode === "drop") {
    sink.note(DROPPED);
    return [];
  }
  if (mode === "cut") {
    sink.note(CUT);
    return targets.slice(0, first);
  }
  const out = targets.filter((k) => !isMistake(k));
  sink.note(MISTAKES_MASKED, targets.length - out.length);
  return out;
}
