import { createSession, domainLoader, explorePack, LiveSetupError, ReplayMissError, type LiveBackend } from "@chatmill/domains";
import { ConfigError } from "@chatmill/kit/cli";
import { errorMessage, mapConcurrent, stableId, type InputRecord, type RunContext, type Transform } from "@chatmill/kit";
import type { Llm } from "@chatmill/llm";
import { Persona, Scenario, type Dialogue } from "@chatmill/schema";
import { ScenarioMaker, type ScenarioOptions } from "@chatmill/scenario-gen";
import { contextText, placeContext, type ContextRole } from "./context.js";
import type { Domain } from "./contract.js";
import { offlineDialogue } from "./engine/dialogue.js";
import { TaskInvalid } from "./engine/scenario-task.js";

export interface SimulateOptions {
  /** The domain for every record; without it, each record's own `domain` field is loaded. */
  domain?: string;
  failureRate?: number;
  /** --chit-chat: probability a dialogue has small talk (unset: the engine's own 25% opening + 12% midway). */
  chitChat?: number;
  /** --multi-turn: share of dialogues in which the user makes more than one request (unset: the engine's own mix). */
  multiTurn?: number;
  /** Where the app's context goes (default none). */
  contextRole?: ContextRole;
  /** Flags for Persona input, as scenario-gen takes them (min/max turns, dates, mix, home share). */
  scenario?: Omit<ScenarioOptions, "domain" | "seed" | "balancer">;
  /** --engine openai: a user-simulator model and an assistant model instead of the offline engine. */
  llm?: Llm;
  /** --backend/--cassette: where http and mcp tools send their calls (default: live, nothing recorded). */
  backend?: LiveBackend | undefined;
}

/**
 * dialogue-sim as a transform: Scenario (or Persona) records in, Dialogue records out.
 * A Persona first gets its scenario from scenario-gen's own code, with the same seed
 * derivation, so `dialogue-sim` on personas equals `scenario-gen | dialogue-sim`.
 */
export function simulateTransform(opts: SimulateOptions, ctx: RunContext): Transform {
  const makers = new Map<string, ScenarioMaker>();
  // With a backend, a live pack's empty tables are read from it first, so tasks are judged over the rows they were planned from.
  const domainFor: (name: string) => Domain | Error = domainLoader(opts.backend ? (d) => explorePack(d, opts.backend!, ctx) : undefined);
  const failureRate = opts.failureRate ?? 0.15;
  const contextRole = opts.contextRole ?? "none";
  const flow = { ...(opts.chitChat !== undefined ? { chitChat: opts.chitChat } : {}), ...(opts.multiTurn !== undefined ? { multiTurn: opts.multiTurn } : {}) };
  const common = { failureRate, ...flow, createSession: (d: Domain, o: Parameters<typeof createSession>[1]) => createSession(d, opts.backend ? { ...o, backend: opts.backend } : o), tool: ctx.tool, version: ctx.version, seed: ctx.seed };

  /** The record's scenario and domain, or undefined when it was rejected. */
  const scenarioOf = (rec: InputRecord): { scenario: Scenario; domain: Domain } | undefined => {
    const value = rec.value as Record<string, unknown>;
    if (value && typeof value === "object" && "goal" in value) {
      const parsed = Scenario.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        ctx.reject(rec, `not a Scenario: ${issue.message}`, "invalid_record", `/${issue.path.join("/")}`);
        return undefined;
      }
      const scenario = value as Scenario; // as given: unknown fields pass through
      const domain = domainFor(opts.domain ?? scenario.domain);
      if (domain instanceof Error) {
        ctx.reject(rec, domain.message, "unknown_domain", "/domain");
        return undefined;
      }
      return { scenario, domain };
    }
    const parsed = Persona.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      ctx.reject(rec, `neither a Scenario (no goal) nor a Persona: ${issue.message}`, "invalid_record", `/${issue.path.join("/")}`);
      return undefined;
    }
    const persona = value as Persona;
    const name = opts.domain ?? persona.domain;
    if (!name) {
      ctx.reject(rec, "the persona names no domain; pass --domain NAME|PATH", "no_domain", "/domain");
      return undefined;
    }
    const domain = domainFor(name);
    if (domain instanceof Error) {
      ctx.reject(rec, domain.message, "unknown_domain", "/domain");
      return undefined;
    }
    let maker = makers.get(name);
    if (!maker) makers.set(name, (maker = new ScenarioMaker({ ...opts.scenario, seed: ctx.seed, domain })));
    return { scenario: maker.make(persona, ctx.rng(persona.id, "scenario", "0"), 0), domain };
  };

  const finish = (dialogue: Dialogue, scenario: Scenario): Dialogue => {
    dialogue.id = stableId("dialogue", ctx.seed, scenario.id);
    if (dialogue.meta && contextRole !== "none") (dialogue.meta as Record<string, unknown>).context_role = contextRole;
    return dialogue;
  };

  const llm = opts.llm;
  if (!llm) {
    return async function* simulate(input: AsyncIterable<InputRecord>) {
      try {
        for await (const rec of input) {
          const got = scenarioOf(rec);
          if (!got) continue;
          try {
            const { dialogue } = offlineDialogue(got.scenario, got.domain, ctx.rng(got.scenario.id, "dialogue"), common);
            dialogue.messages = placeContext(dialogue.messages, contextText(got.scenario), contextRole);
            yield finish(dialogue, got.scenario);
          } catch (err) {
            // A missing secret, an MCP server that does not start: no dialogue can get past it.
            if (err instanceof LiveSetupError) throw new ConfigError(err.message);
            if (err instanceof TaskInvalid) ctx.fail(rec, err.message, err.kind);
            else if (err instanceof ReplayMissError) ctx.fail(rec, err.message, "replay_miss");
            else ctx.fail(rec, `could not simulate this scenario: ${errorMessage(err)}`, "simulation_error");
          }
        }
      } finally {
        // The run's MCP connections end with it (a stdio server is stopped).
        opts.backend?.close();
      }
    };
  }

  return async function* simulateWithLlm(input: AsyncIterable<InputRecord>) {
    // Loaded only with --engine openai, so the offline engine never pays for the LLM layer.
    const [{ llmDialogue, llmRecordId }, { TranscriptError }, { LlmError }] = await Promise.all([import("./llm/llm-dialogue.js"), import("./llm/transcript.js"), import("@chatmill/llm")]);
    // The first error that stops the run (a refused key…) ends it; the others in flight stay quiet.
    let stopped = false;
    const simulate = async (rec: InputRecord): Promise<Dialogue | undefined> => {
      const got = scenarioOf(rec);
      if (!got) return undefined;
      try {
        const dialogue = await llmDialogue(got.scenario, got.domain, llm, ctx.rng(got.scenario.id, "dialogue"), { ...common, contextRole });
        return finish(dialogue, got.scenario);
      } catch (err) {
        llm.takeMeta(llmRecordId(got.scenario, got.domain));
        if (err instanceof ReplayMissError) ctx.fail(rec, err.message, "replay_miss");
        else if (err instanceof TranscriptError) ctx.fail(rec, `the transcript could not be made valid: ${err.message}`, err.kind);
        else if (err instanceof LlmError) ctx.fail(rec, err.message, err.kind);
        else if (stopped) return undefined;
        else {
          stopped = true;
          throw err instanceof LiveSetupError ? new ConfigError(err.message) : err;
        }
        return undefined;
      }
    };
    try {
      for await (const d of mapConcurrent(input, simulate, { concurrency: () => llm.concurrency, ordered: llm.ordered })) if (d) yield d;
    } finally {
      llm.close();
      opts.backend?.close();
    }
  };
}

