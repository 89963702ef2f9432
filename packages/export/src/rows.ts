/**
 * What format modules need to make and check rows, without the export loop (emit.ts, which
 * loads the kit) or the chat-template renderer (render.ts, which loads @huggingface/jinja):
 * each tool's spec.ts reads its format list for --help, and --help must stay fast.
 */
export { chatMessages, chatToolCall, encodeArguments, ownSystem, toolList } from "./convert.js";
export type { ArgsEncoding, ChatMessage, ChatOptions, ChatToolCall, MessageOrigin } from "./convert.js";
export { StateDigest } from "./digest.js";
export type { RowMaker, RowSink } from "./emit.js";
export { SHAPING, closingTerm, denseRewards, stepQuality } from "./rewards.js";
export { ENVIRONMENT_ERRORS, callFailed, callVerdict, recoveryOf, stepsOf, systemAndRest } from "./steps.js";
export type { Step } from "./steps.js";
export { checkHermesRow, hermesCalls } from "./rules/hermes.js";
export { TOOL_NAME, issue } from "./rules/issue.js";
export type { RowCheck, RuleIssue } from "./rules/issue.js";
export { checkMuseDpoRow, checkMuseRlRow, checkMuseSftRow } from "./rules/muse.js";
export { checkAxolotlDpoRow } from "./rules/axolotl.js";
export { checkOpenAIDpoRow, checkOpenAIMessages, checkOpenAIRftRow, checkOpenAISftRow, checkOpenAITools } from "./rules/openai.js";
export { checkEpisodeRow, checkGrpoRow, checkTransitionRow } from "./rules/rl.js";
export { checkSharegptConversation, checkSharegptDpoRow, checkSharegptSftRow } from "./rules/sharegpt.js";
export { checkTrlDpoRow, checkTrlMessages, checkTrlSftRow, checkTrlTools } from "./rules/trl.js";
export { hermesSystemPrompt, hermesToolCalls, hermesToolResponses, jsonOrString, museCall, museContext, museContextTexts, sharegptCallValue } from "./text-formats.js";
export type * from "./types.js";
export { sharegptConversation } from "./sharegpt-conversation.js";
export type { ShareConversation, ShareMsg } from "./sharegpt-conversation.js";
export { jsonEqual } from "./json-equal.js";
export { CONTEXT_NAME, foldedContext, isContext, normalizeContext, systemWithContext } from "./context-messages.js";
export type { ContextMode } from "./context-messages.js";
export { formatNamed, formatsHelp } from "./format.js";
export type { ExportFormat } from "./format.js";
export { derivedDescription, describeParameters, templateTools, toolsForTemplate } from "./template-tools.js";
export type { ToolsAs } from "./template-tools.js";
