import {
  chatMessages,
  checkHermesRow,
  checkMuseSftRow,
  checkOpenAISftRow,
  checkSharegptSftRow,
  checkTrlSftRow,
  hermesSystemPrompt,
  hermesToolCalls,
  hermesToolResponses,
  issue,
  museCall,
  museContext,
  sharegptConversation,
  type ShareMsg,
  stepsOf,
  toolList,
  type ChatMessage,
  type Dialogue,
  type RowCheck,
  type RowSink,
  type ToolMessage,
} from "@chatmill/export";

export const SFT_FORMATS = ["openai", "trl", "sharegpt", "hermes", "muse"] as const;
export type SftFormat = (typeof SFT_FORMATS)[number];
export type Granularity = "conversation" | "turn";

export interface SftOptions {
  format: SftFormat;
  /** conversation: one row per dialogue; turn: one row per assistant message that is trained. */
  granularity: Granularity;
  /** Replaces the dialogue's own system message. */
  system?: string | undefined;
}

export const sftChecks: Record<SftFormat, RowCheck> = {
  openai: checkOpenAISftRow,
  trl: checkTrlSftRow,
  sharegpt: checkSharegptSftRow,
  hermes: checkHermesRow,
  muse: checkMuseSftRow,
};

const FAILED_MASKED = "failed turns masked";
const UNMASKABLE = "unmaskable_failed_turn";

/** The training rows of one dialogue in the chosen format. */
export function sftRows(d: Dialogue, opts: SftOptions, sink: RowSink): Iterable<unknown> {
  switch (opts.format) {
    case "openai":
      return openaiRows(d, opts, sink);
    case "trl":
      return trlRows(d, opts, sink);
    case "sharegpt":
      return sharegptRows(d, opts, sink);
    case "hermes":
      return hermesRows(d, opts, sink);
    case "muse":
      return museRows(d, sink);
  }
}

/** OpenAI: `weight` on every assistant message; a failed one keeps weight 0 as context. */
function* openaiRows(d: Dialogue, opts: SftOptions, sink: RowSink): Generator<unknown> {
  const { messages, origin } = chatMessages(d, { args: "string", system: opts.system, emptyContent: null });
  const tools = toolList(d);
  const row = (msgs: ChatMessage[]) => (tools ? { messages: msgs, tools } : { messages: msgs });
  if (opts.granularity === "conversation") {
    let masked = 0;
    const out = messages.map((m, i) => {
      if (m.role !== "assistant") return m;
      if (origin[i]!.failed) masked++;
      return { ...m, weight: origin[i]!.failed ? (0 as const) : (1 as const) };
    });
    if (masked > 0) sink.note(FAILED_MASKED, masked);
    yield row(out);
    return;
  }
  // Each assistant message in its two versions, shared by all the rows that repeat it.
  const w0 = messages.map((m) => (m.role === "assistant" ? { ...m, weight: 0 as const } : m));
  const w1 = messages.map((m) => (m.role === "assistant" ? { ...m, weight: 1 as const } : m));
  for (let k = 0; k < messages.length; k++) {
    if (messages[k]!.role !== "assistant") continue;
    if (origin[k]!.failed) {
      sink.note(FAILED_MASKED);
      continue;
    }
    const out = w0.slice(0, k + 1);
    out[k] = w1[k]!;
    yield row(out);
  }
}

/**
 * TRL: arguments stay objects, parallel calls are split (Llama 3.1), `tools` is null when
 * there are none. TRL has no per-message loss weight, so a failed turn cannot be kept
 * untrained inside a {messages} row: at conversation granularity such a dialogue is
 * dead-lettered (use --granularity turn, where each row is {prompt, completion} and a
 * failed turn is only ever in a prompt).
 */
function* trlRows(d: Dialogue, opts: SftOptions, sink: RowSink): Generator<unknown> {
  const { messages, origin } = chatMessages(d, { args: "object", system: opts.system, toolName: true, splitParallel: true, emptyContent: "" });
  const tools = toolList(d) ?? null;
  if (opts.granularity === "conversation") {
    const row = { messages, tools };
    const at = origin.findIndex((o) => o.failed);
    if (at >= 0) sink.reject(row, issue(UNMASKABLE, `/messages/${at}`, "TRL has no per-message loss weight, so this failed tool call would be trained; use --granularity turn (rows are prompt/completion and failed turns stay in the prompt) or --format openai (weight 0)"));
    else yield row;
    return;
  }
  for (let k = 0; k < messages.length; k++) {
    if (messages[k]!.role !== "assistant") continue;
    if (origin[k]!.failed) {
      sink.note(FAILED_MASKED);
      continue;
    }
    yield { prompt: messages.slice(0, k), completion: [messages[k]!], tools };
  }
}

function* sharegptRows(d: Dialogue, opts: SftOptions, sink: RowSink): Generator<unknown> {
  const { conv, failed } = sharegptConversation(d, opts.system, sink);
  const tools = toolList(d);
  // One text for all the dialogue's rows (per-turn rows would otherwise each stringify the list).
  const toolsText = tools ? JSON.stringify(tools) : undefined;
  const row = (c: ShareMsg[]) => (toolsText !== undefined ? { conversations: c, tools: toolsText } : { conversations: c });
  if (opts.granularity === "conversation") {
    // A row ends with the model's turn: trailing human/observation turns train nothing.
    let end = conv.length;
    while (end > 0 && (conv[end - 1]!.from === "human" || conv[end - 1]!.from === "observation")) end--;
    if (end < conv.length) sink.note("trailing turns trimmed", conv.length - end);
    const at = failed.indexOf(true);
    if (at >= 0 && at < end) {
      sink.reject(row(conv.slice(0, end)), issue(UNMASKABLE, `/conversations/${at}`, "LLaMA-Factory trains every gpt/function_call turn of a row, so this failed call would be trained; use --granularity turn with mask_history: true, or --format openai"));
      return;
    }
    yield row(conv.slice(0, end));
    return;
  }
  for (let k = 0; k < conv.length; k++) {
    const from = conv[k]!.from;
    if (from !== "gpt" && from !== "function_call") continue;
    if (failed[k]) {
      sink.note(FAILED_MASKED);
      continue;
    }
    yield row(conv.slice(0, k + 1));
  }
}

interface HermesMsg {
  from: "system" | "human" | "gpt" | "tool";
  value: string;
  weight?: 0 | 1;
}

/** Hermes: <tool_call> / <tool_response> text; `weight` 0 marks a failed gpt turn. */
function* hermesRows(d: Dialogue, opts: SftOptions, sink: RowSink): Generator<unknown> {
  const failedAt = new Set(stepsOf(d).filter((s) => s.failed).map((s) => s.index));
  const msgs = d.messages;
  const conv: HermesMsg[] = [];
  let i = 0;
  const own = msgs[0]?.role === "system" ? msgs[0].content : undefined;
  if (own !== undefined) i = 1;
  const sys = hermesSystemPrompt(d.tools, opts.system ?? own);
  if (sys !== undefined) conv.push({ from: "system", value: sys });
  for (; i < msgs.length; i++) {
    const m = msgs[i]!;
    if (m.role === "user" || m.role === "system") {
      const last = conv[conv.length - 1];
      if (last?.from === "human") last.value = `${last.value}\n\n${m.content}`;
      else conv.push({ from: "human", value: m.content });
    } else if (m.role === "assistant") {
      const value = hermesToolCalls(m.content, m.tool_calls ?? []);
      const weight = failedAt.has(i) ? 0 : 1;
      const last = conv[conv.length - 1];
      // Two assistant messages in a row (a note, then the call) are one gpt turn in Hermes.
      if (last?.from === "gpt") {
        last.value = `${last.value}\n${value}`;
        last.weight = last.weight === 0 || weight === 0 ? 0 : 1;
        sink.note("hermes turns merged");
      } else conv.push({ from: "gpt", value, weight });
    } else {
      const results: ToolMessage[] = [m];
      while (i + 1 < msgs.length && msgs[i + 1]!.role === "tool") results.push(msgs[++i] as ToolMessage);
      conv.push({ from: "tool", value: hermesToolResponses(results) });
    }
  }
  const masked = conv.filter((m) => m.weight === 0).length;
  if (opts.granularity === "conversation") {
    if (masked > 0) sink.note(FAILED_MASKED, masked);
    yield { conversations: conv };
    return;
  }
  const w0 = conv.map((c) => (c.from === "gpt" ? { ...c, weight: 0 as const } : c));
  for (let k = 0; k < conv.length; k++) {
    const m = conv[k]!;
    if (m.from !== "gpt") continue;
    if (m.weight === 0) {
      sink.note(FAILED_MASKED);
      continue;
    }
    const out = w0.slice(0, k + 1);
    out[k] = m;
    yield { conversations: out };
  }
}

/**
 * MUSe turn rows: one per assistant reply (a message with text and no call). Its
 * tool_calls are the calls made since the previous reply that succeeded; the failed
 * ones are kept beside them as failed_tool_calls, never among the targets.
 */
function* museRows(d: Dialogue, sink: RowSink): Generator<unknown> {
  const steps = stepsOf(d);
  let calls: ReturnType<typeof museCall>[] = [];
  let failedCalls: ReturnType<typeof museCall>[] = [];
  let lastUserIntent: string | undefined;
  for (let s = 0; s < steps.length; s++) {
    const step = steps[s]!;
    const user = step.userIndex >= 0 ? d.messages[step.userIndex] : undefined;
    if (user?.role === "user") lastUserIntent = user.labels?.intent;
    if (step.calls.length > 0) {
      for (const c of step.calls) {
        const r = step.results.get(c.id);
        if (step.failed && (c.grade ? !c.grade.ok : r?.ok !== true)) failedCalls.push(museCall(c));
        else calls.push(museCall(c));
      }
      continue;
    }
    const response = step.message.content ?? "";
    if (response === "") continue;
    const row: Record<string, unknown> = {
      context: museContext(d.messages, step.index),
      tool_calls: calls,
      response,
      intent: step.message.labels?.intent ?? lastUserIntent ?? null,
    };
    if (failedCalls.length > 0) {
      row.failed_tool_calls = failedCalls;
      sink.note(FAILED_MASKED, failedCalls.length);
    }
    yield row;
    calls = [];
    failedCalls = [];
  }
}
