export { auditDialogue } from "./audit-dialogue.js";
export type { AuditReport } from "./audit-dialogue.js";
export { auditTransform } from "./audit-transform.js";
export type { AuditOptions } from "./audit-transform.js";
