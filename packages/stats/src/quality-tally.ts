import { contextRetention, type Retention } from "./context-retention.js";
import { personaAdaptation, type Adaptation } from "./persona-adaptation.js";
import type { Obj } from "./record-shapes.js";
import type { StatsReport } from "./report-types.js";

type Dialogues = StatsReport["dialogues"];

/** Context retention and persona adaptation over the dialogues: each dialogue's own figure, and the means stats reports. */
export class QualityTally {
  readonly retention = { measured: 0, sum: 0, kept: 0, dropped: 0, reasked: 0 };
  readonly adaptation = { measured: 0, pairs: 0, sum: 0, formality: 0, energy: 0, length: 0 };

  add(d: Obj): { retention: Retention; adaptation: Adaptation } {
    const retention = contextRetention(d);
    const r = this.retention;
    r.kept += retention.kept;
    r.dropped += retention.dropped;
    r.reasked += retention.reasked;
    if (retention.value !== null) {
      r.measured++;
      r.sum += retention.value;
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
    return { retention, adaptation };
  }

  contextRetention(round: (x: number) => number): Dialogues["context_retention"] {
    const r = this.retention;
    return {
      dialogues_measured: r.measured,
      mean: r.measured > 0 ? round(r.sum / r.measured) : null,
      kept: r.kept,
      dropped: r.dropped,
      reasked: r.reasked,
      method: "per dialogue: kept / (kept + dropped + re-asks) of the facts (argument values the user said before the call) at later calls of the same tool; null where nothing could be forgotten; mean over measured dialogues",
    };
  }

  personaAdaptation(round: (x: number) => number): Dialogues["persona_adaptation"] {
    const a = this.adaptation;
    const mean = (key: "sum" | "formality" | "energy" | "length") => (a.measured > 0 ? round(a[key] / a.measured) : null);
    return {
      dialogues_measured: a.measured,
      pairs: a.pairs,
      mean: mean("sum"),
      formality: mean("formality"),
      energy: mean("energy"),
      length: mean("length"),
      method: "per dialogue: mean over (user message, assistant reply) pairs of 1 - |user - reply| for formality (formal vs casual markers), energy (exclamations, emoji, capitals per sentence) and length class (terse/moderate/verbose on each role's scale, difference / 2); value = mean of the three; null without a pair; mean over measured dialogues",
    };
  }
}
