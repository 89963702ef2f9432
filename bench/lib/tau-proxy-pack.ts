// A bench-local stand-in for the tau packs, used by bench/tau-tasks.ts only while tau-retail /
// tau-airline are not installed. It is NOT those packs: it holds tau-bench's real databases and
// real tool schemas (../shared/data/tau-bench/{retail,airline}), its reads are plain get/filter
// over those tables, and every write is recorded as a row holding the call's arguments
// (a `create` into calls_<tool>), with no business rule. The end-state check on it therefore
// asks "were exactly the gold writes made, with the gold arguments, in order?" — what the task
// engine's grounding decides — not whether tau's own write logic ends in tau's state.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

type Obj = Record<string, unknown>;

export function writeTauProxyPack(data: string, domain: "retail" | "airline", dir: string): string {
  const src = join(data, "tau-bench", domain);
  const read = (f: string) => JSON.parse(readFileSync(join(src, f), "utf8")) as Record<string, Obj>;
  const rows = (f: string, key: string) => Object.entries(read(f)).map(([k, v]) => ({ [key]: k, ...v }));
  const toolDefs = JSON.parse(readFileSync(join(src, "tools.json"), "utf8")) as Array<{ type: "function"; function: { name: string; parameters: Obj } }>;
  mkdirSync(join(dir, "data"), { recursive: true });
  const tables: Record<string, Obj> = {};
  const table = (name: string, key: string, data: Obj[]) => {
    writeFileSync(join(dir, "data", `${name}.json`), JSON.stringify(data));
    tables[name] = { key, file: `data/${name}.json` };
  };
  const reads: Record<string, { role: string; run: Obj }> = {};
  if (domain === "retail") {
    table("users", "user_id", rows("users.json", "user_id"));
    table("orders", "order_id", rows("orders.json", "order_id"));
    table("products", "product_id", rows("products.json", "product_id"));
    Object.assign(reads, {
      find_user_id_by_email: { role: "lookup", run: { op: "filter", table: "users", filters: [{ arg: "email", field: "email" }], project: ["user_id"] } },
      find_user_id_by_name_zip: { role: "lookup", run: { op: "filter", table: "users", filters: [{ arg: "first_name", field: "name.first_name" }, { arg: "last_name", field: "name.last_name" }, { arg: "zip", field: "address.zip" }], project: ["user_id"] } },
      get_user_details: { role: "lookup", run: { op: "get", table: "users", key_arg: "user_id" } },
      get_order_details: { role: "lookup", run: { op: "get", table: "orders", key_arg: "order_id" } },
      get_product_details: { role: "lookup", run: { op: "get", table: "products", key_arg: "product_id" } },
      list_all_product_types: { role: "search", run: { op: "list", table: "products", project: ["name", "product_id"], limit: 100 } },
    });
  } else {
    table("users", "user_id", rows("users.json", "user_id"));
    table("reservations", "reservation_id", rows("reservations.json", "reservation_id"));
    table("flights", "flight_number", rows("flights.json", "flight_number"));
    Object.assign(reads, {
      get_user_details: { role: "lookup", run: { op: "get", table: "users", key_arg: "user_id" } },
      get_reservation_details: { role: "lookup", run: { op: "get", table: "reservations", key_arg: "reservation_id" } },
      search_direct_flight: { role: "search", run: { op: "search", table: "flights", filters: [{ arg: "origin", field: "origin" }, { arg: "destination", field: "destination" }], limit: 50 } },
      search_onestop_flight: { role: "search", run: { op: "search", table: "flights", filters: [{ arg: "origin", field: "origin" }], limit: 50 } },

    });
  }
  const tools: Obj[] = [];
  for (const def of toolDefs) {
    const name = def.function.name;
    const parameters = { ...def.function.parameters, additionalProperties: false };
    const fn = { ...def.function, parameters };
    if (reads[name]) tools.push({ type: "function", function: fn, ...reads[name] });
    else if (name === "calculate" || name === "think" || name === "list_all_airports") tools.push({ type: "function", function: fn, role: "think", run: { op: "static", result: { ok: true } } });
    else if (name === "transfer_to_human_agents") tools.push({ type: "function", function: fn, role: "handoff", run: { op: "static", result: { transferred: true } } });
    else {
      // A write: recorded as a row of its arguments.
      const t = `calls_${name}`;
      tables[t] = { key: "id", rows: [] };
      const props = Object.keys((parameters as { properties?: Obj }).properties ?? {});
      tools.push({ type: "function", function: fn, role: "act", changes: [{ table: t, change: "create" }], run: { op: "create", table: t, id_prefix: "C", set: Object.fromEntries(props.map((p) => [p, { arg: p }])) } });
    }
  }
  const writes = tools.filter((t) => t.role === "act").map((t) => (t.function as { name: string }).name);
  const pack = {
    name: `tau-${domain}-proxy`,
    version: "0",
    description: `bench stand-in for tau-${domain}: tau-bench's ${domain} data and tool schemas, writes recorded as calls`,
    services: [{ name: domain, table: domain === "retail" ? "products" : "flights", categories: ["task"] }],
    general_categories: [],
    categories: { task: { task: "issue" } },
    intents: ["inform", "confirm"],
    database: { tables },
    tools,
    policy: { file: "policy.md", confirm: { tools: writes, refusal: "Confirm with the user first." }, handoff: { tool: "transfer_to_human_agents" } },
  };
  writeFileSync(join(dir, "pack.json"), JSON.stringify(pack));
  writeFileSync(join(dir, "policy.md"), readFileSync(join(src, "wiki.md"), "utf8"));
  return join(dir, "pack.json");
}
