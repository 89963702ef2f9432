import { readPackageVersion, type ToolSpec } from "@chatmill/kit/cli";

export const spec: ToolSpec = {
  name: "mix",
  version: readPackageVersion(import.meta.url),
  summary: "combine NDJSON sources by target counts or percentages, seeded, with capped oversampling",
  usage: "[options] FILE[:TARGET] ...",
  input: "none",
  description: `Each FILE[:TARGET] is one source (an NDJSON file; '-' is stdin, at most once).
TARGET is how many of its records go into the mix:
  3000     a count           30%   a percentage of --total
  x10      a multiple of the source's size
  rest     what --total leaves after the others      all   every record once (default)
A source asked for fewer records than it has gives a seeded sample of them; one asked
for more gives every record ⌊target/size⌋ times plus a seeded sample for the rest,
with a warning, and at most --max-oversample times its size. Samples are chosen by a
hash of --seed and each record's id (or its text), not by position.

Sources are interleaved in a seeded random order (--no-shuffle: one after the other,
each in file order). Each record gets its source's name (the file name without
.ndjson/.jsonl/.json) in meta.mix_source (or --tag FIELD); nothing else changes.
--no-tag passes records through byte for byte. The achieved mix is printed on stderr
at the end and, with --report FILE, written as JSON.

Memory: each file is read twice (stdin is first copied to a temporary file); mix
keeps 8 bytes per record it may have to sample (at most the source's target), never
the records themselves.

A repeated record (oversampling) is a copy with its own id by default: the k-th
appearance of record "c-1" is "c-1~k", with repeat_of: "c-1", so ids stay unique and
a copy says what it repeats (--repeats same: the same bytes and id again; --repeats
refuse: no record twice). Copies are not variations: to get 10 different corrections
per pattern, generate them (tool-annotate --alternatives 10). Run dedup before mix.`,
  options: [
    { name: "total", short: "n", type: "int", placeholder: "N", min: 0, description: "size of the mix that percentages and 'rest' refer to" },
    { name: "max-oversample", type: "number", placeholder: "X", default: 10, min: 1, description: "repeat a source's records at most X times; larger targets are cut, with a warning" },
    { name: "repeats", type: "string", placeholder: "MODE", choices: ["ids", "same", "refuse"], default: "ids", description: "what oversampling repeats: ids: copies with their own id (<id>~2 …) and repeat_of; same: the record again, byte for byte, same id; refuse: nothing twice (a source gives at most its size)" },
    { name: "no-shuffle", type: "boolean", description: "write the sources one after the other, in the order given, instead of interleaving them" },
    { name: "tag", type: "string", placeholder: "FIELD", description: "dotted field that receives each record's source name [default: meta.mix_source]" },
    { name: "no-tag", type: "boolean", description: "do not tag: records pass through byte for byte" },
    { name: "report", type: "string", placeholder: "FILE", description: "write the achieved mix (per source: records, wanted, written, share, repeat) as JSON" },
    { name: "source", short: "s", type: "string", placeholder: "FILE[:TARGET]", multiple: true, description: "a source, the same as a FILE[:TARGET] argument" },
    { name: "max-line-bytes", type: "int", placeholder: "N", default: 16 * 1024 * 1024, min: 1, description: "longest input line accepted; longer lines are reported, not loaded" },
    { name: "max-depth", type: "int", placeholder: "N", default: 512, min: 1, description: "deepest nesting of objects and arrays accepted in a record; deeper records are reported" },
  ],
  examples: [
    {
      what: "the AJ data mix for a ~10K fine-tune: corrections oversampled 10×, the chat exports fill up to the total",
      cmd: "mix --total 10000 --seed 7 corrections.ndjson:80 agentic.ndjson:30% aj.ndjson:30% toucan.ndjson:20% agentinstruct.ndjson:10% chats.ndjson:rest > train.ndjson",
    },
    { what: "fixed counts, with the achieved mix saved for the run's records", cmd: "mix a.ndjson:3000 b.ndjson:80 --report mix-report.json > mixed.ndjson" },
    { what: "mix a pipeline's output (stdin) half and half with an imported corpus", cmd: "dialogue-sim < scenarios.ndjson | mix --total 2000 -:50% sgd.ndjson:50% > mixed.ndjson" },
    { what: "concatenate with tags in a field of your own, no sampling", cmd: "mix --no-shuffle --tag origin a.ndjson b.ndjson > both.ndjson" },
  ],
};
