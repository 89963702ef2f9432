import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "@chatmill/kit/cli";
import { addHttpRuns } from "./live-runs.js";
import { buildSkeleton, type ImportedApi } from "./skeleton.js";

/**
 * Writes the skeleton of an imported API as DIR/pack.json and returns that file's path.
 * A folder that already holds files is left alone unless `force`: a pack the user has
 * started filling in must not be overwritten by a second import.
 */
export function writePack(api: ImportedApi, dir: string, force = false, liveBaseUrl?: string): string {
  if (existsSync(dir) && readdirSync(dir).length > 0 && !force) {
    throw new UsageError(`'${dir}' is not empty; pass another --out, or --force to overwrite its pack.json`);
  }
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "pack.json");
  const pack = buildSkeleton(api);
  if (liveBaseUrl !== undefined) addHttpRuns(pack as Parameters<typeof addHttpRuns>[0], liveBaseUrl);
  writeFileSync(file, `${JSON.stringify(pack, null, 2)}\n`);
  return file;
}
