import { charText, words } from "./normalize.js";
import { hashString } from "@chatmill/kit";
import { combine } from "./hash32.js";

export interface ShingleSpec {
  unit: "word" | "char";
  n: number;
}

export function parseShingleSpec(spec: string): ShingleSpec {
  const m = /^(word|char):(\d+)$/.exec(spec.trim());
  if (!m) throw new Error(`--shingle expects word:N or char:N (e.g. word:3, char:5), got '${spec}'`);
  const n = Number(m[2]);
  if (n < 1 || n > 32) throw new Error(`--shingle size must be between 1 and 32, got ${n}`);
  return { unit: m[1] as "word" | "char", n };
}

export function formatShingleSpec(s: ShingleSpec): string {
  return `${s.unit}:${s.n}`;
}

/**
 * The set of shingle hashes of a record, sorted and unique. Shingles never cross a
 * segment (a turn): a copy whose turns were reordered has the same set.
 * A segment shorter than N units gives one shingle of the whole segment.
 */
export function shingleSet(segments: readonly string[], spec: ShingleSpec): Uint32Array {
  if (spec.unit === "word") {
    const tokens: number[] = [];
    const ends: number[] = [];
    for (const seg of segments) {
      for (const w of words(seg)) tokens.push(hashString(w));
      ends.push(tokens.length);
    }
    return sortedSet(wordShingles(Uint32Array.from(tokens), ends, spec.n));
  }
  const hashes: number[] = [];
  for (const seg of segments) {
    const t = charText(seg);
    if (t.length === 0) continue;
    const last = Math.max(0, t.length - spec.n);
    for (let i = 0; i <= last; i++) hashes.push(hashString(t.slice(i, i + spec.n), 0x5bd1e995));
  }
  return sortedUnique(hashes);
}

/**
 * Word shingles from the token hashes of the segments (back to back in `tokens`,
 * segment i ending at ends[i]; see analyze.ts), unsorted and possibly repeated: a
 * signature does not care, and most records are never compared, so sorting waits
 * for `sortedSet`.
 */
export function wordShingles(tokens: Uint32Array, ends: ArrayLike<number>, n: number): Uint32Array {
  let count = 0;
  let start = 0;
  for (let e = 0; e < ends.length; e++) {
    const len = ends[e]! - start;
    if (len > 0) count += Math.max(1, len - n + 1);
    start = ends[e]!;
  }
  const arr = new Uint32Array(count);
  let k = 0;
  start = 0;
  for (let e = 0; e < ends.length; e++) {
    const end = ends[e]!;
    if (end > start) {
      const last = Math.max(start, end - n);
      for (let i = start; i <= last; i++) {
        let h = tokens[i]!;
        const stop = Math.min(end, i + n);
        for (let j = i + 1; j < stop; j++) h = combine(h, tokens[j]!);
        arr[k++] = h;
      }
    }
    start = end;
  }
  return arr;
}

const SORTED = new WeakSet<Uint32Array>();

/** The set sorted and without repeats (cached: a sorted set is returned as is). */
export function sortedSet(a: Uint32Array): Uint32Array {
  if (SORTED.has(a)) return a;
  const s = uniqueSorted(a.slice().sort());
  SORTED.add(s);
  return s;
}

export function isSorted(a: Uint32Array): boolean {
  return SORTED.has(a);
}

/** Marks an array known to be sorted and unique (e.g. read from an index). */
export function markSorted(a: Uint32Array): Uint32Array {
  SORTED.add(a);
  return a;
}

function sortedUnique(hashes: number[]): Uint32Array {
  return sortedSet(Uint32Array.from(hashes));
}

function uniqueSorted(arr: Uint32Array): Uint32Array {
  let k = 0;
  for (let i = 0; i < arr.length; i++) if (i === 0 || arr[i] !== arr[k - 1]) arr[k++] = arr[i]!;
  return k === arr.length ? arr : arr.slice(0, k);
}

/** Exact Jaccard similarity of two shingle sets. */
export function jaccard(x: Uint32Array, y: Uint32Array, alreadySorted = false): number {
  const a = alreadySorted ? x : sortedSet(x);
  const b = alreadySorted ? y : sortedSet(y);
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0, j = 0, inter = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!, y = b[j]!;
    if (x === y) { inter++; i++; j++; } else if (x < y) i++; else j++;
  }
  return inter / (a.length + b.length - inter);
}
