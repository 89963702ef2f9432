// The pipeline's other stages as dialogue-sim resolves them, for bench/ scripts (which sit
// outside the workspace packages and cannot resolve @chatmill/* names themselves).
export { createSession, loadDomain } from "@chatmill/domains";
export { Rng } from "@chatmill/kit";
export { makePersona, personaId } from "@chatmill/persona-sample";
export { ScenarioMaker } from "@chatmill/scenario-gen";
