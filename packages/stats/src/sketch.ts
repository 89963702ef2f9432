/**
 * HyperLogLog (Flajolet et al. 2007) with 2^14 one-byte registers: 16 KB whatever the
 * input, relative standard error 1.04/√16384 ≈ 0.8%. Below 2.5·m distinct values it
 * uses linear counting, which is close to exact. Hashes are 32-bit, so past ~10^8
 * distinct values collisions bias the count down (large-range correction applied).
 */
export class HyperLogLog {
  static readonly P = 14;
  private readonly registers = new Uint8Array(1 << HyperLogLog.P);

  add(hash: number): void {
    const p = HyperLogLog.P;
    const idx = hash >>> (32 - p);
    const w = ((hash << p) | (1 << (p - 1))) >>> 0;
    const rank = Math.clz32(w) + 1;
    if (rank > this.registers[idx]!) this.registers[idx] = rank;
  }

  count(): number {
    const m = this.registers.length;
    let sum = 0;
    let zeros = 0;
    for (let i = 0; i < m; i++) {
      const r = this.registers[i]!;
      sum += 2 ** -r;
      if (r === 0) zeros++;
    }
    const alpha = 0.7213 / (1 + 1.079 / m);
    let e = (alpha * m * m) / sum;
    if (e <= 2.5 * m && zeros > 0) e = m * Math.log(m / zeros);
    else if (e > 2 ** 32 / 30) e = -(2 ** 32) * Math.log(1 - e / 2 ** 32);
    return Math.round(e);
  }
}

/** Counts per label with a cap on distinct labels, so memory stays bounded. */
export class Tally {
  readonly counts = new Map<string, number>();
  overflow = 0;
  total = 0;

  constructor(readonly cap = 10_000) {}

  add(key: string, by = 1): void {
    this.total += by;
    const cur = this.counts.get(key);
    if (cur !== undefined) this.counts.set(key, cur + by);
    else if (this.counts.size < this.cap) this.counts.set(key, by);
    else this.overflow += by;
  }

  /** Sorted by count, descending; the overflow as "(other)". */
  toObject(): Record<string, number> {
    const rows = [...this.counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const out: Record<string, number> = Object.fromEntries(rows);
    if (this.overflow > 0) out["(other)"] = this.overflow;
    return out;
  }
}

/** Shannon entropy in bits of a distribution given by counts. */
export function entropyBits(counts: Iterable<number>): number {
  let total = 0;
  const xs: number[] = [];
  for (const c of counts) {
    if (c > 0) { xs.push(c); total += c; }
  }
  let h = 0;
  for (const c of xs) {
    const p = c / total;
    h -= p * Math.log2(p);
  }
  return h;
}

export function rate(num: number, den: number): number | null {
  return den > 0 ? Math.round((num / den) * 10000) / 10000 : null;
}
