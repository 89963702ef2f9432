// What augment's tests share: English personas by seed, other people's names, and a built-in pack
// renamed (renamePack) and loaded from a directory beside its data.
import { mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadPackFile, renamePack, type Domain, type LoadedDomain, type Renames } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { makePersona } from "@chatmill/persona-sample";
import type { DomainPack } from "@chatmill/schema";

const en = new Map([["language", { en: 1 }]]);
export const personaFor = (seed: number) => makePersona(seed, new Rng(`p${seed}`), { seed, mix: en });
export const others = (seed: number) => {
  let k = 0;
  return () => makePersona(seed, new Rng(`o${seed}-${k++}`), { seed, mix: en }).name!;
};

/** `domain` renamed (and its pack.json then changed by `edit`), loaded from a directory sharing its data files (a table whose fields are renamed has its rows written into the pack). */
export function renamedPack(domain: LoadedDomain, renames: Renames, edit: (pack: DomainPack) => void = () => {}): LoadedDomain & Domain {
  const dir = mkdtempSync(join(tmpdir(), "chatmill-augment-renamed-"));
  for (const f of readdirSync(domain.dir)) if (f !== "pack.json") symlinkSync(join(domain.dir, f), join(dir, f));
  const pack = renamePack(domain.pack, renames, (t) => domain.table(t));
  edit(pack);
  writeFileSync(join(dir, "pack.json"), JSON.stringify(pack));
  return loadPackFile(join(dir, "pack.json"));
}
