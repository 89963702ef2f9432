import { z } from "zod";
import { templateError, Wording } from "./wording.js";
import { ToolDefinition } from "./common.js";
import { Invariants, TransactRun } from "./pack-rules.js";
import { DisplayParts } from "./display-parts.js";

/**
 * A domain pack is data: tools in OpenAI function form, each with a declarative `run`
 * spec that @chatmill/domains interprets against the pack's tables, so a user writes a
 * pack without code. packages/domains/README.md documents every op with an example.
 */

const name = z.string().min(1);

/** Operators a filter applies to a row's field (arrays match when any element does). */
export const FieldOp = z.enum(["eq", "ne", "lt", "lte", "gt", "gte", "in", "contains", "match", "between", "exists"]);

/** Maps a call argument onto a field test; skipped when the argument is absent. */
export const ArgFilter = z.looseObject({
  arg: name.describe("argument name in the tool's parameters"),
  field: name.describe("row field tested; dotted paths reach nested objects"),
  op: FieldOp.optional().describe("defaults to eq (case-insensitive for strings)"),
});

/** A fixed condition every row must meet, whatever the arguments. */
export const Where = z.looseObject({ field: name, op: FieldOp.optional(), value: z.unknown() });

/** Free-text match of an argument over several fields (every word must appear in one of them). */
export const TextMatch = z.looseObject({ arg: name, fields: z.array(name).min(1) });

export const SortKey = z.looseObject({ field: name, order: z.enum(["asc", "desc"]).optional() });

const projection = z.array(name).optional().describe("fields returned for each row (default: all)");
const limit = z.number().int().min(1).optional();

/** An argument that must name an existing row (else the call is not_found, as a real API). */
export const ArgRef = z.looseObject({ arg: name, table: name, field: z.string().optional().describe("default: the table key") });

const SearchRun = z.looseObject({
  op: z.enum(["search", "filter", "list"]),
  table: name,
  ref: ArgRef.optional(),
  filters: z.array(ArgFilter).optional(),
  where: z.array(Where).optional(),
  text: TextMatch.optional(),
  sort: z.array(SortKey).optional().describe("stable; ties fall back to the table key"),
  sort_arg: z.string().optional().describe("argument naming a field to sort by (prefix '-' for descending)"),
  limit: limit.describe("rows returned when the call gives no limit (default 10)"),
  limit_arg: z.string().optional().describe("argument with the caller's limit (bound it with the tool's JSON Schema `maximum`)"),
  project: projection,
});

/** Rows of another table attached to a fetched row (e.g. an item's variants). */
export const Include = z.looseObject({
  table: name,
  field: name.describe("field of the included table holding the fetched row's key"),
  as: name,
  project: projection,
  sort: z.array(SortKey).optional(),
  limit: limit,
});

const GetRun = z.looseObject({
  op: z.literal("get"),
  table: name,
  key_arg: name,
  by: z.string().optional().describe("field matched instead of the table key (case-insensitive)"),
  project: projection,
  include: z.array(Include).optional(),
});

const CompareRun = z.looseObject({
  op: z.literal("compare"),
  table: name,
  keys_arg: name.describe("argument holding an array of keys"),
  attributes: z.array(name).min(1).describe("fields compared side by side"),
  project: projection,
});

const SimilarRun = z.looseObject({
  op: z.literal("similar"),
  table: name,
  key_arg: z.string().optional().describe("argument holding the anchor row's key"),
  anchor: z.looseObject({ arg: name, field: name }).optional().describe("find the anchor by another field, e.g. an image URL"),
  text: TextMatch.optional().describe("when no anchor is given, rank by words of this argument instead"),
  attributes: z.array(name).min(1).describe("fields whose shared values make rows similar"),
  include_anchor: z.boolean().optional().describe("list the anchor row itself first (visual search: the pictured item)"),
  filters: z.array(ArgFilter).optional(),
  where: z.array(Where).optional(),
  limit: limit,
  limit_arg: z.string().optional(),
  project: projection,
});

const AvailabilityRun = z.looseObject({
  op: z.literal("availability"),
  table: name.describe("the stock table"),
  key_arg: name,
  key_field: name.describe("field of the stock table holding the item's key"),
  item_table: z.string().optional().describe("table checked for the key, so an unknown item is not_found"),
  filters: z.array(ArgFilter).optional(),
  quantity_field: name,
  quantity_arg: z.string().optional().describe("argument with the quantity wanted (default 1)"),
  project: projection,
});

/** Where a written field's value comes from. */
export const ValueSource = z.union([
  z.looseObject({ arg: name, default: z.unknown().optional() }),
  z.looseObject({ ref: name.describe("field of the referenced row") }),
  z.looseObject({ value: z.unknown() }),
  z.looseObject({ pick: z.array(z.unknown()).min(1).describe("one of these, chosen by the new row's id (deterministic)") }),
  z.looseObject({ template: z.string().describe("text with {{arg}} and {{ref.field}} placeholders") }),
  z.looseObject({ digits: z.number().int().min(1).max(16), prefix: z.string().optional() }).describe("a number derived from the new row's id, e.g. a phone"),
]);

const CreateRun = z.looseObject({
  op: z.literal("create"),
  table: name.describe("the bookings/orders table written to"),
  ref: z
    .looseObject({
      table: name,
      arg: name,
      field: z.string().optional().describe("default: the table key"),
      where: z.array(Where).optional().describe("the referenced row must meet these, else the call fails as unavailable"),
    })
    .optional()
    .describe("the venue/item the new row refers to; an unknown one is not_found"),
  set: z.record(z.string(), ValueSource),
  id_prefix: z.string().optional(),
  capacity: z
    .looseObject({
      limit: z.number().int().min(1),
      per: z.array(name).min(1).describe("fields that together name one slot"),
      sum: z.string().optional().describe("field summed over the slot's live rows (default: count rows)"),
    })
    .optional(),
});

const ModifyRun = z.looseObject({
  op: z.literal("modify"),
  table: name,
  key_arg: name,
  set: z.record(z.string(), ValueSource).describe("applied only for arguments that are present"),
  closed: z.looseObject({ field: name, values: z.array(z.unknown()) }).optional().describe("rows in these states cannot change"),
});

const CancelRun = z.looseObject({
  op: z.literal("cancel"),
  table: name,
  key_arg: name,
  status_field: z.string().optional().describe("default: status"),
  value: z.string().optional().describe("default: cancelled"),
  closed: z.looseObject({ field: name, values: z.array(z.unknown()) }).optional(),
});

/** A state change a command makes, e.g. `systemctl restart nginx` sets the service running. */
export const CommandEffect = z.looseObject({
  table: name,
  match: z.record(z.string(), z.string()).describe("field → template; every matching row is updated"),
  set: z.record(z.string(), z.unknown()),
});

export const CommandRule = z.looseObject({
  pattern: name.describe("regular expression over the whole command; groups are {{$1}}, {{$2}}…"),
  output: z.string().optional().describe("template over the target row ({{field}}) and groups"),
  each: z
    .looseObject({
      table: name,
      match: z.record(z.string(), z.string()),
      line: z.string(),
      header: z.string().optional(),
      empty: z.string().optional().describe("output when no row matches; effects are then skipped"),
      empty_exit_code: z.number().int().optional(),
    })
    .optional(),
  exit_code: z.number().int().optional(),
  effects: z.array(CommandEffect).optional(),
});

const CommandRun = z.looseObject({
  op: z.literal("command"),
  table: name.describe("the hosts a command runs on"),
  key_arg: name,
  command_arg: name,
  commands: z.array(CommandRule).min(1),
  unknown: z.looseObject({ output: z.string(), exit_code: z.number().int() }).optional(),
  offline: z.looseObject({ field: name, values: z.array(z.unknown()) }).optional().describe("hosts in these states time out"),
});

const StaticRun = z.looseObject({ op: z.literal("static"), result: z.unknown() });

/** A header value: literal text (may hold `{arg}`), or a secret read from the environment, never printed or recorded. */
export const HeaderValue = z.union([z.string(), z.strictObject({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).describe("environment variable holding the value") })]);

/**
 * A request to a live backend: what the `http` op sends (and what a declarative run with an
 * `http` block sends instead of running over the pack's tables).
 */
export const HttpSpec = z.strictObject({
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]),
  url: z.string().min(1).describe("URL template: {arg} is the argument, URL-encoded; a path starting with / is joined to live.base_url"),
  query: z.array(name).optional().describe("arguments sent as query parameters (when given)"),
  body: z.array(name).optional().describe("arguments sent as the JSON body's fields (when given)"),
  body_arg: name.optional().describe("an argument sent as the whole JSON body"),
  headers: z.record(z.string(), HeaderValue).optional().describe("request headers; {env: NAME} values are secrets"),
  timeout_ms: z.number().int().min(1).optional().describe("default live.timeout_ms, else 10000"),
});
export type HttpSpec = z.infer<typeof HttpSpec>;

// Loose like the other runs (the union is read through fields some runs lack, e.g. `table`).
const HttpRun = z.looseObject({ ...HttpSpec.shape, op: z.literal("http") });

/**
 * A tool on an MCP server: what the `mcp` op calls (and what a declarative run with an `mcp`
 * block calls instead of running over the pack's tables). The tool's arguments are sent as
 * they are, unless `args` renames them.
 */
export const McpSpec = z.strictObject({
  server: name.describe("the server, by its name in live.mcp"),
  tool: name.describe("the tool's name on the server (as tools/list gives it)"),
  args: z.record(z.string(), name).optional().describe("the server tool's argument name → the pack tool's argument it takes (default: every argument under its own name); arguments not listed are not sent"),
  timeout_ms: z.number().int().min(1).optional().describe("default live.timeout_ms, else 10000"),
});
export type McpSpec = z.infer<typeof McpSpec>;

const McpRun = z.looseObject({ ...McpSpec.shape, op: z.literal("mcp") });

/** An MCP server started as a child process, spoken to over its stdin and stdout. */
export const McpStdioServer = z.strictObject({
  command: name.describe("the program to start (found on PATH, or a path)"),
  args: z.array(z.string()).optional().describe("its arguments"),
  env: z.record(z.string(), HeaderValue).optional().describe("environment variables set for it (beside HOME, PATH and the like): text, or {env: NAME}, a secret read from chatmill's environment, never printed or recorded"),
  cwd: z.string().min(1).optional().describe("the directory it starts in, relative to the pack's directory (default: the pack's directory)"),
});

/** An MCP server already running, spoken to over streamable HTTP. */
export const McpHttpServer = z.strictObject({
  url: z.string().url().describe("its streamable HTTP endpoint, e.g. http://127.0.0.1:3000/mcp"),
  headers: z.record(z.string(), HeaderValue).optional().describe("headers sent with every request; {env: NAME} values are secrets"),
});

export const McpServerSpec = z.union([McpStdioServer, McpHttpServer]);
export type McpServerSpec = z.infer<typeof McpServerSpec>;

const HttpReset = z.strictObject({
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).describe("the reset request's method"),
  url: z.string().min(1).describe("its URL; a path starting with / is joined to live.base_url"),
  body: z.unknown().optional().describe("its JSON body"),
});

const McpReset = z.strictObject({
  server: name.describe("the server, by its name in live.mcp"),
  tool: name.describe("the server's tool that puts its state back"),
  arguments: z.record(z.string(), z.unknown()).optional().describe("the arguments it is called with (default none)"),
});

/** The pack's live backend: where relative URLs go, headers for every request, MCP servers, per-dialogue isolation. */
export const LiveSpec = z.strictObject({
  base_url: z.string().url().optional().describe("where the http tools' relative URLs go"),
  headers: z.record(z.string(), HeaderValue).optional().describe("headers sent with every http request; {env: NAME} values are secrets"),
  mcp: z.record(name, McpServerSpec).optional().describe("the MCP servers the mcp tools call, by name: a command to start (stdio) or a URL (streamable HTTP); each is connected once per run, on its first call"),
  reset: z
    .union([HttpReset, McpReset])
    .optional()
    .describe("run when each dialogue's session starts, so every dialogue sees the same backend state: a request ({method, url, body}) or an MCP tool call ({server, tool, arguments})"),
  read_only: z.boolean().optional().describe("refuse every act tool (error type read_only) without sending it: dialogues cannot change the backend"),
  timeout_ms: z.number().int().min(1).optional().describe("a request or MCP call that takes longer is cut and becomes a timeout result (default 10000)"),
  rate_limit: z
    .strictObject({ rpm: z.number().positive().describe("requests (and MCP calls) per minute, per base URL or MCP server") })
    .optional()
    .describe("a pace the backend asks for: calls wait for their turn (the LLM layer's limiter: a second's burst, then an even pace); a replay never waits"),
});
export type LiveSpec = z.infer<typeof LiveSpec>;

export const ToolRun = z.discriminatedUnion("op", [
  SearchRun,
  GetRun,
  CompareRun,
  SimilarRun,
  AvailabilityRun,
  CreateRun,
  ModifyRun,
  CancelRun,
  CommandRun,
  StaticRun,
  TransactRun,
  HttpRun,
  McpRun,
]);
export type ToolRun = z.infer<typeof ToolRun>;

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
  booked: z.array(z.string().min(1)).min(1).optional().describe("what a person books, said before the place, ending in a space: [\"a table at \", \"a table for us at \"]; without it the place alone (\"book the Copper Kettle\")"),
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
export const ServiceThing = z
  .strictObject({
    en: thingTemplate.optional().describe("English, with its article: \"[a restaurant|somewhere to eat|a table somewhere]\""),
    hi: thingTemplate.optional().describe("Hindi (Devanagari): \"रेस्टोरेंट\""),
    mixed: thingTemplate.optional().describe("Hinglish: \"[restaurant|khane ki jagah]\""),
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
