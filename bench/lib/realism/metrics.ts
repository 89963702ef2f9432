import { ngrams, words } from "./tokenize.js";

/** The three variety metrics of issue #18 over one role's utterances. */
export interface VarietyStats {
  utterances: number;
  /** distinct word bigrams / all word bigrams (bigrams within an utterance). */
  distinct2: number;
  /** distinct utterances (as their word sequence) / utterances. */
  unique: number;
  /** share of utterances whose first four words are among the ten most common first-four-words. */
  openerShare: number;
}

export function distinct2(utterances: readonly (readonly string[])[]): number {
  const seen = new Set<string>();
  let all = 0;
  for (const u of utterances) {
    for (const g of ngrams(u, 2)) {
      seen.add(g);
      all++;
    }
  }
  return all === 0 ? 0 : seen.size / all;
}

export function uniqueShare(utterances: readonly (readonly string[])[]): number {
  if (utterances.length === 0) return 0;
  return new Set(utterances.map((u) => u.join(" "))).size / utterances.length;
}

/**
 * An utterance's opener is its first four words (all of them when it has fewer). Ties for the
 * tenth place are broken by the opener's text, so the figure does not depend on input order.
 */
export function openerShare(utterances: readonly (readonly string[])[], top = 10, length = 4): number {
  if (utterances.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const u of utterances) {
    const key = u.slice(0, length).join(" ");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const covered = ranked.slice(0, top).reduce((n, [, c]) => n + c, 0);
  return covered / utterances.length;
}

export function varietyStats(texts: readonly string[]): VarietyStats {
  const tokens = texts.map(words);
  return { utterances: texts.length, distinct2: distinct2(tokens), unique: uniqueShare(tokens), openerShare: openerShare(tokens) };
}

/**
 * The metrics at exactly `n` utterances: the mean over every full block of `n` consecutive
 * utterances (in dialogue order), so all of a large corpus counts while each figure is taken at
 * the size it is compared at (distinct-n falls as a corpus grows). Null when fewer than `n`.
 */
export function varietyAt(texts: readonly string[], n: number): (VarietyStats & { blocks: number }) | null {
  const blocks = Math.floor(texts.length / n);
  if (n <= 0 || blocks === 0) return null;
  const sum = { distinct2: 0, unique: 0, openerShare: 0 };
  for (let b = 0; b < blocks; b++) {
    const s = varietyStats(texts.slice(b * n, (b + 1) * n));
    sum.distinct2 += s.distinct2;
    sum.unique += s.unique;
    sum.openerShare += s.openerShare;
  }
  return { utterances: n, blocks, distinct2: sum.distinct2 / blocks, unique: sum.unique / blocks, openerShare: sum.openerShare / blocks };
}
