import type { Rng } from "@chatmill/kit";
import type { Scenario, Task as CheckedTask } from "@chatmill/schema";
import type { Constraint, Domain, ServiceInfo, Session } from "../../contract.js";
import { langOf, type Lang } from "../../phrases/describe.js";
import type { Shown } from "../present.js";
import { ToolIndex } from "../tools.js";
import { Voice } from "../voice.js";
import { shortNames } from "../short-names.js";
import { Transcript } from "./transcript.js";

export type Expectation = Scenario["goal"]["end_state"][number];
export type Kind = "find" | "book" | "cancel" | "modify" | "info";

/** One request of the user's goal: the service, what is to be done, and the constraints that go with it. */
export interface Task {
  service: ServiceInfo;
  kind: Kind;
  expectation?: Expectation;
  constraints: Constraint[];
  table?: string;
}

/**
 * --chit-chat and --multi-turn (both unset: the engine's own mix, as before the flags).
 * - chitChat: the probability that a dialogue has one small-talk exchange. Of those, MIDWAY_SHARE
 *   are drawn to have it midway (after the assistant has shown results, with turns to spare);
 *   the others, and those that never reach such a point, have it at the opening.
 * - multiTurn: the share of dialogues in which the user makes more than one request. The others
 *   are single-turn: the user says everything in one message, the assistant does it all without
 *   asking back, and the user's only other messages are small talk and the goodbye.
 */
export interface FlowOptions {
  chitChat?: number;
  multiTurn?: number;
}

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * One offline dialogue in progress: the inputs (scenario, pack, session, the task pursued), the
 * transcript, and the little each side remembers. The user agent, the assistant policy and the
 * realizer are functions over it; all randomness comes from `rng` (and the voice's own fork).
 */
export class Dialog {
  readonly tools: ToolIndex;
  readonly voice: Voice;
  readonly lang: Lang;
  /** Prices in tool results are in the catalog's currency, whatever the persona's own. */
  readonly currency: string;
  readonly t: Transcript;
  /** The assistant has apologized once and asked the user to wait: it does not ask again. */
  apologized = false;
  /** Every row the assistant has shown, by table and key. */
  readonly shown = new Map<string, Shown>();
  /** Items looked at closer, by key and the kind of look (details, reviews, …), so none is repeated. */
  readonly explored = new Set<string>();
  /** The last search call (as JSON), its result and call id: the same search is not sent twice in a row. */
  lastSearch: { table: string; call: string; data: unknown; id: string } | undefined;
  /** How many rows the last search found, as the assistant may say it. */
  lastTotal = 0;
  /** Rows the last search returned when none met everything the user said: shown as the closest, never as "nothing found". */
  closest: Shown[] = [];
  /** The items of the last list the assistant showed (options, or the closest there were). */
  listed: Shown[] = [];
  /** Small talk still to come under --chit-chat ("midway" until said), undefined without the flag. */
  chitChat: "none" | "opening" | "midway" | "said" | undefined;
  /** A single-turn dialogue (--multi-turn): the assistant never asks the user anything. */
  single = false;
  /** A dialogue --multi-turn drew as multi-turn: a second request is made if the flow made only one. */
  multi = false;

  constructor(
    readonly scenario: Scenario,
    readonly domain: Domain,
    readonly session: Session,
    readonly rng: Rng,
    readonly flow: FlowOptions = {},
    /** The task the user pursues (its setup, its decisions, the values it knows); without one, the goal's bookings are set up as before. */
    readonly checked?: CheckedTask,
  ) {
    this.tools = ToolIndex.of(domain);
    const persona = scenario.persona;
    this.lang = langOf(persona.language);
    this.currency = domain.offline.currency ?? domain.offline.currency_symbol ?? domain.persona.budget?.currency ?? "USD";
    const at = new Date(scenario.time.at.length <= 16 ? `${scenario.time.at}:00Z` : scenario.time.at);
    const weekday = Number.isNaN(at.getTime()) ? "Saturday" : cap(WEEKDAYS[at.getUTCDay()]!);
    this.voice = new Voice(persona, this.lang, rng.fork("voice"), {
      city: persona.location?.city ?? scenario.region,
      weekday,
    }, domain.wording, shortNames(domain));
    const voice = this.voice;
    this.t = new Transcript(session, scenario, scenario.emotions.assistant, `call_${rng.fork("ids").u32().toString(36)}`, this.lang, (text) => voice.register(text));
    this.voice.context = { ops: this.tools.find(["command"]).length > 0, bookable: false };
  }

  /** A pack with a command tool (ops): hosts are looked at by status, not bought. */
  get ops(): boolean {
    return this.tools.find(["command"]).length > 0;
  }
}
