import { z } from "zod";
import { templateError } from "./wording.js";

/**
 * The parts of `offline.display.<table>.parts`: which fields hold what the offline engine says
 * of a row of a format (a review, a log line, a host's state, an item's stock), so no field is
 * read by its name. Apart from domain-pack.ts to keep that file short.
 */

const field = z.string().min(1);

/** A template with [a|b] alternatives and the given slots ({value}), checked like the wording's. */
const template = (what: string, slots: readonly string[]) =>
  z
    .string()
    .min(1)
    .superRefine((t, ctx) => {
      const err = templateError(t, slots);
      if (err) ctx.addIssue({ code: "custom", message: `${err} (in "${t}")` });
    })
    .describe(what);

/** Words in each language; Hindi and Hinglish default to the English. */
const Said = (what: string, slots: readonly string[] = []) =>
  z
    .strictObject({
      en: template(`${what}, in English`, slots),
      hi: template(`${what}, in Hindi (Devanagari); default: the English`, slots).optional(),
      mixed: template(`${what}, in Hinglish; default: the English`, slots).optional(),
    })
    .describe(`${what}, per language`);
export type Said = z.infer<ReturnType<typeof Said>>;

/** A number of a row said with its words ("CPU at 71%"), and the value from which it stands out. */
export const StatusMetric = z.strictObject({
  field: field.describe("the field holding the number"),
  say: Said('how it is said, {value} being the number: "CPU [at |]{value}%", "memory {value}%"', ["value"]),
  high: z.number().optional().describe("from this value up the number stands out: a short answer on the row's state says it (CPU 80); default: never"),
});

/** A list in a row whose entries are filled to a percentage (a host's disks). */
export const StatusUsage = z.strictObject({
  list: field.describe("the row's field holding the list: a list of objects in the data, or the `as` of a tool's include that joins them"),
  name: field.describe("the entries' field that names one (a disk's mount)"),
  percent: field.describe("the entries' field holding how full it is, in percent (said \"62% full\")"),
  high: z.number().optional().describe("from this percentage up an entry stands out (80); default: never"),
  label: Said('what the entries are called, said before the list ("Disks")'),
});

/** A list in a row whose entries are each in a state (a host's services). */
export const StatusMembers = z.strictObject({
  list: field.describe("the row's field holding the list: a list of objects in the data, or the `as` of a tool's include that joins them"),
  name: field.describe("the entries' field that names one (a service's name)"),
  state: field.describe("the entries' field holding its state (running, stopped)"),
  normal: z.string().min(1).describe("the state that is as it should be (\"running\"): an entry in any other state stands out"),
  label: Said('what the entries are called, in the compact line ("Services")'),
});

export const DisplayParts = z
  .strictObject({
    score: field.optional().describe("reviews: a review's score, said with ★"),
    text: field.optional().describe("reviews, log: a review's or a log line's text"),
    time: field.optional().describe("log: a log line's timestamp (ISO: its clock time is said)"),
    level: field.optional().describe("log: a log line's level, said in capitals"),
    source: field.optional().describe("log: what wrote the log line (a service)"),
    state: field.optional().describe("status: the row's state (healthy, degraded), said first"),
    where: z.array(field).min(1).optional().describe("status: fields saying where the row is or what it does (role, environment), said after its state in brackets"),
    uptime: field.optional().describe("status: how long it has been up (\"41 days, 3:12\"), said as \"up …\""),
    metrics: z.array(StatusMetric).min(1).optional().describe("status: the numbers said of it (load), in this order"),
    usage: StatusUsage.optional().describe("status: a list of entries filled to a percentage (disks), the fullest first"),
    members: StatusMembers.optional().describe("status: a list of entries each in a state (services), grouped by state, what is not normal first"),
    label: field.optional().describe("stock: the field naming an option (its colour, its variant): options are summed by it"),
    unlabelled: z.string().min(1).optional().describe('stock: what an option without a label is called ("standard"); default: such options are left out'),
    size: field.optional().describe("stock: the field holding an option's size (said \"sizes L and M\")"),
    quantity: field.optional().describe("stock: the field holding how many are left; without it (and without `available`) each option counts one"),
    available: field.optional().describe("stock: a yes/no field saying whether the option is in stock (false counts none, else one), when there is no quantity"),
  })
  .describe(
    "which fields hold each part of what a format says. reviews: text and score; log: text, time, level, source; status: state (required), where, uptime, metrics, usage, members; stock: label (required), unlabelled, size, quantity or available",
  );
export type DisplayParts = z.infer<typeof DisplayParts>;

/** The parts each format may name, and those it needs. */
export const FORMAT_PARTS: Record<"reviews" | "log" | "status" | "stock", { may: readonly (keyof DisplayParts)[]; needs: readonly (keyof DisplayParts)[] }> = {
  reviews: { may: ["score", "text"], needs: ["text", "score"] },
  log: { may: ["text", "time", "level", "source"], needs: ["text"] },
  status: { may: ["state", "where", "uptime", "metrics", "usage", "members"], needs: ["state"] },
  stock: { may: ["label", "unlabelled", "size", "quantity", "available"], needs: ["label"] },
};

/** The parts that are one field of the table's rows (the others: where, metrics, usage, members, unlabelled). */
export const FIELD_PARTS = ["score", "text", "time", "level", "source", "state", "uptime", "label", "size", "quantity", "available"] as const satisfies ReadonlyArray<keyof DisplayParts>;
