import type { Rng } from "@chatmill/kit";
import type { Persona } from "@chatmill/schema";
import { byName, type ToolWords } from "./tool-words.js";

/**
 * New wording for a dialogue's turns, in the new persona's voice: what each user turn says
 * comes from the skeleton (the values the source user gave for the calls, the kind of turn it
 * was), never from the source text, so nothing of the source's phrasing — or of the people in
 * it — is carried over. The assistant mirrors the user's register and energy. What a call
 * asks for, its arguments and the fields are said by `tools` (tool-words.ts: a pack's own
 * words, or the names' words for tools no pack declares).
 */
export type Register = "casual" | "neutral" | "formal" | "stressed" | "terse";

export function registerOf(p: Persona): Register {
  const style = p.style.toLowerCase();
  if (/stress|urgent|anxious|on_?call/.test(style)) return "stressed";
  if (p.formality === "formal" || /exec|formal/.test(style)) return p.verbosity === "terse" ? "terse" : "formal";
  if (p.verbosity === "terse" || /senior|engineer|expert/.test(style)) return "terse";
  if (p.formality === "casual" || /casual|friendly|chatty/.test(style)) return "casual";
  return "neutral";
}

/** What a verbose user adds to the first request. */
const EXTRAS = [
  "It's for a family trip.",
  "We're celebrating a birthday.",
  "I've been meaning to sort this out all week.",
  "A friend recommended asking here.",
  "It's my first time doing this.",
  "I'm on a bit of a tight schedule.",
  "My colleague usually handles this, but she's away.",
];

const USER: Record<Register, { open: string[]; close: string[]; filler: string[]; please: string; yes: string[]; no: string[]; thanks: string[]; bye: string[] }> = {
  casual: {
    open: ["hey!", "hiya,", "hey there,", "yo,", "hi!", "ok so", "heya,", "morning!"],
    close: ["thx!", "cheers!", "cool, thanks!"],
    filler: ["oh and", "also,", "ok so", "and", "oh, and"],
    please: "pls",
    yes: ["yeah go for it!", "yep, do it!", "sure, sounds great!", "yes pls!", "totally, go ahead!", "yeah that works!"],
    no: ["nah, doesn't matter", "nope, whatever works", "don't mind really", "any is fine lol", "not fussed tbh"],
    thanks: ["awesome, thx!", "cool, cheers!", "perfect, thanks!!", "nice one!", "sweet, thx!"],
    bye: ["that's all, cheers!", "nope that's it, thx!", "all good, bye!", "that's everything, ta!", "all sorted, cya!"],
  },
  neutral: {
    open: ["Hi,", "Hello,", "Hi there,", "Good morning,", "Hello there,", ""],
    close: ["Thanks.", "Thank you."],
    filler: ["Also,", "And", "Oh, and", "One more thing:"],
    please: "please",
    yes: ["Yes, please go ahead.", "Yes, that works.", "Sounds good, yes.", "Yes please.", "That's fine, go ahead."],
    no: ["No preference.", "It doesn't matter.", "Either is fine.", "I don't mind.", "Anything is fine."],
    thanks: ["Great, thanks.", "Thank you.", "That's helpful, thanks.", "Good to know, thanks.", "Perfect, thank you."],
    bye: ["That's all, thank you.", "No, that's everything. Thanks.", "Nothing else, thanks.", "That's it for now, thanks.", "All done, thank you."],
  },
  formal: {
    open: ["Good afternoon.", "Good morning.", "Hello.", "Good evening.", "Dear assistant,"],
    close: ["Thank you kindly.", "Many thanks."],
    filler: ["Additionally,", "Furthermore,", "In addition,"],
    please: "please",
    yes: ["Yes, please proceed.", "Certainly, please do so.", "That would be acceptable, thank you.", "Please go ahead.", "Yes, kindly proceed."],
    no: ["I have no particular preference.", "That is of no concern to me.", "Either would be acceptable.", "I would be content with any."],
    thanks: ["Thank you, that is most helpful.", "I appreciate it, thank you.", "Thank you very much.", "Much appreciated, thank you."],
    bye: ["That will be all, thank you.", "Nothing further, thank you kindly.", "That is everything, many thanks.", "I have all I need, thank you."],
  },
  stressed: {
    open: ["quick, please —", "URGENT:", "need help fast:", "please hurry,", "ASAP:"],
    close: ["please hurry!", "asap please!"],
    filler: ["and", "also", "oh and", "plus"],
    please: "please",
    yes: ["YES, do it now!", "yes yes, go!", "yes, quickly please!", "yes! go ahead!", "do it, fast!"],
    no: ["no, doesn't matter, just hurry!", "anything, quick!", "don't care, fast please!", "whatever is quickest!"],
    thanks: ["ok thanks!", "phew, thanks!", "great, thank you!", "finally, thanks!"],
    bye: ["that's it, thanks!", "done, thank you!", "nothing else, thanks!", "that's all, gotta run!"],
  },
  terse: {
    open: ["", "Need:", "Quick one:", "Request:"],
    close: ["", "Thanks."],
    filler: ["", "Also", "Plus"],
    please: "",
    yes: ["Yes.", "Go ahead.", "Confirmed.", "Do it.", "Proceed."],
    no: ["No preference.", "Any.", "Doesn't matter.", "Whatever works."],
    thanks: ["Thanks.", "Noted.", "Ok.", "Good."],
    bye: ["That's all.", "Done. Thanks.", "Nothing else.", "All set."],
  },
};

const ASSISTANT: Record<Register, { ack: string[]; found: string[]; none: string[]; done: string[]; ask: string[]; close: string[]; more: string[]; sorry: string }> = {
  casual: {
    ack: ["On it!", "Sure thing, checking!", "Gotcha, one sec!", "Ooh, let me look!", "Yep, on it!", "Let's see!"],
    found: ["Nice, found {n}: {names}!", "Got {n} for you: {names}!", "Ooh, {n} options: {names}!", "Here we go, {n} of them: {names}!"],
    none: ["Hmm, nothing matches that, sorry!", "Aw, no luck there!"],
    done: ["Done! {what}", "All set! {what}", "Boom, sorted! {what}", "Yay, done! {what}"],
    ask: ["Cool — {q}", "Sure! {q}", "Gotcha! {q}", "{q}"],
    close: ["Awesome, enjoy!", "Anytime, have fun!", "Cheers, have a good one!", "No worries, enjoy!"],
    more: ["Anything else?", "Need anything else?", "What else can I do?"],
    sorry: "Oops, that didn't work",
  },
  neutral: {
    ack: ["Let me check.", "One moment.", "Checking that now.", "Let me look that up.", "Sure, one moment."],
    found: ["I found {n}: {names}.", "There are {n} options: {names}.", "I have {n} results, including {names}.", "{n} match: {names}."],
    none: ["I couldn't find anything matching that.", "Nothing matches that, unfortunately."],
    done: ["Done. {what}", "That's booked. {what}", "All set. {what}", "Confirmed. {what}"],
    ask: ["{q}", "Sure. {q}", "Okay. {q}"],
    close: ["You're welcome. Have a good day.", "Glad I could help. Goodbye.", "Happy to help. Take care."],
    more: ["Anything else?", "Can I help with anything else?", "Is there anything else I can do?"],
    sorry: "Sorry, that didn't go through",
  },
  formal: {
    ack: ["Certainly, one moment please.", "Of course, allow me to check.", "Certainly. Allow me a moment.", "Of course. Let me verify that for you."],
    found: ["I have found {n} options for you: {names}.", "Certainly. There are {n} suitable options: {names}.", "I have located {n} options, among them {names}."],
    none: ["I regret that nothing matches your request.", "I am afraid there is nothing matching that request."],
    done: ["It is arranged. {what}", "Certainly, that is confirmed. {what}", "Your request has been completed. {what}"],
    ask: ["Certainly. {q}", "May I ask: {q}", "If I may: {q}"],
    close: ["You are most welcome. Have a pleasant day.", "It was my pleasure. Goodbye.", "Thank you, and have a pleasant day."],
    more: ["May I assist you with anything else?", "Is there anything further I can do for you?"],
    sorry: "My apologies, that did not go through",
  },
  stressed: {
    ack: ["On it now!", "Checking right away!", "Right away!", "Looking now!"],
    found: ["Found {n}: {names}!", "Quick list, {n}: {names}!", "{n} right here: {names}!"],
    none: ["Nothing matches, sorry!", "No match, sorry!"],
    done: ["Done! {what}", "Sorted! {what}", "Handled! {what}"],
    ask: ["Quick check: {q}", "{q}", "Fast question: {q}"],
    close: ["All sorted, good luck!", "Done, take care!", "You're all set, good luck!"],
    more: ["Anything else, quickly?", "Need anything else?"],
    sorry: "Sorry, that failed",
  },
  terse: {
    ack: ["Checking.", "On it.", "", "Looking."],
    found: ["{n}: {names}.", "Found {n}: {names}.", "{n} results: {names}."],
    none: ["No matches.", "Nothing found."],
    done: ["Done. {what}", "Booked. {what}", "Confirmed. {what}"],
    ask: ["{q}"],
    close: ["Done.", "Bye.", "Closed."],
    more: ["Anything else?", "More?"],
    sorry: "Failed",
  },
};

export class Wording {
  readonly register: Register;
  private readonly lower: boolean;

  constructor(
    readonly persona: Persona,
    private readonly rng: Rng,
    private readonly tools: ToolWords = byName,
  ) {
    this.register = registerOf(persona);
    this.lower = this.register === "casual" && rng.chance(0.5);
  }

  private u() {
    return USER[this.register];
  }

  private a() {
    return ASSISTANT[this.register];
  }

  private finish(text: string, role: "user" | "assistant"): string {
    let t = text.replace(/\s+/g, " ").replace(/\s+([,.!?])/g, "$1").trim();
    if (role === "user" && this.lower) t = t.replace(/\S+/g, (w) => (/\d/.test(w) ? w : w.toLowerCase()));
    else t = capitalise(t);
    return t;
  }

  private end(): string {
    return this.register === "casual" || this.register === "stressed" ? "!" : ".";
  }

  /** Values in a random order, joined as people list them. */
  private list(said: string[]): string {
    const v = this.rng.shuffle([...said]);
    if (v.length < 2) return v.join("");
    return this.rng.chance(0.5) ? `${v.slice(0, -1).join(", ")} and ${v[v.length - 1]}` : v.join(", ");
  }

  /** The first request: opener, what is wanted and the values given for it. */
  open(tool: string | undefined, said: string[]): string {
    const u = this.u();
    const ask = (tool ? this.tools.request(tool, this.rng) : undefined) ?? this.rng.pick(["I have a question", "I need some help", "can you help me with something"]);
    const values = said.length > 0 ? ` ${this.list(said)}` : "";
    const please = u.please && this.rng.chance(0.5) ? `, ${u.please}` : "";
    const extra = this.persona.verbosity === "verbose" && this.rng.chance(0.7) ? ` ${this.rng.pick(EXTRAS)}` : "";
    return this.finish(`${this.rng.pick(u.open)} ${ask}${values}${please}${this.end()}${extra}`, "user");
  }

  /** A later turn that gives values (and, when a new kind of call follows, asks for it). */
  give(tool: string | undefined, said: string[]): string {
    const u = this.u();
    if (tool) {
      const filler = this.rng.pick(u.filler);
      const ask = this.tools.request(tool, this.rng);
      if (ask !== undefined) return this.finish(`${filler} ${ask} ${this.list(said)}${this.end()}`, "user");
    }
    const t = this.rng.pick(["{f} {v}", ...(u.please ? ["{v}, {p}"] : []), "{v}", "make it {v}", "{f} {v} would be good", "let's say {v}", "{v} if possible"]);
    return this.finish(`${t.replace("{f}", this.rng.pick(u.filler)).replace("{p}", u.please).replace("{v}", this.list(said))}${this.end()}`, "user");
  }

  yes(): string {
    return this.finish(this.rng.pick(this.u().yes), "user");
  }

  no(): string {
    return this.finish(this.rng.pick(this.u().no), "user");
  }

  thanks(): string {
    return this.finish(this.rng.pick(this.u().thanks), "user");
  }

  bye(): string {
    return this.finish(this.rng.pick(this.u().bye), "user");
  }

  askFor(attrs: string[]): string {
    const list = attrs.map((a) => this.tools.field(a)).join(" and ");
    const t = this.register === "formal" ? `Could you please tell me the ${list}?` : this.register === "casual" ? `what's the ${list}?` : this.register === "terse" ? `${list}?` : `What is the ${list}?`;
    return this.finish(t, "user");
  }

  /** Said with a call, before its result. */
  ack(): string {
    return this.rng.pick(this.a().ack);
  }

  found(n: number, names: string[], object: string): string {
    if (n === 0) return this.rng.pick(this.a().none);
    const shown = names.slice(0, this.register === "terse" ? 2 : 3).join(", ") || `${n} ${object}`;
    return this.rng.pick(this.a().found).replace("{n}", String(n)).replace("{names}", shown);
  }

  done(what: string): string {
    return this.rng.pick(this.a().done).replace("{what}", what).trim();
  }

  failed(why: string): string {
    return `${this.a().sorry} (${why}). Let me try again.`;
  }

  /** A question for what the next user turn gives. */
  ask(args: string[], confirm: string | undefined): string {
    const names = args.map((a) => this.tools.field(a));
    const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names.join("");
    const q = confirm
      ? this.rng.pick([`Shall I go ahead and ${confirm}?`, `Do you want me to ${confirm} now?`, `Should I ${confirm}?`])
      : args.length > 0
        ? this.rng.pick([`Which ${list} would you like?`, `What ${list} do you have in mind?`, `Do you have a ${list} in mind?`])
        : this.rng.pick(["Any other preference?", "Anything in particular you'd like?", "Is there anything else you need?", "Anything specific?"]);
    return capitalise(this.rng.pick(this.a().ask).replace("{q}", q)).replace(/([:—]\s+)(\p{Lu})(?=\p{Ll})/u, (_, sep: string, c: string) => sep + c.toLowerCase());
  }

  tell(facts: string[]): string {
    const t = facts.join("; ");
    return `${this.register === "formal" ? "Certainly. " : ""}${t.charAt(0).toUpperCase()}${t.slice(1)}.`;
  }

  close(): string {
    return this.rng.pick(this.a().close);
  }

  anythingElse(): string {
    return this.rng.pick(this.a().more);
  }
}

/** Upper case at the start and after each sentence end. */
function capitalise(t: string): string {
  return t.replace(/(^|[.!?]\s+)(\p{Ll})/gu, (_, pre: string, c: string) => pre + c.toUpperCase());
}
