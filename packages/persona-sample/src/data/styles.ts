/**
 * The five user styles of seed 004 (conversational agentic training strategy, "User Persona
 * Mapping"): how a user talks, with the example opening each style is known by. persona-sample
 * adds a domain's own styles (domain.persona.styles) to these.
 */
export interface StyleInfo {
  name: string;
  /** The seed's example of what such a user says. */
  example: string;
  /** The formality and verbosity a person of this style most often has. */
  formality: Partial<Record<"casual" | "neutral" | "formal", number>>;
  verbosity: Partial<Record<"terse" | "moderate" | "verbose", number>>;
}

export const STYLES: readonly StyleInfo[] = [
  { name: "casual", example: "yo check the servers", formality: { casual: 80, neutral: 20 }, verbosity: { terse: 30, moderate: 50, verbose: 20 } },
  { name: "senior_engineer", example: "df -h all prod nodes", formality: { casual: 30, neutral: 60, formal: 10 }, verbosity: { terse: 70, moderate: 30 } },
  { name: "stressed", example: "HELP servers down", formality: { casual: 60, neutral: 40 }, verbosity: { terse: 60, moderate: 30, verbose: 10 } },
  { name: "learner", example: "How does that work?", formality: { casual: 30, neutral: 60, formal: 10 }, verbosity: { moderate: 40, verbose: 60 } },
  { name: "executive", example: "Status update?", formality: { neutral: 40, formal: 60 }, verbosity: { terse: 80, moderate: 20 } },
];

export const STYLE_NAMES: readonly string[] = STYLES.map((s) => s.name);

/** Default weights of the styles (equal); --mix style=... overrides them. */
export const STYLE_WEIGHTS: Readonly<Record<string, number>> = Object.fromEntries(STYLE_NAMES.map((s) => [s, 1]));
