import { z } from "zod";
import { CategorySaid } from "./category-said.js";
import { templateError, Wording } from "./wording.js";
import { name, ToolDefinition } from "./common.js";
import { Invariants } from "./pack-rules.js";
import { DisplayParts } from "./display-parts.js";
import { ToolRun, Where } from "./tool-runs.js";
import { LiveSpec } from "./live-spec.js";

/**
 * A domain pack is data: tools in OpenAI function form, each with a declarative `run`
 * spec that @chatmill/domains interprets against the pack's tables, so a user writes a
 * pack without code. packages/domains/README.md documents every op with an example.
 * The runs are in tool-runs.ts, the live backend in live-spec.ts.
 */
/**
 * What a tool is for, declared by the pack (never guessed from its name or shape):
 * lookup (reads one row or the rows about one), search (finds rows by what the user wants),
 * act (changes the database: declare `changes`), handoff (passes the conversation to a human),
 * think (works something out without the database), none (the "no tool needed" call).
 */
export const ToolRole = z.enum(["lookup", "search", "act", "handoff", "think", "none"]);
export type ToolRole = z.infer<typeof ToolRole>;

/** How an act changes a table: inserts a row (create), changes fields (modify), cancels a row (cancel), or updates matching rows (update, a command's effects). */
export const ChangeKind = z.enum(["create", "modify", "cancel", "update"]);

export const ToolChange = z.strictObject({
  table: name.describe("the table the tool writes"),
  change: ChangeKind,
});

export const DomainTool = ToolDefinition.extend({
  run: ToolRun,
  role: ToolRole.describe("what the tool is for; the engines choose tools by role, never by name"),
  changes: z.array(ToolChange).min(1).optional().describe("for role act (and a hand-off that writes): every table the tool writes and how; checked against `run`"),
  about: z.string().min(1).optional().describe("for a lookup whose rows describe rows of another table (reviews of an item, logs of a host): that table"),
  result_rows: z
    .string()
    .min(1)
    .optional()
    .describe(
      "where the tool's result holds the rows it shows (what the engines name, count and talk about): the field of its result object holding their list (\"flights\"), or \"$row\" when the result is one row whatever lists it holds. Default: what the op returns (search, filter, list, similar, compare: results; availability: options; get: the row), else a list result's objects, else the only field holding a list of objects, else the result as one row (so a result with two such lists is one row unless this is declared). For ops with a fixed result it may only repeat that place",
    ),
});
export type DomainTool = z.infer<typeof DomainTool>;

const hour = z.number().int().min(0).max(23);

/**
 * What a booking field's value is, so scenario-gen can draw one a person would give (never read
 * from the field's name): the weekday or the date of the booking, a time of day between two
 * hours, a party size (1-8, twos commonest), a whole number in a range (nights), the persona's
 * own name, or one of the scenario's places (`from`: the first, `to`: the second; `among`: the
 * tables other places are drawn from). A field with
 * no declared value takes one from the create tool's schema (an enum value, a `format: "date"`
 * date, an HH:MM time, a number within its bounds) or, failing that, the booked row's field of
 * the same name.
 */
export const BookingValue = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("weekday") }),
  z.strictObject({ kind: z.literal("date") }),
  z.strictObject({ kind: z.literal("time"), hours: z.tuple([hour, hour]).describe("earliest and latest hour, e.g. [11, 21] for a table") }),
  z.strictObject({ kind: z.literal("party") }),
  z.strictObject({ kind: z.literal("count"), between: z.tuple([z.number().int().min(0), z.number().int().min(0)]).describe("[min, max], e.g. [1, 5] nights") }),
  z.strictObject({ kind: z.literal("guest_name") }),
  z.strictObject({
    kind: z.literal("place"),
    end: z.enum(["from", "to"]),
    among: z
      .array(name)
      .min(1)
      .optional()
      .describe("tables whose rows are places (each said by its display title): a scenario naming fewer than two places, and a change of place, draw the others from them (travel's taxi: restaurant, hotel, attraction); without it only the scenario's own places"),
  }),
]);
export type BookingValue = z.infer<typeof BookingValue>;

export const Booking = z.looseObject({
  create: name.describe("tool that creates a booking"),
  modify: z.string().optional(),
  cancel: z.string().optional(),
  fields: z.array(name).describe("arguments the user must give beside the venue id"),
  values: z.record(name, BookingValue).optional().describe("what each field's value is (see BookingValue); a field not listed takes its value from the create tool's schema"),
  booked: z.array(z.string().min(1)).min(1).optional().describe("what a person books, said before the place, ending in a space: [\"a table at \", \"a table for us at \"]; without it the place alone (\"book the Copper Kettle\"). The first entry also names a booking the user has (\"cancel my table at the Copper Kettle\"; without it \"my booking at …\")"),
});

/** A template of the phrase grammar, checked at load (brackets; no slots). */
const thingTemplate = z
  .string()
  .min(1)
  .superRefine((t, ctx) => {
    const err = templateError(t, []);
    if (err) ctx.addIssue({ code: "custom", message: `${err} (in "${t}")` });
  });

/**
 * What the simulated user calls what it wants from a service, per language (the {thing} of its
 * request: "I'm after [a restaurant|somewhere to eat]"), with its article. A language without
 * one: a catalog's item nouns (offline.item_noun), else "something" in that language.
 */
/**
 * A thing said in a language whose verbs agree with it (Hindi, Hinglish), by its grammatical
 * gender: the user's lines then say "{thing} मिल {tm:सकता|tf:सकती} है" with the right form. One
 * template of one gender, or the ways of each gender ("restaurant" m, "khane ki jagah" f).
 */
const GenderedThing = z
  .strictObject({
    m: thingTemplate.optional().describe("the ways of saying it that are masculine: \"[restaurant|hotel]\""),
    f: thingTemplate.optional().describe("the ways of saying it that are feminine: \"[khane ki jagah|ghoomne ki jagah]\""),
  })
  .refine((t) => t.m !== undefined || t.f !== undefined, { message: "a thing by gender needs its masculine (m) or feminine (f) ways, or both" })
  .describe("the thing's ways by grammatical gender, so the user's verbs agree with it (a plain template is taken as masculine, Hindi's unmarked form)");
const thingInLanguage = z.union([thingTemplate, GenderedThing]);

export const ServiceThing = z
  .strictObject({
    en: thingTemplate.optional().describe("English, with its article: \"[a restaurant|somewhere to eat|a table somewhere]\""),
    hi: thingInLanguage.optional().describe("Hindi (Devanagari): \"रेस्टोरेंट\", or by gender: {\"f\": \"घूमने की जगह\"}"),
    mixed: thingInLanguage.optional().describe("Hinglish: \"restaurant\", or by gender: {\"m\": \"restaurant\", \"f\": \"khane ki jagah\"}"),
  })
  .describe("what the simulated user calls what it wants from this service, per language, with its article (the {thing} of its request); offline.nouns, when it lists the service, comes first in every language, and in a catalog (offline.item_noun) a constraint whose goal wording is the noun (\"some tees\") comes before it");

export const Service = z.looseObject({
  name,
  description: z.string().optional(),
  table: z.string().optional().describe("the database table of this service's venues or items"),
  categories: z.array(z.string().min(1)).min(1),
  search_fields: z.array(name).optional().describe("fields of `table` a user can state as constraints"),
  nouns: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe("words for one thing this service finds, without an article (\"restaurant\", \"place to eat\"), as the scenario's goal names it (\"a cheap restaurant in the centre\"); without them its table's display nouns"),
  thing: ServiceThing.optional(),
  booking: Booking.optional(),
  facts: z
    .array(name)
    .min(1)
    .optional()
    .describe(
      "fields of `table` whose values, in the row the user asks about, are what the assistant must tell (the task's facts to communicate): an information service. The user names the row, the assistant reads it with a lookup or search tool over `table` and answers with these values",
    ),
  says: z
    .array(name)
    .min(1)
    .optional()
    .describe("with `facts`: the fields of that row the assistant's answer is worded from, in order (default: the facts); every row's fact values must appear in them"),
});

export const Table = z.looseObject({
  key: z.string().min(1).describe("the field that identifies a row"),
  description: z.string().optional(),
  rows: z.array(z.record(z.string(), z.unknown())).optional(),
  file: z.string().optional().describe("rows in a JSON array or NDJSON file (optionally gzip-compressed: .json.gz, .ndjson.gz), relative to the pack"),
  invariants: Invariants.optional(),
  fields: z
    .array(z.string().min(1))
    .optional()
    .describe("fields the pack's tools may add that no initial row has yet (an order's cancel_reason): rules may name them; any other unknown field is a typo the loader reports"),
});

/** A persona preference pool: explicit values, or the distinct values of a table field. */
export const PreferenceSpec = z.looseObject({
  key: name,
  values: z.array(z.string()).optional(),
  from: z.looseObject({ table: name, field: name, top: z.number().int().min(1).optional() }).optional(),
  pick: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
});

export const PersonaSpec = z.looseObject({
  preferences: z.array(PreferenceSpec).optional(),
  styles: z.array(name).optional().describe("the domain's own communication styles"),
  budget: z
    .looseObject({ currency: name, by_income: z.record(z.string(), z.tuple([z.number(), z.number()])) })
    .optional(),
});

/**
 * What a scenario category asks the assistant to do: create something (a booking, an order),
 * modify or cancel one that exists, answer a question (info), or deal with an issue about a
 * past booking or purchase (a complaint, a refund, lost property).
 */
export const CategoryTask = z.enum(["create", "modify", "cancel", "info", "issue"]);
export type CategoryTask = z.infer<typeof CategoryTask>;

export const CategorySpec = z.strictObject({
  task: CategoryTask,
  label: z.string().min(1).optional().describe("what a person calls the category (default: its name with spaces for underscores)"),
  asks: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe("how a user puts the request, as clauses in the infinitive: {thing} (the place, journey or item), {thingNoun}, {occasion}; for an issue task {ref} (the booking, order or visit it is about)"),
  said: CategorySaid.optional(),
  commands: z.array(z.string().min(1)).min(1).optional().describe("commands a user of a command tool asks to run for this category; {{service}} is the service in question"),
  changes: z
    .array(name)
    .min(1)
    .optional()
    .describe("for a modify task: the booking fields its change is to, one drawn per scenario (travel: pickup_location → departure); default: any booking field of the service. Each must be a booking field of every service that lists the category"),
  where: z
    .array(Where)
    .min(1)
    .optional()
    .describe("the rows of the service's table this category's requests are about: the row a scenario is grounded in meets every condition (ops: explain_command → kind eq command)"),
  reference: z
    .enum(["image", "item"])
    .optional()
    .describe(
      "the user asks from a reference: image — it shares a photo of what it wants (the display's image of the row it has in mind), and the assistant searches with a tool whose run finds rows like an image (op similar with an anchor on the image field); item — it asks for things like an item it was shown, and the assistant uses a tool whose run finds rows like a given row (op similar with key_arg)",
    ),
});
export type CategorySpec = z.infer<typeof CategorySpec>;

/** How the offline engine shows one table's rows. */
export const DisplaySpec = z.strictObject({
  title: z.string().min(1).optional().describe("the field that says what a row is called (the one name lookup reads it first)"),
  id: z.string().min(1).optional().describe("the field shown as the row's reference"),
  price: z.string().min(1).optional().describe("the field holding its price: an amount of money, said with the currency in lists, goals and users' requests whatever the field is called (no field is taken for money by its name)"),
  image: z.string().min(1).optional().describe("the field holding its image link: shown with lists and details, and the photo a user shares (no field is taken for an image by its name)"),
  details: z.array(z.string().min(1)).optional().describe("fields shown after the price, in this order"),
  unsaid: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe("fields never said among a row's facts (a long description, a list of image links, where the row came from); the title, id and image are never said among them either, as they are said as the row's name, reference and photo"),
  prose: z
    .string()
    .min(1)
    .optional()
    .describe("the field holding prose about a row (a description, in sentences): a details answer may quote one sentence of it, as a person reads out what the catalog says; never said among the row's facts. Without it, details say facts only"),
  nouns: z.array(z.string().min(1)).min(1).optional().describe("words for one row of the table (\"server\", \"machine\"), when its service declares none"),
  format: z
    .enum(["rows", "reviews", "log", "status", "stock"])
    .optional()
    .describe(
      "how the table's rows are said: as rows (default); as reviews (a score and a text) or as log lines (time, level, source, text) when they describe another row; as a state (status: a host's state, where it is, its numbers, a list filled to a percentage and a list of members in states, what stands out first); as stock (the options of an item summed by label: \"blue (44 left, sizes L and M)\"). `parts` names the fields",
    ),
  parts: DisplayParts.optional(),
});

/** What the offline engine needs to speak the domain; every field is optional and documented. */
export const OfflineSpec = z.strictObject({
  assistant_name: z.string().min(1).optional().describe("the assistant's name"),
  system_prompt: z.string().min(1).optional().describe("the assistant's system prompt in both engines"),
  display: z.record(z.string(), DisplaySpec).optional().describe("table → how its rows are shown"),
  currency: z.string().min(1).optional().describe("currency code of prices in the data (default: the persona budget's)"),
  currency_symbol: z.string().min(1).optional().describe("symbol written before prices, when no currency code is given"),
  item_noun: z.array(z.string().min(1)).min(1).optional().describe("words for one catalog item (\"piece\", \"item\"): a catalog pack's user asks for these"),
  nouns: z.record(z.string(), z.array(z.string().min(1)).min(1)).optional().describe("service → words for what it offers (templates like \"[a table|a restaurant]\")"),
  occasions: z.array(z.string().min(1)).optional().describe("occasions a goal can be for (\"a wedding\")"),
  city: z.string().min(1).optional().describe("the city the venues are in: goals become visits"),
  combinations: z.array(z.array(z.string().min(1)).min(2)).optional().describe("services that are asked for together in one scenario"),
  voice: z.strictObject({ do: z.array(z.string()), dont: z.array(z.string()) }).optional().describe("phrases the assistant uses and avoids (documentation for prompt writers; not read by the engines)"),
  style_mapping: z.record(z.string(), z.string()).optional().describe("persona style → how the assistant answers it (documentation; not read by the engines)"),
  notes: z.record(z.string(), z.string()).optional().describe("free notes about the data (not read by any tool)"),
});
export type OfflineSpec = z.infer<typeof OfflineSpec>;

/**
 * Session-level policy: what the assistant must do before it may act, as data the runtime
 * enforces and a checker can judge from the transcript. Every tool named here must exist.
 */
export const IdentitySpec = z.strictObject({
  table: name.describe("the table of the people a session can identify (customers, users); a row's key is the subject"),
  tools: z.array(name).min(1).describe("identity tools (lookups or searches over `table`): a successful call whose result holds exactly one row of `table` (or is that row's key alone, `{\"result\": key}`) identifies that row as the session's subject"),
  scoped: z
    .array(
      z.strictObject({
        tool: name.describe("a user-scoped tool: refused until an identity tool has succeeded"),
        owner: name.optional().describe("the field of the rows this tool addresses that holds their owner's key: the tool only acts on (and only lists) the identified subject's rows"),
      }),
    )
    .min(1),
  refusal: z.string().min(1).optional().describe("the error message a user-scoped tool returns before identification (error type identity_required); required unless `enforced` is false"),
  not_owner: z.string().min(1).optional().describe("the error message for a row that belongs to someone else (error type not_owner); required when a scoped tool declares `owner`"),
  enforced: z
    .boolean()
    .optional()
    .describe(
      "false: the tools do not refuse (they behave as a source environment's tools that check no one, so its recorded actions replay unchanged); the rule is still the assistant's, in its system prompt and in both engines, and policyViolations still judges it. Default true: the runtime refuses",
    ),
});

export const ConfirmSpec = z.strictObject({
  tools: z.array(name).min(1).describe("tools whose writes need the user's yes first: the assistant asks, the user consents, then the call"),
  refusal: z.string().min(1).describe("the error message of a write made without consent (error type confirmation_required); nothing changes"),
  consent_intent: name.optional().describe("the user message intent label that counts as a yes (default: confirm); must be one of the pack's intents"),
});

export const HandoffSpec = z.strictObject({
  tool: name.describe("the one tool that hands the conversation to a person (declared role handoff); the engines never use another"),
  when: z.string().min(1).optional().describe("when to hand off, in words: given to the assistant model (default: only when the user asks for a person)"),
  tasks: z.array(CategoryTask).min(1).optional().describe("category tasks the policy reserves to a person (complaints: issue): a scenario of such a category is an escalation task, whose expected action is this hand-off"),
});

export const PolicySpec = z.strictObject({
  file: z.string().min(1).optional().describe("a text file, relative to the pack, holding the policy the assistant follows; it becomes the assistant's system prompt in both engines (after offline.system_prompt)"),
  identity: IdentitySpec.optional(),
  confirm: ConfirmSpec.optional(),
  handoff: HandoffSpec.optional(),
});
export type PolicySpec = z.infer<typeof PolicySpec>;

export const DomainPack = z.looseObject({
  name: z.string().regex(/^[a-z0-9_-]+$/),
  version: z.string().min(1),
  description: z.string().min(1),
  license: z.string().optional(),
  attribution: z.string().optional(),
  services: z.array(Service).min(1),
  general_categories: z.array(z.string().min(1)),
  intents: z.array(z.string().min(1)).min(1),
  tools: z.array(DomainTool).min(1),
  database: z.looseObject({ tables: z.record(z.string(), Table) }),
  persona: PersonaSpec.optional().describe("the domain's persona distributions"),
  categories: z.record(z.string(), CategorySpec).describe("every category of the services and general_categories → what its task is"),
  offline: OfflineSpec.optional().describe("what the offline engine needs to speak the domain"),
  wording: Wording.optional().describe("the pack's own phrases for the offline engine (openers, acknowledgements, offers, tips, how values are said), per language and act; without it the engine speaks its neutral defaults"),
  policy: PolicySpec.optional().describe("session-level policy: identity, confirmation before writes, the hand-off tool, the policy text"),
  live: LiveSpec.optional().describe("the live backends the pack's http and mcp tools call (base URL, headers, MCP servers, reset, read-only)"),
});
export type DomainPack = z.infer<typeof DomainPack>;
