import { UsageError } from "@chatmill/kit";
import { METHODS, type Method } from "./deduper.js";

export function parseMethods(spec: string): Set<Method> {
  const out = new Set<Method>();
  for (const part of spec.split(",").map((s) => s.trim()).filter(Boolean)) {
    if (!(METHODS as readonly string[]).includes(part)) throw new UsageError(`--method: unknown method '${part}'; use a comma list of ${METHODS.join(", ")}`);
    out.add(part as Method);
  }
  if (out.size === 0) throw new UsageError("--method needs at least one of exact, near, semantic");
  return out;
}

export function parseThresholds(spec: string, methods: ReadonlySet<Method>): { near: number; semantic: number } {
  const t = { near: 0.8, semantic: 0.9 };
  const check = (name: string, v: number) => {
    if (!Number.isFinite(v) || v <= 0 || v > 1) throw new UsageError(`--threshold ${name}: expected a number in (0, 1], got '${v}'`);
    return v;
  };
  const trimmed = spec.trim();
  if (/^[\d.]+$/.test(trimmed)) {
    const sim = [...methods].filter((m) => m !== "exact");
    if (sim.length !== 1) throw new UsageError(`--threshold ${trimmed}: with --method ${[...methods].join(",")} say which, e.g. --threshold near=0.8,semantic=0.9`);
    t[sim[0] as "near" | "semantic"] = check(sim[0]!, Number(trimmed));
    return t;
  }
  for (const part of trimmed.split(",").map((s) => s.trim()).filter(Boolean)) {
    const m = /^(near|semantic)=(.+)$/.exec(part);
    if (!m) throw new UsageError(`--threshold: cannot read '${part}'; write near=0.8,semantic=0.9 or one number`);
    t[m[1] as "near" | "semantic"] = check(m[1]!, Number(m[2]));
  }
  return t;
}
