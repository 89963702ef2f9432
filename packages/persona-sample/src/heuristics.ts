import { AGE_RANGES } from "./data/demographics.js";
import { CITIES, type City } from "./data/cities.js";

/**
 * What a persona's free text says about its structured fields, by offline heuristics:
 * only facts the text states or strongly implies; everything else is left undefined
 * for the sampler to fill from the distributions.
 */
export interface TextFacts {
  age?: number;
  ageRange?: string;
  gender?: string;
  occupation?: string;
  incomeLevel?: string;
  /** A city of cities.ts named in the text, or the cities of a country named in it. */
  cities?: City[];
  traits: string[];
  style?: string;
  indian?: boolean;
}

const FEMALE = /\b(she|her|herself|woman|women|mother|mom|mum|wife|girl|daughter|grandmother|grandma|actress|waitress|lady|housewife)\b/gi;
const MALE = /\b(he|his|him|himself|man|father|dad|husband|boy|son|grandfather|grandpa|actor|waiter|gentleman)\b/gi;
/** "my wife" says the speaker is (most likely) a man, "my husband" a woman. */
const HAS_FEMALE_PARTNER = /\bmy (wife|girlfriend)\b/gi;
const HAS_MALE_PARTNER = /\bmy (husband|boyfriend)\b/gi;
const FAMILY = new Set(["mother", "father", "mom", "dad", "sister", "brother", "daughter", "son", "boy", "girl", "man", "woman", "person", "lover", "fan", "member", "owner", "parent", "grandmother", "grandfather", "wife", "husband", "user", "customer", "enthusiast"]);
const JOB_WORDS = /(er|ist|or|ian|ant|ent|ect|ic|eon|ef|nurse|student|pilot|chef|clerk|coach|guide|cook|lawyer|judge|officer|agent|analyst|consultant|scientist|engineer|veteran|retiree|retired|professor|historian|journalist|founder|ceo|executive|manager|director|designer|artist|librarian|pharmacist|nanny|mechanic|farmer|barista|caretaker|volunteer)$/i;
const STOP = /\s(who|whom|with|from|in|at|that|which|and|interested|passionate|working|specializing|specialising|seeking|looking|fascinated|known|living|based|focused|dedicated|eager|trying|studying|currently|wanting|having|whose|on|for|by|to)\s/i;

const TRAIT_WORDS: Array<[RegExp, string]> = [
  [/\bpassionate\b/i, "passionate"],
  [/\bcurious|fascinated|intrigued\b/i, "curious"],
  [/\bmeticulous|detail[- ]oriented|precise\b/i, "detail-oriented"],
  [/\bbudget|frugal|thrifty|saving money|on a tight\b/i, "budget-conscious"],
  [/\badventur|travel(l)?er|explor/i, "adventurous"],
  [/\benvironment|eco-|sustainab|climate\b/i, "eco-conscious"],
  [/\btech|software|programm|developer|gadget|coding\b/i, "tech-savvy"],
  [/\bhealth|fitness|gym|vegan|vegetarian|yoga|run(ning)? marathons?\b/i, "health-conscious"],
  [/\banxious|worr(y|ied)|nervous\b/i, "anxious"],
  [/\bskeptic|sceptic|critical\b/i, "skeptical"],
  [/\bfashion|stylish|trend/i, "trend-aware"],
  [/\bshy|introvert|quiet\b/i, "reserved"],
  [/\bsocial|outgoing|extrovert|love (to )?talk/i, "chatty"],
  [/\borgani[sz]ed|planner|plans ahead\b/i, "organised"],
];

const STYLE_WORDS: Array<[RegExp, string]> = [
  [/\b(senior|staff|principal|lead)?\s?(software|site reliability|devops|backend|systems?|platform|network|cloud) (engineer|developer|administrator|architect)|\bsysadmin|\bprogrammer|\bhacker\b/i, "senior_engineer"],
  [/\b(ceo|cto|cfo|coo|executive|director|founder|entrepreneur|business owner|vice president|managing partner)\b/i, "executive"],
  [/\b(student|learner|beginner|novice|aspiring|newcomer|curious about|learning|first[- ]time|apprentice|intern)\b/i, "learner"],
  [/\b(stress|overwhelm|on[- ]call|busy|deadline|single (mother|father|parent)|exhausted|overworked|emergency|nurse)\b/i, "stressed"],
];

const INCOME_WORDS: Array<[RegExp, string]> = [
  [/\b(ceo|cto|founder|investor|millionaire|wealthy|surgeon|executive|banker|tycoon|luxury)\b/i, "high"],
  [/\b(doctor|lawyer|attorney|professor|architect|senior|manager|consultant|engineer|physician|pilot)\b/i, "upper_middle"],
  [/\b(student|unemployed|retired|retiree|intern|part[- ]time|struggling|low[- ]income|minimum wage|homeless)\b/i, "low"],
];

const COUNTRY_CITIES = new Map<string, City[]>();
for (const city of CITIES) {
  const k = city.country.toLowerCase();
  COUNTRY_CITIES.set(k, [...(COUNTRY_CITIES.get(k) ?? []), city]);
}
const DEMONYMS: Record<string, string> = {
  indian: "india", japanese: "japan", chinese: "china", brazilian: "brazil", egyptian: "egypt", mexican: "mexico",
  bangladeshi: "bangladesh", pakistani: "pakistan", turkish: "turkey", argentine: "argentina", argentinian: "argentina",
  nigerian: "nigeria", filipino: "philippines", american: "united states", russian: "russia", french: "france", thai: "thailand",
  indonesian: "indonesia", british: "united kingdom", english: "united kingdom", peruvian: "peru", vietnamese: "vietnam",
  colombian: "colombia", chilean: "chile", australian: "australia", german: "germany", spanish: "spain", canadian: "canada",
  "south african": "south africa", emirati: "united arab emirates", singaporean: "singapore", iranian: "iran", iraqi: "iraq",
  saudi: "saudi arabia", italian: "italy", moroccan: "morocco", korean: "south korea", danish: "denmark", swiss: "switzerland",
  malaysian: "malaysia", congolese: "dr congo",
};

export function ageRangeOf(age: number): string {
  return Object.entries(AGE_RANGES).find(([, [lo, hi]]) => age >= lo && age <= hi)?.[0] ?? (age > 84 ? "65+" : "18-24");
}

/** The cities (of the 54) in a country, by its English name ("India", "United States"). */
export function citiesOf(country: string): City[] | undefined {
  return COUNTRY_CITIES.get(country.trim().toLowerCase());
}

export function factsFromText(text: string): TextFacts {
  const facts: TextFacts = { traits: [] };
  const lower = ` ${text.toLowerCase()} `;

  const ageMatch = /\b(\d{2})[- ]?(?:years?[- ]old|yo|y\/o)\b/i.exec(text) ?? /\bI(?:'m| am) (\d{2})\b/i.exec(text);
  if (ageMatch) {
    const age = Number(ageMatch[1]);
    if (age >= 16 && age <= 100) facts.age = age;
  } else {
    const decade = /\bin (?:my|her|his|their) (twenties|thirties|forties|fifties|sixties|seventies)\b/i.exec(text);
    if (decade) facts.ageRange = { twenties: "25-34", thirties: "35-44", forties: "45-54", fifties: "55-64", sixties: "65+", seventies: "65+" }[decade[1]!.toLowerCase()];
    else if (/\b(retired|retiree|grandmother|grandfather|grandkids|grandchildren|veteran of|pensioner)\b/i.test(text)) facts.ageRange = "65+";
    else if (/\b(high school|college student|undergraduate|freshman|sophomore|teenager|university student)\b/i.test(text)) facts.ageRange = "18-24";
  }
  if (facts.age !== undefined) facts.ageRange = ageRangeOf(facts.age);

  const rest = text.replace(HAS_FEMALE_PARTNER, " ").replace(HAS_MALE_PARTNER, " ");
  const f = (rest.match(FEMALE) ?? []).length + (text.match(HAS_MALE_PARTNER) ?? []).length;
  const m = (rest.match(MALE) ?? []).length + (text.match(HAS_FEMALE_PARTNER) ?? []).length;
  if (f > m) facts.gender = "female";
  else if (m > f) facts.gender = "male";

  facts.occupation = occupationOf(text);

  for (const city of CITIES) {
    if (lower.includes(` ${city.city.toLowerCase()}`)) {
      facts.cities = [city];
      break;
    }
  }
  if (!facts.cities) {
    for (const [country, cities] of COUNTRY_CITIES) if (lower.includes(` ${country}`)) facts.cities = cities;
    for (const [demonym, country] of Object.entries(DEMONYMS)) {
      if (!facts.cities && new RegExp(`\\b${demonym}\\b`).test(lower)) facts.cities = COUNTRY_CITIES.get(country);
    }
  }
  facts.indian = facts.cities?.[0]?.country === "India" || /\b(hindi|bollywood|desi)\b/i.test(text);

  for (const [re, trait] of TRAIT_WORDS) if (re.test(text) && !facts.traits.includes(trait)) facts.traits.push(trait);
  for (const [re, style] of STYLE_WORDS) if (re.test(text)) { facts.style = style; break; }
  for (const [re, level] of INCOME_WORDS) if (re.test(text)) { facts.incomeLevel = level; break; }
  return facts;
}

/**
 * "A sports journalist who has interviewed…" → "sports journalist";
 * "I work as a nurse." / "I am a teacher." → "nurse" / "teacher"; otherwise undefined.
 */
export function occupationOf(text: string): string | undefined {
  const firstPerson = /\bI (?:work as|am working as|have been working as|'m working as) an? ([a-z][a-z -]{1,40}?)(?=[.,;!]|\s(?:at|in|for|and|who)\b|$)/i.exec(text)
    ?? /\bI(?:'m| am) an? ([a-z][a-z -]{1,40}?)(?=[.,;!]|\s(?:at|in|for|and|who|with)\b|$)/i.exec(text)
    ?? /\bI(?:'m| am) a (retired)\b/i.exec(text);
  if (firstPerson) return cleanJob(firstPerson[1]!);
  const third = /^\s*(?:An?|The)\s+(.{3,80}?)(?=[,.;]|$|\s(?:who|whom|with|from|in|at|that|which|and|interested|passionate|working|specializing|specialising|seeking|looking|fascinated|known|living|based|focused|dedicated|eager|trying|studying|currently|wanting|having|whose|on|for|by|to)\s)/i.exec(text);
  if (third) return cleanJob(third[1]!);
  return undefined;
}

function cleanJob(phrase: string): string | undefined {
  const words = phrase.trim().replace(STOP, " ").split(/\s+/)
    .filter((w) => w !== "" && !/^(\d+-years?-old|young|old|elderly|middle-aged|aspiring|former)$/i.test(w))
    .slice(0, 5);
  const last = words[words.length - 1]?.toLowerCase().replace(/[^a-z-]/g, "");
  if (!last || FAMILY.has(last) || !JOB_WORDS.test(last)) return undefined;
  if (/^(very|really|big|huge|fan|lover|person)$/i.test(words[0] ?? "")) return undefined;
  return words.join(" ").replace(/^(retired)$/i, "retiree");
}
