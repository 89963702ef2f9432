export { buildSkeleton, slug, toolName, type ImportedApi, type ImportedChange, type ImportedRole, type ImportedTool, type JsonSchema } from "./skeleton.js";
export { importOpenApi, validationReason } from "./openapi.js";
export { SourceError } from "./source-error.js";
export { describeMcp, listMcpTools, type McpListing, type McpTarget, type McpTool } from "./mcp.js";
export { checkPack, findingsOf, formatFinding, type Finding } from "./check.js";
export { writePack } from "./write-pack.js";
export { cleanSchema } from "./schema-tools.js";
