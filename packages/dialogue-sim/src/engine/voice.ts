import type { Rng } from "@chatmill/kit";
import type { Persona, Wording } from "@chatmill/schema";
import type { AssistantAct } from "../phrases/assistant-banks.js";
import type { Lang } from "../phrases/describe.js";
import { capitalize, expand, GENDER_SLOT, meets, say, tidy, type Slots } from "../phrases/grammar.js";
import { HEDGES, USER_STYLE, styleOf, type Style } from "../phrases/style-banks.js";
import type { UserAct } from "../phrases/user-banks.js";
import { FILLERS, FRUSTRATED } from "../phrases/voice-banks.js";
import { familiarHindi, politeHinglish } from "../phrases/hindi-register.js";
import { MORE_HEDGES, MORE_USER_STYLE } from "../phrases/user-variety-banks.js";
import { genderOf, PackWording } from "../phrases/wording.js";
import type { Short } from "./short-names.js";

/** Lower case as a casual typist writes, but references and codes (anything with a digit) kept as given. */
function lowerWords(text: string): string {
  return text.replace(/\S+/g, (w) => (/\d/.test(w) || w.includes("`") ? w : w.toLowerCase()));
}

/** The slots of a user line that name a row: said short once the user has named it (Voice.mention). */
const NAME_SLOTS = ["item", "item2", "host"] as const;

/** Offers that propose a write; kept out of dialogues whose service has nothing to write. */
const BOOKING_WORDS = /book|lock one in|reserve|sort it|stock|size|availability|उपलब्धता|बुक/i;
/** Words of an offer about several things (a list's), in each language: not said after an answer about one. */
const SEVERAL: Record<"en" | "hi" | "mixed", RegExp> = {
  en: /\b(these|them|they|those|any of|one of|each|first|second|others|the rest|top one|pick one|point at one|one you like|one stands out|which one|winners?|best one|single best|sort(ed)?|options|more like|more where|a few more|narrow|filter(ed)?|drill|(at|into|on|about|pick) one|choose for you|the differences|compare|similar|a couple)\b/i,
  hi: /(इन|इनमें|इन्हें|इनसे|किसी|कोई एक|पहल|सबसे|बाकी|दूसर|और दिखा|विकल्प|तुलना)/,
  mixed: /\b(in|inme|inmein|inhe|inse|kisi|koi ek|pehl\w*|sabse|baaki|doosr\w*|aur dikha\w*|options|top wala|upar wala|compare|milte)\b/i,
};

/**
 * One dialogue's two voices: the user speaks in the persona's style, formality, verbosity,
 * language and current emotion; the assistant mirrors the user's energy (AJ's voice). The
 * lines come from the engine's neutral banks merged with the pack's `wording` (PackWording).
 * In Hindi and Hinglish, first-person forms ({m:रहा|f:रही}) agree with the speaker: the
 * user's with the persona's gender (neither male nor female: the line's n: form, else the
 * masculine), the assistant's with the pack's `wording.assistant_gender` (default m).
 */
export class Voice {
  readonly style: Style;
  /** The dialogue's fixed slots (city, weekday) and the user's gender for their first-person forms. */
  readonly slots: Slots;
  readonly lang: Lang;
  /** The lines this dialogue draws from: neutral defaults merged with the pack's wording. */
  readonly wording: PackWording;
  private readonly verbosity: string;
  private readonly formality: string;
  /** A casual Hindi writer asks in the familiar register ("बता दो", not "बता दीजिए"); decided once per dialogue. */
  private readonly familiar: boolean;
  /** A formal Hinglish writer asks in the polite register ("bataiye", not "batao"); decided once per dialogue. */
  private readonly polite: boolean;
  /** Casual speakers often type in lower case; decided once per dialogue, as people are consistent. */
  private readonly lower: boolean;
  /** The dialogue's fixed slots with the assistant's gender. */
  private readonly assistantSlots: Slots;
  /** What this user's style puts before and after a request: style-banks.ts's with user-variety-banks.ts's. */
  private readonly userStyle: { openers: string[]; closers: string[] };
  /** What this user says first when unsure: style-banks.ts's hedges with user-variety-banks.ts's. */
  private readonly hedges: string[];

  constructor(
    persona: Persona,
    lang: Lang,
    private readonly rng: Rng,
    base: Slots,
    /** The pack's wording (domain.wording); without it the neutral defaults only. */
    wording?: Wording,
    /** Title → how the user calls it once named (wording.short_names; short-names.ts). */
    private readonly shorts: ReadonlyMap<string, Short> = new Map(),
  ) {
    this.style = styleOf(persona.style);
    this.lang = lang;
    this.wording = new PackWording(wording, lang, this.style, persona.style);
    this.slots = { ...base, [GENDER_SLOT]: genderOf(persona.gender) };
    this.assistantSlots = { ...base, [GENDER_SLOT]: this.wording.assistantGender };
    this.verbosity = persona.verbosity ?? (this.style === "executive" || this.style === "senior_engineer" ? "terse" : "moderate");
    this.formality = persona.formality ?? (this.style === "casual" ? "casual" : "neutral");
    const st = USER_STYLE[lang][this.style];
    const more = MORE_USER_STYLE[lang][this.style];
    this.hedges = [...HEDGES[lang], ...MORE_HEDGES[lang]];
    this.userStyle = { openers: [...st.openers, ...(more?.openers ?? [])], closers: [...st.closers, ...(more?.closers ?? [])] };
    this.lower = lang !== "hi" && (this.style === "casual" || this.formality === "casual") && rng.chance(0.6);
    this.familiar = lang === "hi" && (this.style === "casual" || this.formality === "casual") && this.formality !== "formal";
    this.polite = lang === "mixed" && this.formality === "formal";
  }

  /** Names the user has said in this dialogue: a second mention may be short ("the Tiberius"). */
  private readonly named = new Set<string>();

  /**
   * A name the user said before, as people say it again: by its short name (wording.short_names),
   * most times; the rng is drawn only for a name that has one, so packs without are unchanged.
   */
  private mention(name: Slots[string]): Slots[string] {
    if (typeof name !== "string" || !this.named.has(name)) return name;
    const short = this.shorts.get(name);
    if (!short || !this.rng.chance(0.8)) return name;
    const said = short.spec[this.lang];
    return said ? tidy(expand(said, this.rng, { short: short.short })) : short.short;
  }

  /** A user line composed elsewhere that names `name` (the thanks at the end): said short when the user named it before. */
  says(name: string, compose: (said: string) => string): string {
    const said = String(this.mention(name));
    const text = compose(said);
    this.named.add(name);
    return said === name ? text : shortForms(text, this.lang);
  }

  /** A user turn: [opener] [hedge] core [extra] [closer]. */
  user(act: UserAct, slots: Slots, opts: { first?: boolean; last?: boolean; hedge?: boolean; emotion?: string } = {}): string {
    const r = this.rng;
    const said: Record<string, Slots[string]> = { ...slots };
    let short = false;
    for (const k of NAME_SLOTS) {
      if (slots[k] === undefined) continue;
      said[k] = this.mention(slots[k]);
      short ||= said[k] !== slots[k];
    }
    const all = { ...this.slots, ...said };
    const st = this.userStyle;
    const parts: string[] = [];
    const terse = this.verbosity === "terse";
    const verbose = this.verbosity === "verbose";
    // Greetings and openers belong to the first message; later turns get at most a filler.
    if (opts.first && st.openers.length && r.chance(terse ? 0.35 : 0.7)) parts.push(say(st.openers, r, this.slots));
    else if (!opts.first && act !== "open" && act !== "open_vague" && r.chance(terse ? 0.05 : 0.15)) parts.push(say(FILLERS[this.lang][this.style], r, this.slots));
    if (opts.hedge) parts.push(`${say(this.hedges, r, this.slots)},`);
    let core = say(this.wording.user(act), r, all);
    if (this.lang === "en" && this.formality === "formal" && r.chance(0.5)) core = core.replace(/^(can you|could you)/i, "would you kindly").replace(/\bthx\b/, "thank you");
    // An opener or filler that ends on the word the request starts with ("ठीक। ठीक है, …") is left out.
    while (parts.length > 0 && meets(parts[parts.length - 1]!, core)) parts.pop();
    parts.push(core);
    if (verbose && !opts.last && r.chance(opts.first ? 0.8 : 0.3)) {
      const extra = say(this.wording.user("extra"), r, all);
      // Hindi ends a sentence with its danda, not a full stop.
      if (extra) parts.push(`— ${extra}${this.lang === "hi" ? "।" : "."}`);
    }
    const emo = (opts.emotion ?? "").toLowerCase();
    // A question already asked is not followed by another ("what else can you tell me? how does that work?").
    const closers = /[?？]\s*$/.test(core) ? st.closers.filter((c) => !/[?？]\s*$/.test(c)) : st.closers;
    if (closers.length && r.chance(terse ? 0.08 : opts.first ? 0.3 : 0.12)) {
      // A closer that starts on the word the line ends with ("… thanks" and "thanks for explaining") is left out.
      const closer = say(closers, r, this.slots);
      if (!meets(parts[parts.length - 1]!, closer)) parts.push(closer);
    }
    if (/frustrat|angry|annoy|impatien/.test(emo) && this.lang === "en" && r.chance(0.3)) parts.push(r.pick(FRUSTRATED));
    let text = tidy(parts.filter(Boolean).join(" "));
    if (short) text = shortForms(text, this.lang);
    for (const k of NAME_SLOTS) {
      const n = slots[k];
      if (typeof n === "string" && n && core.includes(n)) this.named.add(n);
    }
    if (this.style === "stressed" && this.lang === "en" && r.chance(0.25)) text = text.replace(/^(\w+)/, (w) => w.toUpperCase());
    if (this.lower) text = lowerWords(text).replace(/\bi\b/g, r.chance(0.5) ? "i" : "I");
    else text = capitalize(text);
    return text;
  }

  /** The user's register applied to a line it says, whoever composed it: a casual Hindi writer's imperatives in the familiar form, a formal Hinglish writer's in the polite one. */
  register(text: string): string {
    return this.familiar ? familiarHindi(text) : this.polite ? politeHinglish(text) : text;
  }

  /** The user's casing habit applied to text composed elsewhere. */
  casing(text: string): string {
    return this.lower ? lowerWords(text) : capitalize(text);
  }

  /** An assistant act from the act banks (neutral, plus the pack's). */
  assistant(act: AssistantAct, slots: Slots = {}): string {
    const text = capitalize(this.say(act, slots));
    return this.lang === "en" && typeof slots.wants === "string" ? withNounPhrase(text, slots.wants) : text;
  }

  /** Said with a tool call before its result: a change (`action`) or a lookup. */
  ack(action = false): string {
    return this.say(action ? "action_ack" : "ack");
  }

  /** An acknowledgement that restates the request: "On it — looking for anything in red under $50." */
  restate(wants: string): string {
    return this.assistant("restate", { ack: this.ack(), wants: this.lang === "en" ? saidBack(wants) : wants });
  }

  /** An acknowledgement naming the thing looked at: "Pulling up db-01 now." */
  restateItem(name: string, what: "details" | "reviews" | "availability" | "logs" | "status" | "command" | "compare"): string {
    const text = this.say(`look_${what}`, { name });
    // A name that starts the line is said as written (a host "gpu-01" stays lower case).
    return text.startsWith(name) ? text : capitalize(text);
  }

  intro(): string {
    return this.say("intro");
  }

  /** A tip for a learner after a row's details (the pack's, else a neutral one). */
  tip(): string {
    return this.say("tip");
  }

  /**
   * What the follow-up offers may talk about: servers, or bookings, or neither; `goesOn`: the
   * assistant goes on to the user's next request without waiting for an answer (a single-turn
   * dialogue), so it offers nothing it would not wait for.
   */
  context: { ops: boolean; bookable: boolean; goesOn?: boolean } = { ops: false, bookable: true };

  /** A follow-up offer; about half the turns end with one, not all (it would read as a tic). */
  offer(p = 0.5, one = false): string {
    // Drawn either way, so what follows draws what it would have. English replies carry one less
    // often (a follow-up question after most answers read as a tic in samples; issue #18).
    if (!this.rng.chance(this.lang === "en" ? p * 0.6 : p) || this.context.goesOn) return "";
    const all = this.wording.assistant("offer");
    // After an answer about one thing (`one`), no offer that speaks of several ("Does one of these work?").
    const fit = (this.context.bookable ? all : all.filter((o) => !BOOKING_WORDS.test(o))).filter((o) => !one || !SEVERAL[this.lang].test(o));
    return fit.length > 0 ? tidy(expand(this.rng.pick(fit), this.rng, this.assistantSlots)) : "";
  }

  /** How a user states a constraint on `field`, when the pack says (a template with {value}); describeConstraint's `said`. */
  readonly valueTemplate = (field: string, no: boolean): string | undefined => this.wording.value(field, no);

  /** How many results to show: executives and terse users get fewer. */
  get listSize(): number {
    if (this.style === "executive" || this.verbosity === "terse") return this.rng.int(1, 2);
    if (this.verbosity === "verbose" || this.style === "learner") return 3;
    return this.rng.int(2, 3);
  }

  private say(act: AssistantAct, slots: Slots = {}): string {
    return say(this.wording.assistant(act), this.rng, { ...this.assistantSlots, ...slots });
  }
}

/**
 * A wish in the user's words said back by the assistant: "who can talk to me in Polish" → "who can
 * talk to you in Polish" (a pack's value wording is written as its users say it). English only.
 */
export function saidBack(wants: string): string {
  return wants.replace(/\bme\b/g, "you").replace(/\bmy\b/g, "your").replace(/\bmine\b/g, "yours");
}

/** The word for a person that stands where a template's word for a thing does. */
const PERSON_WORD: Record<string, string> = { something: "someone", options: "someone", things: "someone", anything: "anyone", nothing: "no one" };

/**
 * A wish that is itself a noun phrase ("a hotel, with wifi") after a word of a template that stands
 * for one ("options", "anything", "nothing"): the two said as one — "I'll look for a hotel, with
 * wifi", "I'm not seeing any hotel, with wifi", "there's no hotel, with wifi" — not "options a
 * hotel" or "nothing a hotel". English only: the other languages' banks put the wish first.
 */
export function withNounPhrase(text: string, wants: string): string {
  // A wish that is a relative clause about a person ("who speaks Polish") after such a word is said
  // of someone: "someone who speaks Polish", "no one who speaks Polish" — not "options who speaks".
  const person = /^who\s/i.test(wants) ? text.indexOf(wants) : -1;
  const pq = person > 0 ? /\b(something|options|things|anything|nothing)\s+$/i.exec(text.slice(0, person)) : null;
  if (pq) return text.slice(0, pq.index) + PERSON_WORD[pq[1]!.toLowerCase()]! + " " + text.slice(person);
  const article = /^(?:a|an|the|some)\s+/i.exec(wants);
  const at = article ? text.indexOf(wants) : -1;
  if (!article || at < 0) return text;
  const q = /\b(something|options|anything|nothing)\s+$/i.exec(text.slice(0, at));
  if (!q) return text;
  const word = q[1]!.toLowerCase();
  const noun = wants.slice(article[0].length);
  const said = word === "nothing" ? `no ${noun}` : word === "anything" ? `any ${noun}` : wants;
  return text.slice(0, q.index) + said + text.slice(at + wants.length);
}

/**
 * What a short name needs of the words around it: Hindi's "X वाला" is "X वाले" before a
 * postposition ("Tiberius वाले के रिव्यू"), Hinglish's "wala" likewise; English's "the the"
 * of a template's own "the" before "the Tiberius" is said once.
 */
export function shortForms(text: string, lang: Lang): string {
  if (lang === "hi") return text.replace(/वाला(?= (?:के|की|का|को|में|से|पर|ने)(?:[\s?!,।—]|$))/gu, "वाले");
  if (lang === "mixed") return text.replace(/\b([Ww])ala(?= (?:ke|ki|ka|ko|mein|se|pe|par|ne)\b)/g, "$1ale");
  return text.replace(/\b(the) the\b/gi, "$1");
}
