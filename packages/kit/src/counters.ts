/** What happened to the records of one run; printed as the one-line summary. */
export class Counters {
  read = 0;
  written = 0;
  /** Records not written, by reason: bad input and deliberate drops (duplicates, filters). */
  readonly dropped = new Map<string, number>();
  /** Records that could not be processed, by reason. */
  readonly failed = new Map<string, number>();
  /** Tool-specific figures shown in the summary (e.g. "requests 120"). */
  readonly notes = new Map<string, number>();

  static bump(map: Map<string, number>, key: string, by = 1): void {
    map.set(key, (map.get(key) ?? 0) + by);
  }

  static total(map: Map<string, number>): number {
    let n = 0;
    for (const v of map.values()) n += v;
    return n;
  }

  summary(tool: string, seconds: number): string {
    const parts = [
      `read ${this.read}`,
      `written ${this.written}`,
      `dropped ${Counters.total(this.dropped)}${breakdown(this.dropped)}`,
      `failed ${Counters.total(this.failed)}${breakdown(this.failed)}`,
    ];
    for (const [k, v] of this.notes) parts.push(`${k} ${v}`);
    parts.push(`${seconds.toFixed(1)}s`);
    return `${tool}: ${parts.join(" · ")}`;
  }
}

function breakdown(map: Map<string, number>): string {
  if (map.size === 0) return "";
  return ` (${[...map].map(([k, v]) => `${k}: ${v}`).join(", ")})`;
}
