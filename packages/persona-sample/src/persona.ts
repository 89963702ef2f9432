import { article as articleFor, stableId, type Rng } from "@chatmill/kit";
import { nameOf, type Domain, type Row } from "@chatmill/domains";
import type { Persona } from "@chatmill/schema";
import { CITIES, CITY_NAMES, findCity, type City } from "./data/cities.js";
import { convertAmount, packCurrency, roundAmount } from "./money.js";
import {
  AGE_RANGES, AGE_RANGE_WEIGHTS, DEFAULT_BUDGET_USD, FORMALITIES, GENDER_WEIGHTS, INCOME_WEIGHTS,
  LANGUAGE_WEIGHTS_INDIA, OCCUPATIONS, TRAITS, VERBOSITIES,
} from "./data/demographics.js";
import { NAMES } from "./data/names.js";
import { STYLES, STYLE_NAMES } from "./data/styles.js";
import { factsFromText, type TextFacts } from "./heuristics.js";
import type { Mix } from "./mix.js";

/** Keys --mix understands in persona-sample. */
export const PERSONA_MIX_KEYS = ["style", "gender", "age_range", "income_level", "language", "formality", "verbosity", "city"] as const;

export interface PersonaOptions {
  seed: number;
  /** The domain whose preference pools, budgets, styles and catalog the persona draws on. */
  domain?: Domain;
  mix?: Mix;
}

/** A persona corpus row to build on (--from). */
export interface CorpusPick {
  dataset: string;
  index: number;
  text: string;
  cluster?: string;
  summary?: string;
  /** Fields an LLM read from the text (--engine openai); they win over the offline heuristics. */
  extracted?: Partial<TextFacts>;
}

/**
 * The id of the index-th persona of a run: stable from the seed, the index and the domain.
 * The domain is part of it so that runs for several domains with one seed (a common Makefile)
 * give different people with different ids, not the same ids for different records.
 */
export function personaId(seed: number, index: number, domain?: string): string {
  return domain ? stableId("persona", seed, index, domain) : stableId("persona", seed, index);
}

/**
 * Builds one persona. Each field draws from its own fork of `rng`, so overriding one
 * distribution with --mix does not reshuffle the others. With a corpus row, what its text
 * states (age, gender, occupation, city, traits, style) wins over the distributions.
 */
export function makePersona(index: number, rng: Rng, opts: PersonaOptions, pick?: CorpusPick): Persona {
  const mix = opts.mix ?? new Map<string, Record<string, number>>();
  const facts: TextFacts = pick ? { ...factsFromText(pick.text), ...pick.extracted } : { traits: [] };
  const choose = (key: string, defaults: Readonly<Record<string, number>>): string => rng.fork(key).weighted(entriesOf(mix.get(key) ?? defaults));

  const ageRange = facts.ageRange ?? choose("age_range", AGE_RANGE_WEIGHTS);
  const [lo, hi] = AGE_RANGES[ageRange] ?? [18, 84];
  const age = facts.age ?? rng.fork("age").int(lo, hi);
  const gender = facts.gender ?? choose("gender", GENDER_WEIGHTS);
  const city = cityFor(rng.fork("city"), mix, facts);
  const income = facts.incomeLevel ?? choose("income_level", INCOME_WEIGHTS);
  const occupation = facts.occupation ?? occupationFor(rng.fork("occupation"), income, age);
  const traits = traitsFor(rng.fork("traits"), facts.traits);

  const style = facts.style ?? choose("style", styleWeights(opts.domain));
  const styleInfo = STYLES.find((s) => s.name === style);
  const formality = choose("formality", styleInfo?.formality ?? { casual: 1, neutral: 2, formal: 1 });
  const verbosity = choose("verbosity", styleInfo?.verbosity ?? { terse: 1, moderate: 2, verbose: 1 });
  const language = choose("language", city.country === "India" || facts.indian ? LANGUAGE_WEIGHTS_INDIA : { en: 1 });

  const persona: Persona = {
    id: personaId(opts.seed, index, opts.domain?.name),
    name: nameFor(rng.fork("name"), city, gender),
    ...(opts.domain ? { domain: opts.domain.name } : {}),
    age,
    age_range: ageRange,
    gender,
    location: { city: city.city, country: city.country, currency: city.currency, timezone: city.timezone },
    occupation,
    income_level: income,
    traits,
    style,
    formality: FORMALITIES.includes(formality as never) ? (formality as Persona["formality"]) : "neutral",
    verbosity: VERBOSITIES.includes(verbosity as never) ? (verbosity as Persona["verbosity"]) : "moderate",
    language,
  };
  if (opts.domain) {
    const preferences = preferencesFor(rng.fork("preferences"), opts.domain);
    if (Object.keys(preferences).length > 0) persona.preferences = preferences;
  }
  persona.budget = budgetFor(rng.fork("budget"), income, city, opts.domain);
  if (opts.domain) {
    const history = historyFor(rng.fork("history"), opts.domain, persona.preferences ?? {});
    if (history.length > 0) persona.history = history;
  }
  persona.description = pick ? pick.text : describe(rng.fork("description"), persona);
  if (pick) {
    persona.source = {
      dataset: pick.dataset,
      index: pick.index,
      ...(pick.cluster !== undefined ? { cluster: pick.cluster } : {}),
      ...(pick.summary !== undefined ? { summary: pick.summary } : {}),
    };
  }
  return persona;
}

const entriesCache = new WeakMap<object, Array<readonly [string, number]>>();

/** Weight entries of a distribution, built once per object (Rng.weighted walks entries). */
function entriesOf(weights: Readonly<Record<string, number>>): Array<readonly [string, number]> {
  let e = entriesCache.get(weights);
  if (!e) entriesCache.set(weights, (e = Object.entries(weights)));
  return e;
}

const styleCache = new WeakMap<object, Record<string, number>>();
const NO_DOMAIN = {};

/** Seed 004's five styles and the domain's own, equally likely. */
function styleWeights(domain: Domain | undefined): Record<string, number> {
  let w = styleCache.get(domain ?? NO_DOMAIN);
  if (!w) {
    const own = (domain?.persona.styles ?? []).filter((s) => !STYLE_NAMES.includes(s));
    w = Object.fromEntries([...STYLE_NAMES, ...own].map((s) => [s, 1]));
    styleCache.set(domain ?? NO_DOMAIN, w);
  }
  return w;
}

const servicesCache = new WeakMap<object, Domain["services"]>();

function cityFor(rng: Rng, mix: Mix, facts: TextFacts): City {
  if (facts.cities && facts.cities.length > 0) return rng.pick(facts.cities);
  const weights = mix.get("city");
  if (weights) return findCity(rng.weighted(weights)) ?? rng.pick(CITIES);
  return rng.pick(CITIES);
}

function occupationFor(rng: Rng, income: string, age: number): string {
  if (age >= 67 && rng.chance(0.7)) return "retiree";
  if (age <= 21 && rng.chance(0.6)) return "student";
  return rng.pick(OCCUPATIONS[income] ?? OCCUPATIONS.middle!);
}

function traitsFor(rng: Rng, stated: string[]): string[] {
  const out = stated.slice(0, 3);
  const want = Math.max(out.length, rng.int(2, 3));
  for (const t of rng.sample(TRAITS, 6)) {
    if (out.length >= want) break;
    if (!out.includes(t)) out.push(t);
  }
  return out;
}

function nameFor(rng: Rng, city: City, gender: string): string {
  const bank = NAMES[city.names];
  const first = gender === "female" ? bank.female : gender === "male" ? bank.male : rng.chance(0.5) ? bank.female : bank.male;
  return `${rng.pick(first)} ${rng.pick(bank.last)}`;
}

function preferencesFor(rng: Rng, domain: Domain): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const pool of domain.persona.preferences) {
    if (pool.values.length === 0) continue;
    const [min, max] = pool.pick;
    const k = rng.fork(pool.key).int(Math.max(0, min), Math.max(min, max));
    const values = rng.fork(`${pool.key}:values`).sample(pool.values, k);
    if (values.length > 0) out[pool.key] = values;
  }
  return out;
}

/**
 * The budget per purchase or booking. For a pack with prices (a currency: `offline.currency` or
 * `persona.budget.currency`) the persona is one of its customers: the budget is drawn in the
 * pack's currency, as its prices are ("under $60" beside a budget of $150, not of ₹12,000), the
 * pack's ranges converted by the rate table only when `offline.currency` differs from theirs.
 * A pack that sells nothing (ops), or no pack: the USD table in the city's own currency.
 */
function budgetFor(rng: Rng, income: string, city: City, domain?: Domain): NonNullable<Persona["budget"]> {
  const given = domain?.persona.budget;
  const range = given?.byIncome[income] ?? DEFAULT_BUDGET_USD[income] ?? DEFAULT_BUDGET_USD.middle!;
  const from = given?.currency ?? "USD";
  const pack = domain ? packCurrency(domain) : undefined;
  // A currency with no rate in the table stays as the pack gives it (a user's pack in, say, ISK).
  const toPack = pack === undefined ? undefined : convertAmount(1, from, pack);
  const toCity = convertAmount(1, from, city.currency);
  const [currency, factor] = pack !== undefined ? (toPack === undefined ? [from, 1] : [pack, toPack]) : toCity === undefined ? [from, 1] : [city.currency, toCity];
  const max = roundAmount((range[0] + rng.next() * (range[1] - range[0])) * factor);
  const min = roundAmount(max * (0.2 + rng.next() * 0.3));
  return { min: Math.min(min, max), max, currency };
}

/** What a person calls a row: its name as the pack declares it (display.title, the domain's one name lookup), else its key. */
export function rowName(row: Row, key: string, title?: string): string {
  return nameOf(row, title) ?? String(row[key] ?? "item");
}

/** Past purchases or bookings: real rows of the domain's tables, preferring ones that match the persona's tastes. */
function historyFor(rng: Rng, domain: Domain, preferences: Record<string, unknown>): NonNullable<Persona["history"]> {
  let services = servicesCache.get(domain);
  if (!services) servicesCache.set(domain, (services = domain.services.filter((s) => s.table && domain.table(s.table).length > 0)));
  if (services.length === 0) return [];
  const liked = new Set(Object.values(preferences).flat().filter((v): v is string => typeof v === "string").map((v) => v.toLowerCase()));
  const n = rng.int(0, 3);
  const out: NonNullable<Persona["history"]> = [];
  for (let i = 0; i < n; i++) {
    const service: Domain["services"][number] = rng.pick(services);
    const table = service.table!;
    const rows = domain.table(table);
    const key = domain.keyOf(table);
    let row = rng.pick(rows);
    for (let tries = 0; tries < 4 && liked.size > 0 && !matches(row, liked); tries++) row = rng.pick(rows);
    const month = rng.int(1, 12);
    const day = rng.int(1, 28);
    // What it cost is the field the pack declares as the row's price (display.price), never a field taken by its name.
    const priceField: string | undefined = domain.offline.display?.[table]?.price;
    const raw: unknown = priceField === undefined ? undefined : row[priceField];
    const price = typeof raw === "number" ? raw : typeof raw === "string" && /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : undefined;
    out.push({
      // What the persona did with it: booked it, bought it (it has a price), went there (a place in a city), or dealt with it.
      kind: service.booking ? "booking" : price !== undefined ? "purchase" : typeof domain.offline.city === "string" ? "visit" : "interaction",
      name: rowName(row, key, domain.titleOf(table)),
      item_id: String(row[key]),
      service: service.name,
      date: `2025-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
      ...(price !== undefined ? { price } : {}),
    });
  }
  return out.sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
}

function matches(row: Row, liked: Set<string>): boolean {
  for (const v of Object.values(row)) {
    if (typeof v === "string" && liked.has(v.toLowerCase())) return true;
    if (Array.isArray(v) && v.some((x) => typeof x === "string" && liked.has(x.toLowerCase()))) return true;
  }
  return false;
}

function describe(rng: Rng, p: Persona): string {
  const where = p.location?.city ?? "somewhere";
  const job = p.occupation ?? "person";
  const article = articleFor(job);
  const Article = (phrase: string): string => (articleFor(phrase) === "an" ? "An" : "A");
  const traits = (p.traits ?? []).slice(0, 2).join(" and ");
  const forms = [
    () => `${Article(String(p.age))} ${p.age}-year-old ${job} in ${where}; ${traits}.`,
    () => `${p.name}, ${article} ${job} from ${where}, ${p.age}, ${traits}.`,
    () => `${Article(`${traits} ${job}`)} ${traits} ${job} living in ${where}, aged ${p.age}.`,
    () => `${p.age}, ${job}, based in ${where} — ${traits}.`,
  ];
  return rng.pick(forms)();
}

export { CITY_NAMES };
