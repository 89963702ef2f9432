import type { Dialogue } from "@chatmill/export";
import { loadDomain, type Domain } from "@chatmill/domains";
import { annotateDialogue, domainNameOf } from "@chatmill/tool-annotate";
import { gradingOf } from "./grading.js";

/** How many alternatives each call gets when to-dpo grades a dialogue itself (tool-annotate's default). */
const ALTERNATIVES = 3;

const domains = new Map<string, Domain | undefined>();

function domainOf(d: Dialogue): Domain | undefined {
  const name = domainNameOf(d as unknown as Record<string, unknown>);
  if (!name) return undefined;
  if (!domains.has(name)) {
    try {
      domains.set(name, loadDomain(name));
    } catch {
      domains.set(name, undefined);
    }
  }
  return domains.get(name);
}

/**
 * Dialogues that did not pass through tool-annotate (the user's pipeline is
 * `dialogue-sim | dedup | to-dpo`) are graded and given executed alternatives here,
 * with tool-annotate's own code and the dialogue's domain, seeded by `seed` and the
 * dialogue's id exactly as `tool-annotate --seed` would. A dialogue whose domain
 * cannot be loaded keeps only its failed-versus-recovered pairs.
 */
export function annotateOnTheWay(d: Dialogue, seed = 0): { dialogue: Dialogue; hasGrades: boolean; annotated: boolean } {
  const grading = gradingOf(d);
  if (grading === "graded") return { dialogue: d, hasGrades: true, annotated: false };
  const domain = domainOf(d);
  if (!domain || grading === "no_calls") return { dialogue: d, hasGrades: false, annotated: false };
  const out = annotateDialogue(d as unknown as Record<string, unknown>, domain, { seed, alternatives: ALTERNATIVES }) as unknown as Dialogue;
  return { dialogue: out, hasGrades: gradingOf(out) === "graded", annotated: true };
}
