import type { Rng } from "@chatmill/kit";
import { wordPattern, type Detail } from "./personal-details.js";

/**
 * Replaces a source dialogue's personal details, the same one by the same stand-in everywhere
 * (the name in a booking's arguments and in the text that says it agree):
 * - the first name found (the persona's, or the user's own) becomes the new persona's name,
 *   other people names drawn with `otherName`; a name's parts map to the stand-in's parts;
 * - an email becomes `first.last@example.com` of the person it stands for (example.com is
 *   reserved for examples: nobody's address);
 * - a phone number keeps its layout (+, spaces, dashes) with new digits.
 */
export class Anonymiser {
  private readonly map = new Map<string, { detail: Detail; by: string }>();
  private readonly order: Array<{ re: RegExp; by: string }> = [];

  constructor(details: readonly Detail[], newName: string, otherName: () => string, rng: Rng) {
    const names = details.filter((d) => d.kind === "name");
    // Whole names first, so "Sarah Connor" maps to the stand-in's full name and "Sarah" to its first name.
    const whole = names
      .filter((n) => !names.some((m) => m !== n && m.value.toLowerCase().includes(n.value.toLowerCase())))
      .sort((a, b) => Number(b.self === true) - Number(a.self === true));
    whole.forEach((n, i) => {
      const by = i === 0 ? newName : otherName();
      this.set(n, by);
      const parts = n.value.split(/\s+/);
      const byParts = by.split(/\s+/);
      parts.forEach((p, k) => {
        const part = names.find((m) => m.value.toLowerCase() === p.toLowerCase());
        if (part && !this.map.has(key(part))) this.set(part, k === parts.length - 1 && k > 0 ? byParts[byParts.length - 1]! : byParts[Math.min(k, byParts.length - 1)]!);
      });
    });
    for (const n of names) if (!this.map.has(key(n))) this.set(n, otherName().split(/\s+/)[0]!);
    const used = new Set<string>();
    for (const d of details) {
      // An email is its owner's: the person whose name part is in it (beverly@… is Beverly's), else the user's.
      const local = d.value.split("@")[0]!.toLowerCase();
      const owner = whole.find((n) => n.value.split(/\s+/).some((p) => p.length >= 3 && local.includes(p.toLowerCase())));
      if (d.kind === "email") this.set(d, emailOf(owner ? this.map.get(key(owner))!.by : newName, used));
      if (d.kind === "phone") this.set(d, d.value.replace(/\d/g, (_, i: number) => String(i === 0 ? rng.int(1, 9) : rng.int(0, 9))));
    }
    const entries = [...this.map.values()].sort((a, b) => b.detail.value.length - a.detail.value.length);
    for (const { detail, by } of entries) {
      const re = detail.kind === "name" ? wordPattern(detail.value, "giu") : new RegExp(detail.value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi");
      this.order.push({ re, by });
    }
  }

  get replaced(): number {
    return this.map.size;
  }

  text(s: string): string {
    let out = s;
    for (const { re, by } of this.order) out = out.replace(re, by);
    return out;
  }

  /** A JSON value with every string (keys too) anonymised. */
  value<T>(v: T): T {
    if (typeof v === "string") return this.text(v) as T;
    if (Array.isArray(v)) return v.map((x) => this.value(x)) as T;
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [this.text(k), this.value(x)])) as T;
    return v;
  }

  private set(d: Detail, by: string): void {
    this.map.set(key(d), { detail: d, by });
  }
}

const key = (d: Detail) => `${d.kind}\u0000${d.value.toLowerCase()}`;

/** name@example.com, numbered when two addresses would be the same. */
function emailOf(name: string, used: Set<string>): string {
  const ascii = name.normalize("NFKD").replace(/[^\p{L}\p{N}\s]/gu, "").replace(/[^\x20-\x7e]/g, "").trim().toLowerCase();
  const local = ascii.split(/\s+/).filter(Boolean).join(".") || "user";
  let address = `${local}@example.com`;
  for (let n = 2; used.has(address); n++) address = `${local}${n}@example.com`;
  used.add(address);
  return address;
}
