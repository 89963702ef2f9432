import { z } from "zod";

/**
 * How one field's value is said (`wording.values.<field>`): by the simulated user in the
 * dialogue (`en`, `hi`, `mixed`, `no`), in the scenario's goal text (`goal`), when the assistant
 * states a row's fact (`fact`), and when a tool argument of that name is said as a booking
 * detail (`arg`). Everything a field's name used to decide in code is declared here, so a
 * renamed field is said the same way and a pack's own fields are said as the pack wants.
 * Templates use the phrase grammar with one slot, {value}; the goal is said one way (the first
 * alternative of each `[a|b]`).
 */

/** How a value is written into its phrase. */
export const VALUE_FORMS = ["as_is", "lower", "title", "name", "upper_if_short", "spaced", "item_noun"] as const;
export type ValueForm = (typeof VALUE_FORMS)[number];

const form = z
  .enum(VALUE_FORMS)
  .describe(
    "how the value is written: as_is (default); lower (\"Cotton\" → \"cotton\"); title (\"pizza hut\" → \"Pizza Hut\"; a value with capitals, digits or underscores stays as it is); name (as title, with of/and/the/at/in/on/to always lower case: a row's name as a noun); upper_if_short (\"ml\" → \"ML\", longer values as they are); spaced (underscores as spaces: \"basic_economy\" → \"basic economy\"); item_noun (a category as one item: \"hoodies & sweatshirts\" → \"hoodie or sweatshirt\")",
  );

const template = (doc: string) => z.string().min(1).describe(doc);

/** Where the goal's phrase goes in the noun phrase of the thing asked for. */
export const GOAL_PLACES = ["before", "after", "noun", "code"] as const;
const place = z
  .enum(GOAL_PLACES)
  .describe("where the phrase goes in the noun phrase: before the noun (\"a 4-star hotel\"), after it (default: \"a hotel in the centre\"), as the noun itself (\"a guesthouse\", \"a hoodie\"), or as a code after the noun (\"the train TR8704\")");

export const GoalCase = z.strictObject({
  match: z.string().min(1).describe("a regular expression tested against the raw value, ignoring case (\"^(unbranded|generic)$\", \"one size\")"),
  say: template("the phrase for such a value, with {value}; default: the goal's `say`").optional(),
  place: place.optional(),
});

export const GoalWording = z
  .strictObject({
    say: template("the phrase, with {value}: \"in the {value}\", \"{value}-star\", \"leaving at {value}\"; default \"{value}\"").optional(),
    many: template("said instead of `say` when the value is a number other than 1 (\"for {value} nights\" beside say \"for {value} night\")").optional(),
    no: template("a yes/no field's \"no\" (\"without wifi\"); `say` is its \"yes\". Without it a \"no\" is said by the field's `no.en`, else by what the pack calls the field (wording.names, or its name's words when the pack's own text says them)").optional(),
    place: place.optional(),
    form: form.optional(),
    words: z
      .record(z.string(), z.string().min(1))
      .optional()
      .describe("value → the words said for it as {value}, instead of the value in its form (\"moderate\" → \"moderately priced\", \"swimmingpool\" → \"swimming pool\")"),
    cases: z
      .array(GoalCase)
      .optional()
      .describe("values said another way: the first case whose `match` the value meets gives the phrase and the place (\"one size\" → \"in one size\"; \"unbranded\" before the noun)"),
  })
  .describe("how the scenario's goal text (scenario-gen, English, said one way) states a constraint or a booking detail on this field: \"a 4-star guesthouse in the centre\", \"for 2 nights\"");
export type GoalWording = z.infer<typeof GoalWording>;

export const FactWording = z
  .strictObject({
    say: template("the fact, with {value}: \"by {value}\", \"made of {value}\", \"rated {value}★\"; a yes/no field's \"yes\" (\"in stock\")"),
    many: template("said instead of `say` when the value is a list of more than one, or a number other than 1 (\"part of the {value} collections\")").optional(),
    no: template("a yes/no field's \"no\" (\"out of stock\"); default: \"not \" and `say`").optional(),
    form: form.optional(),
    list: z
      .enum(["and", "or", "range"])
      .optional()
      .describe("how a list value's items (up to 4) are joined: \"blue, red and green\" (and, default) or \"blue, red or green\" (or), in every language (aur/ya, और/या); range: the items are steps of a scale in the order the data lists them (sizes XS, S, M, L, XL), three or more in a row said as the first to the last (\"XS to XL\", \"XS से XL\", \"XS se XL\"), and stock of this item is said in that order"),
    hi: template("the fact in Hindi, with {value}: \"{value} ब्रांड का\", \"{value} के लिए\"; without it Hindi says the field's name and the value (\"brand Luma\")").optional(),
    mixed: template("the fact in Hinglish, with {value}: \"{value} brand ka\", \"{value} ke liye\"; without it Hinglish says the field's name and the value").optional(),
  })
  .describe("how the assistant states a row's value of this field (English `say`, Hindi `hi`, Hinglish `mixed`: \"by Luma\", \"in blue or red\"); without it what the pack calls the field (wording.names, or its name's words when the pack's own text says them) and the value (\"rating 4.5\"), else the value alone");
export type FactWording = z.infer<typeof FactWording>;

const argLang = z.strictObject({
  en: template("English, with {value}: \"leaving {value}\"").optional(),
  hi: template("Hindi, with {value}").optional(),
  mixed: template("Hinglish, with {value}").optional(),
});

/** How an argument's value is written into its words: a subset of the value forms, the ones a booking detail needs. */
export const ARG_FORMS = ["as_is", "lower", "spaced"] as const;

export const ArgWording = argLang
  .extend({
    many: argLang.optional().describe("said instead when the value is a number other than 1 (\"{value} nights\" beside \"{value} night\")"),
    form: z
      .enum(ARG_FORMS)
      .optional()
      .describe("how the value is written, in every language, also where a language has no template: as_is (default); lower; spaced (underscores as spaces: \"basic_economy\" → \"basic economy\")"),
  })
  .describe(
    "how a tool argument of this name is said as a booking detail in the dialogue (\"for 2 people and at 19:00\"), per language; a language it gives none for says what the pack calls the argument and its value. Without it an argument is said by its booking value's kind (party, weekday, time, place), else by what the pack calls it (wording.names, or its name's words when the pack's own text says them) and its value, else by its value alone",
  );
export type ArgWording = z.infer<typeof ArgWording>;

/** How one field's value is said, per language, by the user in the dialogue: a template with {value}. */
export const LangValueWording = z.strictObject({
  en: z.string().optional().describe("English, with {value}: \"[in size|size] {value}\""),
  hi: z.string().optional().describe("Hindi, with {value}"),
  mixed: z.string().optional().describe("Hinglish, with {value}"),
});

export const ValueWording = LangValueWording.extend({
  no: LangValueWording.optional().describe("for a yes/no field: how its \"no\" is said (\"without parking\"); the languages above say its \"yes\""),
  alone: z
    .string()
    .min(1)
    .optional()
    .describe("a regular expression (case ignored): a value it matches names the field itself and is said alone, by the user and in the assistant's facts, without the templates above or the field's name (sizes: \"\\\\bsizes?\\\\b\" says \"one size\", not \"in size one size\")"),
  goal: GoalWording.optional(),
  fact: FactWording.optional(),
  arg: ArgWording.optional(),
}).meta({ id: "WordingValue", description: "how one field's value is said: by the user (en, hi, mixed, no), in the scenario's goal (goal), in the assistant's facts (fact), as a booking argument (arg)" });
export type ValueWording = z.infer<typeof ValueWording>;

/** Every template of a field's wording with its path under the field, for the load-time check. */
export function valueTemplates(spec: ValueWording): Array<[Array<string | number>, string]> {
  const out: Array<[Array<string | number>, string]> = [];
  const add = (path: Array<string | number>, t: unknown) => {
    if (typeof t === "string") out.push([path, t]);
  };
  for (const k of ["en", "hi", "mixed"] as const) add([k], spec[k]);
  for (const k of ["en", "hi", "mixed"] as const) add(["no", k], spec.no?.[k]);
  for (const k of ["say", "many", "no"] as const) add(["goal", k], spec.goal?.[k]);
  spec.goal?.cases?.forEach((c, i) => add(["goal", "cases", i, "say"], c.say));
  for (const k of ["say", "many", "no"] as const) add(["fact", k], spec.fact?.[k]);
  for (const k of ["en", "hi", "mixed"] as const) add(["arg", k], spec.arg?.[k]);
  for (const k of ["en", "hi", "mixed"] as const) add(["arg", "many", k], spec.arg?.many?.[k]);
  return out;
}

/** A goal case's `match` (or `alone`) that is not a regular expression, with its error. */
export function caseErrors(spec: ValueWording): Array<[Array<string | number>, string]> {
  const out: Array<[Array<string | number>, string]> = [];
  if (spec.alone !== undefined) {
    try {
      new RegExp(spec.alone, "i");
    } catch (e) {
      out.push([["alone"], `not a regular expression: ${(e as Error).message}`]);
    }
  }
  spec.goal?.cases?.forEach((c, i) => {
    try {
      new RegExp(c.match, "i");
    } catch (e) {
      out.push([["goal", "cases", i, "match"], `not a regular expression: ${(e as Error).message}`]);
    }
  });
  return out;
}
