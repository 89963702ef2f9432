import { UsageError } from "@chatmill/kit";
import type { Mix } from "@chatmill/persona-sample";

/** "5-10", "5..10" or "5,10" → [5, 10]; "7" → [7, 7]. */
export function parseRange(flag: string, text: string): [number, number] {
  const m = /^\s*(\d+)\s*(?:(?:-|\.\.|,)\s*(\d+)\s*)?$/.exec(text);
  if (!m) throw new UsageError(`--${flag} expects LO-HI (e.g. 5-10), got '${text}'`);
  const lo = Number(m[1]);
  const hi = m[2] !== undefined ? Number(m[2]) : lo;
  if (lo < 1 || hi < lo) throw new UsageError(`--${flag}: need 1 <= LO <= HI, got '${text}'`);
  return [lo, hi];
}

/** "2026-01-01..2026-12-31" → ["2026-01-01", "2026-12-31"]. */
export function parseDates(text: string): [string, string] {
  const m = /^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?$/.exec(text.trim());
  const ok = (d: string) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  if (!m || !ok(m[1]!) || (m[2] !== undefined && !ok(m[2]))) throw new UsageError(`--dates expects FROM..TO as YYYY-MM-DD..YYYY-MM-DD, got '${text}'`);
  const from = m[1]!;
  const to = m[2] ?? from;
  if (to < from) throw new UsageError(`--dates: ${to} is before ${from}`);
  return [from, to];
}

/** The scenario flags as scenario-gen and dialogue-sim (Persona input) both take them, checked. */
export async function scenarioFlags(values: Record<string, unknown>): Promise<{
  mix: Mix;
  minTurns: [number, number];
  maxTurns: [number, number];
  dates: [string, string];
  homeShare: number;
}> {
  const [{ parseMix, checkMixValues, CITY_NAMES }, { SCENARIO_MIX_KEYS }, seed003] = await Promise.all([
    import("@chatmill/persona-sample"),
    import("./scenario.js"),
    import("./data/seed003.js"),
  ]);
  const mix = parseMix(values.mix as string[] | undefined, SCENARIO_MIX_KEYS);
  checkMixValues(mix, "region", CITY_NAMES);
  checkMixValues(mix, "slot", Object.keys(seed003.TIME_SLOTS));
  checkMixValues(mix, "size", Object.keys(seed003.SIZE_WEIGHTS));
  checkMixValues(mix, "resolution", Object.keys(seed003.RESOLUTION_WEIGHTS));
  return {
    mix,
    minTurns: parseRange("min-turns", String(values["min-turns"])),
    maxTurns: parseRange("max-turns", String(values["max-turns"])),
    dates: parseDates(String(values.dates)),
    homeShare: values["home-share"] as number,
  };
}
