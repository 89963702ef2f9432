import { article } from "@chatmill/kit";

/**
 * The phrase grammar of a pack's templates (wording.values, services[].thing, status parts):
 * `[a|b]` alternatives and one slot, `{value}`. Here, in @chatmill/domains, because every tool
 * that says a pack's things reads the same templates (scenario-gen's goals, dialogue-sim's
 * turns, augment's re-worded turns) and augment depends on neither of the other two.
 */

/** A template of the phrase grammar said one way: each `[a|b]` as its first alternative, `{value}` filled. */
export function firstWay(template: string, value: string): string {
  let t = template;
  for (let guard = 0; guard < 100 && /\[[^[\]]*\]/.test(t); guard++) t = t.replace(/\[([^[\]]*)\]/g, (_m, inner: string) => inner.split("|")[0]!);
  return t.replaceAll("{value}", value).replace(/\s+/g, " ").trim();
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A number other than 1: said with a wording's `many` ("2 nights"). */
export function isMany(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 1;
  const s = String(value);
  return /^\d+(\.\d+)?$/.test(s) && Number(s) !== 1;
}

/** A template filled with a value, the article before it by its sound ("in an athletic style"). */
export function fillValue(template: string, value: string): string {
  // The template said one way first, the value then put in as it is (its spaces kept).
  const out = firstWay(template, "\u0000").replaceAll("\u0000", value);
  return value === "" ? out : out.replace(new RegExp(`\\ba (?=${escapeRe(value)})`, "g"), `${article(value)} `);
}
