import { chatMessages, type ChatMessage, type ExportFormat } from "@chatmill/export/rows";
import type { Dialogue, ShareMsg, ToolsAs } from "@chatmill/export/rows";
import type { Pair, Side } from "../pairs.js";

export interface DpoOptions {
  /** Keep a pair only when chosen's success rate beats rejected's by at least this much. */
  minMargin: number;
  system?: string | undefined;
  /** Seeds the grading of dialogues that arrive without tool-annotate's grades. */
  seed?: number;
  /** How trl rows carry `tools`. */
  toolsAs: ToolsAs;
}

/** What the pairs of one dialogue share: its conversions, made once, on first use. */
export class PairContext {
  private readonly chats = new Map<string, ReturnType<typeof chatMessages>>();
  /** sharegpt prompts by prompt end (pairs of one call's alternatives share their prompt). */
  readonly sharegpt = new Map<number, ShareMsg[]>();
  /** The sharegpt prompt made last (the next one starts with the same turns, which it takes over). */
  lastSharegpt?: ShareMsg[];
  toolsText?: string;
  /** Each side's row value, by side object: a call's chosen side is one object in the pairs of all its alternatives. */
  private readonly sides = new Map<Side, { at: number; value: unknown }>();
  constructor(
    readonly d: Dialogue,
    readonly opts: DpoOptions,
  ) {}

  /**
   * A side's value in a row, made once per side and prompt end: the pairs sharing it then share
   * the object, which the row serializer writes once and --max-tokens counts once. (Rows are
   * not changed after they are made: a cut to fit --max-tokens copies what it changes.)
   */
  side<T>(s: Side, at: number, make: (s: Side, at: number) => T): T {
    const hit = this.sides.get(s);
    if (hit && hit.at === at) return hit.value as T;
    const value = make(s, at);
    this.sides.set(s, { at, value });
    return value;
  }

  /** The whole dialogue in a chat convention, keyed by the caller (the options must not vary per key). */
  chat(key: string, make: (d: Dialogue) => ReturnType<typeof chatMessages>): ReturnType<typeof chatMessages> {
    let c = this.chats.get(key);
    if (!c) this.chats.set(key, (c = make(this.d)));
    return c;
  }
}

/** The chat messages before source message `end` (the whole dialogue's conversion, cut). */
export function before(c: ReturnType<typeof chatMessages>, end: number): ChatMessage[] {
  let k = 0;
  while (k < c.origin.length && c.origin[k]!.src < end) k++;
  return c.messages.slice(0, k);
}

export const callId = (at: number, k: number) => `call_${at}_${k}`;

export interface DpoFormat extends ExportFormat<DpoOptions> {
  /** The row of one preference pair. */
  pairRow(pc: PairContext, p: Pair): unknown;
}
