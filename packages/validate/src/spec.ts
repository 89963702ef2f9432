import { readPackageVersion, type ToolSpec } from "@chatmill/kit/cli";

export const spec: ToolSpec = {
  name: "validate",
  version: readPackageVersion(import.meta.url),
  summary: "check NDJSON records against chatmill's JSON Schemas (or your own)",
  input: "ndjson",
  // validate draws no random numbers: --seed would be a flag that does nothing.
  common: { seed: false },
  description: `Valid records pass through to stdout byte for byte: CRLF line ends and a BOM at the
start are kept; blank lines are left out and a missing final newline is added. Each
invalid record is reported on stderr as 'validate: line N: <json path>: <what is wrong>' and the
run exits with status 3.
With --on-error skip, invalid records are dropped quietly (counted in the summary,
written to --errors FILE when given) and the exit status is 0.
The type of each record is detected from its shape unless --type or --schema is given:
messages → dialogue; goal + persona → scenario; tools + database → domain-pack;
grade + alternatives → call-annotation; style or language → persona.`,
  options: [
    {
      name: "type",
      short: "t",
      type: "string",
      placeholder: "TYPE",
      choices: ["auto", "persona", "scenario", "dialogue", "annotated-dialogue", "call-annotation", "domain-pack"],
      default: "auto",
      description: "record type to check against: auto, persona, scenario, dialogue, annotated-dialogue, call-annotation, domain-pack",
    },
    { name: "schema", short: "s", type: "string", placeholder: "FILE", description: "check against this JSON Schema file instead (draft-07, 2019-09 or 2020-12)" },
    { name: "unique-ids", type: "boolean", description: "refuse a record whose id an earlier record already had (kind duplicate_id); without it duplicate ids are only counted in the summary" },
    { name: "report", type: "boolean", description: "after the summary, print on stderr how many records failed each kind of check" },
  ],
  examples: [
    { what: "check a dialogue file; valid records go on down the pipe", cmd: "validate --type dialogue dialogues.ndjson | to-sft > sft.jsonl" },
    { what: "keep only valid records, and put the others aside with their reasons", cmd: "validate --on-error skip --errors invalid.ndjson < mixed.ndjson > valid.ndjson" },
    { what: "refuse records that repeat an earlier record's id", cmd: "validate --unique-ids --errors repeated.ndjson < dialogues.ndjson > unique-ids.ndjson" },
    { what: "how many records break which rule", cmd: "validate --report < dialogues.ndjson > /dev/null" },
    { what: "check your own records against your own schema", cmd: "validate --schema my-row.schema.json rows.ndjson > /dev/null" },
  ],
};
