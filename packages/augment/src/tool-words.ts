import { nameWords } from "@chatmill/domains";
import type { Rng } from "@chatmill/kit";

/**
 * How the user and the assistant name what a call does: what the user asks for, how it gives an
 * argument, what a found row is, what a write is offered as, what a field is called. A pack's own
 * tools are said from the pack's data (pack-words.ts); this file's `byName` is the fallback for
 * tools no pack declares (augment without a pack: glaive rows, chat logs, SGD; or a tool foreign
 * to the pack), where the tool's and its arguments' names are the only words there are.
 */
export interface ToolWords {
  /** What the user asks for when the call that serves it is `tool`: "I'd like to book a restaurant"; undefined: nothing of its own (a hand-off), asked in general words. */
  request(tool: string, rng: Rng): string | undefined;
  /** One argument of a call to `tool` as the user gives it: "for 4 people", "in the centre". */
  arg(tool: string, arg: string, value: unknown, rng: Rng): string;
  /** What one row `tool` finds (or writes) is called, when no row has a name: "restaurant". */
  object(tool: string): string;
  /** What the assistant offers to do before `tool` writes: "book a restaurant". */
  confirm(tool: string): string;
  /** What a person calls a field or an argument: "price range". */
  field(name: string): string;
}

/** Only for a tool no pack declares: how its arguments are said by their names ("for 4 people", "on wednesday", "in the centre"). */
const SAID_AS: Array<[RegExp, string[]]> = [
  [/^(area|region|location|neighbou?rhood|part)$/i, ["in the {v}", "somewhere in the {v}", "in the {v} area", "around the {v}"]],
  [/^(food|cuisine)$/i, ["{v} food", "serving {v} food", "{v} cuisine"]],
  [/^(price_?range|price|budget)$/i, ["in the {v} price range", "{v} price-wise", "on the {v} side", "with {v} prices"]],
  [/(^|_)(day|date)$|^(check_?in|arrival)/i, ["on {v}", "for {v}", "this {v}"]],
  [/^(people|party_?size|guests|persons|seats|travellers|passengers|count|quantity)$/i, ["for {v} people", "for {v} of us", "for a party of {v}", "{v} people"]],
  [/^(time|book_?time|at)$/i, ["at {v}", "around {v}", "for {v}"]],
  [/^(leave_?at|departure_?time|leaving)$/i, ["leaving at {v}", "departing at {v}", "after {v}"]],
  [/^(arrive_?by|arrival_?time)$/i, ["arriving by {v}", "getting there by {v}", "arriving before {v}"]],
  [/^(departure|origin|from|source|from_city)$/i, ["from {v}", "leaving from {v}", "starting at {v}"]],
  [/^(destination|to|to_city|dest)$/i, ["to {v}", "going to {v}", "heading to {v}"]],
  [/^(stay|nights|duration)$/i, ["for {v} nights", "staying {v} nights", "{v} nights"]],
  [/^(stars|rating)$/i, ["with {v} stars", "{v}-star", "rated {v} stars"]],
  [/^(type|kind|category)$/i, ["a {v}", "of the {v} kind", "type {v}"]],
  [/^(name|title)$/i, ["called {v}", "named {v}", "the one called {v}"]],
];

function sayArg(arg: string, value: unknown, rng?: Rng): string {
  const v = typeof value === "string" ? value : JSON.stringify(value);
  if (v === "yes" || v === "true") return rng?.pick([`with ${words(arg)}`, `that has ${words(arg)}`, `${words(arg)} included`]) ?? `with ${words(arg)}`;
  if (v === "no" || v === "false") return `without ${words(arg)}`;
  for (const [re, t] of SAID_AS) if (re.test(arg)) return (rng ? rng.pick(t) : t[0]!).replace("{v}", v);
  return rng?.pick([`${words(arg)} ${v}`, `${words(arg)}: ${v}`, `with ${words(arg)} ${v}`]) ?? `${words(arg)} ${v}`;
}

/** A name's words: "pricerange" stays, "leaveAt" → "leave at", "book_restaurant" → "book restaurant" (@chatmill/domains' nameWords). */
export const words = nameWords;

/** How a user asks for what a call does, by what it does; {obj} is what it is for (with its article). */
export const ASKS = {
  find: ["I'm looking for {obj}", "could you find me {obj}", "I need {obj}", "can you look up {obj}", "I'm trying to find {obj}", "any chance you can find {obj}", "help me find {obj}"],
  book: ["I'd like to book {obj}", "can you book {obj} for me", "please reserve {obj}", "I want to book {obj}", "could you get {obj} booked", "let's book {obj}"],
  create: ["I'd like to create {obj}", "can you set up {obj} for me", "I need {obj} created", "please make {obj}"],
  order: ["I'd like to order {obj}", "can you order {obj} for me", "I want to buy {obj}", "please place an order for {obj}"],
  compute: ["I need to {verb} {obj}", "can you {verb} {obj} for me", "please {verb} {obj}"],
  send: ["I need you to send {obj}", "can you send {obj} again", "please send {obj}", "could you send over {obj}"],
  cancel: ["I need to cancel {obj}", "please cancel {obj}", "can you cancel {obj}", "I want {obj} cancelled"],
  change: ["I need to change {obj}", "can you update {obj}", "please modify {obj}", "I'd like to change {obj}"],
};

/** Only for a tool no pack declares: the verb its name starts with says what it does. */
const VERBS: Array<[RegExp, string[]]> = [
  [/^(find|search|list|get|lookup|look_up|query|show|check|browse|fetch|discover)_?/i, ASKS.find],
  [/^(book|reserve|schedule)_?/i, ASKS.book],
  [/^(create|make|add|register|open|generate)_?/i, ASKS.create],
  [/^(buy|order|purchase)_?/i, ASKS.order],
  [/^(calculate|compute|convert|translate|analy[sz]e)_?/i, ASKS.compute],
  [/^(send|resend|email|notify|share|forward)_?/i, ASKS.send],
  [/^(cancel|delete|remove)_?/i, ASKS.cancel],
  [/^(update|modify|change|edit|set)_?/i, ASKS.change],
];

/** What a user asks for when the call that serves it is `tool` (no pack declares it). */
function request(tool: string, rng: Rng): string {
  for (const [re, phrasings] of VERBS) {
    const m = re.exec(tool);
    if (m) {
      const obj = words(tool.slice(m[0].length)) || "something";
      return rng.pick(phrasings).replace("{verb}", words(m[1]!)).replace("{obj}", /^[aeio]/.test(obj) ? `an ${obj}` : `a ${obj}`);
    }
  }
  return `I need help with ${words(tool)}`;
}

/** The fallback for tools no pack declares: their names' words (see ToolWords). */
export const byName: ToolWords = {
  request,
  arg: (_tool, arg, value, rng) => sayArg(arg, value, rng),
  object: (tool) => words(tool.replace(/^[a-z]+_/, "")),
  confirm: (tool) => words(tool),
  field: words,
};
