import type { Llm } from "@chatmill/llm";
import { z } from "zod";
import { DEFECTS, type Proposal } from "./alternatives.js";
import { isObj, type Obj } from "./types.js";

/** What the LLM adds to one call: alternatives it proposes, and its view of the reply's grounding. */
export interface LlmAdvice {
  proposals: Proposal[];
  grounded?: boolean;
}

const Answer = z.object({
  alternatives: z
    .array(z.object({ defect: z.enum(DEFECTS), name: z.string(), arguments: z.record(z.string(), z.unknown()), why: z.string().optional() }))
    .max(3),
  reply_grounded: z.boolean(),
});

const SYSTEM = `You help build preference data for a tool-using assistant. You see the end of a
conversation, the tools offered, the call the assistant made, its result, and the reply that
followed. Propose up to 3 wrong-but-plausible calls a weaker assistant might have made instead,
each of one defect: ${DEFECTS.join(", ")}. Each must differ from the call made and use a tool
name from the list (or "none" for tool_none). Also say whether the reply is supported by the
result (reply_grounded). Answer with JSON only.`;

/**
 * Asks the LLM, for each tool call the dialogue records, for alternatives and a grounding view.
 * Its proposals are executed and graded like the offline ones; its grounding view is a note,
 * never the grade (execution and schema checks decide the grades).
 */
export async function llmAdvice(dialogue: Obj, llm: Llm): Promise<Map<string, LlmAdvice>> {
  const out = new Map<string, LlmAdvice>();
  const messages = Array.isArray(dialogue.messages) ? (dialogue.messages as Obj[]) : [];
  const tools = (Array.isArray(dialogue.tools) ? dialogue.tools : []).filter(isObj).map((t) => (isObj(t.function) ? { name: t.function.name, parameters: t.function.parameters } : t));
  const id = String(dialogue.id);
  for (const [i, m] of messages.entries()) {
    if (m.role !== "assistant" || !Array.isArray(m.tool_calls)) continue;
    for (const tc of m.tool_calls.filter(isObj)) {
      if (typeof tc.id !== "string") continue;
      const result = messages.find((x) => x.role === "tool" && x.tool_call_id === tc.id);
      const reply = messages.slice(i + 1).find((x) => x.role === "assistant" && typeof x.content === "string" && x.content.trim());
      const brief = {
        conversation: messages.slice(Math.max(0, i - 6), i).filter((x) => x.role === "user" || x.role === "assistant").map((x) => ({ role: x.role, content: x.content ?? null })),
        tools,
        call: { name: tc.name, arguments: tc.arguments },
        result: typeof result?.content === "string" ? result.content.slice(0, 3000) : null,
        reply: reply?.content ?? null,
      };
      const answer = await llm.json("judge", [{ role: "system", content: SYSTEM }, { role: "user", content: JSON.stringify(brief) }], Answer, { recordId: id, name: "alternatives" });
      out.set(tc.id, {
        proposals: answer.alternatives.map((a) => ({
          defect: a.defect,
          call: { name: a.name, arguments: a.arguments as Obj },
          detail: `proposed by the LLM${a.why ? `: ${a.why}` : ""}`,
          source: "llm",
        })),
        grounded: answer.reply_grounded,
      });
    }
  }
  return out;
}
