export { auditDialogue } from "./audit-dialogue.js";
export type { AuditReport } from "./audit-dialogue.js";
export { auditTransform } from "./audit-transform.js";
export type { AuditOptions } from "./audit-transform.js";
export { auditInDetail } from "./audit-dialogue.js";
export type { AuditDetail } from "./audit-dialogue.js";
export * from "./measures/index.js";
