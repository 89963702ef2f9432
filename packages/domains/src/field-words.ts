import type { Rng } from "@chatmill/kit";
import type { BookingValue, Wording } from "@chatmill/schema";
import type { Domain, ServiceInfo } from "./contract.js";
import { fillValue, isMany } from "./phrase-grammar.js";
import { sayableName } from "./sayable.js";
import { partySaid, timeSaid, weekdaySaid } from "./spoken-kinds.js";

/**
 * What a person calls a pack's fields and how its tool arguments are said, from the pack's data
 * only (wording.names, wording.values, booking.values, its own text): shared by dialogue-sim's
 * turns and facts and augment's re-worded turns, so a field is called the same by both.
 */

/** The languages a pack's wording is written in. */
export type Lang = "en" | "hi" | "mixed";

/** The pack's declared wording of each field (`wording.values`), as a fact is said from it. */
export type ValueWordings = NonNullable<Wording["values"]>;

/**
 * How a pack lets a row's facts be said: its fields' wording (`values`), and `name`, what a person
 * calls a field the pack gives no wording (its declared wording.names, else its name's words when
 * the pack's own text says them: factSaying); undefined from `name`: the value is said alone,
 * never its key. Without `name` (a caller with no pack) a field is said by its name's words.
 */
export interface FactSaying {
  values?: ValueWordings | undefined;
  name?: ((field: string) => string | undefined) | undefined;
  /**
   * The currency a field's amounts are said in, for the field the pack declares as the price of
   * the row's table (`offline.display.<table>.price`: "$19.99", not "price 19.99"); undefined for
   * any other field. Declared data only: no field is taken for money by its name.
   */
  money?: ((field: string) => string | undefined) | undefined;
  /**
   * When given, a fact wording's `[a|b]` alternatives are drawn with it ("based in Northgate",
   * "over in Northgate"), so a row said many times is not said in one mould (the offline voice);
   * without it each is said its first way, the same every time.
   */
  rng?: Rng | undefined;
}

const alonePatterns = new Map<string, RegExp>();

/**
 * The pack's pattern of a field's values that name the field itself and are said alone
 * (`wording.values.<field>.alone`: "one size", not "size one size"), compiled once per pattern.
 */
export function alonePattern(values: ValueWordings | undefined, field: string): RegExp | undefined {
  const src = values && Object.hasOwn(values, field) ? values[field]?.alone : undefined;
  if (src === undefined) return undefined;
  let re = alonePatterns.get(src);
  if (!re) alonePatterns.set(src, (re = new RegExp(src, "i")));
  return re;
}

/**
 * What a person calls a field: the pack's declared name for it (`wording.names`: "price range",
 * "departure time"; a yes/no field is named by what the question is about, "discount" not "on
 * sale", since it is said after "any preference on"), else its name's words when the pack's own
 * text says them (sayableName), else "detail": never its key read aloud.
 */
export function humanField(domain: Domain, f: string): string {
  return factSaying(domain).name!(f) ?? "detail";
}

const sayings = new WeakMap<Domain, FactSaying>();

/**
 * How the pack lets a row's facts be said: its fields' wording (`wording.values`), and a field
 * it gives none of by its declared name (`wording.names`), else by its name's words when the
 * pack's own text says them (sayableName), else not at all (the value alone).
 */
export function factSaying(domain: Domain): FactSaying {
  let say = sayings.get(domain);
  if (!say) sayings.set(domain, (say = { values: domain.pack.wording?.values, name: (f) => sayableName(domain, f) }));
  return say;
}

/** The pack's declared name for a field or argument (`wording.names`), if any. */
function declaredName(domain: Domain, f: string): string | undefined {
  const names = domain.pack.wording?.names;
  return names && Object.hasOwn(names, f) ? names[f] : undefined;
}

/**
 * One booking argument as words: "for 4 people", "on Friday", "at 19:00". An argument the pack
 * words (`wording.values.<arg>.arg`, per language) is said so; else (also in a language its words
 * leave out) by what its value is (the services' booking.values: a party, a weekday,
 * a time of day, a place), else by its name: the pack's declared one (`wording.names`), else
 * `words` (the pack's sayable words for an argument, sayableName); an argument it gives none for
 * is said by its value alone, never as its key. With `rng` (the user asking for its booking), a
 * party, weekday or time is said in one of the ways people say it (spoken-kinds.ts); without, its one way.
 */
export function describeArg(domain: Domain, k: string, v: unknown, lang: Lang, words: (k: string) => string | undefined, service?: ServiceInfo, rng?: Rng): string {
  const values = domain.wording?.values;
  const own = values && Object.hasOwn(values, k) ? values[k]?.arg : undefined;
  // The value as the pack writes it ("basic economy", not the data's "basic_economy"), in its words or with the argument's name.
  const text = argForm(String(v), own?.form);
  const said = (): string => {
    const name = declaredName(domain, k) ?? words(k);
    return name === undefined ? text : `${name} ${text}`;
  };
  // A language the pack's words leave out says the value by its kind below ("20:15 बजे", not "pick-up time 20:15").
  const t = own ? ((isMany(v) ? own.many?.[lang] : undefined) ?? own[lang]) : undefined;
  if (t !== undefined) return fillValue(t, text);
  // The service the call is for says what its argument is; without one, the first service that declares it.
  const kind = service?.booking?.values?.[k] ?? kindsOf(domain).get(k);
  switch (kind?.kind) {
    case "party":
      if (rng) return partySaid(String(v), lang, rng);
      return lang === "en" ? `for ${v} ${String(v) === "1" ? "person" : "people"}` : lang === "hi" ? (String(v) === "1" ? "1 व्यक्ति के लिए" : `${v} लोगों के लिए`) : String(v) === "1" ? "1 person" : `${v} log`;
    case "weekday":
      // Hindi names the day in Hindi ("शुक्रवार को", not "friday को"); Hinglish keeps the English name, capitalised.
      if (rng) return weekdaySaid(lang === "hi" ? (HI_DAYS[String(v).toLowerCase()] ?? String(v)) : cap(String(v)), lang, rng);
      return lang === "en" ? `on ${cap(String(v))}` : lang === "hi" ? `${HI_DAYS[String(v).toLowerCase()] ?? String(v)} को` : `${cap(String(v))} ko`;
    case "time":
      if (rng && lang !== "en") return timeSaid(String(v), lang, rng);
      return lang === "en" ? `at ${v}` : lang === "hi" ? `${v} बजे` : `${v} baje`;
    case "place":
      // Hindi and Hinglish put the place first, with a postposition: "Cambridge से", "Cambridge tak" (not "departure Cambridge").
      return lang === "en" ? `${kind.end} ${v}` : `${v} ${PLACE_END[lang][kind.end]}`;
    default:
      return said();
  }
}

/** An argument's value in its declared form (`wording.values.<arg>.arg.form`). */
function argForm(value: string, form: "as_is" | "lower" | "spaced" | undefined): string {
  return form === "lower" ? value.toLowerCase() : form === "spaced" ? value.replace(/_/g, " ") : value;
}

const PLACE_END: Record<"hi" | "mixed", Record<"from" | "to", string>> = { hi: { from: "से", to: "तक" }, mixed: { from: "se", to: "tak" } };

const kindCache = new WeakMap<Domain, Map<string, BookingValue>>();

/** What each booking argument's value is, over the pack's services (booking.values; the first service to declare an argument gives it). */
function kindsOf(domain: Domain): Map<string, BookingValue> {
  let kinds = kindCache.get(domain);
  if (!kinds) {
    kinds = new Map();
    for (const s of domain.services) for (const [f, kind] of Object.entries(s.booking?.values ?? {})) if (!kinds.has(f)) kinds.set(f, kind);
    kindCache.set(domain, kinds);
  }
  return kinds;
}

/** The weekdays in Hindi, by their English names (a weekday value is said in the dialogue's language). */
const HI_DAYS: Readonly<Record<string, string>> = { monday: "सोमवार", tuesday: "मंगलवार", wednesday: "बुधवार", thursday: "गुरुवार", friday: "शुक्रवार", saturday: "शनिवार", sunday: "रविवार" };

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
