/**
 * Growth of the index's typed arrays. They grow by half, not double: a doubled array
 * is half empty right after growing, and the index's memory per record is what
 * bounds how many records fit (the copy is amortised all the same).
 */
export const GROWTH = 1.5;

type Typed = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array;

/** `arr` when it holds `need` elements, else a copy with room for at least that many. */
export function ensureLength<T extends Typed>(arr: T, need: number): T {
  if (need <= arr.length) return arr;
  const next = new (arr.constructor as new (n: number) => T)(Math.max(need, Math.ceil(arr.length * GROWTH), 16));
  next.set(arr as never);
  return next;
}
