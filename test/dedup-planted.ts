/**
 * A planted test set for dedup: varied dialogues plus known duplicates.
 * Used by test/dedup-planted.test.ts and bench/dedup.ts.
 */
import { Rng } from "@chatmill/kit";

const COLORS = ["red", "navy", "olive", "mustard", "ivory", "charcoal", "teal", "burgundy", "blush", "cobalt", "rust", "sage", "lilac", "camel", "black", "white", "emerald", "coral"];
const ITEMS = ["dress", "blazer", "sneakers", "trench coat", "scarf", "kurta", "saree", "linen shirt", "denim jacket", "ankle boots", "tote bag", "cardigan", "jumpsuit", "chinos", "raincoat", "sandals", "hoodie", "wrap skirt", "polo", "loafers"];
const OCCASIONS = ["a wedding", "my sister's engagement", "a job interview", "a beach trip", "Diwali", "the office party", "a hiking weekend", "graduation", "a first date", "a conference in Berlin", "brunch with friends", "a funeral", "my anniversary dinner", "the school reunion"];
const CITIES = ["Mumbai", "Lagos", "Osaka", "Lima", "Toronto", "Cairo", "Seoul", "Madrid", "Dubai", "Jakarta", "Bogota", "Zurich", "Kolkata", "Sydney", "Casablanca", "Manila"];
const BRANDS = ["Zara", "H&M", "Uniqlo", "Fabindia", "Mango", "Levi's", "Nike", "Biba", "Arket", "COS", "Adidas", "W", "Allen Solly"];
const SERVICES = ["a hotel near the station", "a taxi to the airport", "a table for four", "train tickets to Cambridge", "museum passes", "a doctor's appointment", "a flight to Delhi", "a bus to the coast"];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "tomorrow", "next week", "the 14th", "this weekend"];
const FEELINGS = ["a bit stressed", "really excited", "kind of lost", "in a hurry", "pretty annoyed", "curious", "on a tight budget", "not sure at all"];
const NAMES = ["Asha", "Tomás", "Mei", "Kwame", "Olga", "Ravi", "Fatima", "Jonas", "Priya", "Diego", "Yuki", "Amara", "Lena", "Omar"];
const FILLERS = ["honestly", "to be fair", "I guess", "by the way", "if possible", "no rush", "ideally", "actually", "just so you know", "fingers crossed"];

type Pick = (xs: readonly string[]) => string;

const USER: Array<(p: Pick, n: (a: number, b: number) => number) => string> = [
  (p, n) => `Hi, I'm looking for a ${p(COLORS)} ${p(ITEMS)} for ${p(OCCASIONS)}, ideally under ${n(20, 300)} dollars.`,
  (p) => `Do you have anything from ${p(BRANDS)} in ${p(COLORS)}? My friend ${p(NAMES)} swears by them.`,
  (p, n) => `I wear a size ${n(4, 16)} and I'm ${p(FEELINGS)} because ${p(OCCASIONS)} is ${p(DAYS)}.`,
  (p) => `Can you compare the ${p(COLORS)} one with the ${p(COLORS)} ${p(ITEMS)} you showed me earlier?`,
  (p) => `${p(FILLERS)}, I'd rather avoid anything ${p(COLORS)}; it clashes with my ${p(ITEMS)}.`,
  (p, n) => `I also need ${p(SERVICES)} in ${p(CITIES)} for ${n(1, 6)} people on ${p(DAYS)}.`,
  (p) => `What do the reviews say about the ${p(BRANDS)} ${p(ITEMS)}? I returned one last year.`,
  (p, n) => `Is it in stock in ${p(CITIES)}? I could pick it up before ${n(1, 11)} pm ${p(DAYS)}.`,
  (p) => `Hmm, wait, I meant ${p(COLORS)}, not ${p(COLORS)}. Sorry, ${p(FILLERS)}.`,
  (p) => `That ${p(ITEMS)} looks nice but the fabric seems thin for ${p(CITIES)} weather.`,
  (p, n) => `My budget is strict, ${n(15, 250)} max, and ${p(NAMES)} is paying half.`,
  (p) => `Could you find something similar to the ${p(BRANDS)} ${p(ITEMS)} but cheaper and in ${p(COLORS)}?`,
  (p) => `Thanks, that's perfect. I'll take the ${p(COLORS)} ${p(ITEMS)} and think about the ${p(ITEMS)}.`,
  (p) => `Ugh, the last order from ${p(CITIES)} arrived late and the ${p(ITEMS)} was the wrong size.`,
  (p, n) => `Can you check whether ${p(SERVICES)} is still available around ${n(5, 11)} in the evening?`,
];

const ASSISTANT: Array<(p: Pick, n: (a: number, b: number) => number) => string> = [
  (p, n) => `Sure! I found ${n(2, 9)} ${p(COLORS)} options; the ${p(BRANDS)} ${p(ITEMS)} at ${n(19, 280)} dollars is the closest match.`,
  (p) => `The ${p(COLORS)} ${p(ITEMS)} runs a little small, so I'd go one size up for ${p(OCCASIONS)}.`,
  (p, n) => `Reviews average ${n(2, 4)}.${n(0, 9)} stars; people love the fit but mention the ${p(COLORS)} fades after washing.`,
  (p) => `Side by side: the ${p(BRANDS)} one is lighter, the other has pockets and a ${p(COLORS)} lining.`,
  (p, n) => `It's in stock at the ${p(CITIES)} store, ${n(2, 14)} pieces left in your size as of this morning.`,
  (p, n) => `I've booked ${p(SERVICES)} for ${p(DAYS)} at ${n(5, 11)} pm; the reference is ${p(NAMES).toUpperCase()}-${n(1000, 9999)}.`,
  (p) => `No problem, switching to ${p(COLORS)}. Here's a ${p(ITEMS)} from ${p(BRANDS)} that pairs well with it.`,
  (p) => `Sorry about that delivery from ${p(CITIES)}; I've opened a return for the ${p(ITEMS)} and flagged it.`,
  (p, n) => `Within ${n(20, 300)} dollars I'd suggest the ${p(COLORS)} ${p(ITEMS)} or, if you can stretch, the ${p(BRANDS)} one.`,
  (p) => `Good question. ${p(FILLERS)}, ${p(ITEMS)}s in ${p(COLORS)} are trending for ${p(OCCASIONS)} this season.`,
  (p) => `The search tool timed out, so I tried again with fewer filters and found a ${p(COLORS)} ${p(ITEMS)}.`,
  (p, n) => `Here's something similar but cheaper: ${p(BRANDS)}, ${p(COLORS)}, ${n(15, 120)} dollars, free returns for ${n(14, 60)} days.`,
];

export interface PlantedRecord {
  id: string;
  messages: Array<{ role: "user" | "assistant"; content: string }>;
}

export type PlantKind = "distinct" | "exact" | "near" | "reordered";

export interface PlantedSet {
  records: PlantedRecord[];
  /** id → what the record is and, for copies, which distinct record it copies. */
  truth: Map<string, { kind: PlantKind; of?: string }>;
}

export function makeDialogue(rng: Rng, id: string): PlantedRecord {
  const p: Pick = (xs) => rng.pick(xs);
  const n = (a: number, b: number) => rng.int(a, b);
  const turns = rng.int(4, 7);
  const messages: PlantedRecord["messages"] = [];
  for (let t = 0; t < turns; t++) {
    const u = rng.pick(USER)(p, n);
    const extra = rng.chance(0.4) ? ` ${rng.pick(USER)(p, n)}` : "";
    messages.push({ role: "user", content: u + extra });
    const a = rng.pick(ASSISTANT)(p, n);
    const more = rng.chance(0.5) ? ` ${rng.pick(ASSISTANT)(p, n)}` : "";
    messages.push({ role: "assistant", content: a + more });
  }
  return { id, messages };
}

/** Replaces `k` words at random positions with other words. */
export function changeWords(rec: PlantedRecord, rng: Rng, k: number, id: string): PlantedRecord {
  const messages = rec.messages.map((m) => ({ ...m }));
  const pool = [...COLORS, ...CITIES, ...NAMES, "great", "maybe", "really", "quite", "lovely"];
  for (let c = 0; c < k; c++) {
    const m = rng.pick(messages);
    const words = m.content.split(" ");
    const i = rng.int(0, words.length - 1);
    words[i] = rng.pick(pool.filter((w) => w !== words[i]));
    m.content = words.join(" ");
  }
  return { id, messages };
}

/**
 * `distinct` varied dialogues, then copies of randomly chosen ones: exact copies
 * (some with different case and spacing), copies with 1–3 words changed, and copies
 * whose turns are reordered; copies are shuffled in among the originals, after them.
 */
export function plantedSet(distinct = 2000, copies = { exact: 200, near: 200, reordered: 100 }, seed = 1): PlantedSet {
  const rng = new Rng(`planted-${seed}`);
  const records: PlantedRecord[] = [];
  const truth = new Map<string, { kind: PlantKind; of?: string }>();
  for (let i = 0; i < distinct; i++) {
    const id = `d-${i}`;
    records.push(makeDialogue(rng.fork(id), id));
    truth.set(id, { kind: "distinct" });
  }
  const pending: PlantedRecord[] = [];
  const originals = records.slice();
  for (let i = 0; i < copies.exact; i++) {
    const src = rng.pick(originals);
    const id = `x-${i}`;
    const messages = src.messages.map((m) => ({
      ...m,
      content: i % 3 === 0 ? m.content.toUpperCase() : i % 3 === 1 ? m.content.replace(/ /g, "  ") : m.content,
    }));
    pending.push({ id, messages });
    truth.set(id, { kind: "exact", of: src.id });
  }
  for (let i = 0; i < copies.near; i++) {
    const src = rng.pick(originals);
    const id = `n-${i}`;
    pending.push(changeWords(src, rng, rng.int(1, 3), id));
    truth.set(id, { kind: "near", of: src.id });
  }
  for (let i = 0; i < copies.reordered; i++) {
    const src = rng.pick(originals);
    const id = `r-${i}`;
    let messages = rng.shuffle(src.messages);
    if (messages.every((m, k) => m === src.messages[k])) messages = [...src.messages].reverse();
    pending.push({ id, messages: messages.map((m) => ({ ...m })) });
    truth.set(id, { kind: "reordered", of: src.id });
  }
  // Copies come after their originals, interleaved with the later distinct records.
  const out: PlantedRecord[] = [];
  const shuffled = rng.shuffle(pending);
  const seen = new Set<string>();
  let q = 0;
  for (const r of records) {
    out.push(r);
    seen.add(r.id);
    while (q < shuffled.length && seen.has(truth.get(shuffled[q]!.id)!.of!) && rng.chance(0.3)) out.push(shuffled[q++]!);
  }
  while (q < shuffled.length) out.push(shuffled[q++]!);
  return { records: out, truth };
}
