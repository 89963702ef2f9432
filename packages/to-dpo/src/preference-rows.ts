import type { Dialogue, RowSink } from "@chatmill/export/rows";
import type { annotateOnTheWay } from "./annotate-hook.js";
import { PairContext, type DpoFormat, type DpoOptions } from "./formats/types.js";
import { gradingOf } from "./grading.js";
import { preferencePairs, sameOutput } from "./pairs.js";

/**
 * Grading on the way (annotate-hook.ts) loads tool-annotate, the domains and ajv: it is
 * loaded only when a dialogue needs it (dpoTransform loads it before the first dialogue
 * without grades; importing the package index loads it at once), so runs over annotated
 * input do not pay for it.
 */
let annotator: typeof annotateOnTheWay | undefined;

export function setAnnotator(f: typeof annotateOnTheWay): void {
  annotator = f;
}

export function annotatorLoaded(): boolean {
  return annotator !== undefined;
}

export async function loadAnnotator(): Promise<void> {
  if (!annotator) annotator = (await import("./annotate-hook.js")).annotateOnTheWay;
}

/** Grades one dialogue with the loaded hook (loadAnnotator first). */
export function annotate(d: Dialogue, seed?: number): ReturnType<typeof annotateOnTheWay> {
  if (!annotator) throw new Error("to-dpo: a dialogue needs grading on the way: call loadAnnotator() first (dpoTransform does)");
  return annotator(d, seed);
}

/** The preference rows of one dialogue in a format: its pairs, filtered, each made into the format's row. */
export function* preferenceRows(format: DpoFormat, input: Dialogue, opts: DpoOptions, sink: RowSink): Generator<unknown> {
  const grading = gradingOf(input);
  const { dialogue: d, hasGrades, annotated } = grading === "ungraded" ? annotate(input, opts.seed) : { dialogue: input, hasGrades: grading === "graded", annotated: false };
  if (annotated) sink.note("dialogues graded on the way");
  if (!hasGrades) sink.note("dialogues without grades");
  const pc = new PairContext(d, opts);
  for (const p of preferencePairs(d)) {
    if (sameOutput(p)) {
      sink.note("identical pairs skipped");
      sink.note(`identical pairs skipped: ${p.defect}`);
      continue;
    }
    if (p.margin < opts.minMargin) {
      sink.note("pairs below margin");
      continue;
    }
    sink.note(p.source === "alternative" ? "pairs from alternatives" : p.source === "reaction" ? "pairs from reactions to failures" : "pairs from recoveries");
    yield format.pairRow(pc, p);
  }
}
