import type { ToolSession } from "@chatmill/domains";
import type { Message, Scenario } from "@chatmill/schema";
import type { Call, Domain, ToolResult } from "../../contract.js";
import { recordBefore, type Derived, type Write } from "./derive.js";
import { callKey, leaves, readTools, type ReadTool } from "./discover.js";
import { Seen, norm } from "./seen.js";

/** What happened besides the messages, for reports: values never grounded, facts never shown, calls refused. */
export interface TaskTrace {
  ungrounded: Array<{ action: number; name: string; missing: unknown[] }>;
  unsaid: string[];
  /** Facts said, and amounts used, with a working the engine searched for (not shown, not a gold calculation): they may match by chance. */
  searched: string[];
  /** Facts said, and amounts used, with a working derived from what was seen (derive.ts: a named total, a saving, what the writes came to, the price an action pays). */
  derived: Array<{ value: string; kind: Derived["kind"]; how: string }>;
  refused: Array<{ action: number; name: string; error: string }>;
  handedOff: boolean;
  identified: boolean;
}

/** Look-ups of seen ids made to find the numbers of a fact no result shows (the user's other orders), at most. */
export const MAX_EXPLORE_READS = 10;
/** Reads the discovery loop may make before one action, at most. */
export const MAX_READS_PER_ACTION = 12;
/** Retries of a call whose result said the service failed (timeout, server error). */
const RETRIES = 2;

/**
 * What a task dialogue has so far: its messages, what the assistant has seen, the calls and
 * writes made, and the trace. The user's and the assistant's words and every call go through
 * here, so that what was seen is recorded once, in order.
 */
export class TaskState {
  readonly messages: Message[] = [];
  readonly trace: TaskTrace = { ungrounded: [], unsaid: [], searched: [], derived: [], refused: [], handedOff: false, identified: false };
  protected readonly seen = new Seen();
  protected readonly made = new Set<string>();
  /** The writes made, with what their record looked like before: what they came to is derived from them. */
  protected readonly writes: Write[] = [];
  /** The reads made before the first write, in order: read again when a fact may have changed (a balance after a payment). */
  protected readonly readsBeforeWrites: Array<{ call: Call; shown: string[] }> = [];
  protected readonly reads: ReadTool[];
  protected readonly known: Record<string, string | number | boolean>;
  protected calls = 0;

  constructor(
    protected readonly scenario: Scenario,
    protected readonly domain: Domain,
    protected readonly session: ToolSession,
  ) {
    this.reads = readTools(domain);
    this.known = scenario.task?.instructions?.known ?? {};
  }

  // ---- the user's side --------------------------------------------------------------------

  protected user(content: string, tagged: Record<string, string | number | boolean> = {}, intent?: string): void {
    this.messages.push({ role: "user", content, ...(intent ? { labels: { intent } } : {}) } as Message);
    this.seen.addUser(content, tagged);
  }

  /** The known facts that answer a request for these parameters, by name (first_name ~ first name); a second email (email_2) is kept back until asked. */
  protected knownFor(params: string[]): Record<string, string | number | boolean> {
    const out: Record<string, string | number | boolean> = {};
    const wanted = new Set(params.map(norm));
    for (const [k, v] of Object.entries(this.known)) if (!/_\d+$/.test(k) && wanted.has(norm(k))) out[k] = v;
    return out;
  }

  // ---- the assistant's side ---------------------------------------------------------------

  /**
   * The assistant's words. Said right after its own words ("Done." and then the facts), they
   * join that message: an assistant turn is one message, never two in a row.
   */
  protected assistant(content: string): void {
    const last = this.speaking();
    if (last) last.content = `${last.content as string} ${content}`;
    else this.messages.push({ role: "assistant", content } as Message);
  }

  /** The last message when it is the assistant's text with no call yet: the turn that is still open. */
  protected speaking(): (Message & { content: string }) | undefined {
    const last = this.messages.at(-1) as (Message & { tool_calls?: unknown[] }) | undefined;
    return last?.role === "assistant" && !last.tool_calls?.length && typeof last.content === "string" ? (last as Message & { content: string }) : undefined;
  }

  /** One call as the dialogue shows it; a result saying the service failed is retried. */
  protected call(call: Call): ToolResult {
    let res: ToolResult | undefined;
    for (let attempt = 0; attempt <= RETRIES; attempt++) {
      const id = `call_${++this.calls}`;
      // A call made right after the assistant's words goes with them, as one message (the words
      // say what it is about to do: "I'm transferring you now").
      const tool_calls = [{ id, name: call.name, arguments: call.arguments }];
      const open = this.speaking();
      if (open) (open as Message & { tool_calls?: unknown[] }).tool_calls = tool_calls;
      else this.messages.push({ role: "assistant", content: null, tool_calls } as Message);
      res = this.session.call(call, { transcript: this.messages });
      const tool: Record<string, unknown> = { role: "tool", tool_call_id: id, name: call.name, content: res.content, ok: res.ok };
      if (res.error) tool.error = { type: res.error.type, message: res.error.message };
      if (res.injected) tool.injected = res.injected;
      this.messages.push(tool as Message);
      this.made.add(callKey(call));
      const role = this.domain.roleOf(call.name);
      if (res.ok && role === "act") this.writes.push({ args: call.arguments, before: recordBefore(call.arguments, res.data, this.seen.results), after: res.data });
      if (res.ok && (role === "lookup" || role === "search") && this.writes.length === 0) this.readsBeforeWrites.push({ call, shown: leaves(res.data).filter((v): v is string => typeof v === "string") });
      if (res.ok) this.seen.addResult(res.content, res.data);
      // Only what the result says decides a retry: a timeout or server error, as its text shows.
      if (res.ok || !/timeout|server_error/.test(res.error?.type ?? "")) break;
    }
    return res!;
  }

}
