/**
 * JSON Schemas (draft 2020-12) of every row format the exporters write, one per
 * format, written from the same specs as the rule checkers in rules/. A schema states
 * the shape; the checkers also enforce what a schema cannot say (alternation, tool
 * calls answered in order, rewards adding up). `node dist/write-format-schemas.js DIR`
 * writes them as <name>.schema.json.
 */
type Schema = Record<string, unknown>;

const BASE = "https://chatmill.dev/schemas/";
const str = { type: "string" };
const toolName = { type: "string", pattern: "^[a-zA-Z0-9_-]{1,64}$" };
const obj = { type: "object" };

const toolDef: Schema = {
  type: "object",
  required: ["type", "function"],
  properties: {
    type: { const: "function" },
    function: { type: "object", required: ["name"], properties: { name: toolName, description: str, parameters: obj } },
  },
};

const chatCall = (args: Schema): Schema => ({
  type: "object",
  required: ["id", "type", "function"],
  properties: { id: { type: "string", minLength: 1 }, type: { const: "function" }, function: { type: "object", required: ["name", "arguments"], properties: { name: toolName, arguments: args } } },
});

function openaiMessage(weight: boolean): Schema {
  const assistant: Schema = {
    type: "object",
    required: ["role"],
    properties: {
      role: { const: "assistant" },
      content: { type: ["string", "null"] },
      name: str,
      tool_calls: { type: "array", minItems: 1, items: chatCall({ type: "string", contentMediaType: "application/json" }) },
      ...(weight ? { weight: { enum: [0, 1] } } : {}),
    },
    additionalProperties: false,
  };
  return {
    oneOf: [
      { type: "object", required: ["role", "content"], properties: { role: { enum: ["system", "developer", "user"] }, content: str, name: str }, additionalProperties: false },
      assistant,
      { type: "object", required: ["role", "content", "tool_call_id"], properties: { role: { const: "tool" }, content: str, tool_call_id: str }, additionalProperties: false },
    ],
  };
}

const trlMessage: Schema = {
  oneOf: [
    { type: "object", required: ["role", "content"], properties: { role: { enum: ["system", "user"] }, content: str }, additionalProperties: false },
    {
      type: "object",
      required: ["role", "content"],
      properties: { role: { const: "assistant" }, content: str, tool_calls: { type: "array", minItems: 1, maxItems: 1, items: chatCall(obj) } },
      additionalProperties: false,
    },
    { type: "object", required: ["role", "content", "tool_call_id", "name"], properties: { role: { const: "tool" }, content: str, tool_call_id: str, name: str }, additionalProperties: false },
  ],
};
// --tools-as text (default): the JSON text of the list; --tools-as list: the list.
const trlTools = { oneOf: [{ type: "null" }, { type: "string", contentMediaType: "application/json", minLength: 2 }, { type: "array", minItems: 1, items: toolDef }] };
const trlMessages = { type: "array", minItems: 1, items: trlMessage };
const oneAssistant = (m: Schema) => ({ type: "array", minItems: 1, maxItems: 1, items: { allOf: [m, { type: "object", properties: { role: { const: "assistant" } } }] } });

const shareMsg = { type: "object", required: ["from", "value"], properties: { from: { enum: ["system", "human", "gpt", "function_call", "observation"] }, value: str } };
const shareOut = { type: "object", required: ["from", "value"], properties: { from: { enum: ["gpt", "function_call"] }, value: str }, additionalProperties: false };
const shareTools = { type: "string", contentMediaType: "application/json", description: "the tool definitions as a JSON string" };

const axolotlOut = { type: "object", required: ["role", "content"], properties: { role: { const: "assistant" }, content: { type: "string", minLength: 1 } }, additionalProperties: false };
const museCall = { type: "object", required: ["tool", "args"], properties: { tool: { type: "string", minLength: 1 }, args: obj } };
const museCalls = { type: "array", items: museCall };
const museSide = {
  type: "object",
  required: ["tool_calls", "success_rate"],
  properties: { tool_calls: museCalls, text: str, response: { type: ["string", "null"] }, success_rate: { type: "number", minimum: 0, maximum: 1 }, result: { type: ["string", "null"] }, defect: str },
};

const action = {
  type: "object",
  required: ["tool_calls", "response"],
  properties: { tool_calls: museCalls, response: { type: ["string", "null"] } },
};
const state = { type: "object", required: ["messages", "db_digest"], properties: { messages: { type: "array" }, db_digest: str } };
const reference = {
  reference_tool_calls: { type: "array", items: { type: "object", required: ["name", "arguments"], properties: { name: str, arguments: obj } } },
  reference_response: { type: ["string", "null"] },
  environment: { type: ["string", "null"] },
  dialogue_id: str,
};

const schema = (name: string, title: string, description: string, body: Schema): [string, Schema] => [
  name,
  { $schema: "https://json-schema.org/draft/2020-12/schema", $id: `${BASE}${name}.schema.json`, title, description, ...body },
];

export const formatSchemas: ReadonlyArray<[string, Schema]> = [
  schema("sft-openai", "to-sft --format openai", "OpenAI chat fine-tuning row: https://platform.openai.com/docs/api-reference/fine-tuning/chat-input", {
    type: "object",
    required: ["messages"],
    properties: { messages: { type: "array", minItems: 1, items: openaiMessage(true) }, tools: { type: "array", items: toolDef }, parallel_tool_calls: { type: "boolean" } },
    additionalProperties: false,
  }),
  schema("sft-trl", "to-sft --format trl", "TRL conversational row: {messages, tools} (conversation) or {prompt, completion, tools} (turn)", {
    oneOf: [
      { type: "object", required: ["messages", "tools"], properties: { messages: trlMessages, tools: trlTools }, additionalProperties: false },
      { type: "object", required: ["prompt", "completion", "tools"], properties: { prompt: trlMessages, completion: oneAssistant(trlMessage), tools: trlTools }, additionalProperties: false },
    ],
  }),
  schema("sft-sharegpt", "to-sft --format sharegpt", "LLaMA-Factory sharegpt row (alternation is checked by the exporter)", {
    type: "object",
    required: ["conversations"],
    properties: { conversations: { type: "array", minItems: 2, items: shareMsg }, tools: shareTools },
    additionalProperties: false,
  }),
  schema("sft-hermes", "to-sft --format hermes", "Hermes function-calling row: <tool_call>/<tool_response> text, weight 0/1 on gpt turns", {
    type: "object",
    required: ["conversations"],
    properties: {
      conversations: {
        type: "array",
        minItems: 2,
        items: { type: "object", required: ["from", "value"], properties: { from: { enum: ["system", "human", "gpt", "tool"] }, value: str, weight: { enum: [0, 1] } }, additionalProperties: false },
      },
    },
    additionalProperties: false,
  }),
  schema("sft-muse", "to-sft --format muse", "MUSe v2 SFT turn row (seed 000)", {
    type: "object",
    required: ["context", "tool_calls", "response", "intent"],
    properties: { context: { type: "array", items: str }, tool_calls: museCalls, response: { type: "string", minLength: 1 }, intent: { type: ["string", "null"] }, failed_tool_calls: museCalls },
    additionalProperties: false,
  }),
  schema("dpo-openai", "to-dpo --format openai", "OpenAI preference fine-tuning row: https://platform.openai.com/docs/api-reference/fine-tuning/preference-input", {
    type: "object",
    required: ["input", "preferred_output", "non_preferred_output"],
    properties: {
      input: { type: "object", required: ["messages"], properties: { messages: { type: "array", minItems: 1, items: openaiMessage(false) }, tools: { type: "array", items: toolDef }, parallel_tool_calls: { type: "boolean" } }, additionalProperties: false },
      preferred_output: oneAssistant(openaiMessage(false)),
      non_preferred_output: oneAssistant(openaiMessage(false)),
    },
    additionalProperties: false,
  }),
  schema("dpo-trl", "to-dpo --format trl", "TRL conversational preference row", {
    type: "object",
    required: ["prompt", "chosen", "rejected", "tools"],
    properties: { prompt: trlMessages, chosen: oneAssistant(trlMessage), rejected: oneAssistant(trlMessage), tools: trlTools },
    additionalProperties: false,
  }),
  schema("dpo-sharegpt", "to-dpo --format sharegpt", "LLaMA-Factory sharegpt ranking row (dataset_info: \"ranking\": true)", {
    type: "object",
    required: ["conversations", "chosen", "rejected"],
    properties: { conversations: { type: "array", minItems: 1, items: shareMsg }, chosen: shareOut, rejected: shareOut, tools: shareTools },
    additionalProperties: false,
  }),
  schema("dpo-muse", "to-dpo --format muse", "MUSe v2 DPO row (seed 000)", {
    type: "object",
    required: ["context", "chosen", "rejected"],
    properties: { context: str, chosen: museSide, rejected: museSide },
    additionalProperties: false,
  }),
  schema("dpo-axolotl", "to-dpo --format axolotl", "Axolotl DPO row for type: chat_template.default (messages, chosen, rejected; role and content only)", {
    type: "object",
    required: ["messages", "chosen", "rejected"],
    properties: {
      messages: { type: "array", minItems: 1, items: { type: "object", required: ["role", "content"], properties: { role: { enum: ["system", "user", "assistant", "tool"] }, content: str }, additionalProperties: false } },
      chosen: axolotlOut,
      rejected: axolotlOut,
    },
    additionalProperties: false,
  }),
  schema("rl-transitions", "to-rl --format transitions", "One step of an episode (seed 000 plus done)", {
    type: "object",
    required: ["id", "episode_id", "step", "state", "action", "reward", "next_state", "done"],
    properties: { id: str, episode_id: str, step: { type: "integer", minimum: 0 }, state, action, reward: { type: "number" }, next_state: state, done: { type: "boolean" } },
    additionalProperties: false,
  }),
  schema("rl-episodes", "to-rl --format episodes", "One dialogue as an episode; step rewards add up to return", {
    type: "object",
    required: ["id", "messages", "tools", "steps", "return", "outcome", "environment"],
    properties: {
      id: str,
      messages: { type: "array" },
      tools: { oneOf: [{ type: "null" }, { type: "array", items: toolDef }] },
      steps: {
        type: "array",
        minItems: 1,
        items: {
          type: "object",
          required: ["step", "message_index", "action", "reward", "quality", "ok", "db_digest"],
          properties: { step: { type: "integer" }, message_index: { type: "integer" }, action, reward: { type: "number" }, quality: { type: "number", minimum: 0, maximum: 1 }, ok: { type: "boolean" }, db_digest: str },
        },
      },
      return: { type: "number" },
      outcome: { type: ["object", "null"] },
      environment: { type: ["string", "null"] },
    },
    additionalProperties: false,
  }),
  schema("rl-trl-grpo", "to-rl --format trl-grpo", "TRL prompt-only conversational row with reference columns for reward functions", {
    type: "object",
    required: ["prompt", "tools", "reference_tool_calls", "reference_response", "environment", "dialogue_id"],
    properties: { prompt: trlMessages, tools: trlTools, ...reference },
    additionalProperties: false,
  }),
  schema("rl-muse", "to-rl --format muse", "Seed 000's RL row: state and next_state as text, one call as the action", {
    type: "object",
    required: ["state", "action", "reward", "next_state"],
    properties: { state: { type: "string", minLength: 1 }, action: { type: "object", required: ["tool", "args"], properties: { tool: { type: "string", minLength: 1 }, args: obj }, additionalProperties: false }, reward: { type: "number" }, next_state: { type: "string", minLength: 1 } },
    additionalProperties: false,
  }),
  schema("rl-openai-rft", "to-rl --format openai-rft", "OpenAI reinforcement fine-tuning row: https://platform.openai.com/docs/api-reference/fine-tuning/reinforcement-input", {
    type: "object",
    required: ["messages"],
    properties: { messages: { type: "array", minItems: 1, items: openaiMessage(false) }, tools: { type: "array", items: toolDef }, ...reference },
  }),
];
