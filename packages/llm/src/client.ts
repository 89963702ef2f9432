import { Rng, UsageError, type ParsedValue, type RunContext } from "@chatmill/kit";
import { z } from "zod";
import { Accounting, type RecordUsage } from "./accounting.js";
import type { CallOptions, ChatAnswer, ChatRequest, CreateLlmOptions, JsonOptions, LlmMeta, ToolOptions } from "./call-types.js";
import { basicProblem, estimate, readCompletion, type RawCompletion } from "./completion.js";
import { DiskCache } from "./cache.js";
import { requestKey } from "./canonical.js";
import { checkConfig, resolveConfig, roleSettings, type LlmConfig } from "./config.js";
import type { RoundSink } from "./batch/requests.js";
import { BatchPending, LlmError, UnsupportedFeature } from "./errors.js";
import { JsonPoster } from "./http.js";
import { Limiter } from "./limiter.js";
import { extractJson, textOf, toHermes, toWire, type ChatMessage, type ToolDefinition, type WireMessage } from "./messages.js";
import { makeRedactor } from "./redact.js";
import { drainOnSignal } from "./signals.js";
import { Transport } from "./transport.js";
import { drawSampled, messagesHash, type Sampled, type SampledName } from "./sampling.js";

/**
 * The LLM client every generating tool shares: one OpenAI-compatible endpoint, per-role
 * settings, adaptive rate limiting, retries, repair prompts, structured output, tool
 * calls, the on-disk answer cache and the accounting.
 */
export class Llm {
  readonly limiter: Limiter;
  readonly accounting: Accounting;
  readonly redact: (text: string) => string;
  /** The answer cache (--cache); batch mode writes the answers of its batches into it. */
  readonly cache: DiskCache | undefined;
  /** The one HTTP client of the run (batch mode's file and batch calls use it too). */
  readonly http: JsonPoster;
  /** Batch mode: a request not in the cache joins the round's batch instead of being sent. */
  rounds: RoundSink | undefined;
  /** While above 0, close() waits (batch mode runs a tool's transform once per round). */
  private holds = 0;
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly unsupported = new Set<"response_format" | "tools">();
  /** Each role's layered settings, worked out once (the config does not change during a run). */
  private readonly settings = new Map<string, ReturnType<typeof roleSettings>>();
  private readonly transport: Transport;
  private removeSignals: (() => void) | undefined;

  constructor(
    readonly config: LlmConfig,
    private readonly ctx: RunContext,
    opts: { signals?: boolean } = {},
  ) {
    this.redact = makeRedactor([config.apiKey]);
    this.limiter = new Limiter({ concurrency: config.concurrency, rpm: config.rpm, tpm: config.tpm });
    this.accounting = new Accounting(config.prices, ctx.counters);
    this.cache = config.cacheDir ? new DiskCache(config.cacheDir) : undefined;
    this.http = new JsonPoster(config.baseURL);
    this.transport = new Transport(config, this.http, this.limiter, this.cache, this.accounting, this.redact);
    if (opts.signals !== false && this.cache) this.removeSignals = drainOnSignal(this.limiter, (m) => ctx.warn(m));
  }

  /**
   * Records to work on at once (mapConcurrent's concurrency): four times the requests in
   * flight, which the limiter bounds. In input order, a record waiting out a retry holds
   * back the finished ones behind it; the wider window keeps the requests flowing meanwhile.
   */
  get concurrency(): number {
    // --batch: every record in flight waits on at most one request, so this bounds a round's batch.
    if (this.config.batch?.mode === "api") return this.config.batch.size;
    return this.config.concurrency * 4;
  }

  /** Whether records come out in input order (default) or as they finish. */
  get ordered(): boolean {
    return this.config.emit === "ordered";
  }

  /** A plain chat completion; empty, cut-off and refused answers are repaired. */
  async chat(role: string, request: ChatRequest, opts: CallOptions = {}): Promise<ChatAnswer> {
    return this.converse(role, request, request.messages, opts, (messages) => ({ messages: toWire(messages) }), (a) => ({ value: a }), opts.repair === false);
  }

  /** An answer that is JSON matching `schema`: response_format json_schema, or the schema in the prompt. */
  async json<T>(role: string, messages: ChatMessage[], schema: z.ZodType<T>, opts: JsonOptions = {}): Promise<T> {
    const jsonSchema = opts.jsonSchema ?? stripMeta(z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as Record<string, unknown>);
    const name = (opts.name ?? "answer").replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 64);
    const check = (a: ChatAnswer): { value: T } | { problem: string } => {
      const found = extractJson(a.content);
      if ("error" in found) return { problem: found.error };
      const parsed = schema.safeParse(found.value);
      if (!parsed.success) return { problem: `the JSON does not match the schema: ${z.prettifyError(parsed.error).split("\n").slice(0, 8).join("; ")}` };
      return { value: parsed.data };
    };
    const native = this.config.structured === "native" || (this.config.structured === "auto" && !this.unsupported.has("response_format"));
    if (native) {
      try {
        return await this.converse(role, { messages }, messages, opts, (m) => ({
          messages: toWire(m),
          response_format: { type: "json_schema", json_schema: { name, schema: jsonSchema, strict: false } },
        }), check);
      } catch (err) {
        if (!(err instanceof UnsupportedFeature) || this.config.structured === "native") throw this.unwrap(err);
        this.noteUnsupported(err);
      }
    }
    const instruction = `Reply with only a JSON value that matches this JSON Schema, and no other text:\n<json_schema>\n${JSON.stringify(jsonSchema)}\n</json_schema>`;
    return this.converse(role, { messages }, withSystem(messages, instruction), opts, (m) => ({ messages: toWire(m) }), check);
  }

  /** A turn that may call tools: native tools/tool_calls, or Hermes <tool_call> text. */
  async withTools(role: string, messages: ChatMessage[], tools: ToolDefinition[], opts: ToolOptions = {}): Promise<ChatAnswer> {
    const names = new Set(tools.map((t) => t.function.name));
    const choice = opts.toolChoice ?? "auto";
    const check = (a: ChatAnswer): { value: ChatAnswer } | { problem: string } => {
      const bad = a.toolCalls.find((c) => !names.has(c.name));
      if (bad) return { problem: `there is no tool '${bad.name}'; the tools are: ${[...names].join(", ")}` };
      if (choice === "required" && a.toolCalls.length === 0) return { problem: "you must call one of the tools" };
      return { value: a };
    };
    const native = this.config.toolFormat === "native" || (this.config.toolFormat === "auto" && !this.unsupported.has("tools"));
    if (native) {
      const toolChoice = choice === "auto" || choice === "required" || choice === "none" ? choice : { type: "function", function: { name: choice } };
      try {
        return await this.converse(role, { messages }, messages, opts, (m) => ({ messages: toWire(m), tools, tool_choice: toolChoice }), check, false, true);
      } catch (err) {
        if (!(err instanceof UnsupportedFeature) || this.config.toolFormat === "native") throw this.unwrap(err);
        this.noteUnsupported(err);
      }
    }
    return this.converse(role, { messages }, messages, opts, (m) => ({ messages: toHermes(m, tools) }), check, false, true);
  }

  /** Embeddings of the texts, in order (model: the "embed" role's model, or embedModel in --config). */
  async embed(texts: string[], opts: CallOptions = {}): Promise<number[][]> {
    const model = this.roleSettings("embed").model ?? this.config.embedModel;
    if (!model) throw new UsageError('no embedding model: put "embedModel" (or roles.embed.model) in the --config file');
    // OpenAI's own clients ask for base64; local servers often only speak float, so say it.
    const body = { model, input: texts, encoding_format: "float" };
    try {
      const { answer, cached } = await this.send("embed", "embeddings", body);
      const a = answer as { data?: Array<{ index: number; embedding: number[] }>; usage?: { prompt_tokens?: number } };
      if (!Array.isArray(a.data) || a.data.length !== texts.length) throw new LlmError("malformed_response", `the server sent ${a.data?.length ?? 0} embeddings for ${texts.length} texts`);
      const tokens = a.usage?.prompt_tokens;
      this.accounting.answer("embed", model, { prompt_tokens: tokens ?? estimate(texts.join(" ")), completion_tokens: 0 }, tokens === undefined, cached, opts.recordId);
      return [...a.data].sort((x, y) => x.index - y.index).map((d) => d.embedding);
    } catch (err) {
      if (!(err instanceof BatchPending)) this.accounting.failure("embed");
      throw this.unwrap(err);
    }
  }

  /** Usage of one record so far, or the run's totals. */
  usage(recordId?: string): RecordUsage | ReturnType<Accounting["totals"]> | undefined {
    return recordId === undefined ? this.accounting.totals() : this.accounting.record(recordId);
  }

  /** The record's `meta.llm`: engine, models and usage; forgets the record's usage afterwards. */
  takeMeta(recordId: string): LlmMeta | undefined {
    const u = this.accounting.take(recordId);
    if (!u) return undefined;
    const { models, ...usage } = u;
    return { engine: "openai", models, usage };
  }

  /** Keeps the client open across the transform's passes of batch mode; the returned function lets go. */
  hold(): () => void {
    this.holds += 1;
    return () => {
      this.holds -= 1;
    };
  }

  /** Removes the signal handlers and closes the kept-alive connections (library use). */
  close(): void {
    if (this.holds > 0) return;
    this.removeSignals?.();
    this.http.close();
  }

  // The request / check / repair loop shared by chat, json and withTools.
  private async converse<T>(
    role: string,
    request: ChatRequest,
    start: ChatMessage[],
    opts: CallOptions,
    build: (messages: ChatMessage[]) => Record<string, unknown>,
    check: (a: ChatAnswer) => { value: T } | { problem: string },
    lenient = false,
    toolTurn = false,
  ): Promise<T> {
    const settings = this.roleSettings(role);
    let messages = start;
    try {
      for (let repair = 0; ; repair++) {
        const body = this.body(role, settings, request, opts.recordId, build(messages));
        const { answer, cached } = await this.send(role, "chat", body);
        const a = readCompletion(answer as RawCompletion, body, this.redact, toolTurn);
        this.accounting.answer(role, a.model, a.usage, a.estimated, cached, opts.recordId);
        let problem = lenient ? undefined : basicProblem(a);
        let value: T | undefined;
        if (!problem) {
          const checked = check(a);
          if ("problem" in checked) problem = checked.problem;
          else value = checked.value;
        }
        if (!problem) return value as T;
        if (repair >= this.config.repairs) throw new LlmError("invalid_output", `the ${role} model's answer stayed unusable after ${repair} repair prompt(s): ${problem}`);
        const said: ChatMessage[] = a.content || a.toolCalls.length ? [{ role: "assistant", content: a.content || null, ...(a.toolCalls.length ? { tool_calls: a.toolCalls } : {}) }] : [];
        const repairText = `Your previous reply could not be used: ${problem}. Reply again to the request above, complete and in the required format.`;
        // A tool call must be answered by a tool message before anything else, so the repair note is the tool's answer.
        messages = a.toolCalls.length
          ? [...messages, ...said, ...a.toolCalls.map((c) => ({ role: "tool" as const, tool_call_id: c.id, name: c.name, content: repairText }))]
          : [...messages, ...said, { role: "user", content: repairText }];
      }
    } catch (err) {
      if (!(err instanceof UnsupportedFeature) && !(err instanceof BatchPending)) this.accounting.failure(role);
      throw err;
    }
  }

  private roleSettings(role: string): ReturnType<typeof roleSettings> {
    let s = this.settings.get(role);
    if (!s) this.settings.set(role, (s = roleSettings(this.config, role)));
    return s;
  }

  private body(role: string, s: ReturnType<typeof roleSettings>, request: ChatRequest, recordId: string | undefined, parts: Record<string, unknown>): Record<string, unknown> {
    if (!s.model) throw new UsageError(`no model for the ${role} role: pass --model NAME (or --${role}-model), set CHATMILL_MODEL, or put "model" in the --config file`);
    // Without a seed of its own, a call gets one from --seed and the record's id: reproducible, and distinct per record.
    // "seed": false in --config sends none, for servers that reject the parameter.
    const seed = s.seed === false ? undefined : (s.seed ?? (recordId !== undefined ? Rng.for(this.ctx.seed, recordId, "llm", role).int(0, 2 ** 31 - 1) : undefined));
    // Lists (seed 003) are drawn per request, from what makes this request differ from the record's others.
    let hash: number | undefined;
    const draw = (v: Sampled | undefined, name: SampledName) =>
      Array.isArray(v) ? drawSampled(v, name, this.ctx.seed, recordId, role, (hash ??= messagesHash(parts))) : v;
    return {
      ...(s.params ?? {}),
      ...(request.params ?? {}),
      model: s.model,
      ...defined({
        temperature: request.temperature ?? draw(s.temperature, "temperature"),
        top_p: request.top_p ?? draw(s.top_p, "top_p"),
        frequency_penalty: draw(s.frequency_penalty, "frequency_penalty"),
        presence_penalty: draw(s.presence_penalty, "presence_penalty"),
        max_tokens: request.max_tokens ?? s.max_tokens,
        seed,
      }),
      ...parts,
    };
  }

  /** One answer: from the cache, from a request already in flight, or fetched (with retries) and cached. */
  private async send(role: string, endpoint: "chat" | "embeddings", body: Record<string, unknown>): Promise<{ answer: unknown; cached: boolean }> {
    const key = requestKey(endpoint, body);
    const hit = this.cache?.get(key) as { unsupported?: "response_format" | "tools"; message?: string } | undefined;
    if (hit !== undefined) {
      if (hit && typeof hit === "object" && hit.unsupported) throw new UnsupportedFeature(hit.unsupported, hit.message ?? "");
      return { answer: hit, cached: true };
    }
    if (this.config.cacheOnly) throw new LlmError("cache_miss", "the answer is not in the --cache directory and --cache-only sends no request; run without --cache-only to fetch it");
    // Batch mode: the request waits for the round's batch (or failed there for good).
    if (this.rounds) {
      const answer = (await this.rounds.want(key, endpoint, body)) as { unsupported?: "response_format" | "tools"; message?: string } | undefined;
      if (answer && typeof answer === "object" && answer.unsupported) throw new UnsupportedFeature(answer.unsupported, answer.message ?? "");
      return { answer, cached: false };
    }
    const flying = this.inflight.get(key);
    if (flying) return { answer: await flying, cached: true };
    const p = this.transport.fetch(role, endpoint, body, key);
    this.inflight.set(key, p);
    try {
      return { answer: await p, cached: false };
    } finally {
      this.inflight.delete(key);
    }
  }

  private noteUnsupported(err: UnsupportedFeature): void {
    if (this.unsupported.has(err.feature)) return;
    this.unsupported.add(err.feature);
    this.ctx.warn(`the server does not take ${err.feature === "tools" ? "native tools" : "response_format json_schema"} (${err.message}); falling back to ${err.feature === "tools" ? "Hermes <tool_call> prompting" : "the schema in the prompt"}`);
  }

  private unwrap(err: unknown): unknown {
    if (err instanceof UnsupportedFeature) return new LlmError("unsupported", `${err.message} (set --${err.feature === "tools" ? "tool-format" : "structured"} auto to fall back)`);
    return err;
  }
}

/**
 * Builds the client from a tool's parsed flags (llmOptions), the environment and --config.
 * Throws UsageError (exit 2) with what to fix when the settings cannot work.
 */
export function createLlm(values: Record<string, ParsedValue>, ctx: RunContext, opts: CreateLlmOptions = {}): Llm {
  const config = resolveConfig(values, opts.env ?? process.env, opts.defaultEngine ?? "openai");
  checkConfig(config, opts.roles ?? []);
  return new Llm(config, ctx, opts.signals === undefined ? {} : { signals: opts.signals });
}
function withSystem(messages: ChatMessage[], text: string): ChatMessage[] {
  const first = messages[0];
  if (first && (first.role === "system" || first.role === "developer")) {
    return [{ ...first, content: `${textOf(first.content)}\n\n${text}` }, ...messages.slice(1)];
  }
  return [{ role: "system", content: text }, ...messages];
}

function stripMeta(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _drop, ...rest } = schema;
  return rest;
}

function defined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

export type { WireMessage };
