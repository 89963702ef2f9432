// The fuzzer's valid records: real tool output, made once per run by the built bins
// (persona-sample | scenario-gen | dialogue-sim | tool-annotate, and to-sft rows for
// chatmill-import), so every tool sees records of the kind it accepts.
import { spawnSync } from "node:child_process";
import { bin, root } from "../helpers/spawn.js";
import type { Json } from "./cases.js";

export interface Corpus {
  personas: Json[];
  scenarios: Json[];
  dialogues: Json[];
  annotated: Json[];
  /** to-sft --format openai rows: what chatmill-import --from openai reads. */
  openaiRows: Json[];
  /** to-sft --format sharegpt rows: what chatmill-import --from sharegpt reads. */
  sharegptRows: Json[];
}

function stage(tool: string, args: string[], input: string, pkg = tool): string {
  const r = spawnSync(process.execPath, [bin(tool, pkg), ...args, "-q"], { cwd: root, input, encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`building the fuzz corpus: ${tool} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

const parse = (text: string): Json[] => text.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Json);

/** `n` personas through the whole pipeline (n of each record kind; a few seconds for n = 12). */
export function buildCorpus(n = 12, seed = 5): Corpus {
  const personas = stage("persona-sample", ["-n", String(n), "--seed", String(seed)], "");
  const scenarios = stage("scenario-gen", ["--seed", String(seed)], personas);
  const dialogues = stage("dialogue-sim", ["--seed", String(seed), "--failure-rate", "0.3"], scenarios);
  const annotated = stage("tool-annotate", ["--alternatives", "2", "--seed", String(seed)], dialogues);
  return {
    personas: parse(personas),
    scenarios: parse(scenarios),
    dialogues: parse(dialogues),
    annotated: parse(annotated),
    openaiRows: parse(stage("to-sft", ["--format", "openai"], dialogues)),
    sharegptRows: parse(stage("to-sft", ["--format", "sharegpt", "--granularity", "turn", "--on-error", "skip"], dialogues)),
  };
}
