// What the user asks for ({thing}): the pack's noun for the service, its declared thing (by
// grammatical gender in Hindi and Hinglish), a catalog's kind, or a kind that names the thing.
import type { Constraint } from "../../contract.js";
import { expand, THING_GENDER_SLOT, tidy, withArticle } from "../../phrases/grammar.js";
import type { Dialog, Task } from "./context.js";

/** What the user asks for, said as a noun phrase ("a table somewhere", "some tees"). */
export function thing(d: Dialog, task: Task): string {
  return thingSaid(d, task)[0];
}

/**
 * What the user asks for, as the slots of a user line: {thing}, and its grammatical gender for
 * the line's {tm:…|tf:…} forms (a pack's services[].thing declared by gender; else masculine,
 * Hindi's unmarked form).
 */
export function thingSlots(d: Dialog, task: Task): { thing: string; [THING_GENDER_SLOT]: "m" | "f" } {
  const [said, gender] = thingSaid(d, task);
  return { thing: said, [THING_GENDER_SLOT]: gender };
}

function thingSaid(d: Dialog, task: Task): [string, "m" | "f"] {
  // A kind that names the thing (type "hotel" of a hotel) is the thing said: "a hotel", not "somewhere
  // to stay" beside a wish left unsaid (besideThing) — that would lose the kind (a guesthouse is not one).
  const kind = task.constraints.find((c) => namesThing(d, task, c));
  if (kind) return [d.lang === "en" ? withArticle(String(kind.value)) : String(kind.value), "m"];
  const declared = d.domain.offline.nouns?.[task.service.name] ? undefined : d.domain.pack.services.find((s) => s.name === task.service.name)?.thing?.[d.lang];
  if (declared !== undefined && typeof declared !== "string" && !catalogKind(d, task)) {
    // Ways of both genders: one drawn as often as the other; the line's forms agree with it.
    const gender = declared.m !== undefined && declared.f !== undefined ? d.rng.pick(["m", "f"] as const) : declared.f !== undefined ? "f" : "m";
    return [tidy(expand(declared[gender]!, d.rng)), gender];
  }
  return [tidy(expand(thingTemplate(d, task), d.rng)), "m"];
}

/**
 * The wishes the user says beside {thing} in its first request: without one that only names the
 * thing itself (a kind the pack words as the goal's noun whose value is one of the service's
 * nouns: type "hotel" of a hotel), so it is not said twice ("a hotel a hotel", "hotel होटल").
 */
export function besideThing(d: Dialog, task: Task, cs: readonly Constraint[]): Constraint[] {
  return cs.filter((c) => !namesThing(d, task, c));
}

/** A constraint on a kind the pack words as the goal's noun whose value is one of the service's nouns (type "hotel" of a hotel). */
function namesThing(d: Dialog, task: Task, c: Constraint): boolean {
  const nouns = d.domain.pack.services.find((s) => s.name === task.service.name)?.nouns;
  if (!nouns || d.domain.wording?.values?.[c.field]?.goal?.place !== "noun") return false;
  const v = String(c.value).toLowerCase();
  return nouns.some((n) => n.toLowerCase() === v);
}

/** In a catalog, the constraint on a field the pack words as the goal's noun (wording.values.<field>.goal.place noun) that is not what the row is called. */
function catalogKind(d: Dialog, task: Task): Constraint | undefined {
  const title = task.service.table ? d.domain.titleOf(task.service.table) : undefined;
  const values = d.domain.wording?.values;
  return d.domain.offline.item_noun && task.service.table ? task.constraints.find((c) => c.field !== title && values?.[c.field]?.goal?.place === "noun") : undefined;
}

function thingTemplate(d: Dialog, task: Task): string {
  const own = d.domain.offline.nouns?.[task.service.name];
  if (own && own.length > 0) {
    const noun = own.length === 1 ? own[0]! : d.rng.pick(own);
    // A bare noun ("dental appointment", as scenario-gen also reads them) is asked for with its article in English; a template ("[a table|…]") is left as written.
    return d.lang === "en" && /^[\p{L}]/u.test(noun) && !/^(a|an|the|some|any)\s/i.test(noun) ? withArticle(noun) : noun;
  }
  const item = d.domain.offline.item_noun;
  // A catalog (a pack that names its items) is asked for by the item's kind ("some tees").
  const kind = catalogKind(d, task);
  if (kind) {
    const v = String(kind.value).toLowerCase();
    return d.lang === "hi" ? `${v}` : d.lang === "mixed" ? `[kuch|koi] ${v}` : `[some|a few|] ${v}`;
  }
  // What the user calls what it wants from the service in its language (services[].thing).
  const said = d.domain.pack.services.find((s) => s.name === task.service.name)?.thing?.[d.lang];
  if (typeof said === "string") return said;
  // In English the noun comes bare or with a word of taste ("a nice piece", "a good option"), as shoppers say it.
  // Hindi and Hinglish say the catalog's words for an item as they are ("koi option", "piece चाहिए"), any of them.
  if (item) return d.lang === "en" ? `[${item.map((w) => withArticle(w)).join("|")}|a [new|nice|good] [${item.join("|")}]]` : `[${item.join("|")}]`;
  return d.lang === "hi" ? "कुछ" : d.lang === "mixed" ? "kuch" : "something";
}
