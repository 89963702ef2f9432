/** The spawn helpers by tool name (shared by the dedup and stats tests). */
import * as spawned from "./helpers/spawn.js";

export { lines, ndjson, root, type RunResult } from "./helpers/spawn.js";
export const bin = (tool: string) => spawned.bin(tool);
export const run = (tool: string, args: string[], input = "", env: Record<string, string> = {}) => spawned.run(bin(tool), args, input, env);
export const runHead = (tool: string, args: string[], inputFile: string) => spawned.runHead(bin(tool), args, inputFile);
