import type { DisplayParts } from "@chatmill/schema";
import type { Row } from "../contract.js";
import type { Lang } from "../phrases/describe.js";
import { factsText } from "./facts.js";
import { alonePattern, type FactSaying } from "@chatmill/domains";
import { listAnd } from "./fact-words.js";
import { runText, scaleOf } from "./scale-run.js";

/**
 * An item's options in stock, summed by label as a person reads them out: "blue (44 left, sizes
 * L and M), orange (35 left)". Which field is an option's label, its size and its quantity (or
 * in-stock flag) are its table's stock parts (`offline.display.<table>.parts`, format stock);
 * without them each option is said by its facts (`skip`: the fields they leave out; `say`: how
 * the pack lets its fields be said, FactSaying). `item`: the item's own row, whose scale field
 * (fact.list "range") gives the sizes their order ("sizes XS to L", not "L, M, S and XS").
 */
export function stockText(options: Row[], lang: Lang, parts: DisplayParts | undefined, skip: readonly string[] = [], say: FactSaying = {}, item?: Row): string {
  if (!parts) return options.slice(0, 4).map((o) => factsText(o, skip, 3, lang, say)).filter((s) => s !== "").join("; ");
  const byLabel = new Map<string, { qty: number; sizes: string[] }>();
  for (const o of options) {
    // No quantity: a yes/no in-stock flag counts none or one; neither: each option counts one.
    const flag = parts.available !== undefined && o[parts.available] === false ? 0 : 1;
    const qty = Number((parts.quantity !== undefined ? o[parts.quantity] : undefined) ?? flag);
    if (!(qty > 0)) continue;
    const label = (parts.label !== undefined ? o[parts.label] : undefined) ?? parts.unlabelled;
    if (label === undefined) continue;
    const e = byLabel.get(String(label)) ?? { qty: 0, sizes: [] };
    e.qty += qty;
    const size = parts.size !== undefined ? o[parts.size] : undefined;
    if (size != null && !e.sizes.includes(String(size))) e.sizes.push(String(size));
    byLabel.set(String(label), e);
  }
  // A size that names itself ("one size") is not said as "size one size": the size field's `alone` pattern (wording.values) says which.
  const alone = parts.size !== undefined ? alonePattern(say.values, parts.size) : undefined;
  const groups = [...byLabel].slice(0, 4);
  // Sizes that are steps of the item's own scale (its field said as a range) go in its order, a run of them as "XS to XL".
  const scale = scaleOf(item, [...new Set([...byLabel.values()].flatMap((e) => e.sizes))], say);
  const joined = (sizes: string[]) => (scale ? runText(sizes, scale, lang, lang === "en" ? undefined : "/") : lang === "en" ? listAnd(sizes) : sizes.join("/"));
  const sizesSaid = (sizes: string[]) => (lang !== "en" ? joined(sizes) : alone && sizes.every((z) => alone.test(z)) ? listAnd(sizes) : `size${sizes.length > 1 ? "s" : ""} ${joined(sizes)}`);
  // Every label in the same sizes: the sizes are said once for all, as a person would ("… — all in sizes L, M and S").
  const key = (e: { sizes: string[] }) => [...e.sizes].sort().join("\u0000");
  const common = groups.length > 1 && groups[0]![1].sizes.length > 0 && groups.every(([, e]) => key(e) === key(groups[0]![1]));
  // In English, labels that come in the same sizes are said together, as a person would: "gray and red (165 and 130 left, sizes XS to XL)".
  const together = lang === "en" && !common ? bySizes(groups, key) : groups.map((g) => [g]);
  // A label is said in lower case (mid-sentence "blue") only where the pack's fact wording for its
  // field asks for it (form lower); otherwise as the data writes it ("Central Library (3 left)").
  const labelForm = parts.label !== undefined ? (say.values?.[parts.label] as { fact?: { form?: string } } | undefined)?.fact?.form : undefined;
  const lower = lang === "en" && labelForm === "lower";
  const said = together.map((labels) => {
    const e = labels[0]![1];
    const c = listAnd(labels.map(([label]) => (lower ? label.toLowerCase() : label)));
    const sizes = common || e.sizes.length === 0 ? "" : `, ${sizesSaid(e.sizes)}`;
    // Two labels with as many left are "45 left each", not "45 and 45 left".
    const qty = labels.every(([, x]) => x.qty === e.qty) ? String(e.qty) : listAnd(labels.map(([, x]) => String(x.qty)));
    const each = labels.length > 1 && qty === String(e.qty) ? " each" : "";
    return `${c} (${qty} ${lang === "en" ? "left" : lang === "hi" ? "बचे" : "bache"}${each}${sizes})`;
  });
  const all = common ? ` — ${lang === "en" ? "all in " : lang === "hi" ? "सब में " : "sab mein "}${sizesSaid(groups[0]![1].sizes)}` : "";
  return (lang === "en" ? listAnd(said) : said.join(", ")) + all;
}

/** Labels grouped by the sizes they come in (a label with none stands alone), in the order each group first appears. */
function bySizes<E extends { sizes: string[] }>(groups: Array<[string, E]>, key: (e: E) => string): Array<Array<[string, E]>> {
  const out = new Map<string, Array<[string, E]>>();
  groups.forEach((g, i) => {
    const k = g[1].sizes.length === 0 ? `\u0001${i}` : key(g[1]);
    out.set(k, [...(out.get(k) ?? []), g]);
  });
  return [...out.values()];
}
