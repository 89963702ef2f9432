import {
  chatMessages,
  checkMuseDpoRow,
  checkOpenAIDpoRow,
  checkSharegptDpoRow,
  checkTrlDpoRow,
  museCall,
  museContext,
  sharegptCallValue,
  sharegptConversation,
  toolList,
  type ChatMessage,
  type Dialogue,
  type RowCheck,
  type RowSink,
} from "@chatmill/export";
import type { annotateOnTheWay } from "./annotate-hook.js";
import { gradingOf } from "./grading.js";
import { preferencePairs, sameOutput, type Pair, type Side } from "./pairs.js";

export const DPO_FORMATS = ["openai", "trl", "sharegpt", "muse"] as const;
export type DpoFormat = (typeof DPO_FORMATS)[number];

export interface DpoOptions {
  format: DpoFormat;
  /** Keep a pair only when chosen's success rate beats rejected's by at least this much. */
  minMargin: number;
  system?: string | undefined;
  /** Seeds the grading of dialogues that arrive without tool-annotate's grades. */
  seed?: number;
}

export const dpoChecks: Record<DpoFormat, RowCheck> = {
  openai: checkOpenAIDpoRow,
  trl: checkTrlDpoRow,
  sharegpt: checkSharegptDpoRow,
  muse: checkMuseDpoRow,
};

/**
 * Grading on the way (annotate-hook.ts) loads tool-annotate, the domains and ajv: it is
 * loaded only when a dialogue needs it (dpoTransform loads it before the first dialogue
 * without grades; importing the package index loads it at once), so runs over annotated
 * input do not pay for it.
 */
let annotator: typeof annotateOnTheWay | undefined;

export function setAnnotator(f: typeof annotateOnTheWay): void {
  annotator = f;
}

export function annotatorLoaded(): boolean {
  return annotator !== undefined;
}

export async function loadAnnotator(): Promise<void> {
  if (!annotator) annotator = (await import("./annotate-hook.js")).annotateOnTheWay;
}

/** Grades one dialogue with the loaded hook (loadAnnotator first). */
export function annotate(d: Dialogue, seed?: number): ReturnType<typeof annotateOnTheWay> {
  if (!annotator) throw new Error("to-dpo: a dialogue needs grading on the way: call loadAnnotator() first (dpoTransform does)");
  return annotator(d, seed);
}

/** The preference rows of one dialogue. */
export function* dpoRows(input: Dialogue, opts: DpoOptions, sink: RowSink): Generator<unknown> {
  const grading = gradingOf(input);
  const { dialogue: d, hasGrades, annotated } = grading === "ungraded" ? annotate(input, opts.seed) : { dialogue: input, hasGrades: grading === "graded", annotated: false };
  if (annotated) sink.note("dialogues graded on the way");
  if (!hasGrades) sink.note("dialogues without grades");
  const pairs = preferencePairs(d);
  const full = new Map<string, ReturnType<typeof chatMessages>>();
  const chat = (key: "openai" | "trl") => {
    let c = full.get(key);
    if (!c) {
      c = key === "openai"
        ? chatMessages(d, { args: "string", system: opts.system, emptyContent: null })
        : chatMessages(d, { args: "object", system: opts.system, toolName: true, splitParallel: true, emptyContent: "" });
      full.set(key, c);
    }
    return c;
  };
  // Pairs of one call's alternatives share their prompt: the sharegpt prompt and tools text are made once.
  const memo: Memo = { conv: new Map() };
  for (const p of pairs) {
    if (sameOutput(p)) {
      sink.note("identical pairs skipped");
      continue;
    }
    if (p.margin < opts.minMargin) {
      sink.note("pairs below margin");
      continue;
    }
    sink.note(p.source === "alternative" ? "pairs from alternatives" : "pairs from recoveries");
    yield row(d, p, opts, chat, memo);
  }
}

/** The chat messages before source message `end` (the whole dialogue's conversion, cut). */
function before(c: ReturnType<typeof chatMessages>, end: number): ChatMessage[] {
  let k = 0;
  while (k < c.origin.length && c.origin[k]!.src < end) k++;
  return c.messages.slice(0, k);
}

interface Memo {
  conv: Map<number, ReturnType<typeof sharegptConversation>["conv"]>;
  toolsText?: string;
}

function row(d: Dialogue, p: Pair, opts: DpoOptions, chat: (key: "openai" | "trl") => ReturnType<typeof chatMessages>, memo: Memo): unknown {
  switch (opts.format) {
    case "openai": {
      const messages = before(chat("openai"), p.promptEnd);
      const tools = toolList(d);
      return {
        input: tools ? { messages, tools } : { messages },
        preferred_output: [openaiSide(p.chosen, p.promptEnd)],
        non_preferred_output: [openaiSide(p.rejected, p.promptEnd)],
      };
    }
    case "trl": {
      const messages = before(chat("trl"), p.promptEnd);
      return { prompt: messages, chosen: [trlSide(p.chosen, p.promptEnd)], rejected: [trlSide(p.rejected, p.promptEnd)], tools: toolList(d) ?? null };
    }
    case "sharegpt": {
      let conv = memo.conv.get(p.promptEnd);
      if (!conv) {
        const prefix: Dialogue = { ...d, messages: d.messages.slice(0, p.promptEnd) };
        conv = sharegptConversation(prefix, opts.system, { note: () => {}, reject: () => {} }).conv;
        memo.conv.set(p.promptEnd, conv);
      }
      const tools = toolList(d);
      const out = { conversations: conv, chosen: shareSide(p.chosen), rejected: shareSide(p.rejected) };
      return tools ? { ...out, tools: (memo.toolsText ??= JSON.stringify(tools)) } : out;
    }
    case "muse":
      return {
        context: museContext(d.messages, p.promptEnd).join("\n"),
        chosen: museSide(p.chosen),
        rejected: { ...museSide(p.rejected), defect: p.defect },
      };
  }
}

const callId = (at: number, k: number) => `call_${at}_${k}`;

function openaiSide(s: Side, at: number): ChatMessage {
  if (s.calls.length === 0) return { role: "assistant", content: s.content ?? "" };
  return {
    role: "assistant",
    content: s.content,
    tool_calls: s.calls.map((c, k) => ({ id: callId(at, k), type: "function", function: { name: c.name, arguments: JSON.stringify(c.arguments) } })),
  };
}

/** One assistant message per side; a parallel side keeps its first call (Llama 3.1 takes one). */
function trlSide(s: Side, at: number): ChatMessage {
  if (s.calls.length === 0) return { role: "assistant", content: s.content ?? "" };
  const c = s.calls[0]!;
  return { role: "assistant", content: s.content ?? "", tool_calls: [{ id: callId(at, 0), type: "function", function: { name: c.name, arguments: c.arguments } }] };
}

function shareSide(s: Side): { from: "gpt" | "function_call"; value: string } {
  return s.calls.length === 0 ? { from: "gpt", value: s.content ?? "" } : { from: "function_call", value: sharegptCallValue(s.calls) };
}

function museSide(s: Side): Record<string, unknown> {
  return {
    tool_calls: s.calls.map(museCall),
    ...(s.calls.length === 0 ? { text: s.content ?? "" } : {}),
    response: s.reply ?? null,
    success_rate: s.success_rate,
    result: s.result,
  };
}
