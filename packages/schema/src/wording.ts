import { z } from "zod";
import { ShortName } from "./short-names.js";
import { caseErrors, ValueWording, valueTemplates } from "./value-wording.js";

/**
 * A pack's wording: the phrases of the offline engine that are the pack's own (its openers,
 * acknowledgements, offers, tips, how its values are said), per language and per act. The
 * engine's neutral defaults (dialogue-sim's phrases/) carry no domain's words; a pack's lines
 * are added to them act by act, or replace them for the acts the pack lists in `replace`.
 *
 * Every line is a template of the phrase grammar: `[a|b]` picks one alternative (nested
 * brackets allowed, an empty alternative makes a part optional), `{slot}` is a value the engine
 * fills (each act has its own slots, below), and `{m:…|f:…}` is a first-person form that agrees
 * with the speaker's gender (`{m:रहा|f:रही} हूँ`, `{m:lunga|f:lungi}`; an optional `|n:…` is
 * said when the gender is neither).
 */

/** Slots every line may use, whatever its act. */
export const COMMON_SLOTS = ["city", "weekday"] as const;

/** What the assistant says, act by act, and the slots each act's lines may use. */
export const ASSISTANT_ACT_SLOTS = {
  small_talk: ["topic"],
  small_talk_mid: ["topic"],
  clarify_ask: ["field"],
  none_found: ["wants", "field"],
  retry_timeout: [],
  retry_error: [],
  retry_empty: [],
  retry_partial: [],
  alt_tool: [],
  apologize_ask: [],
  still_failing: ["next"],
  booked: ["summary", "ref"],
  cancelled: ["ref"],
  modified: ["ref", "summary"],
  action_failed: ["reason", "field"],
  escalate: [],
  farewell: [],
  give_up_reply: [],
  details: ["name", "id", "facts"],
  compare: ["lines"],
  reviews: ["name", "facts"],
  availability: ["name", "facts"],
  correction_ack: ["c"],
  status: ["name", "facts"],
  command: ["cmd", "name", "output"],
  explain: ["topic"],
  need_details: ["fields"],
  noted: ["name"],
  confirm_first: ["what"],
  ack: [],
  action_ack: [],
  intro: [],
  offer: [],
  tip: [],
  restate: ["ack", "wants"],
  look_details: ["name"],
  look_reviews: ["name"],
  look_availability: ["name"],
  look_logs: ["name"],
  look_status: ["name"],
  look_command: ["name"],
  look_compare: ["name"],
} as const satisfies Record<string, readonly string[]>;
export type AssistantAct = keyof typeof ASSISTANT_ACT_SLOTS;

/** What each assistant act is, for the JSON Schema and the docs. */
const ASSISTANT_ACT_DOCS: Record<AssistantAct, string> = {
  small_talk: "answers the user's greeting; {topic}",
  small_talk_mid: "answers small talk in the middle and goes back to {topic}",
  clarify_ask: "asks for one detail of the request; {field} is the detail's name",
  none_found: "says nothing matches {wants}; {field} is one the user could relax",
  retry_timeout: "says a call timed out and it is trying again",
  retry_error: "says a call failed and it is trying again",
  retry_empty: "says a call came back empty when it should not have, and tries again",
  retry_partial: "says a result was cut short, and fetches the rest",
  alt_tool: "says it will try another tool after the same failure twice",
  apologize_ask: "apologises once and asks whether to keep trying",
  still_failing: "says a call still fails; {next} is what it offers instead",
  booked: "confirms a write that created something (a booking, an order); {summary}, {ref}",
  cancelled: "confirms a cancellation of {ref}",
  modified: "confirms a change of {ref}: {summary}",
  action_failed: "says a write was refused: {reason}; {field} is one to change",
  escalate: "says a person takes the conversation over",
  farewell: "answers the user's thanks at the end",
  give_up_reply: "answers a user who gives up",
  details: "states one row: {name}, {id}, {facts}",
  compare: "compares rows: {lines}",
  reviews: "states the reviews of {name}: {facts}",
  availability: "states what of {name} is available: {facts}",
  correction_ack: "acknowledges a correction to {c}",
  status: "states the status of {name}: {facts}",
  command: "shows the {output} of {cmd} on {name}",
  explain: "answers a question about {topic} from what it knows (no tool looks it up)",
  need_details: "asks for the {fields} a write needs",
  noted: "acknowledges the user's choice of {name}",
  confirm_first: "asks the user's yes before a write: {what}",
  ack: "said with a lookup, before its result is in",
  action_ack: "said with a call that changes something, before its result is in",
  intro: "introduces a list of results",
  offer: "a follow-up offer after an answer (most answers end with one)",
  tip: "a tip said after a row's details to a learner",
  restate: "an acknowledgement that restates the request: {ack} (an ack line), {wants}",
  look_details: "said while fetching the details of {name}",
  look_reviews: "said while fetching the reviews of {name}",
  look_availability: "said while checking what of {name} is available",
  look_logs: "said while fetching the logs of {name}",
  look_status: "said while checking the status of {name}",
  look_command: "said while running a command on {name}",
  look_compare: "said while putting {name} side by side",
};

/** What the simulated user says, act by act, and the slots each act's lines may use. */
export const USER_ACT_SLOTS = {
  small_talk: [],
  small_talk_reply: [],
  small_talk_mid: [],
  open: ["thing", "wants"],
  open_vague: ["thing"],
  answer_clarify: ["wants"],
  add: ["c"],
  correct: ["c", "old"],
  clarify_q: ["item", "item2"],
  details: ["item", "host", "c"],
  reviews: ["item", "host", "c"],
  availability: ["item", "host", "c"],
  compare: ["item", "item2"],
  choose: ["item"],
  change_mind: ["item2"],
  book: ["item", "details"],
  thanks_done: [],
  give_up: [],
  escalate: [],
  complain: [],
  ok_wait: [],
  ok_go: [],
  logs: ["item", "host", "c"],
  keep_it: [],
  cancel: ["ref", "details"],
  modify: ["ref", "details"],
  status: ["host", "item", "c"],
  command: ["cmd", "host"],
  extra: [],
} as const satisfies Record<string, readonly string[]>;
export type UserAct = keyof typeof USER_ACT_SLOTS;

const USER_ACT_DOCS: Record<UserAct, string> = {
  small_talk: "a greeting or small talk before the request",
  small_talk_reply: "answers the assistant's small talk",
  small_talk_mid: "small talk in the middle of the dialogue",
  open: "the request: {thing} (what the user is after) and {wants} (its constraints, said)",
  open_vague: "a request without its details: {thing}",
  answer_clarify: "answers a question about the details: {wants}",
  add: "adds a constraint: {c}",
  correct: "corrects a constraint: {c}, not {old}",
  clarify_q: "asks how {item} and {item2} differ",
  details: "asks for the details of {item}",
  reviews: "asks for the reviews of {item}",
  availability: "asks whether {item} is available",
  compare: "asks to compare {item} and {item2}",
  choose: "chooses {item}",
  change_mind: "changes their mind for {item2}",
  book: "asks for the write (a booking, an order) of {item} with {details}",
  thanks_done: "thanks the assistant at the end",
  give_up: "gives up",
  escalate: "asks for a person",
  complain: "complains about a failure",
  ok_wait: "agrees to wait while the assistant retries",
  ok_go: "says yes to what the assistant proposes",
  logs: "asks for the logs of {item}",
  keep_it: "decides to leave things as they are",
  cancel: "asks to cancel {ref}",
  modify: "asks to change {ref}: {details}",
  status: "asks for the status of {host}",
  command: "asks to run {cmd} on {host}",
  extra: "context a verbose user adds after the request (where they are, what it is for)",
};

/** The first error in a template, or undefined: unbalanced brackets, an unknown slot, a bad gender form. */
export function templateError(template: string, slots: readonly string[]): string | undefined {
  let depth = 0;
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c === "[") depth++;
    else if (c === "]") {
      if (depth === 0) return `a ']' at character ${i + 1} closes no '['`;
      depth--;
    } else if (c === "}") return `a '}' at character ${i + 1} opens with no '{'`;
    else if (c === "{") {
      const end = template.indexOf("}", i);
      if (end < 0) return `the '{' at character ${i + 1} is never closed`;
      const inner = template.slice(i + 1, end);
      if (/^[mfn]:/.test(inner)) {
        const forms = inner.split("|").map((f) => f.slice(0, 2));
        if (!forms.includes("m:") || !forms.includes("f:") || forms.some((f) => !/^[mfn]:$/.test(f)) || /[[\]{]/.test(inner)) {
          return `{${inner}} is not a gender form: write {m:masculine|f:feminine} (optionally |n:neutral), plain text only`;
        }
      } else if (/^t[mf]:/.test(inner)) {
        const forms = inner.split("|").map((f) => f.slice(0, 3));
        if (!forms.includes("tm:") || !forms.includes("tf:") || forms.some((f) => !/^t[mf]:$/.test(f)) || /[[\]{]/.test(inner)) {
          return `{${inner}} is not a form of the thing's gender: write {tm:masculine|tf:feminine}, plain text only`;
        }
      } else if (![...COMMON_SLOTS, ...slots].includes(inner)) {
        const known = [...slots, ...COMMON_SLOTS].map((s) => `{${s}}`).join(", ");
        return `unknown slot {${inner}}: this act's lines may use ${known}, a gender form {m:…|f:…}, or a form agreeing with the thing {tm:…|tf:…}`;
      }
      i = end;
    }
  }
  return depth > 0 ? `${depth} '[' never closed` : undefined;
}

/** A list of templates checked against the act's slots, so a mistake is a pack error at load. */
function lines(slots: readonly string[], doc: string) {
  return z
    .array(z.string())
    .min(1)
    .superRefine((list, ctx) => {
      list.forEach((t, i) => {
        const err = templateError(t, slots);
        if (err) ctx.addIssue({ code: "custom", path: [i], message: `${err} (in "${t}")` });
      });
    })
    .describe(doc);
}

function actObject<K extends string>(table: Record<K, readonly string[]>, docs: Record<K, string>, who: string) {
  const shape = Object.fromEntries(Object.entries(table).map(([act, slots]) => [act, lines(slots as readonly string[], docs[act as K]).optional()])) as Record<K, z.ZodOptional<ReturnType<typeof lines>>>;
  const names = Object.keys(table).join(", ");
  return z.strictObject(shape, {
    error: (iss) => (iss.code === "unrecognized_keys" ? `unknown ${who} act ${iss.keys.map((k) => `'${k}'`).join(", ")}: the ${who} acts are ${names}` : undefined),
  });
}

// Ids: the JSON Schema holds each once (in $defs) instead of once per language and style.
export const AssistantLines = actObject(ASSISTANT_ACT_SLOTS, ASSISTANT_ACT_DOCS, "assistant").meta({ id: "WordingAssistantLines", description: "assistant act → the pack's lines for it" });
export const UserLines = actObject(USER_ACT_SLOTS, USER_ACT_DOCS, "user").meta({ id: "WordingUserLines", description: "user act → the pack's lines for it" });

/** One language's lines. */
export const LangWording = z.strictObject({
  assistant: AssistantLines.optional().describe("what the assistant says, by act"),
  user: UserLines.optional().describe("what the simulated user says, by act"),
  styles: z
    .record(
      z.string().min(1),
      z.strictObject({
        assistant: AssistantLines.optional().describe("the assistant's lines for users of this style"),
        user: UserLines.optional().describe("lines of users of this style"),
      }),
    )
    .optional()
    .describe("persona style (the pack's own, or casual, senior_engineer, stressed, learner, executive, neutral) → lines said only with that style, added to the language's lines"),
}).meta({ id: "WordingLanguage", description: "one language's lines of a pack's wording" });
export type LangWording = z.infer<typeof LangWording>;

const languages = {
  en: LangWording.optional().describe("English lines"),
  hi: LangWording.optional().describe("Hindi lines (Devanagari)"),
  mixed: LangWording.optional().describe("Hinglish lines (Hindi in Latin script, mixed with English)"),
};

const ALL_ACTS = new Set<string>([...Object.keys(ASSISTANT_ACT_SLOTS).map((a) => `assistant.${a}`), ...Object.keys(USER_ACT_SLOTS).map((a) => `user.${a}`)]);

export const Wording = z
  .strictObject({
    assistant_gender: z
      .enum(["m", "f"])
      .optional()
      .describe("the grammatical gender of the assistant's first-person forms in Hindi and Hinglish ({m:…|f:…} in its lines); default m"),
    replace: z
      .array(z.string().min(1))
      .optional()
      .superRefine((list, ctx) => {
        (list ?? []).forEach((a, i) => {
          if (!ALL_ACTS.has(a)) ctx.addIssue({ code: "custom", path: [i], message: `unknown act '${a}': write assistant.<act> or user.<act> (acts: see wording.en.assistant / wording.en.user)` });
        });
      })
      .describe("acts (\"assistant.offer\", \"user.extra\") whose neutral lines the pack's lines replace instead of adding to; in every language the pack gives lines for"),
    values: z
      .record(z.string().min(1), ValueWording)
      .optional()
      .superRefine((vals, ctx) => {
        for (const [field, spec] of Object.entries(vals ?? {})) {
          for (const [path, t] of valueTemplates(spec)) {
            const err = templateError(t, ["value"]);
            if (err) ctx.addIssue({ code: "custom", path: [field, ...path], message: `${err} (in "${t}")` });
          }
          for (const [path, err] of caseErrors(spec)) ctx.addIssue({ code: "custom", path: [field, ...path], message: err });
        }
      })
      .describe("field → how its value is said: by a user stating a constraint (\"in red\"; \"under $50\" is built in for prices), in the scenario's goal, in the assistant's facts, as a booking argument (see WordingValue); a field the pack says nothing about is said by its value, with its name's words where the pack says them"),
    names: z
      .record(z.string().min(1), z.string().min(1))
      .optional()
      .describe(
        "field or argument → what a person calls it (pricerange → \"price range\", leaveAt → \"departure time\", people → \"number of people\", and a name that is already the word: category → \"category\"); a yes/no field is named by what a question about it is about (on_sale → \"discount\"), as it is said after \"any preference on\". A name is a key, said only as declared here, else by its words where the pack's own text says them, else not at all (never for its shape: a one-word name is not said for being one word). Said as written in every language: when the assistant asks for a detail or lists what a booking needs, and with a value the pack gives no `values` phrasing",
      ),
    short_names: z
      .record(z.string().min(1), ShortName)
      .optional()
      .describe("table → how the simulated user calls a row of it that it has already named in the dialogue (see WordingShortName); a table not listed is always called by its full title"),
    ...languages,
  })
  .describe("the pack's own phrases for the offline engine, added to (or, per `replace`, replacing) its neutral ones");
export type Wording = z.infer<typeof Wording>;
