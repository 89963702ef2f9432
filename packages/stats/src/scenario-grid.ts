import { Tally, entropyBits, rate } from "./sketch.js";
import type { StatsReport } from "./report-types.js";

/** Scenario-grid cells kept with their counts; past this, new cells count as "(other)". */
export const MAX_GRID_CELLS = 1_000_000;
export const GRID_DIMS = ["services", "category", "region", "emotion", "resolution"] as const;
export type GridCell = Record<(typeof GRID_DIMS)[number], string>;

/** How scenarios cover the grid of services × category × region × emotion × resolution: cells seen, coverage, entropy. */
export class ScenarioGrid {
  readonly cells = new Map<string, number>();
  overflow = 0;
  readonly dims = Object.fromEntries(GRID_DIMS.map((d) => [d, new Tally()])) as Record<(typeof GRID_DIMS)[number], Tally>;

  add(cell: GridCell): void {
    for (const d of GRID_DIMS) this.dims[d].add(cell[d]);
    const key = GRID_DIMS.map((d) => cell[d]).join("\u0001");
    const cur = this.cells.get(key);
    if (cur !== undefined) this.cells.set(key, cur + 1);
    else if (this.cells.size < MAX_GRID_CELLS) this.cells.set(key, 1);
    else this.overflow++;
  }

  report(scenarios: number, round: (x: number) => number): StatsReport["scenarios"]["grid"] {
    const possible = GRID_DIMS.reduce((p, d) => p * Math.max(1, this.dims[d].counts.size), 1);
    const entropy = entropyBits([...this.cells.values(), ...(this.overflow > 0 ? [this.overflow] : [])]);
    return {
      dimensions: Object.fromEntries(GRID_DIMS.map((d) => [d, { distinct: this.dims[d].counts.size, values: this.dims[d].toObject() }])),
      cells_observed: this.cells.size,
      cells_possible: scenarios > 0 ? possible : 0,
      coverage: scenarios > 0 ? rate(this.cells.size, possible) : null,
      entropy_bits: round(entropy),
      normalized_entropy: scenarios > 0 && possible > 1 ? round(entropy / Math.log2(possible)) : null,
      capped: this.overflow > 0,
    };
  }
}
