import { collectItems } from "./alignment.js";
import { RecommendationTally } from "./recommendations.js";
import { QualityTally } from "./quality-tally.js";
import { ScenarioGrid, type GridCell } from "./scenario-grid.js";
import { Tally, rate } from "./sketch.js";
import { arr, isObj, kindOf, num, str, type Obj } from "./record-shapes.js";
import { offeredTools, toolCallProblem } from "./tool-format.js";
import type { Retention } from "./context-retention.js";
import { textToolCall } from "./text-tool-call.js";
import type { Adaptation } from "./persona-adaptation.js";
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

export { MAX_GRID_CELLS } from "./scenario-grid.js";
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
  /** Every tool the dialogues offered (their `tools`), to tell which no dialogue called. */
  readonly offered = new Set<string>();
  offeredOverflow = false;
  readonly formatProblems = new Tally();
  callsChecked = 0;
  textCalls = 0;
  readonly quality = new QualityTally();
  readonly userIntents = new Tally();
  readonly assistantIntents = new Tally();
  readonly emotions = new Tally();
  readonly variations = new Tally();
  readonly vocab = { all: new Vocabulary(), user: new Vocabulary(), assistant: new Vocabulary() };
  readonly recommendations = new RecommendationTally();
  scenarios = 0;
  readonly grid = new ScenarioGrid();
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
    const cell: GridCell = {
      services,
      category: str(s.category) ?? "(none)",
      region: str(s.region) ?? "(none)",
      emotion: str(emotions.user) ?? "(none)",
      resolution: str(s.resolution) ?? "(none)",
    };
    this.grid.add(cell);
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
    // Bounded as the tallies are: past their cap of names, which tools went uncalled is not claimed.
    for (const name of tools.keys()) if (this.offered.size < this.toolCalls.cap || this.offered.has(name)) this.offered.add(name);
    else this.offeredOverflow = true;
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
      this.recommendations.addTurn(arr(m.grounding).filter(isObj), items, persona);
    }
    if (calls > 0) this.dialoguesWithCalls++;
    this.textCalls += textCalls;
    const { retention, adaptation } = this.quality.add(d);
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
          // A tool the dialogues offer and none calls trains nothing: the generator never reaches it (no category's task uses it).
          // (Past the tally's cap of distinct names a called tool may be uncounted: then none is claimed.)
          never_called: this.toolCalls.overflow > 0 || this.offeredOverflow ? [] : [...this.offered].filter((name) => !this.toolCalls.counts.has(name)).sort(),
        },
        tool_format: {
          calls_checked: this.callsChecked,
          valid: this.callsChecked - this.formatProblems.total,
          accuracy: rate(this.callsChecked - this.formatProblems.total, this.callsChecked),
          problems: this.formatProblems.toObject(),
          written_as_text: this.textCalls,
        },
        context_retention: this.quality.contextRetention(round),
        persona_adaptation: this.quality.personaAdaptation(round),
        intents: { user: this.userIntents.toObject(), assistant: this.assistantIntents.toObject() },
        user_emotions: this.emotions.toObject(),
        variations: this.variations.toObject(),
        vocabulary: {
          ...this.vocab.all.report(),
          by_role: { user: this.vocab.user.report(), assistant: this.vocab.assistant.report() },
          method: "distinct-n = unique n-grams / n-grams; unique counts from HyperLogLog (2^14 registers, ±0.8%)",
        },
        persona_alignment: this.recommendations.alignment(),
        multimodal_grounding: this.recommendations.multimodal(),
      },
      scenarios: {
        count: this.scenarios,
        grid: this.grid.report(this.scenarios, round),
      },
      personas: {
        count: this.personas,
        style: this.personaStyle.toObject(),
        language: this.personaLanguage.toObject(),
        age: this.personaAge.toObject(),
      },
    };
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
