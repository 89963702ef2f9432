import { parseArgs } from "node:util";
import { allOptions, type ToolSpec } from "@chatmill/kit";

/**
 * The kit's CLI frame opens positional arguments as input files, but mix's are
 * FILE:TARGET specs that it reads itself (twice). So positionals are moved into
 * repeatable --source flags, in order, before the frame sees them.
 */
export function positionalsToSources(spec: ToolSpec, argv: string[]): string[] {
  const config: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = {};
  for (const o of allOptions(spec)) {
    config[o.name] = { type: o.type === "boolean" ? "boolean" : "string", ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  }
  // "-:50%" (stdin with a target) would parse as a cluster of short flags: it is a source.
  const stdinSpec = (a: string) => a.startsWith("-:");
  const kept = argv.map((a, i) => ({ a, i })).filter(({ a }) => !stdinSpec(a));
  let tokens;
  try {
    tokens = parseArgs({ args: kept.map((k) => k.a), options: config, allowPositionals: true, strict: false, tokens: true }).tokens;
  } catch {
    return argv; // let the frame report the usage error
  }
  const drop = new Set<number>(argv.flatMap((a, i) => (stdinSpec(a) ? [i] : [])));
  for (const t of tokens) {
    if (t.kind === "positional" || t.kind === "option-terminator") drop.add(kept[t.index]!.i);
  }
  const sources = argv.flatMap((a, i) => (drop.has(i) && a !== "--" ? [`--source=${a}`] : []));
  return [...argv.filter((_, i) => !drop.has(i)), ...sources];
}
