import type { Rng } from "@chatmill/kit";
import type { Persona } from "@chatmill/schema";
import { ASSISTANT, type AssistantAct } from "../phrases/assistant-banks.js";
import type { Lang } from "../phrases/describe.js";
import { capitalize, say, tidy, type Slots } from "../phrases/grammar.js";
import { ASSISTANT_STYLE, HEDGES, USER_STYLE, styleOf, type Style } from "../phrases/style-banks.js";
import { USER, type UserAct } from "../phrases/user-banks.js";

const VERBOSE_EXTRAS: Record<Lang, string[]> = {
  en: [
    "[it's for|I need it for] [a wedding|work|a trip|the weekend|my sister's birthday|a conference] [next week|on {weekday}|soon]",
    "[I'm|we're] in {city} [this week|for a few days|until {weekday}]",
    "[last time|the last one] I [got|tried] [didn't work out|was a letdown|was great, so I'm back]",
    "[my budget's a bit tight this month|money's not a big issue|I'd rather not overspend]",
    "[I've been putting this off|been meaning to sort this for ages|a friend recommended you]",
  ],
  hi: ["[यह|ये] [शादी|ऑफिस|सफ़र] के लिए चाहिए", "मैं [इस हफ़्ते|कुछ दिनों के लिए] {city} में हूँ"],
  mixed: ["[ye|yeh] [shaadi|office|trip] ke liye chahiye", "main [is week|kuch din] {city} mein hoon", "[budget thoda tight hai|paisa issue nahi hai]"],
};

/** Said with a call that changes something (a booking, a cancellation): no "good question" here. */
const ACTION_ACKS: Record<Lang, string[]> = {
  en: ["Booking that now.", "On it — locking it in.", "Sorting that now.", "Doing it now.", "One sec, making the change.", "Putting that through.", ""],
  hi: ["अभी कर रहा हूँ।", "एक पल, बदलाव कर रहा हूँ।", ""],
  mixed: ["Abhi kar raha hoon.", "Ek sec, change kar raha hoon.", ""],
};

/** Lower case as a casual typist writes, but references and codes (anything with a digit) kept as given. */
function lowerWords(text: string): string {
  return text.replace(/\S+/g, (w) => (/\d/.test(w) || w.includes("`") ? w : w.toLowerCase()));
}

const BOOKING_WORDS = /book|lock one in|reserve|sort it|stock|size|availability|उपलब्धता|बुक/i;

const OPS_OFFERS: Record<Lang, string[]> = {
  en: ["Want me to check the others too?", "Want me to pull the logs?", "Should I dig into the services on it?", "Want a quick look at the rest of the fleet?", "Need me to keep an eye on it?", "Want the disk breakdown as well?", ""],
  hi: ["बाकी सर्वर भी देखूँ?", "लॉग भी देख लूँ?"],
  mixed: ["Baaki servers bhi check karun?", "Logs bhi dekh loon?", "Services bhi check kar doon?"],
};

const FILLERS: Record<Lang, Record<Style, string[]>> = {
  en: {
    casual: ["oh", "ok", "hmm ok", "right", "ah", "ooh"],
    senior_engineer: ["ok.", "right.", "fine."],
    stressed: ["ok ok", "quick", "please"],
    learner: ["oh I see!", "interesting,", "ah, ok —"],
    executive: ["ok.", "fine."],
    neutral: ["okay,", "alright,", "I see,", "thanks,"],
  },
  hi: { casual: ["अच्छा", "ठीक"], senior_engineer: ["ठीक।"], stressed: ["जल्दी"], learner: ["अच्छा, समझा —"], executive: ["ठीक।"], neutral: ["ठीक है,", "अच्छा,"] },
  mixed: { casual: ["accha", "ok", "haan"], senior_engineer: ["ok."], stressed: ["jaldi"], learner: ["accha samjha —"], executive: ["ok."], neutral: ["theek hai,", "accha,"] },
};

const OPS_EXTRAS = [
  "[users are|the team is|support is] [complaining|asking about it|pinging me]",
  "[it started|this began] [after the last deploy|around lunchtime|an hour ago|overnight]",
  "[I'm on call|I'm covering for a colleague|I just joined the team] [this week|today|]",
  "[we have a release|there's a demo|the backup window is] [tonight|in an hour|tomorrow morning]",
];

/**
 * One dialogue's two voices: the user speaks in the persona's style, formality, verbosity,
 * language and current emotion; the assistant mirrors the user's energy (AJ's voice).
 */
export class Voice {
  readonly style: Style;
  /** The dialogue's fixed slots (city, weekday). */
  readonly slots: Slots;
  readonly lang: Lang;
  private readonly verbosity: string;
  private readonly formality: string;
  /** Casual speakers often type in lower case; decided once per dialogue, as people are consistent. */
  private readonly lower: boolean;

  constructor(
    persona: Persona,
    lang: Lang,
    private readonly rng: Rng,
    private readonly base: Slots,
  ) {
    this.slots = base;
    this.style = styleOf(persona.style);
    this.lang = lang;
    this.verbosity = persona.verbosity ?? (this.style === "executive" || this.style === "senior_engineer" ? "terse" : "moderate");
    this.formality = persona.formality ?? (this.style === "casual" ? "casual" : "neutral");
    this.lower = lang !== "hi" && (this.style === "casual" || this.formality === "casual") && rng.chance(0.6);
  }

  /** A user turn: [opener] [hedge] core [extra] [closer]. */
  user(act: UserAct, slots: Slots, opts: { first?: boolean; last?: boolean; hedge?: boolean; emotion?: string } = {}): string {
    const r = this.rng;
    const all = { ...this.base, ...slots };
    const st = USER_STYLE[this.lang][this.style];
    const parts: string[] = [];
    const terse = this.verbosity === "terse";
    const verbose = this.verbosity === "verbose";
    // Greetings and openers belong to the first message; later turns get at most a filler.
    if (opts.first && st.openers.length && r.chance(terse ? 0.35 : 0.7)) parts.push(r.pick(st.openers));
    else if (!opts.first && act !== "open" && act !== "open_vague" && r.chance(terse ? 0.05 : 0.15)) parts.push(r.pick(FILLERS[this.lang][this.style]));
    if (opts.hedge) parts.push(`${r.pick(HEDGES[this.lang])},`);
    let core = say(USER[this.lang][act], r, all);
    if (this.lang === "en" && this.formality === "formal" && r.chance(0.5)) core = core.replace(/^(can you|could you)/i, "would you kindly").replace(/\bthx\b/, "thank you");
    parts.push(core);
    if (verbose && !opts.last && r.chance(opts.first ? 0.8 : 0.3)) parts.push(`— ${say(this.context.ops && this.lang === "en" ? OPS_EXTRAS : VERBOSE_EXTRAS[this.lang], r, all)}.`);
    const emo = (opts.emotion ?? "").toLowerCase();
    if (st.closers.length && r.chance(terse ? 0.08 : opts.first ? 0.3 : 0.12)) parts.push(`${r.pick(st.closers)}`);
    if (/frustrat|angry|annoy|impatien/.test(emo) && this.lang === "en" && r.chance(0.3)) parts.push(r.pick(["seriously.", "come on.", "this is taking too long."]));
    let text = tidy(parts.filter(Boolean).join(" "));
    if (this.style === "stressed" && this.lang === "en" && r.chance(0.25)) text = text.replace(/^(\w+)/, (w) => w.toUpperCase());
    if (this.lower) text = lowerWords(text).replace(/\bi\b/g, r.chance(0.5) ? "i" : "I");
    else text = capitalize(text);
    return text;
  }

  /** The user's casing habit applied to text composed elsewhere. */
  casing(text: string): string {
    return this.lower ? lowerWords(text) : capitalize(text);
  }

  /** An assistant act from the act banks. */
  assistant(act: AssistantAct, slots: Slots = {}): string {
    return capitalize(say(ASSISTANT[this.lang][act], this.rng, { ...this.base, ...slots }));
  }

  ack(action = false): string {
    if (action) return this.rng.pick(ACTION_ACKS[this.lang]);
    return this.rng.pick(ASSISTANT_STYLE[this.lang][this.style].acks);
  }

  /** An acknowledgement that restates the request: "On it — looking for anything in red under $50." */
  restate(wants: string): string {
    const bank: Record<Lang, string[]> = {
      en: [
        "{ack} [Looking for|Searching for|Pulling up|Checking for] [anything|options|something] {wants}.",
        "[Okay|Right|Got it|Sure] — [something|anything|options] {wants}, [coming up|one sec|let me look].",
        "{wants}[, noted|, got it|]. [Searching now.|Let me see what we have.|Checking the catalogue.|Looking.]",
      ],
      hi: ["{ack} {wants} [देख रहा हूँ|खोज रहा हूँ]।", "[ठीक है|समझ गया] — {wants}, [एक पल|अभी देखता हूँ]।"],
      mixed: ["{ack} {wants} [dekh raha hoon|search kar raha hoon].", "[Ok|Samajh gaya] — {wants}, [ek sec|abhi dekhta hoon]."],
    };
    return capitalize(say(bank[this.lang], this.rng, { ack: this.ack(), wants }));
  }

  /** An acknowledgement naming the thing looked at: "Pulling up db-01 now." */
  restateItem(name: string, what: "details" | "reviews" | "availability" | "logs" | "status" | "command" | "compare"): string {
    const en: Record<string, string> = {
      details: "[Pulling up|Fetching|Getting] [the details on|the full listing for|more on] {name}[ now|].",
      reviews: "[Checking|Pulling] [the reviews for|what people say about|ratings on] {name}.",
      availability: "[Checking stock on|Looking at sizes and colours for|Seeing what's left of] {name}.",
      logs: "[Pulling|Tailing|Grabbing] [the recent logs|the latest log lines|logs] [from|on] `{name}`.",
      status: "[Checking|Looking at|Pulling the vitals for] `{name}`[ now|].",
      command: "[Running it on|Executing on|Firing it off on] `{name}`.",
      compare: "[Putting|Lining up] {name} side by side.",
    };
    const other: Record<Lang, string> = { en: "", hi: "{name} [देख रहा हूँ|चेक कर रहा हूँ]।", mixed: "{name} [check kar raha hoon|dekh raha hoon]." };
    const t = this.lang === "en" ? en[what]! : other[this.lang];
    return capitalize(say([t], this.rng, { ack: this.ack(), name }));
  }

  intro(): string {
    return this.rng.pick(ASSISTANT_STYLE[this.lang][this.style].intros);
  }

  /** What the follow-up offers may talk about: servers, or bookings, or neither. */
  context: { ops: boolean; bookable: boolean } = { ops: false, bookable: true };

  /** A follow-up offer; most turns end with one, not all (it would read as a tic). */
  offer(p = 0.65): string {
    if (!this.rng.chance(p)) return "";
    if (this.context.ops) return this.rng.pick(OPS_OFFERS[this.lang]);
    const all = ASSISTANT_STYLE[this.lang][this.style].offers;
    const fit = this.context.bookable ? all : all.filter((o) => !BOOKING_WORDS.test(o));
    return fit.length > 0 ? this.rng.pick(fit) : "";
  }

  /** How many results to show: executives and terse users get fewer. */
  get listSize(): number {
    if (this.style === "executive" || this.verbosity === "terse") return this.rng.int(1, 2);
    if (this.verbosity === "verbose" || this.style === "learner") return 3;
    return this.rng.int(2, 3);
  }
}
