import { basename } from "node:path";
import { UsageError } from "@chatmill/kit";

/** How many records a source should give to the mix. */
export type Target =
  | { kind: "count"; n: number }
  | { kind: "percent"; p: number }
  | { kind: "times"; x: number }
  | { kind: "all" }
  | { kind: "rest" };

export interface SourceArg {
  /** File path, or "-" for stdin. */
  path: string;
  /** The name the source's records are tagged with. */
  label: string;
  target: Target;
  /** The target as the user wrote it, for the report. */
  spec: string;
}

/**
 * Parses `FILE[:TARGET]`. TARGET is a count (3000), a percentage of --total (30%,
 * 0.8%), a multiple of the source's size (x10), `rest` (whatever --total leaves), or
 * `all` (the default: every record once). The target follows the last ':', so paths
 * with colons work as long as they end in a target or do not look like one.
 */
export function parseSourceArg(arg: string): SourceArg {
  const at = arg.lastIndexOf(":");
  const tail = at >= 0 ? arg.slice(at + 1) : "";
  const target = at >= 0 ? parseTarget(tail, arg) : undefined;
  const path = target ? arg.slice(0, at) : arg;
  if (path === "") throw new UsageError(`'${arg}' names no file; write FILE:TARGET, e.g. corrections.ndjson:80`);
  return { path, label: labelOf(path), target: target ?? { kind: "all" }, spec: target ? tail : "all" };
}

function parseTarget(tail: string, arg: string): Target | undefined {
  if (/^\d+$/.test(tail)) return { kind: "count", n: Number(tail) };
  if (/^\d+(\.\d+)?%$/.test(tail)) {
    const p = Number(tail.slice(0, -1));
    if (p > 100) throw new UsageError(`'${arg}': a percentage cannot be over 100%`);
    return { kind: "percent", p };
  }
  if (/^x\d+(\.\d+)?$/.test(tail)) return { kind: "times", x: Number(tail.slice(1)) };
  if (tail === "all") return { kind: "all" };
  if (tail === "rest") return { kind: "rest" };
  if (/^\d*\.\d+$/.test(tail)) {
    throw new UsageError(`'${arg}': '${tail}' is ambiguous; write a percentage (${Number(tail) * 100}%), a count (3000) or a multiple (x${tail})`);
  }
  if (/^[\dx.%-]+$/.test(tail)) throw new UsageError(`'${arg}': cannot read the target '${tail}'; write a count (3000), a percentage (30%), a multiple (x10), rest or all`);
  return undefined; // a colon that belongs to the file name
}

function labelOf(path: string): string {
  if (path === "-") return "stdin";
  return basename(path).replace(/(\.(ndjson|jsonl|json))$/i, "");
}

/** Gives each source a distinct label: a repeated file name falls back to its path. */
export function distinctLabels(sources: SourceArg[]): SourceArg[] {
  const seen = new Map<string, number>();
  for (const s of sources) seen.set(s.label, (seen.get(s.label) ?? 0) + 1);
  const used = new Set<string>();
  return sources.map((s, i) => {
    let label = (seen.get(s.label) ?? 0) > 1 ? s.path : s.label;
    if (used.has(label)) label = `${label}#${i + 1}`;
    used.add(label);
    return { ...s, label };
  });
}
