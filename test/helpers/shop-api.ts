// The demo shop API (packages/pack/fixtures/shop-api.mjs) for the tests that need a live HTTP
// backend: started as a child process on 127.0.0.1 (the tool runtime blocks its thread while a
// request is out, so the server cannot share it), and the pack a user makes for it.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bin, root, sh } from "./spawn.js";

export const SHOP_FIXTURES = `${root}packages/pack/fixtures/`;

export interface ShopServer {
  child: ChildProcess;
  base: string;
  /** The API key every request must carry (X-Api-Key; the pack reads it from SHOP_API_KEY). */
  key: string;
}

/** Starts the shop API with this key; resolves once it prints its port. */
export function startShopApi(key: string): Promise<ShopServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${SHOP_FIXTURES}shop-api.mjs`], { env: { ...process.env, SHOP_API_KEY: key }, stdio: ["ignore", "pipe", "inherit"] });
    child.on("error", reject);
    child.stdout!.setEncoding("utf8").once("data", (d: string) => resolve({ child, base: `http://127.0.0.1:${d.trim()}`, key }));
  });
}

export function stopShopApi(s: ShopServer): Promise<void> {
  return new Promise((resolve) => {
    if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve();
    s.child.once("exit", () => resolve());
    s.child.kill("SIGTERM");
  });
}

/** GET a path of the running API, as JSON. */
export const getShop = async (s: ShopServer, path: string): Promise<unknown> => (await fetch(`${s.base}${path}`, { headers: { "x-api-key": s.key } })).json();

/**
 * The pack as a user makes it: from-openapi --live, then the key header from the environment,
 * the reset, the item rows the engines plan with (read from the API; or none, as the openapi
 * example leaves them, for the tools to read from the backend), and what the order needs.
 */
export async function makeShopPack(s: ShopServer, live: Record<string, unknown> = {}, copyRows = true): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "chatmill-live-"));
  const r = await sh(`'${process.execPath}' '${bin("chatmill-pack", "pack")}' from-openapi '${SHOP_FIXTURES}shop-api.yaml' --live ${s.base} --out '${dir}/shop' --force`);
  if (r.code !== 0) throw new Error(`from-openapi failed: ${r.stderr}`);
  const file = `${dir}/shop/pack.json`;
  const pack = JSON.parse(readFileSync(file, "utf8"));
  pack.live = { ...pack.live, headers: { "X-Api-Key": { env: "SHOP_API_KEY" } }, reset: { method: "POST", url: "/reset" }, ...live };
  if (copyRows) pack.database.tables.items.rows = await getShop(s, "/items");
  pack.services[0].search_fields = ["category"];
  const create = pack.tools.find((t: { function: { name: string } }) => t.function.name === "createOrder");
  create.run.ref = { table: "items", arg: "item_id" };
  writeFileSync(file, JSON.stringify(pack, null, 2));
  return file;
}
