import { contextMessages } from "./context-messages.js";
import { chatTools } from "./tool-lists.js";
import { chatMessages, isObj, parsedJson, replyMessages, sharegptMessages, type ChatMsg, type Conversation, type MessageMemo, type Obj } from "./conversation.js";

/** What kind of training row a record is; DPO rows hold two conversations (prompt + chosen, prompt + rejected). */
export type RowShape = "sft" | "dpo" | "rl" | "dialogue";

export interface RowView {
  shape: RowShape;
  /** The layout it was recognised by (`messages`, `prompt/completion`, `sharegpt`, `muse`, …). */
  layout: string;
  conversations: Conversation[];
}

const withTools = (messages: ChatMsg[], tools: Obj[] | undefined): Conversation => (tools ? { messages, tools } : { messages });
const pairOf = (prompt: ChatMsg[], tools: Obj[] | undefined, chosen: ChatMsg[], rejected: ChatMsg[]): Conversation[] => [withTools([...prompt, ...chosen], tools), withTools([...prompt, ...rejected], tools)];
const has = (row: Obj, ...keys: string[]) => keys.every((k) => row[k] !== undefined);

/** The system prompt a sharegpt row keeps in its own field, put first. */
function withSystem(row: Obj, ms: ChatMsg[]): ChatMsg[] {
  return typeof row.system === "string" && row.system && ms[0]?.role !== "system" ? [{ role: "system", content: row.system }, ...ms] : ms;
}

/**
 * The conversations a row trains on, whatever format wrote it (every format of to-sft,
 * to-dpo and to-rl, and Dialogue records). undefined for a record that holds none. With a
 * memo, messages seen in an earlier row (the same object) are not converted again.
 */
export function rowView(value: unknown, memo?: MessageMemo): RowView | undefined {
  if (!isObj(value)) return undefined;
  const row = value;
  const tools = chatTools(row.tools);
  // OpenAI DPO: {input: {messages, tools}, preferred_output, non_preferred_output}
  if (isObj(row.input) && has(row, "preferred_output")) {
    const t = chatTools(row.input.tools) ?? tools;
    return { shape: "dpo", layout: "openai-dpo", conversations: pairOf(chatMessages(row.input.messages, memo), t, chatMessages(row.preferred_output, memo), chatMessages(row.non_preferred_output, memo)) };
  }
  if (Array.isArray(row.messages)) {
    const ms = chatMessages(row.messages, memo);
    // axolotl chat_template DPO: {messages, chosen, rejected}
    if (has(row, "chosen", "rejected")) return { shape: "dpo", layout: "messages-dpo", conversations: pairOf(ms, tools, replyMessages(row.chosen, memo), replyMessages(row.rejected, memo)) };
    const rl = Array.isArray(row.steps) || typeof row.reward === "number" || row.reference !== undefined || row.outcome_reward !== undefined;
    const dialogue = !rl && typeof row.id === "string" && (isObj(row.outcome) || isObj(row.scenario));
    return { shape: dialogue ? "dialogue" : rl ? "rl" : "sft", layout: "messages", conversations: [withTools(ms, tools)] };
  }
  if (Array.isArray(row.prompt) || typeof row.prompt === "string") {
    const prompt = typeof row.prompt === "string" ? [{ role: "user", content: row.prompt }] : chatMessages(row.prompt, memo);
    if (has(row, "chosen", "rejected")) return { shape: "dpo", layout: "prompt-dpo", conversations: pairOf(prompt, tools, replyMessages(row.chosen, memo), replyMessages(row.rejected, memo)) };
    if (row.completion !== undefined) return { shape: "sft", layout: "prompt-completion", conversations: [withTools([...prompt, ...replyMessages(row.completion, memo)], tools)] };
    return { shape: "rl", layout: "prompt", conversations: [withTools(prompt, tools)] };
  }
  if (Array.isArray(row.conversations)) {
    const ms = withSystem(row, sharegptMessages(row.conversations, memo));
    if (has(row, "chosen", "rejected")) return { shape: "dpo", layout: "sharegpt-dpo", conversations: pairOf(ms, tools, sharegptMessages(row.chosen, memo), sharegptMessages(row.rejected, memo)) };
    return { shape: "sft", layout: "sharegpt", conversations: [withTools(ms, tools)] };
  }
  if (row.context !== undefined && (has(row, "chosen", "rejected") || has(row, "response") || has(row, "tool_calls"))) {
    const ctx = contextMessages(row.context, memo);
    if (has(row, "chosen", "rejected")) return { shape: "dpo", layout: "muse-dpo", conversations: pairOf(ctx, tools, replyMessages(row.chosen), replyMessages(row.rejected)) };
    return { shape: "sft", layout: "muse", conversations: [withTools([...ctx, ...replyMessages(row)], tools)] };
  }
  if (row.state !== undefined && row.action !== undefined) {
    // RL transitions: the state the policy sees and the action it takes (state as {messages} or as text).
    const state = parsedJson(row.state);
    const ms = isObj(state) && Array.isArray(state.messages) ? chatMessages(state.messages, memo) : typeof state === "string" ? contextMessages(state, memo) : [];
    const t = (isObj(state) ? chatTools(state.tools) : undefined) ?? tools;
    return { shape: "rl", layout: "transition", conversations: [withTools([...ms, ...replyMessages(parsedJson(row.action), memo)], t)] };
  }
  return undefined;
}
