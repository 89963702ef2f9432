import { checkOpenAIRftRow } from "@chatmill/export/rows";
import { promptRows } from "./prompt-rows.js";
import type { RlFormat } from "./types.js";

export const openaiRft: RlFormat = {
  name: "openai-rft",
  help: "OpenAI reinforcement fine-tuning rows {messages, tools, reference_*}\n(graders read the extra fields as item.reference_tool_calls, …)",
  check: checkOpenAIRftRow,
  rows: (d, opts, sink) => promptRows(d, opts, sink, true),
};
