import type { Rng } from "@chatmill/kit";
import type { Persona } from "@chatmill/schema";

/**
 * New wording for a dialogue's turns, in the new persona's voice: what each user turn says
 * comes from the skeleton (the values the source user gave for the calls, the kind of turn it
 * was), never from the source text, so nothing of the source's phrasing — or of the people in
 * it — is carried over. The assistant mirrors the user's register and energy.
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

const USER: Record<Register, { open: string[]; close: string[]; filler: string[]; please: string; yes: string[]; no: string[]; thanks: string[]; bye: string[] }> = {
  casual: { open: ["hey!", "hiya,", "hey there,", "yo,"], close: ["thx!", "cheers!", "cool, thanks!"], filler: ["oh and", "also,", "ok so"], please: "pls", yes: ["yeah go for it!", "yep, do it!", "sure, sounds great!"], no: ["nah, doesn't matter", "nope, whatever works", "don't mind really"], thanks: ["awesome, thx!", "cool, cheers!", "perfect, thanks!!"], bye: ["that's all, cheers!", "nope that's it, thx!", "all good, bye!"] },
  neutral: { open: ["Hi,", "Hello,", "Hi there,"], close: ["Thanks.", "Thank you."], filler: ["Also,", "And"], please: "please", yes: ["Yes, please go ahead.", "Yes, that works.", "Sounds good, yes."], no: ["No preference.", "It doesn't matter.", "Either is fine."], thanks: ["Great, thanks.", "Thank you.", "That's helpful, thanks."], bye: ["That's all, thank you.", "No, that's everything. Thanks.", "Nothing else, thanks."] },
  formal: { open: ["Good afternoon.", "Good morning.", "Hello."], close: ["Thank you kindly.", "Many thanks."], filler: ["Additionally,", "Furthermore,"], please: "please", yes: ["Yes, please proceed.", "Certainly, please do so.", "That would be acceptable, thank you."], no: ["I have no particular preference.", "That is of no concern to me.", "Either would be acceptable."], thanks: ["Thank you, that is most helpful.", "I appreciate it, thank you.", "Thank you very much."], bye: ["That will be all, thank you.", "Nothing further, thank you kindly.", "That is everything, many thanks."] },
  stressed: { open: ["quick, please —", "URGENT:", "need help fast:"], close: ["please hurry!", "asap please!"], filler: ["and", "also"], please: "please", yes: ["YES, do it now!", "yes yes, go!", "yes, quickly please!"], no: ["no, doesn't matter, just hurry!", "anything, quick!", "don't care, fast please!"], thanks: ["ok thanks!", "phew, thanks!", "great, thank you!"], bye: ["that's it, thanks!", "done, thank you!", "nothing else, thanks!"] },
  terse: { open: ["", "Need:", "Quick one:"], close: ["", "Thanks."], filler: ["", "Also"], please: "", yes: ["Yes.", "Go ahead.", "Confirmed."], no: ["No preference.", "Any.", "Doesn't matter."], thanks: ["Thanks.", "Noted.", "Ok."], bye: ["That's all.", "Done. Thanks.", "Nothing else."] },
};

const ASSISTANT: Record<Register, { ack: string[]; found: string[]; none: string[]; done: string[]; ask: string[]; close: string[]; sorry: string }> = {
  casual: { ack: ["On it!", "Sure thing, checking!", "Gotcha, one sec!"], found: ["Nice, found {n}: {names}!", "Got {n} for you: {names}!"], none: ["Hmm, nothing matches that, sorry!"], done: ["Done! {what}", "All set! {what}"], ask: ["Cool — {q}", "Sure! {q}"], close: ["Awesome, enjoy!", "Anytime, have fun!"], sorry: "Oops, that didn't work" },
  neutral: { ack: ["Let me check.", "One moment.", "Checking that now."], found: ["I found {n}: {names}.", "There are {n} options: {names}."], none: ["I couldn't find anything matching that."], done: ["Done. {what}", "That's booked. {what}"], ask: ["{q}", "Sure. {q}"], close: ["You're welcome. Have a good day.", "Glad I could help. Goodbye."], sorry: "Sorry, that didn't go through" },
  formal: { ack: ["Certainly, one moment please.", "Of course, allow me to check."], found: ["I have found {n} options for you: {names}.", "Certainly. There are {n} suitable options: {names}."], none: ["I regret that nothing matches your request."], done: ["It is arranged. {what}", "Certainly, that is confirmed. {what}"], ask: ["Certainly. {q}", "May I ask: {q}"], close: ["You are most welcome. Have a pleasant day.", "It was my pleasure. Goodbye."], sorry: "My apologies, that did not go through" },
  stressed: { ack: ["On it now!", "Checking right away!"], found: ["Found {n}: {names}!", "Quick list, {n}: {names}!"], none: ["Nothing matches, sorry!"], done: ["Done! {what}", "Sorted! {what}"], ask: ["Quick check: {q}", "{q}"], close: ["All sorted, good luck!", "Done, take care!"], sorry: "Sorry, that failed" },
  terse: { ack: ["Checking.", "On it.", ""], found: ["{n}: {names}.", "Found {n}: {names}."], none: ["No matches."], done: ["Done. {what}", "Booked. {what}"], ask: ["{q}"], close: ["Done.", "Bye."], sorry: "Failed" },
};

/** How a call's arguments are said: "for 4 people", "on wednesday", "in the centre". */
const SAID_AS: Array<[RegExp, string]> = [
  [/^(area|region|location|neighbou?rhood|part)$/i, "in the {v}"],
  [/^(food|cuisine)$/i, "{v} food"],
  [/^(price_?range|price|budget)$/i, "in the {v} price range"],
  [/(^|_)(day|date)$|^(check_?in|arrival)/i, "on {v}"],
  [/^(people|party_?size|guests|persons|seats|travellers|passengers|count|quantity)$/i, "for {v}"],
  [/^(time|book_?time|at)$/i, "at {v}"],
  [/^(leave_?at|departure_?time|leaving)$/i, "leaving at {v}"],
  [/^(arrive_?by|arrival_?time)$/i, "arriving by {v}"],
  [/^(departure|origin|from|source|from_city)$/i, "from {v}"],
  [/^(destination|to|to_city|dest)$/i, "to {v}"],
  [/^(stay|nights|duration)$/i, "for {v} nights"],
  [/^(stars|rating)$/i, "with {v} stars"],
  [/^(type|kind|category)$/i, "a {v}"],
  [/^(name|title)$/i, "called {v}"],
];

export function sayArg(arg: string, value: unknown): string {
  const v = typeof value === "string" ? value : JSON.stringify(value);
  if (v === "yes" || v === "true") return `with ${words(arg)}`;
  if (v === "no" || v === "false") return `without ${words(arg)}`;
  for (const [re, t] of SAID_AS) if (re.test(arg)) return t.replace("{v}", v).replace(/^for (\d+)$/, "for $1 people");
  return `${words(arg)} ${v}`;
}

export function words(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase().trim();
}

const VERBS: Array<[RegExp, string, string]> = [
  [/^(find|search|list|get|lookup|look_up|query|show|check|browse|fetch|discover)_?/i, "I'm looking for {obj}", "could you find me {obj}"],
  [/^(book|reserve|schedule)_?/i, "I'd like to book {obj}", "can you book {obj} for me"],
  [/^(create|make|add|register|open|generate)_?/i, "I'd like to create {obj}", "can you set up {obj} for me"],
  [/^(buy|order|purchase)_?/i, "I'd like to order {obj}", "can you order {obj} for me"],
  [/^(calculate|compute|convert|translate|analy[sz]e)_?/i, "I need to {verb} {obj}", "can you {verb} {obj} for me"],
  [/^(send|resend|email|notify|share|forward)_?/i, "I need you to send {obj}", "can you send {obj} again"],
  [/^(cancel|delete|remove)_?/i, "I need to cancel {obj}", "please cancel {obj}"],
  [/^(update|modify|change|edit|set)_?/i, "I need to change {obj}", "can you update {obj}"],
];

/** What a user asks for when the call that serves it is `tool`. */
export function request(tool: string, rng: Rng): string {
  for (const [re, a, b] of VERBS) {
    const m = re.exec(tool);
    if (m) {
      const obj = words(tool.slice(m[0].length)) || "something";
      return rng.pick([a, b]).replace("{verb}", words(m[1]!)).replace("{obj}", /^[aeio]/.test(obj) ? `an ${obj}` : `a ${obj}`);
    }
  }
  return `I need help with ${words(tool)}`;
}

export class Wording {
  readonly register: Register;
  private readonly lower: boolean;

  constructor(
    readonly persona: Persona,
    private readonly rng: Rng,
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
    else t = t.charAt(0).toUpperCase() + t.slice(1);
    return t;
  }

  private end(): string {
    return this.register === "casual" || this.register === "stressed" ? "!" : ".";
  }

  /** The first request: opener, what is wanted and the values given for it. */
  open(tool: string | undefined, said: string[]): string {
    const u = this.u();
    const ask = tool ? request(tool, this.rng) : "I have a question";
    const values = said.length > 0 ? ` ${said.join(", ")}` : "";
    const please = u.please && this.rng.chance(0.5) ? `, ${u.please}` : "";
    return this.finish(`${this.rng.pick(u.open)} ${ask}${values}${please}${this.end()}`, "user");
  }

  /** A later turn that gives values (and, when a new kind of call follows, asks for it). */
  give(tool: string | undefined, said: string[]): string {
    const u = this.u();
    const head = tool ? request(tool, this.rng) : this.rng.pick(u.filler);
    return this.finish(`${head} ${said.join(", ")}${this.end()}`, "user");
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
    const list = attrs.map(words).join(" and ");
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
    const q = confirm
      ? `Shall I go ahead and ${confirm}?`
      : args.length > 0
        ? `Which ${args.map(words).join(" and ")} would you like?`
        : this.rng.pick(["Any other preference?", "Anything in particular you'd like?", "Is there anything else you need?"]);
    return this.rng.pick(this.a().ask).replace("{q}", q);
  }

  tell(facts: string[]): string {
    const t = facts.join("; ");
    return `${this.register === "formal" ? "Certainly. " : ""}${t.charAt(0).toUpperCase()}${t.slice(1)}.`;
  }

  close(): string {
    return this.rng.pick(this.a().close);
  }

  anythingElse(): string {
    return this.rng.pick(["Anything else?", "Can I help with anything else?", "Is there anything else I can do?"]);
  }
}
