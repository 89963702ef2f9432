// Values that are steps of a scale (sizes XS, S, M, L, XL), said as people say them: three or
// more steps in a row as the first to the last ("XS to XL"), never as an alphabetical list
// ("L, M, S, XL and XS"). Which fields are scales is pack data (`wording.values.<field>.fact.list`
// "range"); the order of the steps is the data's own (the row's list, in the order it holds them).
import type { FactSaying } from "@chatmill/domains";
import type { Row } from "../contract.js";
import type { Lang } from "../phrases/describe.js";
import { AND, listJoin } from "../phrases/grammar.js";

/** "XS to XL" in each language. */
const TO: Record<Lang, string> = { en: "to", hi: "से", mixed: "se" };

/** Whether the pack says this field's list as a run of a scale (fact.list "range"). */
export function isScale(field: string, say: FactSaying): boolean {
  const values = say.values;
  return values !== undefined && Object.hasOwn(values, field) && values[field]?.fact?.list === "range";
}

/**
 * `items` in the order of `scale` (the row's own list of steps), with every run of three or more
 * neighbouring steps said as "first to last"; the parts joined with "and" in the language, or
 * with `sep` ("/" in Hindi and Hinglish's compact facts). Numbers form a run only when each is
 * one more than the last: "32 to 34 and 36", never "32 to 36" for a range missing 35. Items the
 * scale does not hold come after, as they are.
 */
export function runText(items: readonly string[], scale: readonly string[], lang: Lang, sep?: string): string {
  const at = (x: string) => scale.indexOf(x);
  const known = [...new Set(items.filter((x) => at(x) >= 0))].sort((a, b) => at(a) - at(b));
  const rest = items.filter((x) => at(x) < 0);
  const numeric = known.every((x) => /^\d+$/.test(x));
  const next = (a: string, b: string) => (numeric ? Number(b) === Number(a) + 1 : at(b) === at(a) + 1);
  const parts: string[] = [];
  for (let i = 0; i < known.length; ) {
    let j = i;
    while (j + 1 < known.length && next(known[j]!, known[j + 1]!)) j++;
    if (j - i >= 2) parts.push(`${known[i]} ${TO[lang]} ${known[j]}`);
    else parts.push(...known.slice(i, j + 1));
    i = j + 1;
  }
  parts.push(...rest);
  return sep !== undefined ? parts.join(sep) : listJoin(parts, AND[lang]);
}

/** The scale `sizes` are steps of: the first list of `row` in a field said as a scale that holds every one of them; else undefined. */
export function scaleOf(row: Row | undefined, sizes: readonly string[], say: FactSaying): string[] | undefined {
  if (!row) return undefined;
  for (const [k, v] of Object.entries(row)) {
    if (!Array.isArray(v) || !isScale(k, say)) continue;
    const steps = v.map(String);
    if (sizes.every((z) => steps.includes(z))) return steps;
  }
  return undefined;
}
