import { article, type Rng } from "@chatmill/kit";

/**
 * The phrase grammar of a pack's templates (wording.values, services[].thing, status parts) and
 * of dialogue-sim's banks: `[a|b]` alternatives and `{slot}`s (a pack's value templates have one,
 * `{value}`), said one way (firstWay) or drawn (expand). Here, in @chatmill/domains, because every tool
 * that says a pack's things reads the same templates (scenario-gen's goals, dialogue-sim's
 * turns, augment's re-worded turns) and augment depends on neither of the other two.
 */

/**
 * A tiny phrase grammar, so one line of a bank stands for dozens of sentences:
 *   [a|b|c]   one of the alternatives (nested brackets allowed; an empty one makes it optional)
 *   {slot}    a value from the slots (an array slot picks one of its values)
 *   {m:a|f:b} a first-person form agreeing with the speaker's gender, the slot GENDER_SLOT
 *             ("m", "f" or "n"; an optional |n:c is said for "n", else the masculine, Hindi's
 *             unmarked form). Plain text only inside.
 *   {tm:a|tf:b} a form agreeing with the grammatical gender of the thing the user asks for (the
 *             {thing} a pack declares by gender, services[].thing), the slot THING_GENDER_SLOT
 *             ("m" or "f"; the masculine when unset): "{thing} मिल {tm:सकता|tf:सकती} है".
 * Templates are compiled once and cached: the offline engine expands hundreds per dialogue.
 */
type Node = string | { slot: string } | { alt: Node[][] } | { gender: Readonly<Record<string, string>>; of: string };

/** The slot that says which gender form a {m:…|f:…} takes: the speaker's ("m", "f" or "n"). */
export const GENDER_SLOT = "_gender";

/** The slot that says which form a {tm:…|tf:…} takes: the grammatical gender of the {thing} ("m" or "f"). */
export const THING_GENDER_SLOT = "_thingGender";

const cache = new Map<string, Node[]>();
/**
 * Templates are written with {slots} for their values, so the banks' templates are a bounded
 * set. A template built around a value would be a new one per dialogue; past this many, new
 * templates are parsed each time instead of kept, so memory stays flat whatever a caller does.
 */
const CACHE_LIMIT = 10_000;

function compiled(template: string): Node[] {
  let nodes = cache.get(template);
  if (!nodes) {
    nodes = parse(template);
    if (cache.size < CACHE_LIMIT) cache.set(template, nodes);
  }
  return nodes;
}

function parse(src: string): Node[] {
  let i = 0;
  const seq = (inAlt: boolean): Node[][] => {
    const alts: Node[][] = [[]];
    let text = "";
    const flush = () => {
      if (text) alts[alts.length - 1]!.push(text);
      text = "";
    };
    while (i < src.length) {
      const c = src[i]!;
      if (c === "[") {
        flush();
        i++;
        alts[alts.length - 1]!.push({ alt: seq(true) });
      } else if (c === "]" && inAlt) {
        i++;
        flush();
        return alts;
      } else if (c === "|" && inAlt) {
        i++;
        flush();
        alts.push([]);
      } else if (c === "{") {
        const end = src.indexOf("}", i);
        if (end < 0) throw new Error(`phrase template has an unclosed '{': ${src}`);
        flush();
        const inner = src.slice(i + 1, end);
        alts[alts.length - 1]!.push(
          /^[mfn]:/.test(inner)
            ? { gender: Object.fromEntries(inner.split("|").map((f) => [f[0]!, f.slice(2)])), of: GENDER_SLOT }
            : /^t[mf]:/.test(inner)
              ? { gender: Object.fromEntries(inner.split("|").map((f) => [f[1]!, f.slice(3)])), of: THING_GENDER_SLOT }
              : { slot: inner },
        );
        i = end + 1;
      } else {
        text += c;
        i++;
      }
    }
    if (inAlt) throw new Error(`phrase template has an unclosed '[': ${src}`);
    flush();
    return alts;
  };
  return seq(false)[0]!;
}

export type Slots = Readonly<Record<string, string | readonly string[] | undefined>>;

function render(nodes: Node[], rng: Rng, slots: Slots, out: string[]): void {
  for (const n of nodes) {
    if (typeof n === "string") put(out, n);
    else if ("gender" in n) {
      const g = slots[n.of];
      put(out, n.gender[typeof g === "string" ? g : "m"] ?? n.gender.m ?? "");
    } else if ("slot" in n) {
      const v = slots[n.slot];
      if (v === undefined) throw new Error(`phrase slot {${n.slot}} has no value`);
      if (typeof v === "string") put(out, v);
      else if (v.length > 0) put(out, expand(rng.pick(v), rng, slots));
    } else render(rng.pick(n.alt), rng, slots, out);
  }
}

const TRAILING_WORD = /([\p{L}\p{M}'’]+)(\s*)$/u;
const LEADING_WORD = /^(\s*)([\p{L}\p{M}'’]+)(?![\p{L}\p{M}\p{N}'’])\s*/u;

/**
 * Adds a piece of a template's text. Where two pieces meet (a slot's value and the words around
 * it, or two alternatives), the same word on both sides with only spaces between is said once:
 * "I'd go for {wants}" with "for 5 people" says "I'd go for 5 people", "{clause} हो तो अच्छा"
 * with "जो English बोलता हो" says "… बोलता हो तो अच्छा". A word doubled inside one piece is the
 * writer's ("ok ok", "bye bye") and stays.
 */
function put(out: string[], text: string): void {
  if (text === "") return;
  // The spaces around a bracket (or an empty one) are pieces of their own: the word is in the piece before them.
  let k = out.length - 1;
  let spaces = "";
  while (k > 0 && /^\s+$/.test(out[k]!)) spaces = out[k--]! + spaces;
  const prev = k >= 0 ? out[k]! + spaces : undefined;
  if (prev !== undefined) {
    // Only the end of a long value is read (a regex anchored at the end still scans from the start).
    const tail = TRAILING_WORD.exec(prev.length > 64 ? prev.slice(-64) : prev);
    const head = tail ? LEADING_WORD.exec(text) : null;
    if (tail && head && (tail[2]!.length > 0 || head[1]!.length > 0) && head[2]!.toLowerCase() === tail[1]!.toLowerCase()) {
      // The second one goes, with the spaces after it when the first already has them.
      text = tail[2]!.length > 0 ? text.slice(head[0].length) : head[1]! + text.slice(head[0].length);
      if (text === "" || (tail[2]!.length === 0 && /^\s*$/.test(text))) return;
    }
  }
  out.push(text);
}

/** Expands one template. */
export function expand(template: string, rng: Rng, slots: Slots = {}): string {
  const nodes = compiled(template);
  const out: string[] = [];
  render(nodes, rng, slots, out);
  return out.join("");
}


/** A template of the phrase grammar said one way: each `[a|b]` as its first alternative, `{value}` filled. */
export function firstWay(template: string, value: string): string {
  let t = template;
  for (let guard = 0; guard < 100 && /\[[^[\]]*\]/.test(t); guard++) t = t.replace(/\[([^[\]]*)\]/g, (_m, inner: string) => inner.split("|")[0]!);
  return withoutEcho(t.replace(/\s+/g, " ").trim(), "{value}", value).replaceAll("{value}", value);
}

/**
 * The template's noun after the value dropped when the value already ends with it: "part of the
 * {value} collection" with "New Luma Yoga Collection" says the collection once (a plural noun
 * after a singular ending too: "{value} collections").
 */
function withoutEcho(said: string, mark: string, value: string): string {
  const last = /([\p{L}]+)\s*$/u.exec(value)?.[1];
  if (!last) return said;
  return said.replace(new RegExp(`${escapeRe(mark)} (${escapeRe(last)}s?)(?![\\p{L}])`, "giu"), mark);
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A number other than 1: said with a wording's `many` ("2 nights"). */
export function isMany(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 1;
  const s = String(value);
  return /^\d+(\.\d+)?$/.test(s) && Number(s) !== 1;
}

/**
 * A template filled with a value, the article before it by its sound ("in an athletic style"):
 * said one way, or with `rng` each `[a|b]` drawn.
 */
export function fillValue(template: string, value: string, rng?: Rng): string {
  // The template said first, the value then put in as it is (its spaces kept).
  const said = rng ? expand(template, rng, { value: "\u0000" }).replace(/\s+/g, " ").trim() : firstWay(template, "\u0000");
  const out = withoutEcho(said, "\u0000", value).replaceAll("\u0000", value);
  return value === "" ? out : out.replace(new RegExp(`\\ba (?=${escapeRe(value)})`, "g"), `${article(value)} `);
}
