import { ensureLength } from "./growable.js";

/**
 * The exact method's index: the SHA-256 of each kept record (32 bytes, as 8 words,
 * at the record's position; kept whole so the --index file can store it), and an
 * open-addressing hash table of record numbers keyed by it (linear probing, one
 * Int32 per slot, 0 = empty). About 32 + 4/load bytes per record, instead of a
 * 64-char string and a Map entry.
 */
export const DIGEST_WORDS = 8;
const MAX_LOAD = 0.75;

export class DigestTable {
  /** Record i's digest at words [8i, 8i + 8). */
  private words = new Uint32Array(0);
  /** 1 when record i has a digest (records kept without the exact method have none). */
  private present = new Uint8Array(0);
  /** Record number + 1, or 0 for an empty slot. */
  private slots = new Int32Array(1024);
  private entries = 0;
  private records = 0;
  private readonly probe = new Uint32Array(DIGEST_WORDS);

  /** Stores record `i`'s digest (hex, or none); records must come in order 0, 1, 2… */
  set(i: number, hex: string | undefined): void {
    if (i !== this.records) throw new Error(`DigestTable.set: record ${i} out of order (expected ${this.records})`);
    this.records += 1;
    // Runs without the exact method store nothing per record.
    if (hex === undefined) return;
    this.words = ensureLength(this.words, (i + 1) * DIGEST_WORDS);
    this.present = ensureLength(this.present, i + 1);
    parseDigest(hex, this.words, i * DIGEST_WORDS);
    this.present[i] = 1;
    // The first record with a digest is the one a later duplicate names.
    if (this.lookup(this.words, i * DIGEST_WORDS) >= 0) return;
    if (this.entries + 1 > this.slots.length * MAX_LOAD) this.rehash(Math.ceil(this.slots.length * 1.5));
    this.place(i);
    this.entries += 1;
  }

  /** The first record stored with this digest, or -1. */
  find(hex: string): number {
    parseDigest(hex, this.probe, 0);
    return this.lookup(this.probe, 0);
  }

  /** Record i's digest as hex, or undefined when it has none. */
  hex(i: number): string | undefined {
    if (i >= this.present.length || !this.present[i]) return undefined;
    let s = "";
    for (let k = 0; k < DIGEST_WORDS; k++) s += this.words[i * DIGEST_WORDS + k]!.toString(16).padStart(8, "0");
    return s;
  }

  /** Slots in the hash table (for tests of growth). */
  get capacity(): number {
    return this.slots.length;
  }

  private lookup(src: Uint32Array, off: number): number {
    const cap = this.slots.length;
    let s = src[off]! % cap;
    for (;;) {
      const v = this.slots[s]!;
      if (v === 0) return -1;
      if (this.equals(v - 1, src, off)) return v - 1;
      if (++s === cap) s = 0;
    }
  }

  private equals(i: number, src: Uint32Array, off: number): boolean {
    const w = this.words, base = i * DIGEST_WORDS;
    for (let k = 0; k < DIGEST_WORDS; k++) if (w[base + k] !== src[off + k]) return false;
    return true;
  }

  private place(i: number): void {
    const cap = this.slots.length;
    let s = this.words[i * DIGEST_WORDS]! % cap;
    while (this.slots[s] !== 0) if (++s === cap) s = 0;
    this.slots[s] = i + 1;
  }

  private rehash(cap: number): void {
    const old = this.slots;
    this.slots = new Int32Array(cap);
    for (let s = 0; s < old.length; s++) if (old[s] !== 0) this.place(old[s]! - 1);
  }
}

/** 64 hex chars → 8 big-endian words (the digest's first word is its first 8 hex chars). */
function parseDigest(hex: string, out: Uint32Array, off: number): void {
  if (hex.length !== DIGEST_WORDS * 8 || !/^[0-9a-f]+$/i.test(hex)) throw new Error(`not a SHA-256 hex digest: '${hex}'`);
  for (let k = 0; k < DIGEST_WORDS; k++) out[off + k] = parseInt(hex.slice(k * 8, k * 8 + 8), 16);
}
