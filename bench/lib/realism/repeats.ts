import { ngrams, words } from "./tokenize.js";

/** One repeated thing (an utterance, an opener, a bigram) and how often it came. */
export interface Repeat {
  text: string;
  count: number;
}

/** What lowers a role's variety: the utterances said more than once, the commonest openers and bigrams. */
export interface Repeats {
  utterances: number;
  /** Utterances (as their word sequence) said more than once, commonest first. */
  duplicates: Repeat[];
  /** Utterances lost to repetition: all minus distinct (what unique share counts against). */
  duplicateCount: number;
  /** First-four-words openers, commonest first (as in openerShare). */
  openers: Repeat[];
  /** Word bigrams by count, commonest first. */
  bigrams: Repeat[];
}

function ranked(counts: Map<string, number>, top: number, min = 1): Repeat[] {
  return [...counts]
    .filter(([, c]) => c >= min)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, top)
    .map(([text, count]) => ({ text, count }));
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/**
 * The repetitions behind the variety metrics of one role's utterances (metrics.ts counts them;
 * this names them, so a bank's author sees which lines to vary). Ties are broken by text, so
 * the answer does not depend on input order beyond the counts.
 */
export function repeats(texts: readonly string[], top = 20, openerLength = 4): Repeats {
  const utter = new Map<string, number>();
  const open = new Map<string, number>();
  const bi = new Map<string, number>();
  for (const t of texts) {
    const w = words(t);
    bump(utter, w.join(" "));
    bump(open, w.slice(0, openerLength).join(" "));
    for (const g of ngrams(w, 2)) bump(bi, g);
  }
  return {
    utterances: texts.length,
    duplicates: ranked(utter, top, 2),
    duplicateCount: texts.length - utter.size,
    openers: ranked(open, top),
    bigrams: ranked(bi, top),
  };
}

/** One kind of utterance's part in a corpus's repetition (see byKind). */
export interface KindShare {
  kind: string;
  utterances: number;
  /** Utterances of this kind that repeat an earlier one of the corpus. */
  duplicates: number;
  bigrams: number;
  /** Bigram occurrences of this kind whose bigram the corpus had already seen (what distinct-2 counts against). */
  repeatedBigrams: number;
}

/**
 * Which kinds of utterance (an intent label, "with a call", …) the repetition comes from: per
 * kind, its utterances that repeat an earlier one and its bigrams that repeat an earlier one,
 * in corpus order, so the kinds' counts add up to the corpus's. Largest repeated-bigram count first.
 */
export function byKind(items: ReadonlyArray<{ text: string; kind: string }>): KindShare[] {
  const seenU = new Set<string>();
  const seenB = new Set<string>();
  const out = new Map<string, KindShare>();
  for (const { text, kind } of items) {
    let k = out.get(kind);
    if (!k) out.set(kind, (k = { kind, utterances: 0, duplicates: 0, bigrams: 0, repeatedBigrams: 0 }));
    const w = words(text);
    const u = w.join(" ");
    k.utterances++;
    if (seenU.has(u)) k.duplicates++;
    seenU.add(u);
    for (const g of ngrams(w, 2)) {
      k.bigrams++;
      if (seenB.has(g)) k.repeatedBigrams++;
      seenB.add(g);
    }
  }
  return [...out.values()].sort((a, b) => b.repeatedBigrams - a.repeatedBigrams || (a.kind < b.kind ? -1 : 1));
}
