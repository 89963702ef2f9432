export type { Call, Domain, PreferencePool, Row, ServiceInfo, Session, SessionOptions, ToolResult } from "./contract.js";
export { builtinDomains, loadDomain, loadPackFile, resolvePackFile } from "./load.js";
export type { BuiltinDomain } from "./load.js";
export { LoadedDomain } from "./domain.js";
export { PackError } from "./pack-error.js";
export { canonicalJson } from "./canonical.js";
export { createSession, replay } from "./session.js";
export type { Injected, ToolSession, Write } from "./session.js";
