import { fmix32 } from "@chatmill/kit";

/** Combines two 32-bit hashes order-sensitively. */
export function combine(a: number, b: number): number {
  return fmix32((Math.imul(a, 0x9e3779b1) ^ b) >>> 0);
}
