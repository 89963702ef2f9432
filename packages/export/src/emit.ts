import { Counters, RawLine, type InputRecord, type RunContext } from "@chatmill/kit";
import { readDialogue } from "./read-dialogue.js";
import type { RowCheck, RuleIssue } from "./rules/issue.js";
import { RowSerializer } from "./serialize.js";
import type { Dialogue } from "./types.js";

/** What row makers may do besides yielding rows. */
export interface RowSink {
  /** Count something in the run's summary ("failed turns masked 3"). */
  note(name: string, by?: number): void;
  /** A row the target would reject (or could not train correctly): dead-lettered, not written. */
  reject(row: unknown, why: RuleIssue): void;
}

export type RowMaker = (d: Dialogue, sink: RowSink) => Iterable<unknown>;

export interface ExportOptions {
  /**
   * Yield each row as a kit RawLine holding its JSON text (exactly JSON.stringify(row)),
   * which is what the CLI writes. The rows of one dialogue share their messages, so each
   * shared object is serialised once per dialogue instead of once per row (see
   * RowSerializer): rows must not change an object they share after it was yielded.
   * Off by default: library users get the row objects.
   */
  serialize?: boolean;
  /** With serialize: false when the rows of a dialogue share nothing (plain JSON.stringify is then faster). */
  shared?: boolean;
  /**
   * A stage between the format's row maker and its rules, per dialogue: it may pass rows on,
   * change them (cut a row to a length), split or drop them (note why through the sink), or
   * reject one (dead-lettered with its rule, counted). What it yields is still checked against
   * the format's rules before it is written. Rows must be new objects where they change: the
   * rows of a dialogue share their messages.
   */
  rowStage?: (rows: Iterable<unknown>, d: Dialogue, sink: RowSink) => Iterable<unknown>;
}

/**
 * The loop every exporter runs: read each input record as a Dialogue (bad ones are
 * rejected with their JSON path, exit status 3), make its rows, and check every row
 * against the target's rules before it is written. A row that breaks a rule is never
 * written: it goes to the dead-letter file through ctx.fail (exit status 4 unless
 * --on-error skip) with the rule's name as the kind, the input's source and line, the
 * dialogue's id, and the rejected row itself as `raw`.
 */
export function exportTransform(ctx: RunContext, makeRows: RowMaker, check: RowCheck, opts: ExportOptions = {}): (input: AsyncIterable<InputRecord>) => AsyncGenerator<unknown> {
  const note = (name: string, by = 1) => Counters.bump(ctx.counters.notes, name, by);
  // With serialize, rows go out as RawLine text; the first row of a dialogue has nothing to share yet.
  const ser = opts.serialize ? new RowSerializer() : undefined;
  const shared = opts.shared !== false;
  const out = (row: unknown, n: number): unknown => (!ser ? row : new RawLine(n === 0 || !shared ? JSON.stringify(row) : ser.stringify(row)));
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
      ser?.reset();
      let n = 0;
      const sink: RowSink = { note, reject };
      const made = makeRows(read.dialogue, sink);
      for (const row of opts.rowStage ? opts.rowStage(made, read.dialogue, sink) : made) {
        const bad = check(row);
        if (bad) reject(row, bad);
        else yield out(row, n++);
      }
    }
  };
}
