/**
 * A set of record ids that keeps only a 64-bit hash of each: 8 bytes a slot in a
 * growable open-addressing table (load 3/8 to 3/4, so 11–21 bytes an id), instead of
 * the ids themselves. Two different ids share a hash with probability about
 * n² / 2^65: for ten million ids, 3 in a million — a false "duplicate" is that rare.
 */
export class IdSet {
  size = 0;
  /** Pairs of 32-bit words; (0, 0) is an empty slot. */
  private slots: Uint32Array;
  private mask: number;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity) cap *= 2;
    this.slots = new Uint32Array(cap * 2);
    this.mask = cap - 1;
  }

  /** Adds the id; false when it was there already. */
  add(id: string): boolean {
    // cyrb53's two 32-bit lanes, kept whole: 64 bits.
    let a = 0xdeadbeef ^ id.length;
    let b = 0x41c6ce57 ^ id.length;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      a = Math.imul(a ^ c, 2654435761);
      b = Math.imul(b ^ c, 1597334677);
    }
    a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
    b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
    a >>>= 0;
    b = b >>> 0 || 1; // never the empty pair
    if (!this.insert(a, b)) return false;
    this.size += 1;
    if (this.size * 4 > (this.mask + 1) * 3) this.grow();
    return true;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.slots.byteLength;
  }

  private insert(a: number, b: number): boolean {
    const slots = this.slots;
    let i = a & this.mask;
    for (;;) {
      const sa = slots[2 * i]!;
      const sb = slots[2 * i + 1]!;
      if (sb === 0) {
        slots[2 * i] = a;
        slots[2 * i + 1] = b;
        return true;
      }
      if (sa === a && sb === b) return false;
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.mask = old.length - 1;
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.insert(old[i]!, old[i + 1]!);
  }
}
