import type { Constraint } from "./types.js";
import { formatMoney } from "@chatmill/persona-sample";
import { article, withArticle, type Rng } from "@chatmill/kit";

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

const DEFAULT_NOUNS: Record<string, string[]> = {
  restaurant: ["restaurant", "place to eat"],
  hotel: ["hotel", "place"],
  train: ["train"],
  attraction: ["attraction", "place to visit"],
  taxi: ["taxi"],
  bus: ["bus"],
  hospital: ["hospital department"],
  flight: ["flight"],
};

const TYPE_NOUNS: Record<string, string> = {
  swimmingpool: "swimming pool", concerthall: "concert hall", architecture: "historic building", boat: "boat trip",
  entertainment: "entertainment venue", "multiple sports": "sports centre", mutliple_sports: "sports centre", nightclub: "nightclub",
  guesthouse: "guesthouse", hotel: "hotel", restaurant: "restaurant",
};

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

function title(v: string): string {
  return display(v);
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

const ENVS: Record<string, string> = { prod: "in production", production: "in production", staging: "in staging", dev: "in dev", internal: "on the internal network", test: "in test" };

/** A template of the phrase grammar said one way: each `[a|b]` as its first alternative, `{value}` filled. */
export function firstWay(template: string, value: string): string {
  let t = template;
  for (let guard = 0; guard < 100 && /\[[^[\]]*\]/.test(t); guard++) t = t.replace(/\[([^[\]]*)\]/g, (_m, inner: string) => inner.split("|")[0]!);
  return t.replaceAll("{value}", value).replace(/\s+/g, " ").trim();
}

/**
 * How the pack lets its fields be said (from @chatmill/domains, over its declared data): its own
 * phrasing of a value (`wording.values`, English, first alternatives: "in size {value}"), and a
 * field's name as words when the pack's own text says them (else undefined: the name is a key).
 */
export interface FieldSaying {
  phrase?: ((field: string, value: string, no: boolean) => string | undefined) | undefined;
  words?: ((field: string) => string | undefined) | undefined;
}

/**
 * `moneyField`: the table's declared price field (display.price), never guessed from a name;
 * `nameField`: the field that says what the row is called. A field the switch below does not
 * know is said by the pack's phrasing, else by its name's words when the pack says them, else
 * by its value alone — never as a key read aloud ("with train id TR8704").
 */
function one(parts: Parts, c: Constraint, currency: string, moneyField: string | undefined, nameField: string | undefined, say: FieldSaying): void {
  const f = c.field.toLowerCase().replace(/[^a-z]/g, "");
  const v = c.value;
  const s = typeof v === "string" ? v : Array.isArray(v) ? v.join(", ") : String(v);
  const fieldWords = say.words?.(c.field);
  if (c.op === "lte" || c.op === "lt") {
    const isMoney = c.field === moneyField;
    const money = isMoney && typeof v === "number" ? formatMoney(v, currency) : s;
    parts.post.push(isMoney ? `for under ${money}` : say.phrase?.(c.field, `under ${s}`, false) ?? (fieldWords ? `with ${fieldWords} under ${s}` : `under ${s}`));
    return;
  }
  if (typeof v === "boolean" || v === "yes" || v === "no") {
    const yes = v === true || v === "yes";
    if (f === "internet" || f === "wifi") parts.post.push(yes ? "with free wifi" : "without wifi");
    else if (f === "parking") parts.post.push(yes ? "with free parking" : "with no parking needed");
    else if (f === "ecofriendly" && yes) parts.pre.push("eco-friendly");
    else if (f === "newarrival" && yes) parts.pre.push("newly arrived");
    else if (f === "onsale") parts.post.push(yes ? "that's on sale" : "at full price");
    else {
      // A yes/no field the pack does not phrase and whose name it never says has no words: it is left unsaid.
      const own = say.phrase?.(c.field, yes ? "yes" : "no", !yes);
      if (own !== undefined) parts.post.push(own);
      else if (fieldWords) parts.post.push(yes ? `with ${fieldWords}` : `without ${fieldWords}`);
    }
    return;
  }
  if (c.field === nameField && f !== "name" && f !== "hostname" && f !== "title" && /\d/.test(s) && !/\s/.test(s)) {
    // A row called by a code ("TR8704", "HAT156"): the code after the noun — "the train TR8704".
    parts.code = s;
    return;
  }
  switch (f) {
    case "area":
      parts.post.push(s === "centre" || s === "center" ? "in the centre" : `in the ${s}`);
      return;
    case "pricerange":
      parts.pre.push(s === "moderate" ? "moderately priced" : s === "expensive" ? "upmarket" : s);
      return;
    case "food":
      parts.pre.push(title(s));
      return;
    case "stars":
      parts.pre.push(`${s}-star`);
      return;
    case "type":
      parts.noun = TYPE_NOUNS[s] ?? s;
      return;
    case "category":
      parts.noun = itemNoun(s);
      return;
    case "department":
      if (/(unit|clinic|ward|department|centre|center|ology|ics|surgery|medicine|care|ent|theatre)$/i.test(s)) parts.noun = /(department|unit|clinic|ward)$/i.test(s) ? s : `${s} department`;
      else parts.post.push(`from the ${s} range`);
      return;
    case "day":
      parts.post.push(`on ${title(s)}`);
      return;
    case "date":
      parts.post.push(`on ${s}`);
      return;
    case "departure":
    case "origin":
      parts.post.push(`from ${title(s)}`);
      return;
    case "destination":
      parts.post.push(`to ${title(s)}`);
      return;
    case "leaveat":
      parts.post.push(`leaving after ${s}`);
      return;
    case "arriveby":
      parts.post.push(`arriving by ${s}`);
      return;
    case "departuretime":
      parts.post.push(`departing at ${s}`);
      return;
    case "colors":
    case "color":
    case "colour":
    case "pattern":
      parts.pre.push(s.toLowerCase());
      return;
    case "sizes":
    case "size":
      parts.post.push(/one size/i.test(s) ? "in one size" : `in size ${s}`);
      return;
    case "brand":
      if (/^(unbranded|generic|no brand)$/i.test(s)) parts.pre.push("unbranded");
      else parts.post.push(`from ${s}`);
      return;
    case "material":
      parts.post.push(`in ${s.toLowerCase()}`);
      return;
    case "gender":
      parts.post.push(`for ${s}`);
      return;
    case "climate":
      parts.post.push(`for ${s.toLowerCase()} weather`);
      return;
    case "env":
    case "environment":
      parts.post.push(ENVS[s] ?? `in ${s}`);
      return;
    case "role":
      parts.pre.push(s.length <= 2 ? s.toUpperCase() : s);
      return;
    case "status":
      parts.post.push(`that is ${s}`);
      return;
    case "os":
      parts.post.push(`running ${s}`);
      return;
    case "name":
    case "hostname":
    case "title":
      parts.noun = /[A-Z]/.test(s) ? s : title(s).replace(/\b(Of|And|The|At|In|On|To)\b/g, (w) => w.toLowerCase());
      return;
    case "style":
      parts.post.push(`in ${withArticle(s.toLowerCase())} style`);
      return;
    case "cabin":
      parts.post.push(`in ${s.replace(/_/g, " ")}`);
      return;
    default: {
      parts.unknown = true;
      const own = say.phrase?.(c.field, s, false);
      if (own !== undefined) parts.post.push(own);
      else if (c.op === "contains") parts.post.push(fieldWords ? `with ${s} among its ${fieldWords}` : `with ${s}`);
      else parts.post.push(fieldWords ? `with ${fieldWords} ${s}` : `with ${s}`);
    }
  }
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
  // The pack's words for the service, else for a row of its table (display.<table>.nouns), never a table's name.
  const nouns = opts.nouns?.[service] ?? DEFAULT_NOUNS[service] ?? opts.tableNouns ?? [opts.say?.words?.(service) ?? "option"];
  const noun = parts.noun ?? rng.pick(nouns);
  const head = [...parts.pre, noun, ...(parts.code ? [parts.code] : [])].join(" ");
  const phrase = [head, ...rng.shuffle(parts.post.filter((p) => p.startsWith("in ") || p.startsWith("from ") || p.startsWith("to "))), ...parts.post.filter((p) => !(p.startsWith("in ") || p.startsWith("from ") || p.startsWith("to ")))].join(" ");
  if (opts.definite) return `the ${phrase}`;
  return `${article(head)} ${phrase}`;
}

/** Booking details as words: "for 4 people on Saturday at 19:30", "for 2 nights from Friday". */
export function describeBooking(match: Record<string, unknown>, say: FieldSaying = {}): string {
  const out: string[] = [];
  for (const [field, v] of Object.entries(match)) {
    const f = field.toLowerCase().replace(/[^a-z]/g, "");
    const s = String(v);
    if (/^(people|bookpeople|partysize|guests|passengers|seats|tickets|adults|quantity|count)$/.test(f)) out.push(`for ${s} ${s === "1" ? "person" : "people"}`);
    else if (f === "day" || f === "bookday") out.push(`on ${title(s)}`);
    else if (f === "date" || f.endsWith("date")) out.push(`on ${s}`);
    else if (f === "time" || f === "booktime") out.push(`at ${s}`);
    else if (f === "stay" || f === "bookstay" || f === "nights") out.push(`for ${s} night${s === "1" ? "" : "s"}`);
    else if (f === "leaveat" || f === "pickuptime" || f === "departuretime") out.push(`leaving at ${s}`);
    else if (f === "arriveby") out.push(`arriving by ${s}`);
    else if (f === "departure" || f === "origin" || f === "pickup") out.push(`from ${title(s)}`);
    else if (f === "destination" || f === "dropoff") out.push(`to ${title(s)}`);
    else if (f === "cabin" || f === "class") out.push(`in ${s.replace(/_/g, " ")}`);
    else if (/name$/.test(f)) continue;
    else {
      // A field the pack phrases, or whose name it says, with its words; else the value alone (never a key read aloud).
      const fw = say.words?.(field);
      out.push(say.phrase?.(field, s, false) ?? (fw ? `${fw} ${s}` : `with ${s}`));
    }
  }
  return out.join(" ");
}
