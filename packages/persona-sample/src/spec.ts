import { readPackageVersion, type ToolSpec } from "@chatmill/kit/cli";
import { llmOptions } from "@chatmill/llm/options";

export const spec: ToolSpec = {
  name: "persona-sample",
  version: readPackageVersion(import.meta.url),
  summary: "sample diverse user personas from a domain's distributions or from a persona corpus",
  input: "none",
  common: { shard: true },
  description: `Writes -n Persona records (see schemas/persona.schema.json). Each one has a location among
the 54 world cities of seed 003 (country, currency, time zone), an age and age range, gender,
occupation, income level, traits, a communication style (casual, senior_engineer, stressed,
learner, executive, or the domain's own) with formality and verbosity, a language (en; in Indian
cities en/hi/mixed 35/25/40), a budget (in the currency of the pack's prices, as one of its
customers; in the city's own for a pack that sells nothing, or without a pack), and preferences
and past purchases or bookings drawn from the domain's real catalog.
With --from FILE the personas come from a corpus instead: PersonaHub {"persona": "…"},
Synthetic-Persona-Chat {"persona_facts": […]}, or FinePersonas rows with cluster_label /
summary_label, drawn evenly across clusters (or summaries); the structured fields are read
from the text where it states them and sampled otherwise.
Without --domain, each persona gets one of the built-in packs (retail, travel, ops): every
three personas use each pack once, in an order seeded by --seed, so the output feeds
scenario-gen as it is. Give --domain for one domain.
Record i depends only on --seed, i and the other flags: the same command gives the same
output, and -n 10 is the first ten records of -n 1000.
--mix keys: style, gender, age_range, income_level, language, formality, verbosity, city.
With --from and --engine openai, the "writer" role (--writer-model or --model) reads each
persona's text into the fields instead of the offline heuristics (JSON checked against a schema;
null where the text says nothing); a persona whose answers stay malformed fails (exit 4).`,
  options: [
    { name: "count", short: "n", type: "int", placeholder: "N", default: 10, min: 0, description: "how many personas to write" },
    { name: "domain", short: "d", type: "string", placeholder: "NAME|PATH", description: "domain pack: retail, travel, ops, tau-retail, tau-airline, or a pack file/folder (preferences, budgets, catalog); without it, personas are spread evenly over retail, travel and ops" },
    { name: "from", type: "string", placeholder: "FILE", description: "draw personas from this NDJSON corpus instead of generating them" },
    { name: "stratify", type: "string", placeholder: "BY", choices: ["auto", "cluster", "summary", "none"], default: "auto", description: "with --from: draw evenly across cluster_label, summary_label, or not at all; auto: cluster, else summary, else none" },
    { name: "mix", type: "string", placeholder: "KEY=V:W,...", multiple: true, description: "override a distribution, e.g. style=casual:0.5,stressed:0.5 or language=en:1,hi:1" },
    ...llmOptions,
  ],
  examples: [
    { what: "1,000 retail shoppers, reproducibly", cmd: "persona-sample -n 1000 --domain retail --seed 7 > personas.ndjson" },
    { what: "travellers drawn evenly from a clustered corpus", cmd: "persona-sample -n 500 --domain travel --from finepersonas.jsonl > personas.ndjson" },
    { what: "half casual, half stressed on-call engineers, Hindi/Hinglish speakers", cmd: "persona-sample -n 200 --domain ops --mix style=casual:1,stressed:1 --mix language=hi:1,mixed:1" },
    { what: "straight into scenarios", cmd: "persona-sample -n 100 --domain travel | scenario-gen > scenarios.ndjson" },
    { what: "let a model read corpus personas into fields (Ollama), resumable", cmd: "persona-sample -n 300 --from personas.jsonl --engine openai --base-url http://localhost:11434/v1 --model llama3.1 --cache .llm-cache" },
  ],
};
