import { bookingRef, firstWay, sayableName, type Domain, type ServiceInfo } from "@chatmill/domains";
import type { Rng } from "@chatmill/kit";
import { categoryWords } from "./categories.js";
import { describeBooking, display, type FieldSaying } from "./phrases.js";
import type { ServicePlan } from "./goal.js";

// The goal's words: what the user calls the pack's things (its nouns, price and table words), the
// clause that says what one service's plan wants, and the goal text those clauses join into.
// Every word is the pack's (its nouns, asks, labels, booking values, wording) or the neutral verbs here.

const CREATE_VERBS = ["book", "reserve", "get", "arrange"];
const FIND_VERBS = ["find", "track down", "pick out", "get"];
const INFO_VERBS = ["find out about", "ask about", "check", "get details on"];

const nounCache = new WeakMap<Domain, Record<string, string[]>>();

/** The pack's words for its things: offline.nouns by service, a catalog's offline.item_noun, then each service's own nouns (services[].nouns). */
export function nounsOf(domain: Domain): Record<string, string[]> {
  let nouns = nounCache.get(domain);
  if (!nouns) {
    const own = (domain.offline.nouns ?? {}) as Record<string, string[]>;
    const item = Array.isArray(domain.offline.item_noun) ? (domain.offline.item_noun as string[]) : undefined;
    const catalog = item ? Object.fromEntries(domain.services.filter((s) => s.table).map((s) => [s.name, item])) : {};
    const declared = Object.fromEntries((domain.pack.services ?? []).flatMap((s) => (s.nouns ? [[s.name, s.nouns]] : [])));
    nounCache.set(domain, (nouns = { ...declared, ...catalog, ...own }));
  }
  return nouns;
}

/**
 * The change a user asks for, worded by what the field's value is (the pack's booking.values:
 * a party, a day, a time, a count, a place), with the field's own words where the pack gives
 * them (wording.names), never by the field's name.
 */
function changePhrase(change: Record<string, unknown>, rng: Rng, say: FieldSaying, info: ServiceInfo): string {
  const [field, value] = Object.entries(change)[0] ?? ["", ""];
  const v = String(value);
  const words = say.words?.(field);
  const kind = info.booking?.values?.[field];
  // An enum value is said as words ("basic economy"), a place or a day as it is displayed.
  const said = kind?.kind === "weekday" || kind?.kind === "place" ? display(v) : v.replace(/_/g, " ");
  const own = words ? [`change the ${words} to ${said}`] : [];
  switch (kind?.kind) {
    case "party":
      return rng.pick([`make it for ${v} ${v === "1" ? "person" : "people"}`, `change the party to ${v}`]);
    case "weekday":
    case "date":
      return rng.pick([`move it to ${display(v)}`, `switch it to ${display(v)}`]);
    case "time":
      return rng.pick(own.length > 0 ? [...own, `make it ${v} instead`] : [`move it to ${v}`, `push it to ${v}`]);
    case "count":
      return rng.pick(own.length > 0 ? own : [`make it ${v}`]);
    case "place":
      return rng.pick(own.length > 0 ? own : kind.end === "from" ? [`start from ${display(v)} instead`, `change where it starts to ${display(v)}`] : [`go to ${display(v)} instead`, `change where it goes to ${display(v)}`]);
    default:
      // The field by its words when the pack says them; else the new value alone ("make it 10:30"), never the key.
      return own[0] ?? `make it ${said}`;
  }
}

const sayings = new WeakMap<Domain, FieldSaying>();

/** How this pack lets its fields be said: its wording.values (English, one way) and its fields' sayable words. */
export function fieldSaying(domain: Domain): FieldSaying {
  let say = sayings.get(domain);
  if (!say) {
    const values = domain.wording?.values ?? {};
    say = {
      phrase: (field, value, no) => {
        const spec = Object.hasOwn(values, field) ? values[field] : undefined;
        const t = no ? spec?.no?.en : spec?.en;
        return t === undefined ? undefined : firstWay(t, value);
      },
      words: (field) => sayableName(domain, field),
      spec: (field) => (Object.hasOwn(values, field) ? values[field] : undefined),
    };
    sayings.set(domain, say);
  }
  return say;
}

function fill(template: string, thing: string, domain: Domain, rng: Rng): string {
  const occasions = Array.isArray(domain.offline.occasions) ? (domain.offline.occasions as string[]) : ["a party"];
  const noun = thing.replace(/^(a|an|the)\s+/i, "");
  return template.replace("{thing}", thing).replace("{thingNoun}", noun).replace("{occasion}", rng.pick(occasions));
}

export function clauseFor(plan: ServicePlan, info: ServiceInfo, category: string | undefined, domain: Domain, named: boolean, rng: Rng): string {
  const thing = plan.thing;
  // How a user puts this category's request: the pack's declared clauses.
  const asks = category ? domain.category(category)?.asks : undefined;
  const recommends = domain.intents.includes("recommend");
  const ref = info.booking ? bookingRef(info.booking.booked, thing, named)
    : recommends ? `my order of ${thing}`
    : typeof domain.offline.city === "string" ? `my visit to ${thing}` : thing;
  switch (plan.kind) {
    case "create": {
      if (!info.booking) return asks ? fill(rng.pick(asks), thing, domain, rng) : `${rng.pick(FIND_VERBS)} ${thing}`;
      const prefix = info.table ? rng.pick(info.booking.booked ?? [""]) : "";
      const details = info.table ? describeBooking(plan.booking ?? {}, fieldSaying(domain), info.booking.values) : "";
      // "an appointment with the" + "a cardiology department": one article is enough.
      const object = prefix.endsWith("the ") ? thing.replace(/^(a|an) /, "") : thing;
      return `${rng.pick(CREATE_VERBS)} ${prefix}${object}${details ? ` ${details}` : ""}`;
    }
    case "cancel":
      return `${rng.pick(["cancel", "call off", "cancel"])} ${ref}${existingWhen(plan, info)}`;
    case "modify": {
      if (plan.booking) return `${rng.pick(["update", "change", "amend"])} ${ref}${existingWhen(plan, info)} and ${changePhrase(plan.booking, rng, fieldSaying(domain), info)}`;
      // Without a change to name, the category's own words for it (its asks), else its label.
      if (asks) return fill(rng.pick(asks), thing, domain, rng).replaceAll("{ref}", ref);
      return `sort out ${category ? categoryWords(domain, category) : "a change"} for ${ref}${existingWhen(plan, info)}`;
    }
    case "issue": {
      const bank = asks ?? [`get help with ${category ? categoryWords(domain, category) : "a problem"} for {ref}`];
      return fill(rng.pick(bank), thing, domain, rng).replaceAll("{ref}", ref);
    }
    default:
      if (asks) return fill(rng.pick(asks), thing, domain, rng);
      // A category is named only by its declared label: its task's words ("a question") would not read here.
      const label = category ? domain.category(category)?.label : undefined;
      return `${rng.pick(INFO_VERBS)} ${label ? `${label} for ` : ""}${thing}`;
  }
}

/** The table's declared price field (display.price): its amounts are said with the currency. */
export function moneyOf(domain: Domain, table: string): { money?: string } {
  const money = domain.offline.display?.[table]?.price;
  return money ? { money } : {};
}

export function tableNouns(domain: Domain, table: string): { tableNouns?: string[] } {
  const nouns = domain.offline.display?.[table]?.nouns;
  return nouns ? { tableNouns: nouns } : {};
}

/** The day the booking is on, said after it ("on Friday"): the field the service declares a weekday, else a date (booking.values). */
function existingWhen(plan: ServicePlan, info: ServiceInfo): string {
  const kinds = info.booking?.values ?? {};
  const fields = Object.keys(plan.existing ?? {});
  const at = fields.find((f) => kinds[f]?.kind === "weekday") ?? fields.find((f) => kinds[f]?.kind === "date");
  const day = at === undefined ? undefined : plan.existing?.[at];
  return typeof day === "string" && !plan.thing.includes(` on ${display(day)}`) ? ` on ${display(day)}` : "";
}

const JOINERS = [", then ", ", and after that ", ". Also ", "; on top of that, ", ". Then ", ". After that, "];

/** "Book a table at … . Then get a taxi from … to …" */
export function goalText(plans: ServicePlan[], rng: Rng): string {
  let text = capital(plans[0]!.clause);
  for (let i = 1; i < plans.length; i++) {
    const joiner = rng.pick(JOINERS);
    text += joiner + plans[i]!.clause;
  }
  return `${text}.`;
}

export function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
