// Every tool that reads records, as the fuzzer runs it: its flags, the valid records it
// is fed among the bad ones, and the rule that accounts for each input line.
//
// The accounting rules (checked by check.ts; "DL" is the --errors file, "rejected" the
// summary's dropped count less deliberate drops such as dedup's duplicates):
//   every tool  read = the batch's non-blank lines; DL entries = rejected + failed;
//               `duplicate ids N` = the records (lines the reader accepted) whose id an
//               earlier record had (tools that read through the kit's frame);
//               exit 3 when anything was rejected, else 4 when anything failed, else 0
//               (always 0 with --on-error skip); the output equals the output of the same
//               run over only the lines that were not rejected (bad lines take nothing with them).
//   one         one output per record: read = written + dropped + failed, and every
//               line with a unique id that is not in DL has its id in the output (`ref`).
//   fanout      scenario-gen -k K: every accepted persona is the persona of exactly K scenarios.
//               to-sft per-turn formats, to-dpo, to-rl transitions: rows carry no input line,
//               so read = accepted + rejected, and every output row's `ref` (when the format
//               has one) is the id of an accepted input line.
//   aggregate   stats, scenario-coverage: one report; it counts read - rejected records.
//   keep        dedup: every accepted line is kept (its id in the output) or in --dups
//               (its line number); written + duplicates + rejected + failed = read.
//               mix (every record once): the output is the accepted records, tagged.
import { bin } from "../helpers/spawn.js";
import type { Corpus } from "./corpus.js";
import type { Json } from "./cases.js";

export type Shape = "one" | "fanout" | "aggregate" | "keep";

export interface FuzzTool {
  /** Label in reports: the tool and the flags that matter. */
  label: string;
  /** The name the tool prints its summary with. */
  tool: string;
  bin: string;
  args: string[];
  pool(c: Corpus): Json[];
  shape: Shape;
  /** The input ids an output row comes from, when the format says. */
  ref?: (row: Record<string, unknown>) => Array<string | undefined>;
  /** scenario-gen -k: outputs per accepted input. */
  perInput?: number;
  /** Dropped kinds that are counted drops, not dead letters. */
  deliberate?: RegExp;
  /** The tool needs the fake LLM server's URL. */
  llm?: boolean;
  /** false: the tool reads its input itself, not through the kit's frame, which counts duplicate ids. */
  countsDuplicateIds?: boolean;
  /** A flag the tool needs with a file of its own (dedup --dups). */
  sideFile?: string;
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const obj = (v: unknown) => (v && typeof v === "object" ? (v as Record<string, unknown>) : {});
const all = (c: Corpus) => [...c.personas, ...c.scenarios, ...c.dialogues, ...c.annotated];
const dialogues = (c: Corpus) => [...c.dialogues, ...c.annotated];

export const FUZZ_TOOLS: FuzzTool[] = [
  { label: "validate", tool: "validate", bin: bin("validate"), args: [], pool: all, shape: "one", ref: (r) => [str(r.id)] },
  { label: "scenario-gen -k 2", tool: "scenario-gen", bin: bin("scenario-gen"), args: ["-k", "2"], pool: (c) => c.personas, shape: "fanout", perInput: 2, ref: (r) => [str(obj(r.persona).id)] },
  { label: "scenario-coverage", tool: "scenario-coverage", bin: bin("scenario-coverage", "scenario-gen"), args: [], pool: (c) => c.scenarios, shape: "aggregate" },
  {
    label: "dialogue-sim", tool: "dialogue-sim", bin: bin("dialogue-sim"), args: ["--failure-rate", "0.2"], pool: (c) => [...c.scenarios, ...c.personas], shape: "one",
    // A scenario's dialogue names the scenario; a persona's, the scenario made for it (which names the persona).
    ref: (r) => [str(obj(r.scenario).id), str(obj(obj(r.scenario).persona).id)],
  },
  { label: "tool-annotate", tool: "tool-annotate", bin: bin("tool-annotate"), args: ["--alternatives", "2"], pool: dialogues, shape: "one", ref: (r) => [str(r.id)] },
  { label: "dedup", tool: "dedup", bin: bin("dedup"), args: [], pool: dialogues, shape: "keep", ref: (r) => [str(r.id)], deliberate: /^duplicate:/, sideFile: "--dups" },
  ...["openai", "trl", "sharegpt", "hermes"].map((f): FuzzTool => ({ label: `to-sft --format ${f}`, tool: "to-sft", bin: bin("to-sft"), args: ["--format", f], pool: dialogues, shape: "one" })),
  { label: "to-sft --format muse", tool: "to-sft", bin: bin("to-sft"), args: ["--format", "muse"], pool: dialogues, shape: "fanout" },
  { label: "to-sft --format openai --granularity turn", tool: "to-sft", bin: bin("to-sft"), args: ["--format", "openai", "--granularity", "turn"], pool: dialogues, shape: "fanout" },
  { label: "to-dpo --format trl", tool: "to-dpo", bin: bin("to-dpo"), args: ["--format", "trl"], pool: dialogues, shape: "fanout" },
  { label: "to-rl --format transitions", tool: "to-rl", bin: bin("to-rl"), args: ["--format", "transitions"], pool: dialogues, shape: "fanout", ref: (r) => [str(r.episode_id)] },
  { label: "to-rl --format episodes", tool: "to-rl", bin: bin("to-rl"), args: ["--format", "episodes"], pool: dialogues, shape: "one", ref: (r) => [str(r.id)] },
  // augment -n 1: one new dialogue per source (named after it in source.augmented_from); one without a call is dropped.
  { label: "augment", tool: "augment", bin: bin("augment"), args: [], pool: dialogues, shape: "one", ref: (r) => [str(obj(r.source).augmented_from)], deliberate: /^no tool calls$/ },
  { label: "audit", tool: "audit", bin: bin("audit"), args: [], pool: dialogues, shape: "one", ref: (r) => [str(r.id)] },
  { label: "stats", tool: "stats", bin: bin("stats"), args: [], pool: all, shape: "aggregate" },
  { label: "chatmill-import --from openai", tool: "chatmill-import", bin: bin("chatmill-import", "import"), args: ["--from", "openai"], pool: (c) => c.openaiRows, shape: "one", countsDuplicateIds: false },
  { label: "chatmill-import --from sharegpt", tool: "chatmill-import", bin: bin("chatmill-import", "import"), args: ["--from", "sharegpt"], pool: (c) => c.sharegptRows, shape: "one", countsDuplicateIds: false },
  { label: "mix", tool: "mix", bin: bin("mix"), args: ["--no-shuffle", "-"], pool: all, shape: "keep", ref: (r) => [str(r.id)], countsDuplicateIds: false },
  {
    label: "llm-map", tool: "llm-map", bin: bin("llm-map"), pool: (c) => [...c.personas, ...c.scenarios], shape: "one", ref: (r) => [str(r.id)], llm: true,
    args: ["--model", "fake", "--prompt", "One word for {{id}}", "--field", "word", "--no-meta", "-j", "8"],
  },
];
