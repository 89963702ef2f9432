/**
 * The zero-count checks of issue #18, each over plain records (messages, strings), so each can
 * be tested on a line a person wrote. Every check returns what it found (for examples), not a flag.
 */

/** The message fields these checks read (a chatmill Dialogue message has them). */
export interface Msg {
  role: string;
  content?: string | null;
  tool_calls?: ReadonlyArray<{ name: string }> | null;
}

/** Indices i where messages i and i+1 are both assistant messages: no tool message (and no user turn) between them. */
export function consecutiveAssistant(messages: readonly Msg[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < messages.length; i++) {
    if (messages[i]!.role === "assistant" && messages[i + 1]!.role === "assistant") out.push(i);
  }
  return out;
}

/** HTML character references left in text: named (`&trade;`), decimal (`&#8482;`) or hex (`&#x2122;`). */
const ENTITY = /&(?:[a-z][a-z0-9]{1,31}|#[0-9]{1,7}|#x[0-9a-f]{1,6});/gi;

export function htmlEntities(text: string): string[] {
  return text.match(ENTITY) ?? [];
}

// --- a / an ----------------------------------------------------------------------------------

/** Words spelt with a vowel letter that start with a consonant sound ("a one", "a user", "a European"). */
const VOWEL_LETTER_CONSONANT_SOUND = /^(?:one|once|uni|use|usa|usi|usu|ute|uti|ura|uro|eu|ewe|ufo|uk|ukr|uga|ubiq)/;
/** Words spelt with a consonant letter that start with a vowel sound ("an hour", "an honest"). */
const CONSONANT_LETTER_VOWEL_SOUND = /^(?:hour|honest|honou?r|heir)/;
/** Letters whose spoken name starts with a vowel sound: an initialism starting with one takes "an" ("an SUV", "an MRI"). */
const VOWEL_NAMED_LETTERS = new Set("aefhilmnorsx");

export interface ArticleError {
  article: string;
  word: string;
  /** The article, the word and a few words either side. */
  context: string;
}

/**
 * Whether a word (as written) starts with a vowel sound, or null when that cannot be told (a
 * word without letters or digits). Initialisms (2–4 capitals, like "SUV", "FAQ") are read letter
 * by letter; numbers by how they are said ("an 8", "an 11", "an 18", "a 1").
 */
export function startsWithVowelSound(word: string): boolean | null {
  if (/^\d/.test(word)) return /^(?:8|11(?!\d)|18(?!\d)|11,\d{3}(?!,)|18,\d{3}(?!,))/.test(word);
  if (/^[A-Z]{2,4}s?$/.test(word) && !/^[A-Z][a-z]/.test(word)) {
    // Read as letters unless it is pronounceable as a word with the usual shape (vowel in the middle, e.g. "NASA"): keep it simple and read letters.
    return VOWEL_NAMED_LETTERS.has(word[0]!.toLowerCase());
  }
  const w = word.toLowerCase();
  if (!/^[a-z]/.test(w)) return null;
  if (CONSONANT_LETTER_VOWEL_SOUND.test(w)) return true;
  if (/^[aeiou]/.test(w)) return !VOWEL_LETTER_CONSONANT_SOUND.test(w);
  return false;
}

/**
 * "a" before a vowel sound and "an" before a consonant sound, in English text. Words are read
 * with their case (for initialisms); markdown and punctuation between the article and the word
 * are skipped (`a \`uptime\``), but a sentence end is not (`… plan A. Our …`).
 */
export function articleErrors(text: string): ArticleError[] {
  const out: ArticleError[] = [];
  // Whitespace first: "a `uptime`" is an article, "`ip -br a` on" is not.
  const re = /(?<![\p{L}\p{M}\p{N}'’-])(a|an|A|An|AN)\s+[*_`"“(]*([\p{L}\p{N}][\p{L}\p{M}\p{N}'’,]*)/gu;
  for (const m of text.matchAll(re)) {
    const article = m[1]!.toLowerCase();
    const word = m[2]!.replace(/,$/, "");
    // Single letters are names of letters or list markers ("a b c", "size a"), not words.
    if (word.length === 1 && !/\d/.test(word)) continue;
    // "A and B Guest House", "plan a or b": a letter named, not an article.
    if (/^(?:and|or|to)$/i.test(word)) continue;
    const vowel = startsWithVowelSound(word);
    if (vowel === null) continue;
    if ((article === "a" && vowel) || (article === "an" && !vowel)) {
      const start = Math.max(0, m.index! - 30);
      out.push({ article, word, context: text.slice(start, m.index! + m[0].length + 30).replace(/\s+/g, " ") });
    }
  }
  return out;
}

// --- first-person verb gender (Hindi and Hinglish) --------------------------------------------

export interface GenderForms {
  masculine: string[];
  feminine: string[];
}

// Hindi: a participle or adjective before हूँ (only the first person singular takes हूँ), the
// first-person future (-ऊँगा / -ऊँगी), and a participle before था/थी in a message whose subject
// मैं is said (not मैंने: an ergative verb agrees with its object, not the speaker).
const HI_AM = "(?:हूँ|हूं|हु)";
const HI_WORD = "[\\p{L}\\p{M}]+";
/** Words ending in ी that are not feminine (adjectives of either gender). */
const HI_NEUTRAL_I = new Set(["दुखी", "सुखी", "आभारी", "राज़ी", "राजी", "ख़ुशी", "खुशी", "भारतीय", "जी"]);
const HI_PRESENT = new RegExp(`(${HI_WORD})\\s+${HI_AM}(?![\\p{L}\\p{M}])`, "gu");
const HI_FUTURE = new RegExp(`(?<![\\p{L}\\p{M}])${HI_WORD}(?:ूँ|ूं|ऊँ|ऊं)(गा|गी)(?![\\p{L}\\p{M}])`, "gu");
const HI_PAST = new RegExp(`(${HI_WORD})\\s+(?:था|थी)(?![\\p{L}\\p{M}])`, "gu");
const HI_I = /(?<![\p{L}\p{M}])मैं(?![\p{L}\p{M}])/u;

function hindiGender(word: string): "m" | "f" | null {
  if (HI_NEUTRAL_I.has(word)) return null;
  if (word.endsWith("ा")) return "m";
  if (word.endsWith("ी") || word.endsWith("ई")) return "f";
  return null;
}

// Hinglish: the same three forms, romanised. Participles and adjectives are listed (a word
// ending in -ta/-ti is an imperfective participle: chahta, sakta, karti…), since a Latin word
// before "hoon" may be English ("main ready hoon").
const HL_M = "(?:[a-z]+t[a]|raha|rha|gaya|gya|chuka|saka|paya|laga|aaya|aya|hua|naya|thaka|baitha|pahuncha|pahucha)";
const HL_F = "(?:[a-z]+ti|rahi|rhi|gayi|gyi|gai|chuki|saki|payi|lagi|aayi|ayi|hui|nayi|nai|thaki|baithi|pahunchi|pahuchi)";
const HL_AM = "(?:hoon|hun|hu|hoo|hu+n)";
const HL_PRESENT_M = new RegExp(`\\b(${HL_M})\\s+${HL_AM}\\b`, "g");
const HL_PRESENT_F = new RegExp(`\\b(${HL_F})\\s+${HL_AM}\\b`, "g");
const HL_FUTURE_M = /\b[a-z]+(?:unga|oonga|ungaa)\b/g;
const HL_FUTURE_F = /\b[a-z]+(?:ungi|oongi)\b/g;
/** Romanised words that end like a first-person future but are not one. */
const HL_NOT_FUTURE = new Set(["lungi"]);
const HL_PAST_M = new RegExp(`\\b(${HL_M})\\s+tha\\b`, "g");
const HL_PAST_F = new RegExp(`\\b(${HL_F})\\s+thi\\b`, "g");
const HL_I = /\b(?:main|mai)\b/;
/** English words a Hinglish -ta/-ti pattern would take for participles ("data hoon" never occurs, but these do). */
const HL_NOT_PARTICIPLE = new Set(["data", "beta", "meta", "delta", "quota", "pasta", "city", "party", "duty", "pretty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "twenty", "quality", "safety", "entity"]);

/**
 * First-person gendered verb forms in one user message (Hindi in Devanagari, Hinglish in Latin
 * letters), each as the words found. A message carries a gender when either list is non-empty.
 */
export function firstPersonGender(text: string): GenderForms {
  const masculine: string[] = [];
  const feminine: string[] = [];
  const add = (g: "m" | "f" | null, form: string) => {
    if (g === "m") masculine.push(form);
    else if (g === "f") feminine.push(form);
  };
  for (const m of text.matchAll(HI_PRESENT)) add(hindiGender(m[1]!), m[0]);
  for (const m of text.matchAll(HI_FUTURE)) add(m[1] === "गा" ? "m" : "f", m[0]);
  if (HI_I.test(text)) for (const m of text.matchAll(HI_PAST)) add(hindiGender(m[1]!), m[0]);

  const lower = text.toLowerCase();
  const participle = (w: string) => !HL_NOT_PARTICIPLE.has(w);
  for (const m of lower.matchAll(HL_PRESENT_M)) if (participle(m[1]!)) masculine.push(m[0]);
  for (const m of lower.matchAll(HL_PRESENT_F)) if (participle(m[1]!)) feminine.push(m[0]);
  for (const m of lower.matchAll(HL_FUTURE_M)) masculine.push(m[0]);
  for (const m of lower.matchAll(HL_FUTURE_F)) if (!HL_NOT_FUTURE.has(m[0])) feminine.push(m[0]);
  if (HL_I.test(lower)) {
    for (const m of lower.matchAll(HL_PAST_M)) if (participle(m[1]!)) masculine.push(m[0]);
    for (const m of lower.matchAll(HL_PAST_F)) if (participle(m[1]!)) feminine.push(m[0]);
  }
  return { masculine, feminine };
}

/**
 * Whether a message's gendered forms agree with the speaker: "agrees" when every form is the
 * persona's gender, "disagrees" when any is not, null when the message carries none or the
 * persona's gender has no grammatical form to check (not "male" or "female").
 */
export function genderAgreement(forms: GenderForms, gender: string | undefined): "agrees" | "disagrees" | null {
  if (forms.masculine.length + forms.feminine.length === 0) return null;
  if (gender === "male") return forms.feminine.length === 0 ? "agrees" : "disagrees";
  if (gender === "female") return forms.masculine.length === 0 ? "agrees" : "disagrees";
  return null;
}

// --- raw field and category names ---------------------------------------------------------------

export interface NameHit {
  name: string;
  /** As found: the name itself ("on_sale") or with spaces ("general inquiry"). */
  found: string;
}

/**
 * Finds a pack's internal names said aloud in user text. Only names with an underscore count
 * (a single-word name — "area", "size", "status" — is an ordinary word). A name counts raw
 * ("on_sale") always, and with spaces for its underscores ("general inquiry") unless the pack's
 * own human wording or its data say it that way (`sayable`: its category labels and asks, nouns,
 * wording strings, the text values of its rows), since then it is how the pack's people talk
 * ("find a jacket on sale") or a value repeated ("Cocona® performance fabric").
 */
export class NameFinder {
  private readonly patterns: Array<{ name: string; raw: RegExp; spaced: RegExp | null }>;

  /**
   * `rawOnly`: names checked raw only (tool names: said with spaces they are ordinary verb
   * phrases, "find train tickets", "check availability").
   */
  constructor(names: Iterable<string>, sayable: Iterable<string> = [], rawOnly: Iterable<string> = []) {
    const rawOnlySet = new Set([...rawOnly].map((n) => n.toLowerCase()));
    const said = [...sayable].map((s) => s.toLowerCase().replace(/\s+/g, " ")).join("\n");
    const bounded = (s: string) => new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_])${s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{M}\\p{N}_])`, "u");
    this.patterns = [...new Set([...names, ...rawOnlySet])]
      .filter((n) => n.includes("_") && /[\p{L}]/u.test(n))
      .map((n) => n.toLowerCase())
      .map((name) => {
        const spacedText = name.replace(/_+/g, " ").trim();
        const spacedOk = spacedText !== "" && !rawOnlySet.has(name) && !bounded(spacedText).test(said);
        return { name, raw: bounded(name), spaced: spacedOk ? bounded(spacedText) : null };
      });
  }

  find(text: string): NameHit[] {
    const t = text.toLowerCase().replace(/\s+/g, " ");
    const out: NameHit[] = [];
    for (const p of this.patterns) {
      if (p.raw.test(t)) out.push({ name: p.name, found: p.name });
      else if (p.spaced?.test(t)) out.push({ name: p.name, found: p.name.replace(/_+/g, " ") });
    }
    return out;
  }

  get size(): number {
    return this.patterns.length;
  }
}
