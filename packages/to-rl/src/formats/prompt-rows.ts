import { chatMessages, stepsOf, templateTools, toolList, type Dialogue, type RowSink } from "@chatmill/export/rows";
import { environmentOf, type RlOptions } from "./types.js";

/**
 * Prompt-only rows, one per user message the assistant answered without a mistake on the
 * way: the conversation up to that message is the prompt; the assistant's successful calls
 * and final reply in that turn are the reference a reward function or grader compares with.
 */
export function* promptRows(d: Dialogue, opts: RlOptions, sink: RowSink, openai: boolean): Generator<unknown> {
  const { messages, origin } = chatMessages(
    d,
    openai ? { args: "string", system: opts.system, emptyContent: null, context: "own" } : { args: "object", system: opts.system, toolName: true, splitParallel: true, emptyContent: "", context: "lead" },
  );
  const steps = stepsOf(d);
  const list = toolList(d);
  const tools = openai ? list : templateTools(list, opts.toolsAs);
  for (let k = 0; k < messages.length; k++) {
    if (messages[k]!.role !== "user") continue;
    const src = origin[k]!.src;
    const turn = steps.filter((s) => s.userIndex === src);
    if (turn.length === 0) {
      sink.note("unanswered user turns");
      continue;
    }
    const good = turn.filter((s) => !s.failed);
    const calls = good.flatMap((s) => s.calls.map((c) => ({ name: c.name, arguments: c.arguments })));
    const last = [...turn].reverse().find((s) => s.calls.length === 0 && s.message.content);
    const reference = {
      reference_tool_calls: calls,
      reference_response: last?.message.content ?? null,
      environment: environmentOf(d),
      dialogue_id: d.id,
    };
    const prompt = messages.slice(0, k + 1);
    if (openai) yield tools ? { messages: prompt, tools, ...reference } : { messages: prompt, ...reference };
    else yield { prompt, tools, ...reference };
  }
}
