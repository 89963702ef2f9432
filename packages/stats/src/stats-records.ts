import { createWriteStream, writeFileSync } from "node:fs";
import { RawLine, type RunContext, type Transform } from "@chatmill/kit";
import { StatsAccumulator } from "./accumulator.js";
import { renderHtml } from "./html-report.js";

export interface StatsOptions {
  /** Also write a self-contained HTML page with charts here. */
  htmlFile?: string | undefined;
  title?: string | undefined;
  /** Indent the JSON report (one line otherwise). */
  pretty?: boolean;
  /** Also write each dialogue's own figures here, one NDJSON line per dialogue. */
  perDialogueFile?: string | undefined;
}

/**
 * stats as a transform: reads every record, writes one JSON report at the end.
 * Records are counted, not kept.
 */
export function statsTransform(opts: StatsOptions, _ctx: RunContext): Transform {
  return async function* stats(input) {
    const acc = new StatsAccumulator();
    const perDialogue = opts.perDialogueFile ? createWriteStream(opts.perDialogueFile) : undefined;
    let failure: Error | undefined;
    perDialogue?.on("error", (err) => (failure = err));
    for await (const rec of input) {
      const metrics = acc.add(rec.value);
      if (metrics && perDialogue && !perDialogue.write(`${JSON.stringify(metrics)}\n`)) await new Promise<void>((r) => perDialogue.once("drain", () => r()));
      if (failure) throw new Error(`cannot write --per-dialogue ${opts.perDialogueFile}: ${failure.message}`);
    }
    if (perDialogue) await new Promise<void>((resolve, reject) => perDialogue.end(() => (failure ? reject(failure) : resolve())));
    const report = acc.report();
    if (opts.htmlFile) {
      writeFileSync(opts.htmlFile, renderHtml(report, { ...(opts.title ? { title: opts.title } : {}), generatedAt: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC" }));
    }
    yield new RawLine(JSON.stringify(report, null, opts.pretty ? 2 : undefined));
  };
}
