import { jsonEqual } from "../json-equal.js";
import { hermesCalls } from "./hermes.js";
import { isObject, issue, parsesAsObject, unknownKey, type RuleIssue } from "./issue.js";

/*
 * Axolotl's DPO `type: chat_template.default` rows (docs/rlhf.qmd; the strategy is
 * src/axolotl/prompt_strategies/dpo/chat_template.py):
 * - `messages` (field_messages) is the prompt: a list of {role, content}; the strategy keeps
 *   only role and content of each message (tool_calls, name, … are dropped), maps roles
 *   through `roles` (default user, assistant, system, tool) and renders the list with the
 *   model's chat template, with no `tools` argument;
 * - `chosen` / `rejected` (field_chosen / field_rejected) are one assistant message
 *   {role, content}; the strategy finds the content in the rendering of
 *   [dummy user, message] and cuts there, so the content must be non-empty;
 * - so a call has to be text in the content (Hermes <tool_call> blocks, what Qwen and
 *   Hermes models emit), and the tool definitions live in the system message.
 */
const ROLES = new Set(["system", "user", "assistant", "tool"]);
const MESSAGE_KEYS = new Set(["role", "content"]);
const ROW_KEYS = new Set(["messages", "chosen", "rejected"]);

/**
 * Assistant messages whose <tool_call> text was found sound: the pairs of a dialogue share
 * their prompt's message objects (which must not change once checked), so each is parsed once
 * per dialogue, not once per pair.
 */
const soundCalls = new WeakSet<object>();

function checkCallsText(content: string, at: string): RuleIssue | undefined {
  for (const block of hermesCalls(content)) {
    if (!parsesAsObject(block)) return issue("axolotl.tool_call_json", at, "a <tool_call> block must hold JSON {\"name\", \"arguments\"}");
  }
  return undefined;
}

export function checkAxolotlDpoRow(row: unknown): RuleIssue | undefined {
  if (!isObject(row)) return issue("axolotl.row", "", "a row must be a JSON object");
  const extra = unknownKey(row, ROW_KEYS);
  if (extra !== undefined) return issue("axolotl.unknown_key", `/${extra}`, `'${extra}' is not read by chat_template.default (messages, chosen, rejected)`);
  const msgs = row.messages;
  if (!Array.isArray(msgs) || msgs.length === 0) return issue("axolotl.messages", "/messages", "messages must be a non-empty list of {role, content}");
  for (let i = 0; i < msgs.length; i++) {
    const m = msgs[i] as unknown;
    const at = `/messages/${i}`;
    if (!isObject(m)) return issue("axolotl.message", at, "a message must be {role, content}");
    const k = unknownKey(m, MESSAGE_KEYS);
    if (k !== undefined) return issue("axolotl.message_key", `${at}/${k}`, `chat_template.default keeps only role and content; '${k}' would be lost`);
    if (!ROLES.has(m.role as string)) return issue("axolotl.role", `${at}/role`, `role must be system, user, assistant or tool (the strategy's default roles), not '${String(m.role)}'`);
    if (typeof m.content !== "string") return issue("axolotl.content", `${at}/content`, "content must be a string");
    if (m.role === "assistant" && !soundCalls.has(m)) {
      const c = checkCallsText(m.content, `${at}/content`);
      if (c) return c;
      soundCalls.add(m);
    }
  }
  const last = (msgs[msgs.length - 1] as { role: string }).role;
  if (last !== "user" && last !== "tool") return issue("axolotl.prompt_end", `/messages/${msgs.length - 1}`, "the prompt must end with the message chosen and rejected answer (user or tool)");
  for (const key of ["chosen", "rejected"] as const) {
    const o = row[key];
    if (!isObject(o) || o.role !== "assistant" || typeof o.content !== "string" || unknownKey(o, MESSAGE_KEYS) !== undefined) return issue("axolotl.output", `/${key}`, `${key} must be one message {role: "assistant", content}`);
    if (o.content.trim() === "") return issue("axolotl.empty_output", `/${key}/content`, "the content must not be empty: the strategy cuts the rendering where it finds it");
    const c = checkCallsText(o.content, `/${key}/content`);
    if (c) return c;
  }
  if (jsonEqual(row.chosen, row.rejected)) return issue("dpo.identical", "/chosen", "chosen and rejected are the same");
  return undefined;
}
