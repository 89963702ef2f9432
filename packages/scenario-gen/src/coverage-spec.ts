import { readPackageVersion, type ToolSpec } from "@chatmill/kit/cli";

export const coverageSpec: ToolSpec = {
  name: "scenario-coverage",
  version: readPackageVersion(import.meta.url),
  summary: "counts and entropy of a scenario file's grid, to check its balance",
  input: "ndjson",
  common: { seed: false },
  description: `Reads Scenario records and writes one report: for each dimension (combination, category,
region, emotion, resolution, and also service, primary_service, size, assistant_emotion, slot)
the number of distinct values, the Shannon entropy in bits, the evenness (entropy / log2 of the
distinct values; 1 = perfectly even) and the count of each value, most used first; and for the
grid combination × category × region × emotion × resolution, the cells seen, the upper bound
of possible cells, and the grid's entropy and evenness.
--format json (default) writes the report as one NDJSON record (pipe it to jq);
--format text writes a table for people.`,
  options: [
    { name: "format", short: "f", type: "string", placeholder: "FMT", choices: ["json", "text"], default: "json", description: "json: one report record; text: a table" },
    { name: "top", type: "int", placeholder: "N", default: 5, min: 1, description: "with --format text: how many most- and least-used values to show per dimension" },
  ],
  examples: [
    { what: "a table of how balanced a scenario file is", cmd: "scenario-coverage --format text scenarios.ndjson" },
    { what: "the share of each resolution status", cmd: "scenario-coverage scenarios.ndjson | jq '.dimensions.resolution.counts'" },
    { what: "check the balance straight out of the generator", cmd: "persona-sample -n 2000 --domain travel | scenario-gen | scenario-coverage -f text" },
  ],
};
