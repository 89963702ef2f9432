export { Alternative, CallAnnotation, Grade, Grounding } from "./annotation.js";
export { Budget, Resolution, ToolDefinition, Usage } from "./common.js";
export { detectRecordType } from "./detect.js";
export {
  AnnotatedDialogue,
  AssistantMessage,
  Dialogue,
  Labels,
  Message,
  Meta,
  Outcome,
  SharedImage,
  SystemMessage,
  ToolCall,
  ToolMessage,
  UserMessage,
} from "./dialogue.js";
export {
  ArgFilter,
  ArgRef,
  CommandEffect,
  CommandRule,
  FieldOp,
  Include,
  SortKey,
  TextMatch,
  ToolRun,
  ValueSource,
  Where,
} from "./tool-runs.js";
export {
  HeaderValue,
  HttpSpec,
  LiveSpec,
  McpServerSpec,
  McpSpec,
} from "./live-spec.js";
export {
  Booking,
  BookingValue,
  CategorySpec,
  CategoryTask,
  ChangeKind,
  ConfirmSpec,
  DisplaySpec,
  DomainPack,
  DomainTool,
  HandoffSpec,
  IdentitySpec,
  OfflineSpec,
  PersonaSpec,
  PolicySpec,
  PreferenceSpec,
  Service,
  Table,
  ToolChange,
  ToolRole,
} from "./domain-pack.js";
export { DisplayParts, FIELD_PARTS, FORMAT_PARTS, StatusMembers, StatusMetric, StatusUsage } from "./display-parts.js";
export type { Said } from "./display-parts.js";
export { Cond, Effect, Expr, Invariants, Let, RowRef, Rule, TransactRun } from "./pack-rules.js";
export type { RowSource } from "./pack-rules.js";
export { SCHEMA_BASE, allJsonSchemas, jsonSchemaOf, recordSchemas, recordTypes, schemaFileName } from "./json-schema.js";
export type { RecordType } from "./json-schema.js";
export { HistoryEntry, Persona, PersonaSource } from "./persona.js";
export { Constraint, ConstraintOp, Expectation, Goal, Scenario } from "./scenario.js";
export { RewardBasis, Task, TaskAction, TaskEvaluation, TaskInstructions } from "./task.js";
export { writeJsonSchemas } from "./write-json-schemas.js";
export { ARG_FORMS, ArgWording, FactWording, GOAL_PLACES, GoalCase, GoalWording, VALUE_FORMS, ValueWording } from "./value-wording.js";
export type { ValueForm } from "./value-wording.js";
export { SHORT_NAME_WORDS, ShortName } from "./short-names.js";
export { CategorySaid } from "./category-said.js";
export { ASSISTANT_ACT_SLOTS, AssistantLines, COMMON_SLOTS, LangWording, USER_ACT_SLOTS, UserLines, Wording, templateError } from "./wording.js";
export type { AssistantAct, UserAct } from "./wording.js";
