import { ngrams, words } from "./tokenize.js";

/**
 * Phrases that belong to one pack, and where they turn up in another pack's dialogues.
 *
 * Shape-agnostic on purpose: a pack's phrases are every string found anywhere under its
 * `wording` section (whatever shape it takes) and under its offline voice lists (`offline.voice`,
 * `offline.style_mapping`), except under keys that list what *not* to say (`dont`, `avoid`,
 * `never`). Each string's `[a|b]` alternatives are expanded, it is cut at `{slot}`s (and at
 * bracketed placeholders such as `[tool call]`), and each piece gives its word 4-grams. A 4-gram
 * also found in another pack's phrases (or in the neutral defaults, when given) is nobody's own
 * and is dropped.
 */
export const PHRASE_ROOTS: ReadonlyArray<readonly string[]> = [["wording"], ["offline", "voice"], ["offline", "style_mapping"]];
const NOT_PHRASES = new Set(["dont", "don't", "avoid", "never", "banned"]);

/** Every string under a value, recursively (object values and array items), skipping keys that list what not to say. */
export function stringsUnder(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsUnder(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) if (!NOT_PHRASES.has(k.toLowerCase())) stringsUnder(v, out);
  }
  return out;
}

export function packPhraseStrings(pack: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const path of PHRASE_ROOTS) {
    let v: unknown = pack;
    for (const k of path) v = v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined;
    if (v !== undefined) stringsUnder(v, out);
  }
  return out;
}

/**
 * The prose a pack's data holds and its details answers quote (`offline.display.<table>.prose`:
 * the named field of every row of that table). Said in the pack's own dialogues it is the pack's
 * own text, not a leak of another pack's phrase that shares a 4-gram with it ("just want to be");
 * it owns no phrase of its own (LeakFinder's `ownText`), so another pack saying "just what you
 * need" is not a leak of the catalog's.
 */
export function packProseStrings(pack: Record<string, unknown>, tables: ReadonlyMap<string, { rows: ReadonlyArray<Record<string, unknown>> }>): string[] {
  const out: string[] = [];
  const offline = pack.offline as { display?: Record<string, { prose?: unknown }> } | undefined;
  for (const [table, display] of Object.entries(offline?.display ?? {})) {
    if (typeof display?.prose !== "string") continue;
    for (const row of tables.get(table)?.rows ?? []) if (typeof row[display.prose] === "string") out.push(row[display.prose] as string);
  }
  return out;
}

/**
 * A template's `[a|b|c]` alternatives expanded (at most `cap` variants: the rest are not
 * generated, so a template of many groups cannot explode). A bracket without `|` is a
 * placeholder and is left for pieces() to cut at.
 */
export function expandAlternatives(template: string, cap = 64): string[] {
  let out = [""];
  let rest = template;
  for (;;) {
    const m = /\[([^\[\]]*\|[^\[\]]*)\]/.exec(rest);
    if (!m) break;
    const head = rest.slice(0, m.index);
    const options = m[1]!.split("|");
    const next: string[] = [];
    for (const prefix of out) {
      for (const o of options) {
        if (next.length >= cap) break;
        next.push(prefix + head + o);
      }
    }
    out = next;
    rest = rest.slice(m.index + m[0].length);
  }
  return out.map((p) => p + rest);
}

/** A phrase cut where a value is put in: `{slot}`, `{{slot}}`, `[placeholder]`, `...`. */
export function pieces(phrase: string): string[] {
  return phrase.split(/\{\{?[^{}]*\}\}?|\[[^\[\]]*\]|\.\.\.|…/).filter((p) => p.trim() !== "");
}

export function phraseGrams(strings: readonly string[], n = 4): Set<string> {
  const out = new Set<string>();
  for (const s of strings) for (const variant of expandAlternatives(s)) for (const piece of pieces(variant)) for (const g of ngrams(words(piece), n)) out.add(g);
  return out;
}

/** Whose a 4-gram is: the pack, and the phrase (as the pack writes it) it comes from. */
export interface GramOwner {
  pack: string;
  phrase: string;
}

/** 4-gram → the pack it belongs to, from each pack's phrase strings, shared 4-grams dropped. */
export function ownGrams(packs: ReadonlyMap<string, readonly string[]>, neutral: readonly string[] = []): Map<string, GramOwner> {
  const shared = phraseGrams(neutral);
  const owners = new Map<string, Map<string, string>>();
  for (const [pack, strings] of packs) {
    for (const phrase of strings) {
      for (const g of phraseGrams([phrase])) {
        if (!owners.has(g)) owners.set(g, new Map());
        if (!owners.get(g)!.has(pack)) owners.get(g)!.set(pack, phrase);
      }
    }
  }
  const out = new Map<string, GramOwner>();
  for (const [g, who] of owners) {
    if (who.size !== 1 || shared.has(g)) continue;
    const [pack, phrase] = [...who][0]!;
    out.set(g, { pack, phrase });
  }
  return out;
}

/** A phrase the issue saw leak, with the packs it belongs to (a leak anywhere else). */
export interface GuardPhrase {
  phrase: string;
  packs: readonly string[];
  why: string;
}

/**
 * Issue #18's examples of phrases out of place, as a fixed list (the engine writes them in code
 * today, so no pack declares them). Origins: booking confirmations are travel's; shopping tips
 * and "that one's a winner" retail's; the ops explainer ("knowing what state things are in …")
 * and the executive briefing openers ("Bottom line:", "Short version:", "TL;DR", the AJ voice of
 * ops' style_mapping) are ops'; "pro tip" both retail's and ops'.
 */
export const GUARD_PHRASES: readonly GuardPhrase[] = [
  { phrase: "you're booked", packs: ["travel"], why: "travel's booking confirmation" },
  { phrase: "that one's a winner", packs: ["retail"], why: "retail's pick praise" },
  { phrase: "pro tip", packs: ["retail", "ops"], why: "retail's shopping tips and ops' learner tips" },
  { phrase: "i can check stock", packs: ["retail"], why: "retail tip" },
  { phrase: "check stock before you decide", packs: ["retail"], why: "retail tip" },
  { phrase: "asking for a size or a price cap", packs: ["retail"], why: "retail tip" },
  { phrase: "check the material if you care about warmth", packs: ["retail"], why: "retail tip" },
  { phrase: "reviews are a good tie-breaker", packs: ["retail"], why: "retail tip" },
  { phrase: "size ya budget", packs: ["retail"], why: "retail tip (Hinglish)" },
  { phrase: "साइज़ या बजट", packs: ["retail"], why: "retail tip (Hindi)" },
  { phrase: "bottom line", packs: ["ops"], why: "AJ's executive opener (ops)" },
  { phrase: "short version", packs: ["ops"], why: "AJ's executive opener (ops)" },
  { phrase: "tl;dr", packs: ["ops"], why: "AJ's executive opener (ops)" },
  { phrase: "knowing what state things are in", packs: ["ops"], why: "ops explainer" },
  { phrase: "changing one thing at a time", packs: ["ops"], why: "ops explainer" },
  { phrase: "check before you change anything", packs: ["ops"], why: "ops explainer" },
  { phrase: "keep a note of what you ran", packs: ["ops"], why: "ops explainer" },
  { phrase: "show you on a real box", packs: ["ops"], why: "ops explainer" },
  { phrase: "एक बार में एक बदलाव", packs: ["ops"], why: "ops explainer (Hindi)" },
  { phrase: "ek time pe ek change", packs: ["ops"], why: "ops explainer (Hinglish)" },
];

export interface Leak {
  /** The guard phrase, or the pack's phrase (as written) a 4-gram of it came from. */
  phrase: string;
  /** What matched: the guard phrase, or the first 4-gram of the pack's phrase found. */
  matched: string;
  /** The pack(s) the phrase belongs to. */
  origin: string;
  /** "4-gram" (from a pack's phrases) or "guard" (the fixed list). */
  source: "4-gram" | "guard";
  /** The user or assistant text it was found in. */
  text: string;
}

/**
 * Finds other packs' phrases in one dialogue of `pack`: its user and assistant texts, matched as
 * word sequences (so punctuation and case do not matter).
 */
export class LeakFinder {
  private readonly guards: Array<GuardPhrase & { key: string }>;

  /** By pack: the 4-grams of the text its own data says (packProseStrings), which its dialogues may say whoever else's phrase they are. */
  private readonly ownText: ReadonlyMap<string, ReadonlySet<string>>;

  constructor(
    private readonly grams: ReadonlyMap<string, GramOwner>,
    guards: readonly GuardPhrase[] = GUARD_PHRASES,
    ownText: ReadonlyMap<string, readonly string[]> = new Map(),
  ) {
    this.guards = guards.map((g) => ({ ...g, key: ` ${words(g.phrase).join(" ")} ` }));
    this.ownText = new Map([...ownText].map(([pack, texts]) => [pack, new Set(texts.flatMap((t) => ngrams(words(t), 4)))]));
  }

  find(pack: string, texts: readonly string[]): Leak[] {
    const out: Leak[] = [];
    for (const text of texts) {
      const tokens = words(text);
      // One leak per phrase of another pack, however many of its 4-grams the text repeats.
      const phrases = new Set<string>();
      for (const g of ngrams(tokens, 4)) {
        const owner = this.grams.get(g);
        if (owner === undefined || owner.pack === pack || phrases.has(owner.phrase) || this.ownText.get(pack)?.has(g)) continue;
        phrases.add(owner.phrase);
        out.push({ phrase: owner.phrase, matched: g, origin: owner.pack, source: "4-gram", text });
      }
      const joined = ` ${tokens.join(" ")} `;
      for (const g of this.guards) {
        if (!g.packs.includes(pack) && joined.includes(g.key)) out.push({ phrase: g.phrase, matched: g.phrase, origin: g.packs.join("/"), source: "guard", text });
      }
    }
    return out;
  }
}
