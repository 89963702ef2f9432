import type { InputRecord, RunContext } from "@chatmill/kit";
import { readDialogue } from "./read-dialogue.js";
import type { RowCheck, RuleIssue } from "./rules/issue.js";
import type { Dialogue } from "./types.js";

/** What row makers may do besides yielding rows. */
export interface RowSink {
  /** Count something in the run's summary ("failed turns masked 3"). */
  note(name: string, by?: number): void;
  /** A row the target would reject (or could not train correctly): dead-lettered, not written. */
  reject(row: unknown, why: RuleIssue): void;
}

export type RowMaker = (d: Dialogue, sink: RowSink) => Iterable<unknown>;

/**
 * The loop every exporter runs: read each input record as a Dialogue (bad ones are
 * rejected with their JSON path, exit status 3), make its rows, and check every row
 * against the target's rules before it is written. A row that breaks a rule is never
 * written: it goes to the dead-letter file through ctx.fail (exit status 4 unless
 * --on-error skip) with the rule's name as the kind, the input's source and line, the
 * dialogue's id, and the rejected row itself as `raw`.
 */
export function exportTransform(ctx: RunContext, makeRows: RowMaker, check: RowCheck): (input: AsyncIterable<InputRecord>) => AsyncGenerator<unknown> {
  const notes = ctx.counters.notes;
  const note = (name: string, by = 1) => notes.set(name, (notes.get(name) ?? 0) + by);
  return async function* exporter(input) {
    for await (const rec of input) {
      const read = readDialogue(rec.value);
      if ("issue" in read) {
        ctx.reject(rec, read.issue.message, "invalid_dialogue", read.issue.path);
        continue;
      }
      const id = read.dialogue.id;
      const reject = (row: unknown, why: RuleIssue) =>
        ctx.fail({ line: rec.line, source: rec.source, raw: JSON.stringify(row), value: { id } }, `${why.rule}: ${why.path || "/"}: ${why.message}`, why.rule);
      if (read.decodedArguments > 0) note("arguments decoded", read.decodedArguments);
      for (const row of makeRows(read.dialogue, { note, reject })) {
        const bad = check(row);
        if (bad) reject(row, bad);
        else yield row;
      }
    }
  };
}
