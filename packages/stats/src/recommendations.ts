import { checkItem, hasImage } from "./alignment.js";
import { rate } from "./sketch.js";
import { str, type Obj } from "./record-shapes.js";
import type { StatsReport } from "./report-types.js";

type Dialogues = StatsReport["dialogues"];

/**
 * What the assistant's recommendations (its messages' `grounding` entries) are worth: whether
 * each has its item's details and image in the dialogue's tool results, and whether it fits the
 * persona's budget and preferences.
 */
export class RecommendationTally {
  readonly align = { recommendations: 0, withDetails: 0, budgetChecked: 0, budgetOk: 0, prefChecked: 0, prefOk: 0, checked: 0, aligned: 0 };
  readonly grounding = { recommendations: 0, withImage: 0, assistantTurns: 0, groundedTurns: 0 };

  /** One assistant message's grounding entries; `items`: the dialogue's tool results by item id. */
  addTurn(grounding: readonly Obj[], items: ReadonlyMap<string, Obj>, persona: Obj | undefined): void {
    this.grounding.assistantTurns++;
    if (grounding.length > 0) this.grounding.groundedTurns++;
    for (const g of grounding) {
      const id = str(g.item_id);
      const found = id ? items.get(id) : undefined;
      const item = { ...(found ?? {}), ...g };
      this.grounding.recommendations++;
      if (hasImage(g, found)) this.grounding.withImage++;
      const a = this.align;
      a.recommendations++;
      if (found) a.withDetails++;
      const check = checkItem(item, persona);
      if (check.budget !== undefined) {
        a.budgetChecked++;
        if (check.budget) a.budgetOk++;
      }
      if (check.preference !== undefined) {
        a.prefChecked++;
        if (check.preference) a.prefOk++;
      }
      if (check.budget !== undefined || check.preference !== undefined) {
        a.checked++;
        if (check.budget !== false && check.preference !== false) a.aligned++;
      }
    }
  }

  alignment(): Dialogues["persona_alignment"] {
    const a = this.align;
    return {
      recommendations: a.recommendations,
      with_item_details: a.withDetails,
      budget: { checked: a.budgetChecked, within: a.budgetOk, rate: rate(a.budgetOk, a.budgetChecked) },
      preferences: { checked: a.prefChecked, matched: a.prefOk, rate: rate(a.prefOk, a.prefChecked) },
      aligned: { checked: a.checked, aligned: a.aligned, rate: rate(a.aligned, a.checked) },
    };
  }

  multimodal(): Dialogues["multimodal_grounding"] {
    const g = this.grounding;
    return {
      recommendations: g.recommendations,
      with_image: g.withImage,
      rate: rate(g.withImage, g.recommendations),
      assistant_turns: g.assistantTurns,
      assistant_turns_with_grounding: g.groundedTurns,
    };
  }
}
