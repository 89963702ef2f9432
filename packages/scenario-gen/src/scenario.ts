import { checksSomething, deriveTask, reservedToPerson, validateTask, type Domain } from "@chatmill/domains";
import { stableId, type Rng } from "@chatmill/kit";
import { CITY_NAMES, packCurrency, type Mix } from "@chatmill/persona-sample";
import type { Persona, Scenario, Task } from "@chatmill/schema";
import { categoryKind } from "./categories.js";
import { asCustomer } from "./customer.js";
import { CombinationBalancer, combinationsOf, sizeWeights, type Combinations } from "./combinations.js";
import {
  ASSISTANT_EMOTIONS, MAX_TURNS, MIN_TURNS, RESOLUTION_WEIGHTS, SIZE_WEIGHTS, SLOT_WEIGHTS, TIME_SLOTS, USER_EMOTIONS,
} from "./data/seed003.js";
import { addDays, daysBetween } from "./booking-values.js";
import { buildGoal } from "./goal.js";
import { writeNarrative } from "./narrative.js";

/** Draws of a scenario's category and goal before its task is taken as it comes. */
const MAX_DRAWS = 16;
/** Draws that keep the scenario's own services; later ones draw services again. */
const SERVICES_KEPT = 6;

/**
 * Whether the data can refuse a request of this category on this service: a change to a booking
 * (cancelled before the dialogue), or a find or booking over a table (constraints no row meets).
 */
function canFail(domain: Domain, service: Domain["services"][number], category: string): boolean {
  const kind = domain.taskOf(category) ?? "info";
  if ((kind === "modify" || kind === "cancel") && service.booking?.cancel) return true;
  return (kind === "create" || kind === "info") && service.table !== undefined && service.searchFields.length > 0;
}

/** Keys --mix understands in scenario-gen. */
export const SCENARIO_MIX_KEYS = ["size", "resolution", "slot", "region", "user_emotion", "assistant_emotion"] as const;

export interface ScenarioOptions {
  seed: number;
  domain: Domain;
  mix?: Mix;
  /** Ranges the turn budget's min and max are drawn from. */
  minTurns?: readonly [number, number];
  maxTurns?: readonly [number, number];
  /** Scenario dates are drawn from [from, to] (YYYY-MM-DD). */
  dates?: readonly [string, string];
  /** Probability that the scenario happens in the persona's home city (when it is one of the 54). */
  homeShare?: number;
  /** Exact balancing across combinations (stateful; see CombinationBalancer). */
  balancer?: CombinationBalancer;
  /**
   * Derive and validate a task for every scenario (default true). It needs a pack whose tools
   * run (a loaded pack); false only for a contract-level Domain with no runtime, as in unit tests
   * of the generic parts — the resolution is then the drawn one and no task is written.
   */
  tasks?: boolean;
}

/** Per-domain precomputation, so 10,000 scenarios cost 10,000 draws and nothing more. */
export class ScenarioMaker {
  readonly combos: Combinations;
  private readonly sizes: Array<readonly [string, number]>;
  private readonly mix: Mix;
  private readonly dayCount: number;

  constructor(readonly opts: ScenarioOptions) {
    this.mix = opts.mix ?? new Map();
    this.combos = combinationsOf(opts.domain);
    this.sizes = Object.entries(sizeWeights(this.combos, this.mix.get("size") ?? SIZE_WEIGHTS));
    const [from, to] = opts.dates ?? ["2026-01-01", "2026-12-31"];
    this.dayCount = Math.max(1, daysBetween(from, to) + 1);
  }

  /** Tasks drawn that did not validate or did not allow the wanted ending, and were drawn again. */
  redrawn = 0;
  /** Why, by reason (category, service and what was wrong): the summary names the commonest. */
  readonly redrawnBy = new Map<string, number>();

  private redraw(why: string): void {
    this.redrawn++;
    this.redrawnBy.set(why, (this.redrawnBy.get(why) ?? 0) + 1);
  }

  /**
   * The category, goal and task of a scenario, by construction for the wanted ending: a category
   * the policy reserves to a person for "escalated", another for "resolved" and "failed"; the goal
   * made infeasible for "failed"; the task derived from it and validated by replaying its actions.
   * A draw whose task does not validate or allows another ending is drawn again (and counted);
   * when none fits, the last valid task is kept with the ending it allows.
   */
  private taskFor(
    wanted: Scenario["resolution"],
    servicesOf: (attempt: number) => string[],
    base: { domain: Domain; persona: Persona; date: string; currency: string },
    rng: Rng,
  ): { services: string[]; category: string; goal: ReturnType<typeof buildGoal>; task: Task } {
    const { domain } = base;
    let kept: { services: string[]; category: string; goal: ReturnType<typeof buildGoal>; task: Task } | undefined;
    // A valid task that checks nothing: written only when no draw gives one that checks something (a pack with no data behind its categories).
    let empty: typeof kept;
    let last: string | undefined;
    for (let attempt = 0; attempt < MAX_DRAWS; attempt++) {
      const suffix = attempt === 0 ? "" : `:${attempt}`;
      const services = servicesOf(attempt);
      const categories = this.categoriesFor(services);
      const primary = domain.services.find((s) => s.name === services[0])!;
      // The categories that can have the wanted ending: reserved to a person for an escalation; for a failure, one the data can refuse.
      const fits = categories.filter((c) => reservedToPerson(domain, c) === (wanted === "escalated") && (wanted !== "failed" || canFail(domain, primary, c)));
      const category = rng.fork(`category${suffix}`).pick(fits.length > 0 ? fits : categories);
      const goal = buildGoal({ ...base, services, category, rng: rng.fork(`goal${suffix}`), ending: wanted });
      const got = deriveTask(domain, { goal: goal.data, category, reason: goal.data.text });
      const problem = got.task ? validateTask(domain, got.task) : got.problem;
      // A task that checks nothing (resolved, with no action to take and no fact to say) is drawn again: any dialogue would earn reward 1.
      const where = `category '${category}' on service '${services[0]}'`;
      if (got.task && !problem && !checksSomething(got.task)) {
        empty ??= { services, category, goal, task: got.task };
        last = `${where} gives a resolved task that checks nothing`;
        this.redraw(`${where}: a resolved task that checks nothing`);
        continue;
      }
      if (got.task && !problem) {
        kept = { services, category, goal, task: got.task };
        // A failed task is one the data refuses outright: its expected actions change nothing.
        const ending = got.task.expected ?? "resolved";
        if (ending === wanted && (wanted !== "failed" || got.task.evaluation.actions.length === 0)) return kept;
        this.redraw(`${where}: drawn to end ${wanted}, the data lets it end ${ending === wanted ? `${ending} with a write` : ending}`);
      } else {
        last = problem?.message;
        this.redraw(`${where}: ${problem?.message ?? "no task"}`);
      }
    }
    const chosen = kept ?? empty;
    if (chosen) return chosen;
    throw new Error(`no task of this persona's scenario validates after ${MAX_DRAWS} draws (last: ${last ?? "no task"})`);
  }

  /** The categories valid for these services: the primary one's, then the domain's general ones. */
  private categoriesFor(services: readonly string[]): string[] {
    const primary = this.opts.domain.services.find((s) => s.name === services[0])!;
    return this.categoriesOf(primary.name, primary.categories);
  }

  private readonly categoryCache = new Map<string, string[]>();

  /** The categories valid when `service` is primary: its own, then the domain's general ones. */
  categoriesOf(service: string, own: readonly string[]): string[] {
    let c = this.categoryCache.get(service);
    if (!c) this.categoryCache.set(service, (c = [...new Set([...own, ...this.opts.domain.generalCategories])]));
    return c;
  }

  private readonly weightCache = new Map<string, Array<readonly [string, number]>>();

  /** A distribution as weight entries (what Rng.weighted walks), --mix over the defaults; built once. */
  private weights(key: string, defaults: Readonly<Record<string, number>>): Array<readonly [string, number]> {
    let w = this.weightCache.get(key);
    if (!w) this.weightCache.set(key, (w = Object.entries(this.mix.get(key) ?? defaults)));
    return w;
  }

  /** The id of a persona's k-th scenario: from the seed, the persona's id and k. */
  static id(seed: number, personaId: string, k = 0): string {
    return stableId("scenario", seed, personaId, k);
  }

  /**
   * One scenario for a persona. `rng` should be the persona's own stream (ctx.rng(persona.id,
   * "scenario", k)): every choice forks from it by name, so the scenario depends on the
   * persona, the seed and k only — not on which other personas are in the same input.
   */
  make(given: Persona, rng: Rng, k = 0): Scenario {
    const { domain } = this.opts;
    // The persona is the pack's customer: money in the pack's currency (see customer.ts).
    const persona = asCustomer(given, domain);
    // One stream per concern (services, category, region, time, feelings, resolution, turns,
    // goal, narrative), so overriding one distribution with --mix leaves the others as they were.
    // The services of draw `attempt`: the first is the scenario's own; later ones only when its services allow no task with the wanted ending
    // (never under --balance, whose counts are of the services it chose).
    const drawServices = (attempt: number): string[] => {
      const sr = rng.fork(attempt === 0 ? "services" : `services:${attempt}`);
      const size = sr.weighted(this.sizes);
      const candidates = this.combos[size]!;
      const combo = attempt === 0 && this.opts.balancer ? this.opts.balancer.choose(candidates, sr) : sr.pick(candidates);
      return sr.shuffle(combo);
    };
    const firstServices = drawServices(0);

    const rr = rng.fork("region");
    const home = persona.location?.city;
    const atHome = home !== undefined && !this.mix.has("region") && rr.chance(this.opts.homeShare ?? 0.5) && CITY_NAMES.includes(home);
    const region = atHome ? home : this.mix.has("region") ? rr.weighted(this.weights("region", {})) : rr.pick(CITY_NAMES);

    const tr = rng.fork("time");
    const slot = tr.weighted(this.weights("slot", SLOT_WEIGHTS));
    const [h0, h1] = TIME_SLOTS[slot]?.hours ?? [9, 17];
    const date = addDays(this.opts.dates?.[0] ?? "2026-01-01", tr.int(0, this.dayCount - 1));
    const at = `${date}T${String(tr.int(h0, h1 - 1)).padStart(2, "0")}:${String(tr.int(0, 11) * 5).padStart(2, "0")}`;

    const er = rng.fork("emotions");
    const userEmotion = er.weighted(this.weights("user_emotion", USER_EMOTION_WEIGHTS));
    const assistantEmotion = er.weighted(this.weights("assistant_emotion", ASSISTANT_EMOTION_WEIGHTS));
    const wanted = rng.fork("resolution").weighted(this.weights("resolution", RESOLUTION_WEIGHTS)) as Scenario["resolution"];

    const [minLo, minHi] = this.opts.minTurns ?? MIN_TURNS;
    const [maxLo, maxHi] = this.opts.maxTurns ?? MAX_TURNS;
    const tt = rng.fork("turns");
    const min = tt.int(minLo, minHi);
    const max = tt.int(Math.max(maxLo, min), Math.max(maxHi, min));

    const currency = packCurrency(domain) ?? "USD";
    const { services, category, goal, task } =
      this.opts.tasks === false
        ? (() => {
            const category = rng.fork("category").pick(this.categoriesFor(firstServices));
            return { services: firstServices, category, goal: buildGoal({ domain, persona, services: firstServices, category, date, currency, rng: rng.fork("goal") }), task: undefined };
          })()
        : this.taskFor(wanted, (attempt) => (attempt < SERVICES_KEPT || this.opts.balancer ? firstServices : drawServices(attempt)), { domain, persona, date, currency }, rng);
    const resolution = task?.expected ?? wanted;
    const plans = goal.plans;
    const destination = domain.offline.city;
    const narrative = writeNarrative({ persona, plans, region, slot, at, userEmotion, ...(destination ? { destination } : {}), rng: rng.fork("narrative") });
    const intent = intentFor(categoryKind(domain, category), domain.intents);

    return {
      id: ScenarioMaker.id(this.opts.seed, persona.id, k),
      persona,
      domain: domain.name,
      services,
      category,
      ...(intent ? { intent } : {}),
      goal: goal.data,
      ...(task ? { task } : {}),
      region,
      time: { slot, at },
      emotions: { user: userEmotion, assistant: assistantEmotion },
      resolution,
      turns: { min, max },
      narrative,
    };
  }
}

function uniform(values: readonly string[]): Record<string, number> {
  return Object.fromEntries(values.map((v) => [v, 1]));
}
const USER_EMOTION_WEIGHTS = uniform(USER_EMOTIONS);
const ASSISTANT_EMOTION_WEIGHTS = uniform(ASSISTANT_EMOTIONS);

const INTENTS: Record<string, string[]> = {
  create: ["book", "search", "find", "recommend"],
  modify: ["modify", "change", "book"],
  cancel: ["cancel"],
  info: ["inquire", "request", "find", "search", "status", "diagnose", "explain"],
  issue: ["complain", "escalate", "request"],
};

/** The first of the domain's intents that fits the category's kind, if any. */
function intentFor(kind: string, intents: readonly string[]): string | undefined {
  return (INTENTS[kind] ?? []).find((i) => intents.includes(i));
}

/** Convenience for library users: one scenario for one persona. */
export function scenarioFor(persona: Persona, opts: ScenarioOptions, rng: Rng, k = 0): Scenario {
  return new ScenarioMaker(opts).make(persona, rng, k);
}
