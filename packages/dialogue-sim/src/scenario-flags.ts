import { UsageError } from "@chatmill/kit";
import type { ScenarioOptions } from "@chatmill/scenario-gen";

type Values = Record<string, unknown>;

/** The scenario flags (for Persona input), checked exactly as scenario-gen checks them. */
export async function scenarioOptions(values: Values): Promise<Omit<ScenarioOptions, "domain" | "seed" | "balancer">> {
  const [{ parseMix, checkMixValues, CITY_NAMES }, sg] = await Promise.all([import("@chatmill/persona-sample"), import("@chatmill/scenario-gen")]);
  const seed003 = sg.seed003;
  const mix = parseMix(values.mix as string[] | undefined, sg.SCENARIO_MIX_KEYS);
  checkMixValues(mix, "region", CITY_NAMES);
  checkMixValues(mix, "slot", Object.keys(seed003.TIME_SLOTS));
  checkMixValues(mix, "size", Object.keys(seed003.SIZE_WEIGHTS));
  checkMixValues(mix, "resolution", Object.keys(seed003.RESOLUTION_WEIGHTS));
  const range = (flag: string): [number, number] => {
    const m = /^\s*(\d+)\s*(?:(?:-|\.\.|,)\s*(\d+)\s*)?$/.exec(String(values[flag]));
    if (!m) throw new UsageError(`--${flag} expects LO-HI (e.g. 5-10), got '${String(values[flag])}'`);
    const lo = Number(m[1]);
    const hi = m[2] !== undefined ? Number(m[2]) : lo;
    if (lo < 1 || hi < lo) throw new UsageError(`--${flag}: need 1 <= LO <= HI, got '${String(values[flag])}'`);
    return [lo, hi];
  };
  const d = /^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?$/.exec(String(values.dates).trim());
  if (!d || Number.isNaN(Date.parse(`${d[1]}T00:00:00Z`))) throw new UsageError(`--dates expects FROM..TO as YYYY-MM-DD..YYYY-MM-DD, got '${String(values.dates)}'`);
  return {
    mix,
    minTurns: range("min-turns"),
    maxTurns: range("max-turns"),
    dates: [d[1]!, d[2] ?? d[1]!],
    homeShare: values["home-share"] as number,
  };
}
