// Rebuilds the data files of the built-in tau-retail and tau-airline packs from tau-bench's
// databases in ../shared/data/tau-bench (or $CHATMILL_DATA). The outputs are checked in; run
// this only to regenerate them:
//   npx tsx packages/domains/scripts/build-tau-packs.ts
// tau-bench keeps each table as an object keyed by id; a pack table is a list of rows that
// carry their key, so each user also gets its key as `user_id` (as tau2's retail db.json has
// it). Nothing else changes. Files are gzip-compressed JSON (the loader reads .json.gz).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const DATA = process.env.CHATMILL_DATA ?? "/work/shared/data";
const PACKS = fileURLToPath(new URL("../packs/", import.meta.url));

type Obj = Record<string, unknown>;

function table(domain: string, name: string, key: string): Obj[] {
  const byId = JSON.parse(readFileSync(join(DATA, "tau-bench", domain, `${name}.json`), "utf8")) as Record<string, Obj>;
  // The key first, then tau-bench's fields in their order.
  return Object.entries(byId).map(([id, row]) => (key in row ? row : { [key]: id, ...row }));
}

function write(pack: string, file: string, rows: Obj[]): void {
  const dir = join(PACKS, pack, "data");
  mkdirSync(dir, { recursive: true });
  const text = `[\n${rows.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`;
  writeFileSync(join(dir, file), gzipSync(text, { level: 9 }));
  console.error(`${pack}/data/${file}: ${rows.length} rows`);
}

for (const [pack, domain, tables] of [
  ["tau-retail", "retail", [["users", "user_id"], ["products", "product_id"], ["orders", "order_id"]]],
  ["tau-airline", "airline", [["users", "user_id"], ["flights", "flight_number"], ["reservations", "reservation_id"]]],
] as const) {
  for (const [name, key] of tables) write(pack, `${name}.json.gz`, table(domain, name, key));
  writeFileSync(join(PACKS, pack, "policy.md"), readFileSync(join(DATA, "tau-bench", domain, "wiki.md")));
}
