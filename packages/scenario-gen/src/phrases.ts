import type { Constraint } from "./types.js";
import type { BookingValue, GoalWording, ValueForm, ValueWording } from "@chatmill/schema";
import { formatMoney } from "@chatmill/persona-sample";
import { article, type Rng } from "@chatmill/kit";
import { fillValue, isMany } from "@chatmill/domains";

/**
 * Turns constraints into English: words that go before the noun ("cheap", "4-star",
 * "italian"), phrases after it ("in the centre", "with free wifi", "under £25"), and
 * fields that name the thing itself ("guesthouse", "museum", "hoodie").
 */
interface Parts {
  pre: string[];
  post: string[];
  noun?: string;
  /** A field none of the words below know: said in the pack's words for it, or as its value. */
  unknown?: boolean;
  /** The code the row is called by ("TR8704"), said after the noun. */
  code?: string;
}

const PLURAL_ONLY = /^(pants|shorts|leggings|tights|jeans|trousers|joggers|capris|sweatpants|bottoms|glasses)$/i;

function singular(word: string): string {
  if (PLURAL_ONLY.test(word)) return word;
  if (/ies$/.test(word)) return word.replace(/ies$/, "y");
  if (/(ss|us)$/.test(word)) return word;
  if (/(sh|ch|x)es$/.test(word)) return word.replace(/es$/, "");
  return word.replace(/s$/, "");
}

/** "hoodies & sweatshirts" → "hoodie or sweatshirt". */
export function itemNoun(category: string): string {
  return category
    .toLowerCase()
    .split(/\s*(?:&|\/|,| and )\s*/)
    .map((part) => part.split(" ").map((w, i, all) => (i === all.length - 1 ? singular(w) : w)).join(" "))
    .join(" or ");
}

/** "pizza hut city centre" → "Pizza Hut City Centre"; names that already have capitals stay as they are. */
const displayed = new Map<string, string>();
export function display(name: string): string {
  // Names with capitals are already written as meant; host names and codes (web-01, db_main) stay as they are.
  if (/[A-Z]/.test(name) || /\d|\.\w|_/.test(name)) return name;
  let out = displayed.get(name);
  if (out === undefined) {
    out = titleWords(name);
    if (displayed.size < 50_000) displayed.set(name, out);
  }
  return out;
}

function titleWords(name: string): string {
  return name.replace(/(^|[\s(-])([a-z])([a-z']*)/g, (w, sep: string, a: string, rest: string) =>
    /^(of|and|the|at|in|on|to|de|du|la)$/.test(a + rest) && sep !== "" ? w : sep + a.toUpperCase() + rest);
}

/** "a" or "an" by the first word's sound ("an ML box", "a DB server", "an hour"): the one function in @chatmill/kit. */
export { article };

/**
 * How the pack lets its fields be said (from @chatmill/domains, over its declared data): its own
 * phrasing of a value (`wording.values`, English, first alternatives: "in size {value}"), its
 * whole declared wording of a field (`spec`: the goal's phrase, where it goes, its value words),
 * and a field's name as words when the pack's own text says them (else undefined: the name is a key).
 */
export interface FieldSaying {
  phrase?: ((field: string, value: string, no: boolean) => string | undefined) | undefined;
  words?: ((field: string) => string | undefined) | undefined;
  spec?: ((field: string) => ValueWording | undefined) | undefined;
}

/** A value written in a declared form (`wording.values.<field>.goal.form`, `.fact.form`). */
export function inForm(value: string, form: ValueForm | undefined): string {
  switch (form) {
    case "lower":
      return value.toLowerCase();
    case "title":
      return display(value);
    case "name":
      // A row's name as a noun: title case with its small words small, even the first; a name with capitals stays as written.
      return /[A-Z]/.test(value) ? value : display(value).replace(/\b(Of|And|The|At|In|On|To)\b/g, (w) => w.toLowerCase());
    case "upper_if_short":
      return value.length <= 2 ? value.toUpperCase() : value;
    case "spaced":
      return value.replace(/_/g, " ");
    case "item_noun":
      return itemNoun(value);
    default:
      return value;
  }
}

/** The goal's phrase for a value, and where it goes (`wording.values.<field>.goal`). */
export function goalPhrase(goal: GoalWording, raw: string): { text: string; place: NonNullable<GoalWording["place"]> } {
  const special = goal.cases?.find((c) => new RegExp(c.match, "i").test(raw));
  const template = special?.say ?? (goal.many !== undefined && isMany(raw) ? goal.many : goal.say) ?? "{value}";
  const value = goal.words && Object.hasOwn(goal.words, raw) ? goal.words[raw]! : inForm(raw, goal.form);
  return { text: fillValue(template, value), place: special?.place ?? goal.place ?? "after" };
}

function put(parts: Parts, text: string, place: NonNullable<GoalWording["place"]>): void {
  if (place === "before") parts.pre.push(text);
  else if (place === "noun") parts.noun = text;
  else if (place === "code") parts.code = text;
  else parts.post.push(text);
}

/**
 * `moneyField`: the table's declared price field (display.price), never guessed from a name;
 * `nameField`: the field that says what the row is called. A field is said as the pack's
 * wording declares (`wording.values.<field>.goal`), else by the pack's phrasing, else by its
 * name's words when the pack says them, else by its value alone — never as a key read aloud
 * ("with train id TR8704").
 */
function one(parts: Parts, c: Constraint, currency: string, moneyField: string | undefined, nameField: string | undefined, say: FieldSaying): void {
  const v = c.value;
  const s = typeof v === "string" ? v : Array.isArray(v) ? v.join(", ") : String(v);
  const fieldWords = say.words?.(c.field);
  const goal = say.spec?.(c.field)?.goal;
  if (c.op === "lte" || c.op === "lt") {
    const isMoney = c.field === moneyField;
    const money = isMoney && typeof v === "number" ? formatMoney(v, currency) : s;
    parts.post.push(isMoney ? `for under ${money}` : say.phrase?.(c.field, `under ${s}`, false) ?? (fieldWords ? `with ${fieldWords} under ${s}` : `under ${s}`));
    return;
  }
  if (typeof v === "boolean" || v === "yes" || v === "no") {
    const yes = v === true || v === "yes";
    const declared = yes ? goal?.say : goal?.no;
    if (goal && declared !== undefined) {
      put(parts, fillValue(declared, yes ? "yes" : "no"), goal.place ?? "after");
      return;
    }
    // A yes/no field the pack does not phrase and whose name it never says has no words: it is left unsaid.
    const own = say.phrase?.(c.field, yes ? "yes" : "no", !yes);
    if (own !== undefined) parts.post.push(own);
    else if (fieldWords) parts.post.push(yes ? `with ${fieldWords}` : `without ${fieldWords}`);
    return;
  }
  if (c.field === nameField && goal?.place !== "noun" && /\d/.test(s) && !/\s/.test(s)) {
    // A row called by a code ("TR8704", "HAT156"): the code after the noun — "the train TR8704".
    parts.code = s;
    return;
  }
  if (goal) {
    const { text, place } = goalPhrase(goal, s);
    put(parts, text, place);
    return;
  }
  parts.unknown = true;
  const own = say.phrase?.(c.field, s, false);
  if (own !== undefined) parts.post.push(own);
  else if (c.op === "contains") parts.post.push(fieldWords ? `with ${s} among its ${fieldWords}` : `with ${s}`);
  else parts.post.push(fieldWords ? `with ${fieldWords} ${s}` : `with ${s}`);
}

/**
 * "a cheap Italian restaurant in the centre", "a 4-star guesthouse in the east with free wifi",
 * "a black hoodie or sweatshirt from Luma in size M for under $60".
 */
export function describeThing(
  service: string,
  constraints: readonly Constraint[],
  rng: Rng,
  opts: { currency: string; table?: string; nouns?: Record<string, string[]>; tableNouns?: string[]; money?: string; nameField?: string; say?: FieldSaying; definite?: boolean; named?: boolean },
): string {
  const parts: Parts = { pre: [], post: [] };
  for (const c of constraints) one(parts, c, opts.currency, opts.money, opts.nameField, opts.say ?? {});
  if (opts.named && parts.noun) return parts.noun;
  // A row named by a field the words above do not know (a topic, a command): its name as the data writes it.
  const only = constraints[0];
  if (opts.named && parts.unknown && constraints.length === 1 && typeof only?.value === "string" && only.op === "eq") return only.value;
  // The pack's words for the service (offline.nouns, services[].nouns), else for a row of its table (display.<table>.nouns), never a table's name.
  const nouns = opts.nouns?.[service] ?? opts.tableNouns ?? [opts.say?.words?.(service) ?? "option"];
  const noun = parts.noun ?? rng.pick(nouns);
  const head = [...parts.pre, noun, ...(parts.code ? [parts.code] : [])].join(" ");
  const phrase = [head, ...rng.shuffle(parts.post.filter((p) => p.startsWith("in ") || p.startsWith("from ") || p.startsWith("to "))), ...parts.post.filter((p) => !(p.startsWith("in ") || p.startsWith("from ") || p.startsWith("to ")))].join(" ");
  if (opts.definite) return `the ${phrase}`;
  return `${article(head)} ${phrase}`;
}

/**
 * Booking details as words: "for 4 people on Saturday at 19:30", "for 2 nights from Friday".
 * A field is said as the pack words it (`wording.values.<field>.goal`), else by what its value
 * is (`kinds`: the service's booking.values — a party, a weekday, a date, a time, a place), else
 * by the pack's phrasing or its name's words; a guest's own name is not said.
 */
export function describeBooking(match: Record<string, unknown>, say: FieldSaying = {}, kinds: Readonly<Record<string, BookingValue>> = {}): string {
  const out: string[] = [];
  for (const [field, v] of Object.entries(match)) {
    const s = String(v);
    const kind = Object.hasOwn(kinds, field) ? kinds[field] : undefined;
    const goal = say.spec?.(field)?.goal;
    if (kind?.kind === "guest_name") continue;
    if (goal) out.push(goalPhrase(goal, s).text);
    else if (kind?.kind === "party") out.push(`for ${s} ${s === "1" ? "person" : "people"}`);
    else if (kind?.kind === "weekday") out.push(`on ${display(s)}`);
    else if (kind?.kind === "date") out.push(`on ${s}`);
    else if (kind?.kind === "time") out.push(`at ${s}`);
    else if (kind?.kind === "place") out.push(`${kind.end} ${display(s)}`);
    else {
      // A field the pack phrases, or whose name it says, with its words; else the value alone (never a key read aloud).
      const fw = say.words?.(field);
      out.push(say.phrase?.(field, s, false) ?? (fw ? `${fw} ${s}` : `with ${s}`));
    }
  }
  return out.join(" ");
}
