import { bookingRef, describeArg, expand, fillValue, firstWay, humanField, sayableName, type Domain, type LoadedDomain, type ServiceInfo } from "@chatmill/domains";
import { withArticle, type Rng } from "@chatmill/kit";
import { formatMoney } from "@chatmill/persona-sample";
import { ASKS, byName, type ToolWords } from "./tool-words.js";

type Pack = LoadedDomain & Domain;

/** What the dialogue tells of the pack's services beside its calls. */
export interface PackContext {
  /** The source scenario's category: which of the services over one table a call is for, and a change's label. */
  category?: string | undefined;
  /** The tools the dialogue calls: a service whose booking tools are among them is the one a search over a shared table is for. */
  called: readonly string[];
}

/**
 * Asking a service for what the user wants from it (a search, a look-up, a command run on it):
 * {obj} is the pack's thing, which may be a thing to find ("a restaurant") or a service's help
 * ("a status check", "some maintenance done"), so no verb of finding.
 */
const WANTS = ["I need {obj}", "I'm after {obj}", "could you get me {obj}", "I'd like {obj}", "I want {obj}", "I'm hoping for {obj}"];

/** Filter ops whose argument holds the field's own value, said by the field's wording (a range's bound is not). */
const VALUE_OPS = new Set([undefined, "eq", "match", "in", "contains"]);
/** A bound's argument, said before its value ("under $60"). */
const BOUNDS: Record<string, string> = { lt: "under", lte: "under", gt: "over", gte: "at least" };

/**
 * How a pack's own tools are said, from what the pack declares and never from their names.
 * - What the user asks for: by the tool's role (a search or look-up asks for the service's thing;
 *   an act creates, cancels or modifies as its `changes` say; a modify names the change by the
 *   scenario category's declared label) and the service it serves (the one whose booking names
 *   the tool, else the one over the table it writes or reads), called by the pack's words for it:
 *   offline.nouns or services[].thing (any of its ways when asked for, the first when a booking
 *   refers to it), else its table's display nouns or offline.item_noun.
 * - An argument: by the wording of the field a search filters on (wording.values.<field>.en, its
 *   alternatives drawn); a bound on a field as one ("under $60" on the table's declared price,
 *   else with the field's words); else as dialogue-sim says a booking detail (describeArg:
 *   wording.values.<arg>.arg, its booking value's kind, wording.names, the pack's own words, else
 *   the value alone).
 * - A field: humanField (wording.names, the pack's own words, else "detail").
 * A tool the pack does not declare falls back to `byName`.
 */
export function byPack(domain: Pack, ctx: PackContext): ToolWords {
  const own = (tool: string) => domain.toolSpecs.has(tool);
  const bookingOf = (s: ServiceInfo) => (s.booking ? [s.booking.create, s.booking.modify, s.booking.cancel] : []);
  const tablesOf = (tool: string): string[] => {
    const spec = domain.toolSpecs.get(tool)!;
    const run = spec.run as { table?: string };
    return [spec.changes?.[0]?.table, run.table, spec.about].filter((t): t is string => t !== undefined);
  };
  const serviceOf = (tool: string): ServiceInfo | undefined => {
    const booked = domain.services.find((s) => bookingOf(s).includes(tool));
    if (booked) return booked;
    for (const table of tablesOf(tool)) {
      const over = domain.services.filter((s) => s.table === table);
      const chosen =
        over.find((s) => ctx.category !== undefined && s.categories.includes(ctx.category)) ?? over.find((s) => bookingOf(s).some((t) => t !== undefined && ctx.called.includes(t))) ?? over[0];
      if (chosen) return chosen;
    }
    return undefined;
  };
  const declared = (service: ServiceInfo | undefined) => (service ? domain.pack.services.find((s) => s.name === service.name) : undefined);
  const tableNouns = (tool: string, service: ServiceInfo | undefined): string[] | undefined =>
    [service?.table, ...tablesOf(tool)].map((t) => (t === undefined ? undefined : domain.offline.display?.[t]?.nouns)).find((n) => n !== undefined);
  /** What the user calls what it wants from the tool's service, with its article ("a restaurant"): said one way, or with `rng` its alternatives drawn. */
  const thing = (tool: string, service: ServiceInfo | undefined, rng?: Rng): string => {
    const nouns = service ? domain.offline.nouns?.[service.name] : undefined;
    const said = nouns?.[0] ?? declared(service)?.thing?.en;
    if (said !== undefined) return rng ? expand(said, rng).replace(/\s+/g, " ").trim() : firstWay(said, "");
    const noun = tableNouns(tool, service)?.[0] ?? domain.offline.item_noun?.[0];
    return noun === undefined ? "something" : withArticle(noun);
  };
  /** The field a search or filter argument is on, and how (a value of it, or a bound), when the run says so. */
  const filterOf = (tool: string, arg: string): { field: string; op?: string | undefined; table?: string | undefined } | undefined => {
    const run = domain.toolSpecs.get(tool)!.run as { table?: string; filters?: Array<{ arg?: string; field: string; op?: string }>; text?: { arg?: string; fields: string[] } };
    const filter = run.filters?.find((f) => f.arg === arg);
    if (filter) return { field: filter.field, op: filter.op, table: run.table };
    return run.text?.arg === arg && run.text.fields.length === 1 ? { field: run.text.fields[0]!, table: run.table } : undefined;
  };
  const currency = domain.offline.currency ?? domain.persona.budget?.currency ?? "USD";
  /** A bound on a field: "under $60" on the table's declared price, "with rating at least 4" by the field's words, else "under 60". */
  const bound = (on: { field: string; op?: string | undefined; table?: string | undefined }, value: unknown): string | undefined => {
    const word = on.op === undefined ? undefined : BOUNDS[on.op];
    if (word === undefined) return undefined;
    if (typeof value === "number" && on.table !== undefined && domain.offline.display?.[on.table]?.price === on.field) return `${word} ${formatMoney(value, currency)}`;
    const name = sayableName(domain, on.field);
    return name === undefined ? `${word} ${String(value)}` : `with ${name} ${word} ${String(value)}`;
  };
  const changeOf = (tool: string) => domain.toolSpecs.get(tool)!.changes?.[0]?.change;

  return {
    request(tool, rng) {
      if (!own(tool)) return byName.request(tool, rng);
      const service = serviceOf(tool);
      const obj = thing(tool, service);
      // Asked for anew, the thing is said any of the pack's ways ("somewhere to eat"); a booking it refers to, the first way.
      const ask = (bank: string[], what: () => string): string => {
        const template = rng.pick(bank);
        const said = what();
        return template.replace("{obj}", () => said);
      };
      const drawn = () => thing(tool, service, rng);
      const ref = service?.booking ? bookingRef(service.booking.booked, obj, false) : obj;
      switch (domain.roleOf(tool)) {
        case "search":
        case "lookup":
          return ask(WANTS, drawn);
        case "act":
          switch (changeOf(tool)) {
            case "create":
              return ask(service?.booking ? ASKS.book : ASKS.create, drawn);
            case "cancel":
              return ask(ASKS.cancel, () => ref);
            case "modify": {
              // The change by the category's declared label ("the pick-up point"), when the scenario is of a modify category that has one.
              const label = ctx.category !== undefined && domain.taskOf(ctx.category) === "modify" ? domain.category(ctx.category)?.label : undefined;
              return ask(ASKS.change, () => (label ? `${label} for ${ref}` : ref));
            }
            default:
              return ask(WANTS, drawn);
          }
        default:
          // A hand-off, a calculation, the "no tool" call: nothing of a service is asked for.
          return undefined;
      }
    },
    arg(tool, arg, value, rng) {
      if (!own(tool)) return byName.arg(tool, arg, value, rng);
      const on = filterOf(tool, arg);
      if (on && !VALUE_OPS.has(on.op)) {
        const said = bound(on, value);
        if (said !== undefined) return said;
      }
      const field = on && VALUE_OPS.has(on.op) ? on.field : undefined;
      const values = domain.wording?.values;
      const spec = field !== undefined && values && Object.hasOwn(values, field) ? values[field] : undefined;
      const v = typeof value === "string" ? value : JSON.stringify(value);
      const template = value === false || v === "no" || v === "false" ? spec?.no?.en : spec?.en;
      if (template !== undefined) return spec?.alone !== undefined && new RegExp(spec.alone, "i").test(v) ? v : fillValue(template, v, rng);
      return describeArg(domain, arg, value, "en", (name) => sayableName(domain, name), serviceOf(tool));
    },
    object(tool) {
      if (!own(tool)) return byName.object(tool);
      const service = serviceOf(tool);
      return declared(service)?.nouns?.[0] ?? tableNouns(tool, service)?.[0] ?? domain.offline.item_noun?.[0] ?? "option";
    },
    confirm(tool) {
      if (!own(tool)) return byName.confirm(tool);
      const service = serviceOf(tool);
      const obj = thing(tool, service);
      switch (changeOf(tool)) {
        case "create":
          return service?.booking ? `book ${obj}` : `set up ${obj}`;
        case "cancel":
          return service?.booking ? `cancel your booking for ${obj}` : "cancel that";
        case "modify":
          return service?.booking ? `change your booking for ${obj}` : "make that change";
        default:
          return "make that change";
      }
    },
    field: (name) => humanField(domain, name),
  };
}
