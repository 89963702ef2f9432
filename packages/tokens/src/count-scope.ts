import { MessageMemo, type ChatMsg } from "./conversation.js";

/**
 * What the rows of one dialogue share, remembered by object: the messages converted from each
 * row object, and (Qwen2.5 and the OpenAI encodings) the tokens of the system turn and of each
 * turn. A per-turn row then costs a lookup per message instead of rendering and splitting the
 * whole conversation again. Exact: see qwen25Turns. Make one per dialogue, and do not change
 * a row's objects after counting it.
 */
export class CountScope {
  readonly messages = new MessageMemo();
  /**
   * The header (its bound, and its tokens once counted) by tool list (or NO_TOOLS), then by the
   * system message object (NO_SYSTEM for none); a miss asks the counter, which remembers them by
   * content across dialogues.
   */
  readonly headers = new Map<object, Map<object, HeaderCount>>();
  /**
   * By a turn's first message: the turn (its other turns starting there, a longer or shorter run
   * of tool results, linked from it). Maps, not WeakMaps: a scope lives for one dialogue, and
   * weak entries cost every garbage collection while it lives.
   */
  readonly turns = new Map<ChatMsg, TurnCount>();
  /**
   * The last conversation counted: its messages, its turns, where each ends, and the sums of the
   * turns before each (`atMost[k]`: turns 0..k-1, each by its tokens or, not counted yet, its
   * bound). The next row mostly starts with the same messages: it keeps these lists (cut to what
   * it shares, in place) and adds its own turns, so a row costs its new turns, not its length.
   */
  last: { messages: readonly ChatMsg[]; turns: TurnCount[]; ends: number[]; atMost: number[] } | undefined;
}

/** A turn in a CountScope: its exact tokens once counted; before that its text and an upper bound (Encoder.bound). */
export interface TurnCount {
  /** How many messages (more than one: a run of tool results). */
  size: number;
  /** The messages after the first (undefined for a turn of one message). */
  rest: ChatMsg[] | undefined;
  tokens: number | undefined;
  bound: number;
  text: string | undefined;
  /** Another turn that starts with the same message. */
  other: TurnCount | undefined;
}

/** A header's text, its bound and (once counted) its tokens: one object for every scope that meets the header. */
export interface HeaderCount {
  text: string;
  bound: number;
  tokens: number | undefined;
}
