// The domain contract the engine codes against (packages/domains/src/contract.ts).
export type { Call, Domain, Row, ServiceInfo, Session, ToolResult } from "@chatmill/domains";

import type { Scenario } from "@chatmill/schema";
/** One checkable condition of a scenario's goal. */
export type Constraint = Scenario["goal"]["constraints"][number];
export type Expectation = Scenario["goal"]["end_state"][number];
