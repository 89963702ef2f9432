import type { Rng } from "@chatmill/kit";
import { formatMoney } from "@chatmill/persona-sample";
import type { Persona } from "@chatmill/schema";
import { TIME_SLOTS } from "./data/seed003.js";
import { weekday } from "./booking-values.js";
import type { ServicePlan } from "./goal.js";
import { capital } from "./goal-words.js";
import { display } from "./phrases.js";

export interface NarrativeInput {
  persona: Persona;
  plans: Pick<ServicePlan, "service" | "kind" | "clause">[];
  region: string;
  slot: string;
  /** "2026-03-14T19:30" */
  at: string;
  userEmotion: string;
  /** The city the domain's venues are in (a pack's offline.city), when it has one. */
  destination?: string;
  rng: Rng;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const SITUATIONS: Record<string, string[]> = {
  early_morning: ["before work", "before anyone else is up", "with my first coffee", "on the way to the station"],
  morning: ["between meetings", "over a late breakfast", "on my way in", "while the kids are at school"],
  afternoon: ["on my lunch break", "between errands", "after a meeting ran over", "waiting for a delivery"],
  evening: ["after a long day", "on the way home", "while dinner is cooking", "with friends over"],
  night: ["once the house is quiet", "winding down on the sofa", "after a late shift", "half-watching a film"],
  late_night: ["because I can't sleep", "after a delayed flight", "after a night shift", "with everything else done"],
};

/** How a feeling colours the need: the words before the infinitive clause. */
const LEADS: Record<string, string[]> = {
  frustrated: ["I've been trying all day to", "I still haven't managed to", "For the third time I'm trying to"],
  angry: ["I'm fed up and I need to", "Honestly, I just need someone to help me"],
  confused: ["I'm not sure how to", "I can't work out how to"],
  worried: ["I'm worried I won't be able to", "I need to", "I'm a bit nervous about trying to"],
  disappointed: ["After last time, I'd like to", "Things went badly before, so now I want to"],
  happy: ["I'd love to", "I'm in a good mood and want to"],
  anxious: ["I'm anxious to", "I really need to", "I keep putting off trying to"],
  impatient: ["I need to", "I want to quickly", "No time to waste: I need to"],
  skeptical: ["I doubt it'll be easy, but I want to", "Let's see if the assistant can actually"],
  desperate: ["I urgently need to", "I'm running out of options and have to"],
  overwhelmed: ["There's too much going on, but I have to", "On top of everything else, I need to"],
  hopeful: ["I'm hoping to", "Fingers crossed, I want to"],
  satisfied: ["Things are going well and I'd like to", "I'd like to"],
  stressed: ["I'm stressed and have to", "With a lot on my plate, I need to"],
  suspicious: ["Something seems off, so I want to", "I'm not sure I trust the app, but I need to"],
  tired: ["I'm exhausted and just want to", "I'm too tired for a long chat; I just want to"],
  excited: ["I can't wait to", "I'm excited to"],
  indifferent: ["I suppose I should", "I may as well"],
  grateful: ["I'd be grateful for help to", "I'd appreciate a hand to"],
  demanding: ["I expect to", "I need to, and I want it done properly:"],
};

const TRAIT_TAILS: Record<string, string[]> = {
  "budget-conscious": ["I'm watching every {money}.", "I don't want to spend more than {budget}."],
  "detail-oriented": ["I want every detail confirmed.", "I'll want the exact details written down."],
  impatient: ["I don't have time for a long back-and-forth.", "I'd like this done in a few messages."],
  skeptical: ["I'll double-check whatever I'm told.", "I've been burned by wrong information before."],
  indecisive: ["I might change my mind halfway through.", "I'm torn between a few options."],
  "tech-savvy": ["I'd rather sort it out here than call anyone.", "I already tried the website."],
  chatty: ["I'll probably mention why I'm going.", "I tend to explain a lot."],
  punctual: ["Timing matters a lot to me.", "I can't be late for this."],
  polite: ["I'll be polite, but I need an answer.", "I'll try to be patient."],
  blunt: ["I'll get straight to the point.", "I won't waste words."],
};

function clock12(hhmm: string): string {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  const suffix = h < 12 ? "am" : "pm";
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return m === 0 ? `${h12} ${suffix}` : `${h12}:${String(m).padStart(2, "0")} ${suffix}`;
}

/**
 * A 2–3 sentence situation in the persona's voice: where and when they are (the scenario's
 * region and time), what they need and how they feel about it, and one personal detail.
 * Every part is drawn from its own bank, so 10,000 narratives rarely repeat a sentence frame.
 */
export function writeNarrative(input: NarrativeInput): string {
  const { persona, plans, region, slot, at, userEmotion, destination, rng } = input;
  const [date, hhmm = "12:00"] = at.split("T") as [string, string?];
  const day = weekday(date);
  const weekdayName = day.charAt(0).toUpperCase() + day.slice(1);
  const dayMonth = `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`;
  const slotWord = TIME_SLOTS[slot]?.label ?? slot.replace(/_/g, " ");
  const home = persona.location?.city === region;
  const occupation = persona.occupation ?? "";

  const when = rng.pick([
    () => `It's ${clock12(hhmm)} on ${weekdayName} ${slotWord === "late at night" ? "night" : slotWord.replace("early ", "")}`,
    () => `${weekdayName} ${slotWord}, ${clock12(hhmm)}`,
    () => `It's ${hhmm} on ${weekdayName} ${dayMonth}`,
    () => `${capital(slotWord)} on ${dayMonth}, just after ${clock12(hhmm)}`,
  ])();
  const where = home
    ? rng.pick([`here in ${region}`, `at home in ${region}`, `back home in ${region}`])
    : rng.pick([`visiting ${region}`, `in ${region} for a few days`, `on a trip to ${region}`, `staying in ${region}`]);
  const trip = destination && destination !== region
    ? `, ${rng.pick(["planning a trip to", "sorting out a visit to", "getting ready for a few days in", "organising my time in"])} ${destination}`
    : "";
  const situations = [...(SITUATIONS[slot] ?? SITUATIONS.afternoon!)];
  if (/student/i.test(occupation)) situations.push("between classes");
  if (/nurse|doctor|surgeon|physio/i.test(occupation)) situations.push("after my shift at the hospital");
  if (/engineer|developer|sysadmin|reliability/i.test(occupation)) situations.push("while a deploy is running");
  const situation = rng.pick(situations);

  const first = rng.pick([
    () => `${when}, and I'm ${where} ${situation}${trip}.`,
    () => `I'm ${where}${trip}; ${lower(when)}, ${situation}.`,
    () => `${when}. I'm ${where}, ${situation}${trip}.`,
  ])();

  const [primary, ...others] = plans;
  const lead = rng.pick(LEADS[userEmotion] ?? ["I need to"]);
  // One other service fits in the sentence; more are named briefly (the goal text has the details).
  const second = others.length === 0 ? `${lead} ${primary!.clause}.`
    : others.length === 1 ? `${lead} ${primary!.clause}, and ${others[0]!.clause}.`
    : `${lead} ${primary!.clause}. I'll also need ${listOf(others.map((p) => rng.pick(SHORT[p.service] ?? [`help with the ${p.service.replace(/_/g, " ")}`])))}.`;

  const tails: string[] = [];
  const money = persona.budget ? formatMoney(persona.budget.max, persona.budget.currency) : undefined;
  for (const t of persona.traits ?? []) {
    for (const tail of TRAIT_TAILS[t] ?? []) {
      if (tail.includes("{budget}") && !money) continue;
      tails.push(tail.replace("{budget}", money ?? "").replace("{money}", persona.budget?.currency === "INR" ? "rupee" : "penny"));
    }
  }
  const past = persona.history?.[0];
  if (past) {
    const name = / to /.test(past.name) && past.service ? `a ${past.service} from ${display(past.name)}` : display(past.name);
    tails.push(
      past.kind === "purchase" ? `Last time I bought the ${name}, and it worked out well.`
        : past.kind === "booking" ? `Last time I booked ${name}, so I know roughly what to expect.`
        : past.kind === "visit" ? `I've been to ${name} before.`
        : `I've dealt with ${name} before.`,
    );
  }
  if (money && plans.some((p) => p.kind === "create")) tails.push(`My budget is around ${money}.`);
  if (persona.language === "hi" || persona.language === "mixed") tails.push("I'd be more comfortable chatting in Hindi if I can.");
  const tail = tails.length > 0 && rng.chance(0.75) ? ` ${rng.pick(tails)}` : "";
  return `${first} ${second}${tail}`;
}

const SHORT: Record<string, string[]> = {
  taxi: ["a taxi", "a cab"],
  restaurant: ["somewhere to eat", "a table for dinner"],
  hotel: ["a room", "somewhere to stay"],
  train: ["a train", "train tickets"],
  flight: ["a flight"],
  attraction: ["something to see", "an afternoon out"],
  hospital: ["a hospital appointment"],
  bus: ["a bus", "a coach"],
};

function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Lower-cases the first word unless it is a weekday (a proper noun). */
function lower(s: string): string {
  if (/^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/.test(s)) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}
