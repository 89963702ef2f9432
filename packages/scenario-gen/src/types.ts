import type { Scenario } from "@chatmill/schema";

/** One checkable condition of a goal (the schema's Constraint). */
export type Constraint = Scenario["goal"]["constraints"][number];
/** A fact the final state must show (the schema's Expectation). */
export type Expectation = Scenario["goal"]["end_state"][number];
