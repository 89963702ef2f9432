import type { SetupCall } from "@chatmill/domains";
import type { Message, Scenario, SharedImage } from "@chatmill/schema";
import type { Call, Row, Session, ToolResult } from "../../contract.js";
import type { Lang } from "../../phrases/describe.js";
import { joinSentences } from "../../phrases/grammar.js";
import type { Shown } from "../present.js";

type Expectation = Scenario["goal"]["end_state"][number];
type Labels = { intent: string; emotion: string; variation?: string };

/** User intents that are not a request: small talk and the goodbye (thanks, giving up, keeping a booking as it is). */
export const NOT_A_REQUEST: ReadonlySet<string> = new Set(["chit_chat", "farewell", "thanks"]);

/** What the simulation observed (the setup calls go on the record; the rest is for the LLM engine's trace-based outcome). */
export interface Trace {
  /** Items the user accepted (chose or booked), with the table they come from. */
  accepted: Array<{ table: string; row: Row }>;
  /** Ids of rows the session wrote for each expectation (booking refs). */
  refs: Map<Expectation, string>;
  escalated: boolean;
  gaveUp: boolean;
  infoShown: Set<string>;
  /** As made: on a live backend, with its keys (and `created`, the key it gave a row the plan named otherwise). */
  setup: SetupCall[];
  failures: number;
  recovered: number;
}

/**
 * The dialogue as it is written down: messages with their labels, the ids of tool calls, the
 * calls run on the dialogue's session, the turn count and what the run observed (the trace).
 * It decides nothing: the user agent and the assistant policy say what goes in.
 *
 * One assistant turn is one message, as OpenAI-format assistants write it: what the assistant
 * says after its own words, before the user or a tool speaks, goes into the same message — a
 * second text is joined to the first, a tool call carries the text that announced it.
 */
export class Transcript {
  readonly messages: Message[] = [];
  readonly trace: Trace = { accepted: [], refs: new Map(), escalated: false, gaveUp: false, infoShown: new Set(), setup: [], failures: 0, recovered: 0 };
  /** The user's current emotion, on every user message's labels (the user agent changes it as things go). */
  emotion: string;
  userTurns = 0;
  /** User messages other than small talk and the goodbye. */
  requests = 0;
  private calls = 0;

  constructor(
    private readonly session: Session,
    private readonly scenario: Scenario,
    private readonly assistantEmotion: string,
    private readonly callPrefix: string,
    /** The language texts of one turn are joined in (the sentence mark between them). */
    private readonly lang: Lang = "en",
    /** The user's register, applied to every line the user says, whoever composed it (Voice.register). */
    private readonly userRegister: (text: string) => string = (text) => text,
  ) {
    this.emotion = scenario.emotions.user;
  }

  get maxTurns(): number {
    return Math.max(2, this.scenario.turns.max);
  }

  get minTurns(): number {
    return Math.min(this.scenario.turns.min, this.maxTurns);
  }

  turnsLeft(): number {
    return this.maxTurns - this.userTurns;
  }

  userSay(content: string, intent: string, variation?: string, images?: SharedImage[]): void {
    this.userTurns++;
    if (!NOT_A_REQUEST.has(intent)) this.requests++;
    const labels: Labels = { intent, emotion: this.emotion };
    if (variation) labels.variation = variation;
    const said = this.userRegister(content);
    this.messages.push(images && images.length > 0 ? { role: "user", content: said, images, labels } : { role: "user", content: said, labels });
  }

  assistantSay(content: string, intent: string, variation?: string, grounding?: Shown[]): void {
    const labels: Labels = { intent, emotion: variation === "failure_recovery" ? "apologetic" : this.assistantEmotion };
    if (variation) labels.variation = variation;
    const msg: Record<string, unknown> = { role: "assistant", content, labels };
    if (grounding && grounding.length > 0) {
      msg.grounding = grounding.map((g) => ({ item_id: g.key, name: g.name, table: g.table, call_id: g.callId, ...(g.image ? { image: g.image } : {}) }));
    }
    this.pushAssistant(msg);
  }

  /**
   * Whether the assistant has the floor: the last message is its own words, with no call, so
   * what it says or calls next is part of the same turn (and needs no acknowledgement of its own).
   */
  assistantSpeaking(): boolean {
    return this.openText() !== undefined;
  }

  private openText(): Record<string, unknown> | undefined {
    const last = this.messages[this.messages.length - 1] as Record<string, unknown> | undefined;
    return last && last.role === "assistant" && !last.tool_calls ? last : undefined;
  }

  /**
   * An assistant message, joined to the assistant's words just before it when there are some:
   * the texts in order, the later message's calls and labels (the earlier variation kept when
   * the later has none, as a correction's acknowledgement that a search then follows), and the
   * items both grounded.
   */
  private pushAssistant(msg: Record<string, unknown>): void {
    const open = this.openText();
    if (!open) {
      this.messages.push(msg as Message);
      return;
    }
    this.messages.pop();
    const texts = [open.content, msg.content].filter((c): c is string => typeof c === "string" && c.trim() !== "");
    const labels = { ...(msg.labels as Labels) };
    const earlier = (open.labels as Labels | undefined)?.variation;
    if (!labels.variation && earlier) labels.variation = earlier;
    type G = { item_id: string; call_id: string };
    const grounding: G[] = [];
    for (const g of [...((open.grounding as G[] | undefined) ?? []), ...((msg.grounding as G[] | undefined) ?? [])]) {
      if (!grounding.some((x) => x.item_id === g.item_id && x.call_id === g.call_id)) grounding.push(g);
    }
    const merged: Record<string, unknown> = { ...msg, content: texts.length > 0 ? joinSentences(texts, this.lang) : msg.tool_calls ? null : "", labels };
    if (grounding.length > 0) merged.grounding = grounding;
    this.messages.push(merged as Message);
  }

  /** The text of the last message (what the user reads before answering). */
  lastText(): string {
    return String(this.messages[this.messages.length - 1]!.content);
  }

  /** One tool call as the dialogue shows it: an assistant message with the call, then the result. */
  exec(call: Call, content: string | null, intent: string, variation?: string): { res: ToolResult; id: string } {
    return this.execAll([call], content, intent, variation)[0]!;
  }

  /**
   * Calls made together, as people expect when two things are looked up at once: one assistant
   * message with every call, then each result in the order of the calls.
   */
  execAll(calls: readonly Call[], content: string | null, intent: string, variation?: string): Array<{ res: ToolResult; id: string }> {
    const ids = calls.map(() => `${this.callPrefix}_${++this.calls}`);
    const labels: Labels = { intent, emotion: variation === "failure_recovery" ? "apologetic" : this.assistantEmotion };
    if (variation) labels.variation = variation;
    const toolCalls = calls.map((call, i) => ({ id: ids[i]!, name: call.name, arguments: call.arguments }));
    this.pushAssistant({ role: "assistant", content: content || null, tool_calls: toolCalls, labels });
    return calls.map((call, i) => {
      // The conversation so far goes with the call: the pack's confirmation rule is judged from it.
      const res = this.session.call(call, { transcript: this.messages });
      const tool: Record<string, unknown> = { role: "tool", tool_call_id: ids[i]!, name: call.name, content: res.content, ok: res.ok };
      if (res.error) tool.error = { type: res.error.type, message: res.error.message };
      if (res.injected) tool.injected = res.injected;
      this.messages.push(tool as Message);
      return { res, id: ids[i]! };
    });
  }
}
