import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DomainPack } from "@chatmill/schema";
import { checkReferences } from "./check-pack.js";
import { checkPolicy } from "./check-policy.js";
import type { Domain, Row } from "./contract.js";
import { LoadedDomain } from "./domain.js";
import { PackError, formatPath } from "./pack-error.js";
import { loadTables } from "./tables.js";
import { explainIssue } from "./zod-issue.js";

/**
 * The packs chatmill's own simulation is written for: scenario-gen samples goals from them and
 * dialogue-sim's offline engine drives their tools (tests that need both iterate this list).
 */
export const builtinDomains = ["retail", "travel", "ops"] as const;
export type BuiltinDomain = (typeof builtinDomains)[number];
/**
 * tau-bench's environments as packs: their tools behave as tau-bench's own (checked by replaying
 * its tasks' gold actions). They load, run and rename like any pack, but are not in
 * builtinDomains: the offline engine has no scenario kinds for their after-sales tasks yet (in
 * 40 dialogues it only hands off, 15 and 9 times), so tests that need a simulated dialogue full
 * of calls skip them.
 */
export const tauDomains = ["tau-retail", "tau-airline"] as const;
/** Every pack that ships with chatmill; `--domain NAME` picks one of them. */
export const builtinPacks = [...builtinDomains, ...tauDomains] as const;

const PACKS_DIR = fileURLToPath(new URL("../packs/", import.meta.url));
const cache = new Map<string, LoadedDomain>();

/**
 * The pack.json a `--domain` value names: a built-in pack's name, a path to a pack.json,
 * or a folder holding one. Throws an Error that says what to pass instead.
 */
export function resolvePackFile(nameOrPath: string): string {
  if ((builtinPacks as readonly string[]).includes(nameOrPath)) return join(PACKS_DIR, nameOrPath, "pack.json");
  const path = resolve(nameOrPath);
  if (existsSync(path)) {
    if (!statSync(path).isDirectory()) return path;
    const inner = join(path, "pack.json");
    if (existsSync(inner)) return inner;
    throw new Error(`the folder '${nameOrPath}' holds no pack.json; pass a pack file or a folder with one`);
  }
  throw new Error(`unknown domain '${nameOrPath}': use one of ${builtinPacks.join(", ")}, or a path to a pack.json or a folder holding one`);
}

/**
 * Loads and validates a domain pack (built-in name, pack.json path, or folder); cached,
 * so every tool of a run shares one read-only copy. Throws PackError naming the file and
 * the field when the pack is invalid.
 */
export function loadDomain(nameOrPath: string): LoadedDomain & Domain {
  const file = resolvePackFile(nameOrPath);
  const hit = cache.get(file);
  if (hit) return hit;
  const domain = loadPackFile(file);
  cache.set(file, domain);
  return domain;
}

/**
 * For tools that load the pack each record names: each name is loaded once, and a pack that
 * cannot be loaded comes back as an Error whose message says what to do (the record is then
 * rejected, not the run).
 */
export function domainLoader(
  // Applied once to each pack loaded (explorePack: a live pack's empty tables read from its backend); what it throws stops the run.
  prepare?: (d: LoadedDomain) => LoadedDomain,
): (nameOrPath: string) => (LoadedDomain & Domain) | Error {
  const tried = new Map<string, (LoadedDomain & Domain) | Error>();
  return (name) => {
    let d = tried.get(name);
    if (!d) {
      try {
        d = loadDomain(name);
      } catch (err) {
        d = new Error(`cannot load domain '${name}': ${(err as Error).message}; pass --domain with a pack name or path`);
      }
      if (prepare && !(d instanceof Error)) d = prepare(d);
      tried.set(name, d);
    }
    return d;
  };
}

/** Loads a pack file without the cache (for tests and tools that watch a pack change). */
export function loadPackFile(file: string): LoadedDomain {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new PackError(file, "", `cannot read the pack: ${(err as Error).message}`);
  }
  const parsed = DomainPack.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map(explainIssue);
    const first = issues[0]!;
    const more = issues.slice(1).map((i) => `; ${formatPath(i.path) || "(root)"}: ${i.message}`).join("");
    throw new PackError(file, formatPath(first.path), `${first.message}${more} (see the pack format in @chatmill/domains' README)`);
  }
  return fromPack(parsed.data, file);
}

function fromPack(pack: DomainPack, file: string): LoadedDomain {
  const dir = dirname(file);
  const tables = loadTables(pack, dir, file);
  checkReferences(pack, tables, file);
  checkPolicy(pack, tables, file, dir);
  const policyText = pack.policy?.file !== undefined ? readFileSync(resolve(dir, pack.policy.file), "utf8").trim() : undefined;
  return new LoadedDomain(pack, tables, file, dir, policyText || undefined);
}

/**
 * The same pack with some tables' rows replaced (rows read from its live backend: exploreBackend),
 * checked as the loader checks any pack: a row without its key or a duplicate key is a PackError.
 */
export function withRows(domain: LoadedDomain, rows: ReadonlyMap<string, ReadonlyArray<Row>>): LoadedDomain & Domain {
  const tables = { ...domain.pack.database.tables };
  for (const [name, list] of rows) {
    const spec = tables[name];
    if (!spec) throw new PackError(domain.file, `database.tables.${name}`, `the pack has no table '${name}'`);
    const { file: _file, ...rest } = spec;
    tables[name] = { ...rest, rows: list.map((r) => ({ ...r })) };
  }
  return fromPack({ ...domain.pack, database: { ...domain.pack.database, tables } }, domain.file) as LoadedDomain & Domain;
}
