import type { TranscriptMessage } from "../contract.js";

/**
 * What a checker reads from a dialogue: the calls in the order they were made, each with the
 * result the assistant saw, and what the assistant said. Built from the messages alone, so the
 * same judgement applies to offline, LLM and imported dialogues.
 */

/** One call as recorded: its arguments and, when the dialogue holds one, its result. */
export interface RecordedCall {
  id?: string;
  name: string;
  arguments: Record<string, unknown>;
  result?: { content: string; ok?: boolean; injected?: string };
  /** Index of the assistant message that made the call, in `Transcript.messages`. */
  at?: number;
}

/** A call that built the starting state (meta.setup); `created`: the key a live backend gave the row it made. */
export interface SetupCall {
  name: string;
  arguments: Record<string, unknown>;
  created?: string;
}

export interface Transcript {
  /** Calls that built the world the conversation starts in (a booking a "cancel my booking" user already has): run first, on every session the checker compares. */
  setup?: ReadonlyArray<SetupCall>;
  calls: RecordedCall[];
  /** The assistant's texts to the user, in order (tool-call arguments are not "said"). */
  said: string[];
  /** The messages the calls were read from: a re-run call sees the conversation up to its own message, as the pack's policy (a yes before a write) did when it ran. */
  messages?: ReadonlyArray<TranscriptMessage>;
}

/**
 * Pairs every call with the tool message that answers it (by id), in call order. `setup` is
 * the dialogue's starting state as calls (a Dialogue's `meta.setup`).
 */
export function transcriptOf(messages: ReadonlyArray<TranscriptMessage>, setup?: ReadonlyArray<SetupCall>): Transcript {
  const calls: RecordedCall[] = [];
  const said: string[] = [];
  const byId = new Map<string, RecordedCall>();
  messages.forEach((m, at) => {
    if (m.role === "assistant") {
      if (typeof m.content === "string" && m.content.trim() !== "") said.push(m.content);
      for (const c of m.tool_calls ?? []) {
        const call: RecordedCall = { name: c.name, arguments: asObject(c.arguments), at };
        if (c.id !== undefined) {
          call.id = c.id;
          byId.set(c.id, call);
        }
        calls.push(call);
      }
    } else if (m.role === "tool" && m.tool_call_id !== undefined) {
      const call = byId.get(m.tool_call_id);
      if (!call || call.result) return;
      call.result = { content: typeof m.content === "string" ? m.content : "" };
      if (m.ok !== undefined) call.result.ok = m.ok;
      if (typeof m.injected === "string") call.result.injected = m.injected;
    }
  });
  return { ...(setup && setup.length > 0 ? { setup } : {}), calls, said, messages };
}

function asObject(args: unknown): Record<string, unknown> {
  if (typeof args === "string") {
    try {
      args = JSON.parse(args);
    } catch {
      return { __unparsed__: args };
    }
  }
  return args && typeof args === "object" && !Array.isArray(args) ? (args as Record<string, unknown>) : {};
}
