/**
 * The personal details of a source dialogue: who the people in it are and how to reach them.
 * Augmented dialogues must not carry any of them. Found where a real conversation puts them:
 * - **emails** and **phone numbers** (7+ digits, with spaces, dots, dashes, brackets or a
 *   leading +) in what the user and the system prompt say, in call arguments and in the
 *   setup calls — not in tool results, which are the environment's data (a venue's
 *   switchboard), re-run from the pack;
 * - **person names**: the persona's `name`; argument values under a person key (`name` of a
 *   person-ish tool or any `first_name`, `last_name`, `full_name`, `customer`, `passenger`,
 *   `guest`, `contact`, `recipient`, `receiver`, `user_name`, `holder`, …); and what follows
 *   "my name is", "I am / I'm" + a capitalised name, "this is", "under the name (of)",
 *   "name:", "Mr/Mrs/Ms/Miss/Dr", in user messages.
 * Matching is case-insensitive on names (a name said in lower case is the same person).
 */
export type DetailKind = "name" | "email" | "phone";
export interface Detail {
  kind: DetailKind;
  value: string;
  /** A name the user gives as their own (the persona's, "my name is", a booking's name): it becomes the new persona's. */
  self?: boolean;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);

export const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** 7 to 15 digits with the separators people write; a date (2026-06-08) or a time is not a phone. */
export const PHONE = /(?<![\p{L}\p{N}])\+?\(?\d[\d\s().-]{5,18}\d(?![\p{L}\p{N}])/gu;

const PERSON_KEY = /^(?:first_?name|last_?name|full_?name|given_?name|family_?name|surname|customer(?:_?name)?|passenger(?:_?name)?|guest(?:_?name)?|contact(?:_?name)?|recipient(?:_?name)?|receiver(?:_?name)?|sender(?:_?name)?|user_?name|holder(?:_?name)?|cardholder|traveller(?:_?name)?|traveler(?:_?name)?|patient(?:_?name)?|person(?:_?name)?|attendee(?:_?name)?|owner(?:_?name)?|booker|booked_by|name_on_booking)$/i;
const PHONE_KEY = /phone|mobile|tel(?:ephone)?$|fax|cell|contact_?number|whatsapp/i;
const PERSON_TOOL = /user|customer|person|contact|passenger|guest|patient|employee|member|account|profile|friend|payment|transfer|send|email|message|call|invite/i;
const CAPS_NAME = "\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2}";
const SAID_NAME = [
  new RegExp(`\\bmy name(?:'s| is)\\s+(${CAPS_NAME}|[\\p{L}'’-]+(?:\\s+[\\p{L}'’-]+)?)`, "giu"),
  new RegExp(`\\b(?:I am|I'm|this is|it's)\\s+(${CAPS_NAME})(?=[\\s,.!]|$)`, "gu"),
  new RegExp(`\\bunder the name(?: of)?\\s+(${CAPS_NAME}|[\\p{L}'’-]+(?:\\s+[\\p{L}'’-]+)?)`, "giu"),
  new RegExp(`\\bname\\s*:\\s*(${CAPS_NAME})`, "giu"),
  new RegExp(`\\b(?:Mr|Mrs|Ms|Miss|Dr|Mx)\\.?\\s+(${CAPS_NAME})`, "gu"),
];
/** Capitalised words "I'm …" can be followed by that are not names. */
const NOT_NAMES = new Set(["looking", "trying", "going", "not", "sorry", "here", "fine", "good", "great", "ok", "okay", "back", "interested", "planning", "hoping", "new", "sure", "just", "also", "still", "the", "a", "an", "in", "at", "on", "from", "travelling", "traveling", "staying", "calling", "writing", "afraid", "happy", "glad", "done", "ready", "available", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);

export function detailsOf(dialogue: Obj): Detail[] {
  const found = new Map<string, Detail>();
  const add = (kind: DetailKind, raw: string, self = false): string => {
    const value = raw.trim().replace(/[.,!?;:]+$/, "");
    if (kind === "name" && (value.length < 2 || NOT_NAMES.has(value.toLowerCase().split(/\s+/)[0]!))) return value;
    if (kind === "phone" && (value.replace(/\D/g, "").length < 7 || /^\d{4}-\d{2}-\d{2}/.test(value))) return value;
    const key = `${kind}\u0000${value.toLowerCase()}`;
    const had = found.get(key);
    if (!had) found.set(key, { kind, value, ...(self ? { self } : {}) });
    else if (self) had.self = true;
    return value;
  };
  const contacts = (text: string) => {
    for (const m of text.matchAll(EMAIL)) add("email", m[0]);
    for (const m of text.matchAll(PHONE)) add("phone", m[0]);
  };
  const scenario = isObj(dialogue.scenario) ? dialogue.scenario : undefined;
  const persona = scenario && isObj(scenario.persona) ? scenario.persona : isObj(dialogue.persona) ? dialogue.persona : undefined;
  if (persona && typeof persona.name === "string") add("name", persona.name, true);
  // Identifiers the tools need (an order number of 7 digits) are not phones: in arguments a
  // number is a phone only under a phone key, and a number the user said that is an argument
  // under another key is that identifier.
  const ids = new Set<string>();
  const PHONE_KEYED = new Set<string>();
  const argsOf = (tool: string, args: unknown) => {
    for (const [key, v] of walk(args)) {
      if (typeof v !== "string" && typeof v !== "number") continue;
      const text = String(v);
      for (const m of text.matchAll(EMAIL)) add("email", m[0]);
      if (PHONE_KEY.test(key)) for (const m of text.matchAll(PHONE)) PHONE_KEYED.add(add("phone", m[0]));
      else ids.add(text.toLowerCase());
      if (typeof v === "string" && (PERSON_KEY.test(key) || (key === "name" && PERSON_TOOL.test(tool)))) add("name", v, true);
    }
  };
  for (const m of Array.isArray(dialogue.messages) ? dialogue.messages : []) {
    if (!isObj(m)) continue;
    const text = typeof m.content === "string" ? m.content : "";
    if (m.role === "user" || m.role === "system") {
      contacts(text);
      // The first four patterns are the user naming themselves; a title (Mr …) names anyone.
      SAID_NAME.forEach((re, k) => {
        for (const x of text.matchAll(re)) add("name", x[1]!, m.role === "user" && k < 4);
      });
    }
    if (m.role === "assistant") for (const c of Array.isArray(m.tool_calls) ? m.tool_calls : []) if (isObj(c)) argsOf(String(c.name ?? ""), c.arguments);
  }
  const meta = isObj(dialogue.meta) ? dialogue.meta : {};
  for (const c of Array.isArray(meta.setup) ? meta.setup : []) if (isObj(c)) argsOf(String(c.name ?? ""), c.arguments);
  // A name is also said by its parts ("Sarah" of "Sarah Connor"): each part of 3+ letters is a detail too.
  for (const d of [...found.values()]) {
    if (d.kind !== "name") continue;
    for (const part of d.value.split(/\s+/)) if (part.length >= 3 && part !== d.value) add("name", part, d.self === true);
  }
  return [...found.values()].filter((d) => d.kind !== "phone" || PHONE_KEYED.has(d.value) || ![...ids].some((id) => id.includes(d.value.toLowerCase())));
}

/** [key, value] of every scalar in a JSON value (the key of an array element is its array's). */
function* walk(v: unknown, key = ""): Generator<[string, unknown]> {
  if (Array.isArray(v)) for (const x of v) yield* walk(x, key);
  else if (isObj(v)) for (const [k, x] of Object.entries(v)) yield* walk(x, k);
  else yield [key, v];
}

/** Whether a text still holds a detail (names as whole words, case-insensitive). */
export function holds(text: string, d: Detail): boolean {
  if (d.kind !== "name") return text.toLowerCase().includes(d.value.toLowerCase());
  return wordPattern(d.value).test(text);
}

export function wordPattern(value: string, flags = "iu"): RegExp {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, flags);
}
