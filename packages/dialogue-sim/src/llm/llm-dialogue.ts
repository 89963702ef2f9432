import type { Rng } from "@chatmill/kit";
import { roleSettings, type ChatMessage, type Llm, type ToolDefinition } from "@chatmill/llm";
import { judgedOutcome } from "@chatmill/domains";
import type { Dialogue, Message, Scenario } from "@chatmill/schema";
import { CONTEXT_NAME, contextText, placeContext, type ContextRole } from "../context.js";
import type { Call, Domain, Expectation, Session } from "../contract.js";
import { bookingTable, checkOutcome } from "../engine/outcome.js";
import { agrees, resultRowsOfTool } from "../engine/rows.js";
import { offlineSetup } from "../engine/offline/run.js";
import type { Trace } from "../engine/offline/transcript.js";
import { ToolIndex } from "../engine/tools.js";
import { callIntent, replyLabels, type Labels } from "./labels.js";
import { assistantSystemPrompt, LAST_TURN_NOTE, notDoneNote, OPEN_NOTE, userSystemPrompt } from "./prompts.js";
import { ShownRows, type ShownRow } from "./shown-rows.js";
import { checkTranscript, cleanUserText, TranscriptError } from "./transcript.js";
import { userTurnSchema, type UserStatus, type UserTurn } from "./user-turn.js";

export interface LlmEngineOptions {
  failureRate: number;
  contextRole: ContextRole;
  createSession: (domain: Domain, opts: { failureRate: number; rng: Rng }) => Session;
  tool: string;
  version: string;
  seed: number;
  /** Tool-call rounds the assistant may make before it must answer in text (default 4). */
  maxToolRounds?: number;
  /** Times a user who ends too early is sent back into the conversation (default 2). */
  nudges?: number;
}

/**
 * One scenario → one Dialogue with two models: a user simulator that sees the persona and the
 * hidden goal, and an assistant that sees only its system prompt, the tools and the
 * conversation. Tool calls run on the dialogue's own session exactly as in the offline engine,
 * with the same failure injection. Every answer goes through the LLM layer's cache, and every
 * random choice comes from `rng`, so a resumed run makes the same dialogue from cached answers.
 * Throws TranscriptError when the transcript cannot be made valid, LlmError when the models
 * keep failing: the caller dead-letters the record with the reason.
 */
export async function llmDialogue(scenario: Scenario, domain: Domain, llm: Llm, rng: Rng, opts: LlmEngineOptions): Promise<Dialogue> {
  const conversation = new LlmConversation(scenario, domain, llm, rng, opts);
  await conversation.run();
  return conversation.dialogue();
}

/** The key of a dialogue's requests in the LLM layer (usage accounting, per-call seeds). */
export function llmRecordId(scenario: Scenario, domain: Domain): string {
  return `${domain.name}/${scenario.id}`;
}

class LlmConversation {
  private readonly session: Session;
  private readonly transcript: Message[] = [];
  private readonly shown: ShownRows;
  private readonly index: ToolIndex;
  private readonly tools: ToolDefinition[];
  private readonly system: string;
  private readonly context: string;
  private readonly userPrompt: string;
  private readonly schema: ReturnType<typeof userTurnSchema>;
  private readonly setup: { setup: Call[]; refs: Trace["refs"] };
  private readonly setupKeys: Set<string>;
  private readonly prefix: string;
  private readonly trace: Trace;
  private readonly acceptedKeys = new Set<string>();
  private lastMentioned: ShownRow[] = [];
  private userTurns = 0;
  private calls = 0;
  private toolCalls = 0;
  private nudgesLeft: number;
  private nudged = 0;
  private endedBy: "user" | "turn_budget" = "user";
  /** The key of this dialogue's requests in the LLM layer's accounting (and their seeds). */
  private readonly recordId: string;

  constructor(
    private readonly scenario: Scenario,
    private readonly domain: Domain,
    private readonly llm: Llm,
    rng: Rng,
    private readonly opts: LlmEngineOptions,
  ) {
    this.session = opts.createSession(domain, { failureRate: opts.failureRate, rng: rng.fork("failures") });
    // The bookings that exist before the conversation are made by the offline engine's own code.
    this.setup = offlineSetup(scenario, domain, this.session, rng.fork("dialogue"));
    const inserted = this.session.writes.filter((w) => w.op === "insert").map((w) => w.key);
    this.setupKeys = new Set(inserted);
    const bookings = this.setup.setup.flatMap((call, i) => (inserted[i] ? [{ call, ref: inserted[i]! }] : []));
    this.trace = { accepted: [], refs: new Map(this.setup.refs), escalated: false, gaveUp: false, infoShown: new Set(), setup: this.setup.setup, failures: 0, recovered: 0 };
    this.shown = new ShownRows(domain);
    this.index = ToolIndex.of(domain);
    // Of the tools declared role handoff, the model is offered only the pack's one hand-off tool.
    const handoff = domain.handoffTool;
    this.tools = domain.tools.filter((t) => domain.roleOf(t.function.name) !== "handoff" || t.function.name === handoff) as ToolDefinition[];
    this.system = assistantSystemPrompt(domain);
    this.context = contextText(scenario);
    this.userPrompt = userSystemPrompt({ scenario, domain, bookings });
    this.schema = userTurnSchema(domain, scenario.emotions.user);
    this.prefix = `call_${rng.fork("ids").u32().toString(36)}`;
    this.nudgesLeft = opts.nudges ?? 2;
    // Scenario ids repeat across domains (they come from the persona and the seed), so the domain is part of the key.
    this.recordId = llmRecordId(scenario, domain);
  }

  private get maxTurns(): number {
    return Math.max(1, this.scenario.turns.max);
  }

  async run(): Promise<void> {
    for (;;) {
      const status = await this.userTurn();
      const budget = this.userTurns >= this.maxTurns;
      if (status === "escalate") this.trace.escalated = true;
      if (status === "give_up") this.trace.gaveUp = true;
      if (budget && status === "continue") this.endedBy = "turn_budget";
      const ending = status !== "continue" || budget;
      await this.assistantTurn(ending);
      if (status === "goal_met") this.acceptLastShown();
      if (ending) return;
    }
  }

  dialogue(): Dialogue {
    const usage = this.llm.takeMeta(this.recordId);
    const messages = placeContext([{ role: "system", content: this.system }, ...this.transcript], this.context, this.opts.contextRole);
    // With a task, the checker decides from the transcript (as audit will); the trace-based check stays for scenarios without one.
    const task = this.scenario.task;
    const outcome = task ? judgedOutcome(this.domain, task, messages, this.setup.setup) : checkOutcome(this.scenario, this.domain, this.session, this.traceForOutcome());
    const dialogue = {
      id: `dlg_${this.scenario.id}`,
      scenario: this.scenario,
      domain: this.domain.name,
      tools: this.domain.tools,
      messages,
      outcome,
      meta: {
        engine: "openai",
        tool: this.opts.tool,
        version: this.opts.version,
        seed: this.opts.seed,
        models: { user: roleSettings(this.llm.config, "user").model ?? "", assistant: roleSettings(this.llm.config, "assistant").model ?? "" },
        usage: {
          prompt_tokens: usage?.usage.prompt_tokens ?? 0,
          completion_tokens: usage?.usage.completion_tokens ?? 0,
          requests: usage?.usage.calls ?? 0,
          ...(usage?.usage.cost_usd !== undefined ? { cost: usage.usage.cost_usd } : {}),
          ...(usage?.usage.estimated ? { estimated: true } : {}),
        },
        failure_rate: this.opts.failureRate,
        ...(this.setup.setup.length > 0 ? { setup: this.setup.setup } : {}),
        state_digest: this.session.digest(),
        ended_by: this.endedBy,
        ...(this.nudged > 0 ? { early_end_nudges: this.nudged } : {}),
      },
    } as Dialogue;
    const problem = checkTranscript(dialogue, this.maxTurns);
    if (problem) throw new TranscriptError(problem);
    return dialogue;
  }

  // ---- the user simulator -------------------------------------------------------------------

  private async userTurn(): Promise<UserStatus> {
    const last = this.userTurns + 1 >= this.maxTurns;
    let note = last ? LAST_TURN_NOTE : undefined;
    for (;;) {
      const turn: UserTurn = await this.llm.json("user", this.userView(note), this.schema, { recordId: this.recordId, name: "user_turn" });
      const text = cleanUserText(turn.message);
      if (!text) throw new TranscriptError("the user model's message was empty once cleaned of role names and quotes");
      const missing = turn.status !== "continue" && !last ? this.missingWork(turn.status) : undefined;
      if (missing && this.nudgesLeft > 0) {
        // Guard: a simulated user that says goodbye before the assistant did the work makes useless data.
        this.nudgesLeft--;
        this.nudged++;
        note = notDoneNote(missing);
        continue;
      }
      this.userTurns++;
      const labels: Labels = { intent: turn.intent, emotion: turn.emotion };
      if (turn.variation !== "none") labels.variation = turn.variation;
      this.transcript.push({ role: "user", content: text, labels } as Message);
      for (const r of this.shown.mentionedIn(text)) this.accept(r);
      return turn.status;
    }
  }

  /** What the user simulator sees: its own messages as the assistant's, the assistant's text as the user's; no tools. */
  private userView(note: string | undefined): ChatMessage[] {
    const out: ChatMessage[] = [{ role: "system", content: this.userPrompt }, { role: "user", content: OPEN_NOTE }];
    const add = (role: "user" | "assistant", text: string) => {
      const prev = out[out.length - 1]!;
      if (prev.role === role) prev.content = `${String(prev.content)}\n\n${text}`;
      else out.push({ role, content: text });
    };
    for (const m of this.transcript) {
      if (m.role === "user") add("assistant", m.content);
      else if (m.role === "assistant" && typeof m.content === "string" && m.content.trim() && m.name !== CONTEXT_NAME) add("user", m.content);
    }
    if (note) add("user", note);
    return out;
  }

  /** Why ending now would be premature, or undefined when the assistant has done its part. */
  private missingWork(status: UserStatus): string | undefined {
    if (this.toolCalls === 0) return "the assistant has not looked anything up for you yet";
    if (status !== "goal_met") return undefined;
    for (const e of this.scenario.goal.end_state) {
      const op = e.type === "booking_created" ? "insert" : e.type === "booking_modified" || e.type === "booking_cancelled" ? "update" : undefined;
      if (!op) continue;
      const table = this.writtenTable(e);
      const done = this.session.writes.some((w) => w.op === op && (!table || w.table === table) && !(op === "insert" && this.setupKeys.has(w.key)));
      if (!done) return `the assistant has not ${e.type === "booking_created" ? "made the booking" : e.type === "booking_modified" ? "changed your booking" : "cancelled your booking"} yet`;
    }
    return undefined;
  }

  // ---- the assistant ------------------------------------------------------------------------

  private async assistantTurn(last: boolean): Promise<void> {
    const maxRounds = this.opts.maxToolRounds ?? 4;
    let failed = false;
    let acted = false;
    let okResult = false;
    for (let round = 0; ; round++) {
      const force = round >= maxRounds;
      const view = placeContext([{ role: "system", content: this.system }, ...this.transcript], this.context, this.opts.contextRole) as ChatMessage[];
      const a = await this.llm.withTools("assistant", view, this.tools, { recordId: this.recordId, ...(force ? { toolChoice: "none" } : {}) });
      if (a.toolCalls.length > 0 && !force) {
        const calls = a.toolCalls.map((c) => ({ id: `${this.prefix}_${++this.calls}`, name: c.name, arguments: c.arguments }));
        const labels: Labels = { intent: callIntent(this.index.byName(calls[0]!.name)?.op), emotion: failed ? "apologetic" : this.scenario.emotions.assistant };
        if (failed) labels.variation = "failure_recovery";
        this.transcript.push({ role: "assistant", content: a.content.trim() || null, tool_calls: calls, labels } as Message);
        for (const c of calls) {
          this.toolCalls++;
          const writes = this.session.writes.length;
          // With the conversation so far: the pack's confirmation rule is judged from it.
          const res = this.session.call({ name: c.name, arguments: c.arguments }, { transcript: this.transcript });
          const tool: Record<string, unknown> = { role: "tool", tool_call_id: c.id, name: c.name, content: res.content, ok: res.ok };
          if (res.error) tool.error = { type: res.error.type, message: res.error.message };
          if (res.injected) tool.injected = res.injected;
          this.transcript.push(tool as Message);
          const broken = !res.ok || res.injected === "empty" || res.injected === "partial";
          if (broken) {
            this.trace.failures++;
            failed = true;
            continue;
          }
          if (failed) this.trace.recovered++;
          okResult = true;
          if (this.session.writes.length > writes) acted = true;
          this.shown.add(this.index.byName(c.name)?.table, res.content, c.id, resultRowsOfTool(this.domain, c.name));
        }
        continue;
      }
      // A server that ignores tool_choice "none" still gets a text turn, or the record fails.
      const text = a.content.trim();
      if (!text) throw new TranscriptError(`the assistant model kept calling tools after ${maxRounds} rounds and wrote no reply`);
      const mentions = this.shown.mentionedIn(text);
      const labels = replyLabels({ text, mentions: mentions.length, acted, afterFailure: failed, last, escalated: this.trace.escalated }, this.scenario.emotions.assistant);
      const msg: Record<string, unknown> = { role: "assistant", content: text, labels };
      if (mentions.length > 0) {
        msg.grounding = mentions.map((m) => ({ item_id: m.key, ...(m.name ? { name: m.name } : {}), table: m.table, call_id: m.callId, ...(m.image ? { image: m.image } : {}) }));
        for (const m of mentions) this.trace.infoShown.add(`${m.table}\u0000${m.key}`);
        this.lastMentioned = mentions;
      }
      if (okResult) this.trace.infoShown.add("topic\u0000answered");
      this.transcript.push(msg as Message);
      return;
    }
  }

  // ---- what the outcome check needs ---------------------------------------------------------

  private accept(r: ShownRow): void {
    const id = `${r.table}\u0000${r.key}`;
    if (this.acceptedKeys.has(id)) return;
    this.acceptedKeys.add(id);
    this.trace.accepted.push({ table: r.table, row: r.row });
  }

  /** A user who is satisfied without naming an item took what the assistant showed last. */
  private acceptLastShown(): void {
    if (this.acceptedKeys.size === 0) for (const r of this.lastMentioned) this.accept(r);
  }

  private traceForOutcome(): Trace {
    for (const e of this.scenario.goal.end_state) {
      if (e.type !== "booking_created" || this.trace.refs.has(e)) continue;
      const table = this.writtenTable(e);
      const made = this.session.writes.filter((w) => w.op === "insert" && (!table || w.table === table) && !this.setupKeys.has(w.key));
      const ref = (made.find((w) => w.row && agrees(w.row, e.match)) ?? made[made.length - 1])?.key;
      if (ref) this.trace.refs.set(e, ref);
    }
    return this.trace;
  }

  /** The table the expectation's booking tool writes. */
  private writtenTable(e: Expectation): string | undefined {
    return bookingTable(this.domain, this.domain.services.find((x) => x.name === e.service), e.type);
  }
}
