import { checkItem, collectItems, hasImage } from "./alignment.js";
import { Tally, entropyBits, rate } from "./sketch.js";
import { arr, isObj, kindOf, num, str, type Obj } from "./record-shapes.js";
import { offeredTools, toolCallProblem } from "./tool-format.js";
import { contextRetention, type Retention } from "./context-retention.js";
import { textToolCall } from "./text-tool-call.js";
import { personaAdaptation, type Adaptation } from "./persona-adaptation.js";
import type { StatsReport } from "./report-types.js";
import { Vocabulary } from "./vocabulary.js";

export type { Counts, StatsReport, VocabularyReport } from "./report-types.js";

/** One dialogue's own figures (stats --per-dialogue), for filtering with jq. */
export interface DialogueMetrics {
  id: string | null;
  context_retention: Retention;
  persona_adaptation: Adaptation;
  text_tool_calls: number;
}

/** Scenario-grid cells kept with their counts; past this, new cells count as "(other)". */
export const MAX_GRID_CELLS = 1_000_000;
const GRID_DIMS = ["services", "category", "region", "emotion", "resolution"] as const;
const MAX_TURN_BUCKET = 200;

/**
 * Everything `stats` reports, accumulated one record at a time. It holds counts and
 * fixed-size sketches, never records: memory is flat in the number of records
 * (label tallies are capped at 10,000 distinct labels, grid cells at 1,000,000).
 */
export class StatsAccumulator {
  readonly kinds = new Tally();
  dialogues = 0;
  withOutcome = 0;
  goalMet = 0;
  rewardSum = 0;
  rewardCount = 0;
  readonly reached = new Tally();
  readonly planned = new Tally();
  plannedVsReached = { compared: 0, agree: 0 };
  readonly turns = new Map<number, number>();
  turnSum = 0;
  turnMin = Infinity;
  turnMax = 0;
  readonly toolCalls = new Tally();
  readonly toolFailures = new Tally();
  toolResults = 0;
  dialoguesWithCalls = 0;
  readonly formatProblems = new Tally();
  callsChecked = 0;
  textCalls = 0;
  readonly retention = { measured: 0, sum: 0, kept: 0, dropped: 0, reasked: 0 };
  readonly adaptation = { measured: 0, pairs: 0, sum: 0, formality: 0, energy: 0, length: 0 };
  readonly userIntents = new Tally();
  readonly assistantIntents = new Tally();
  readonly emotions = new Tally();
  readonly variations = new Tally();
  readonly vocab = { all: new Vocabulary(), user: new Vocabulary(), assistant: new Vocabulary() };
  readonly align = { recommendations: 0, withDetails: 0, budgetChecked: 0, budgetOk: 0, prefChecked: 0, prefOk: 0, checked: 0, aligned: 0 };
  readonly grounding = { recommendations: 0, withImage: 0, assistantTurns: 0, groundedTurns: 0 };
  scenarios = 0;
  readonly grid = new Map<string, number>();
  gridOverflow = 0;
  readonly dims = Object.fromEntries(GRID_DIMS.map((d) => [d, new Tally()])) as Record<(typeof GRID_DIMS)[number], Tally>;
  personas = 0;
  readonly personaStyle = new Tally();
  readonly personaLanguage = new Tally();
  readonly personaAge = new Tally();

  /** Counts a record; a dialogue's own figures are returned. */
  add(v: Obj): DialogueMetrics | undefined {
    const kind = kindOf(v);
    this.kinds.add(kind);
    if (kind === "dialogue") return this.addDialogue(v);
    else if (kind === "scenario") this.addScenario(v);
    else if (kind === "persona") this.addPersona(v);
    return undefined;
  }

  private addPersona(p: Obj): void {
    this.personas++;
    this.personaStyle.add(str(p.style) ?? "(none)");
    this.personaLanguage.add(str(p.language) ?? "(none)");
    const age = num(p.age);
    this.personaAge.add(str(p.age_range) ?? (age !== undefined ? ageBand(age) : "(none)"));
  }

  private addScenario(s: Obj): void {
    this.scenarios++;
    if (isObj(s.persona)) this.addPersona(s.persona);
    const services = arr(s.services).filter((x): x is string => typeof x === "string").sort().join("+") || "(none)";
    const emotions = isObj(s.emotions) ? s.emotions : {};
    const cell = {
      services,
      category: str(s.category) ?? "(none)",
      region: str(s.region) ?? "(none)",
      emotion: str(emotions.user) ?? "(none)",
      resolution: str(s.resolution) ?? "(none)",
    };
    for (const d of GRID_DIMS) this.dims[d].add(cell[d]);
    const key = GRID_DIMS.map((d) => cell[d]).join("\u0001");
    const cur = this.grid.get(key);
    if (cur !== undefined) this.grid.set(key, cur + 1);
    else if (this.grid.size < MAX_GRID_CELLS) this.grid.set(key, 1);
    else this.gridOverflow++;
  }

  private addDialogue(d: Obj): DialogueMetrics {
    this.dialogues++;
    const scenario = isObj(d.scenario) ? d.scenario : undefined;
    if (scenario) this.addScenario(scenario);
    const persona = scenario && isObj(scenario.persona) ? scenario.persona : undefined;
    const outcome = isObj(d.outcome) ? d.outcome : undefined;
    if (outcome) {
      this.withOutcome++;
      if (outcome.goal_met === true) this.goalMet++;
      const r = num(outcome.reward);
      if (r !== undefined) { this.rewardSum += r; this.rewardCount++; }
      const res = str(outcome.resolution);
      if (res) this.reached.add(res);
      const plan = scenario ? str(scenario.resolution) : undefined;
      if (res && plan) {
        this.plannedVsReached.compared++;
        if (res === plan) this.plannedVsReached.agree++;
      }
    }
    if (scenario && str(scenario.resolution)) this.planned.add(str(scenario.resolution)!);

    const tools = offeredTools(d);
    const items = new Map<string, Obj>();
    const callName = new Map<string, string>();
    let turns = 0;
    let calls = 0;
    let textCalls = 0;
    const messages = arr(d.messages).filter(isObj);
    for (const m of messages) {
      if (m.role === "tool") {
        this.toolResults++;
        const name = str(m.name) ?? callName.get(str(m.tool_call_id) ?? "") ?? "(unknown)";
        if (m.ok === false || isObj(m.error)) this.toolFailures.add(name);
        const content = str(m.content);
        if (content && (content.startsWith("{") || content.startsWith("["))) {
          try {
            collectItems(JSON.parse(content), items);
          } catch {
            /* a result that is not JSON has no items to look up */
          }
        }
      }
    }
    for (const m of messages) {
      const role = m.role;
      if (role !== "user" && role !== "assistant") continue;
      turns++;
      const labels = isObj(m.labels) ? m.labels : {};
      const intent = str(labels.intent);
      if (intent) (role === "user" ? this.userIntents : this.assistantIntents).add(intent);
      const emotion = str(labels.emotion);
      if (emotion && role === "user") this.emotions.add(emotion);
      const variation = str(labels.variation);
      if (variation) this.variations.add(variation);
      const content = str(m.content);
      if (content) {
        this.vocab.all.add(content);
        this.vocab[role].add(content);
      }
      if (role !== "assistant") continue;
      this.grounding.assistantTurns++;
      if (content && arr(m.tool_calls).length === 0 && textToolCall(content)) {
        // A call written as text is a call the runtime never saw: a badly formatted call.
        this.callsChecked++;
        this.formatProblems.add("call_written_as_text");
        textCalls++;
      }
      for (const c of arr(m.tool_calls)) {
        if (!isObj(c)) continue;
        calls++;
        const name = str(c.name) ?? (isObj(c.function) ? str(c.function.name) : undefined) ?? "(unnamed)";
        this.toolCalls.add(name);
        const id = str(c.id);
        if (id) callName.set(id, name);
        this.callsChecked++;
        const problem = toolCallProblem(c, tools);
        if (problem) this.formatProblems.add(problem);
      }
      const grounding = arr(m.grounding).filter(isObj);
      if (grounding.length > 0) this.grounding.groundedTurns++;
      for (const g of grounding) {
        const id = str(g.item_id);
        const found = id ? items.get(id) : undefined;
        const item = { ...(found ?? {}), ...g };
        this.grounding.recommendations++;
        if (hasImage(g, found)) this.grounding.withImage++;
        this.align.recommendations++;
        if (found) this.align.withDetails++;
        const check = checkItem(item, persona);
        if (check.budget !== undefined) { this.align.budgetChecked++; if (check.budget) this.align.budgetOk++; }
        if (check.preference !== undefined) { this.align.prefChecked++; if (check.preference) this.align.prefOk++; }
        if (check.budget !== undefined || check.preference !== undefined) {
          this.align.checked++;
          if (check.budget !== false && check.preference !== false) this.align.aligned++;
        }
      }
    }
    if (calls > 0) this.dialoguesWithCalls++;
    this.textCalls += textCalls;
    const retention = contextRetention(d);
    this.retention.kept += retention.kept;
    this.retention.dropped += retention.dropped;
    this.retention.reasked += retention.reasked;
    if (retention.value !== null) {
      this.retention.measured++;
      this.retention.sum += retention.value;
    }
    const adaptation = personaAdaptation(d);
    if (adaptation.value !== null) {
      const a = this.adaptation;
      a.measured++;
      a.pairs += adaptation.pairs;
      a.sum += adaptation.value;
      a.formality += adaptation.formality!;
      a.energy += adaptation.energy!;
      a.length += adaptation.length!;
    }
    this.turnSum += turns;
    this.turnMin = Math.min(this.turnMin, turns);
    this.turnMax = Math.max(this.turnMax, turns);
    const bucket = Math.min(turns, MAX_TURN_BUCKET);
    this.turns.set(bucket, (this.turns.get(bucket) ?? 0) + 1);
    return { id: typeof d.id === "string" || typeof d.id === "number" ? String(d.id) : null, context_retention: retention, persona_adaptation: adaptation, text_tool_calls: textCalls };
  }

  report(): StatsReport {
    const calls = this.toolCalls.total;
    const failures = this.toolFailures.total;
    const byTool: Record<string, { calls: number; failures: number; failure_rate: number | null }> = {};
    for (const [name, n] of Object.entries(this.toolCalls.toObject())) {
      const f = this.toolFailures.counts.get(name) ?? 0;
      byTool[name] = { calls: n, failures: f, failure_rate: rate(f, n) };
    }
    const possible = GRID_DIMS.reduce((p, d) => p * Math.max(1, this.dims[d].counts.size), 1);
    const gridEntropy = entropyBits([...this.grid.values(), ...(this.gridOverflow > 0 ? [this.gridOverflow] : [])]);
    const a = this.align;
    return {
      records: { total: this.kinds.total, ...this.kinds.toObject() },
      dialogues: {
        count: this.dialogues,
        success: {
          with_outcome: this.withOutcome,
          goal_met: this.goalMet,
          rate: rate(this.goalMet, this.withOutcome),
          mean_reward: this.rewardCount > 0 ? round(this.rewardSum / this.rewardCount) : null,
        },
        resolution: {
          reached: this.reached.toObject(),
          planned: this.planned.toObject(),
          planned_reached_agreement: rate(this.plannedVsReached.agree, this.plannedVsReached.compared),
        },
        turns: {
          mean: this.dialogues > 0 ? round(this.turnSum / this.dialogues) : null,
          min: this.dialogues > 0 ? this.turnMin : null,
          max: this.dialogues > 0 ? this.turnMax : null,
          p50: this.quantile(0.5),
          p90: this.quantile(0.9),
          histogram: Object.fromEntries([...this.turns].sort((x, y) => x[0] - y[0]).map(([k, v]) => [k === MAX_TURN_BUCKET ? `${k}+` : String(k), v])),
        },
        tools: {
          calls,
          per_dialogue: this.dialogues > 0 ? round(calls / this.dialogues) : null,
          dialogues_with_calls: rate(this.dialoguesWithCalls, this.dialogues),
          results: this.toolResults,
          failures,
          failure_rate: rate(failures, this.toolResults),
          by_name: byTool,
        },
        tool_format: {
          calls_checked: this.callsChecked,
          valid: this.callsChecked - this.formatProblems.total,
          accuracy: rate(this.callsChecked - this.formatProblems.total, this.callsChecked),
          problems: this.formatProblems.toObject(),
          written_as_text: this.textCalls,
        },
        context_retention: {
          dialogues_measured: this.retention.measured,
          mean: this.retention.measured > 0 ? round(this.retention.sum / this.retention.measured) : null,
          kept: this.retention.kept,
          dropped: this.retention.dropped,
          reasked: this.retention.reasked,
          method: "per dialogue: kept / (kept + dropped + re-asks) of the facts (argument values the user said before the call) at later calls of the same tool; null where nothing could be forgotten; mean over measured dialogues",
        },
        persona_adaptation: {
          dialogues_measured: this.adaptation.measured,
          pairs: this.adaptation.pairs,
          mean: this.meanAdaptation("sum"),
          formality: this.meanAdaptation("formality"),
          energy: this.meanAdaptation("energy"),
          length: this.meanAdaptation("length"),
          method: "per dialogue: mean over (user message, assistant reply) pairs of 1 - |user - reply| for formality (formal vs casual markers), energy (exclamations, emoji, capitals per sentence) and length class (terse/moderate/verbose on each role's scale, difference / 2); value = mean of the three; null without a pair; mean over measured dialogues",
        },
        intents: { user: this.userIntents.toObject(), assistant: this.assistantIntents.toObject() },
        user_emotions: this.emotions.toObject(),
        variations: this.variations.toObject(),
        vocabulary: {
          ...this.vocab.all.report(),
          by_role: { user: this.vocab.user.report(), assistant: this.vocab.assistant.report() },
          method: "distinct-n = unique n-grams / n-grams; unique counts from HyperLogLog (2^14 registers, ±0.8%)",
        },
        persona_alignment: {
          recommendations: a.recommendations,
          with_item_details: a.withDetails,
          budget: { checked: a.budgetChecked, within: a.budgetOk, rate: rate(a.budgetOk, a.budgetChecked) },
          preferences: { checked: a.prefChecked, matched: a.prefOk, rate: rate(a.prefOk, a.prefChecked) },
          aligned: { checked: a.checked, aligned: a.aligned, rate: rate(a.aligned, a.checked) },
        },
        multimodal_grounding: {
          recommendations: this.grounding.recommendations,
          with_image: this.grounding.withImage,
          rate: rate(this.grounding.withImage, this.grounding.recommendations),
          assistant_turns: this.grounding.assistantTurns,
          assistant_turns_with_grounding: this.grounding.groundedTurns,
        },
      },
      scenarios: {
        count: this.scenarios,
        grid: {
          dimensions: Object.fromEntries(GRID_DIMS.map((d) => [d, { distinct: this.dims[d].counts.size, values: this.dims[d].toObject() }])),
          cells_observed: this.grid.size,
          cells_possible: this.scenarios > 0 ? possible : 0,
          coverage: this.scenarios > 0 ? rate(this.grid.size, possible) : null,
          entropy_bits: round(gridEntropy),
          normalized_entropy: this.scenarios > 0 && possible > 1 ? round(gridEntropy / Math.log2(possible)) : null,
          capped: this.gridOverflow > 0,
        },
      },
      personas: {
        count: this.personas,
        style: this.personaStyle.toObject(),
        language: this.personaLanguage.toObject(),
        age: this.personaAge.toObject(),
      },
    };
  }

  private meanAdaptation(key: "sum" | "formality" | "energy" | "length"): number | null {
    return this.adaptation.measured > 0 ? round(this.adaptation[key] / this.adaptation.measured) : null;
  }

  private quantile(q: number): number | null {
    if (this.dialogues === 0) return null;
    const target = q * this.dialogues;
    let seen = 0;
    for (const [k, v] of [...this.turns].sort((x, y) => x[0] - y[0])) {
      seen += v;
      if (seen >= target) return k;
    }
    return this.turnMax;
  }
}

function ageBand(age: number): string {
  if (age < 18) return "<18";
  if (age < 25) return "18-24";
  if (age < 35) return "25-34";
  if (age < 45) return "35-44";
  if (age < 55) return "45-54";
  if (age < 65) return "55-64";
  return "65+";
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
