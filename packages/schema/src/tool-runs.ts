import { z } from "zod";
import { name } from "./common.js";
import { TransactRun } from "./pack-rules.js";
import { HttpRun, McpRun } from "./live-spec.js";

/**
 * What a pack tool does when called: a declarative \`run\` that @chatmill/domains interprets
 * against the pack's tables (search, get, create, modify, cancel, command, transact…), or a
 * call to a live backend (http, mcp; live-spec.ts). packages/domains/README.md documents every op.
 */

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

