// Everything a format module needs (light: no kit, no jinja), then the export loop and the renderer.
export * from "./rows.js";
export { exportTransform } from "./emit.js";
export type { ExportOptions } from "./emit.js";
export { RowSerializer } from "./serialize.js";
export { readDialogue } from "./read-dialogue.js";
export type { InputIssue, ReadResult } from "./read-dialogue.js";
export { formatSchemas } from "./format-schemas.js";
export { ChatTemplate, checkRendering, trlRowMessages } from "./render.js";
