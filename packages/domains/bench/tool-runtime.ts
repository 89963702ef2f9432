// Tool runtime speed: calls per second per op kind, and the cost of creating a session.
// Run by hand: npx tsx --conditions chatmill-src packages/domains/bench/tool-runtime.ts
// Baseline, measured in the same run: JSON.parse + JSON.stringify of one result row per
// call (the least a call that returns data must do), so the ratio shows the runtime's overhead.
import { fileURLToPath } from "node:url";
import { Rng } from "@chatmill/kit";
import { createSession, loadDomain } from "../src/index.js";
import type { Call } from "../src/index.js";

// Rates are per second of this process's CPU time (process.cpuUsage), not wall-clock, so
// they hold on a machine shared with other builds; the baseline is measured the same way.
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
function time(fn: () => void, minMs = 400): { perSec: number; n: number } {
  let n = 0;
  const WALLET = fileURLToPath(new URL("../examples/wallet/pack.json", import.meta.url));
const t0 = cpuMs();
  let t = t0;
  while (t - t0 < minMs) {
    for (let i = 0; i < 50; i++) fn();
    n += 50;
    t = cpuMs();
  }
  return { perSec: (n / (t - t0)) * 1000, n };
}

const WALLET = fileURLToPath(new URL("../examples/wallet/pack.json", import.meta.url));
const t0 = cpuMs();
for (const d of ["retail", "travel", "ops"]) loadDomain(d);
console.log(`load 3 packs: ${(cpuMs() - t0).toFixed(0)} ms CPU (cold, includes zod validation)`);
const t1 = cpuMs();
for (const d of ["tau-retail", "tau-airline"]) loadDomain(d);
console.log(`load tau-retail + tau-airline: ${(cpuMs() - t1).toFixed(0)} ms CPU (cold: gunzip, 3,500 rows, rule checks)`);

const CASES: Array<[string, Call]> = [
  ["retail", { name: "search_items", arguments: { query: "hoodie", max_price: 80 } }],
  ["retail", { name: "filter_items", arguments: { gender: "women", price_range: [null, 60], sort_by: "-price" } }],
  ["retail", { name: "get_item_details", arguments: { item_id: "MH01" } }],
  ["retail", { name: "compare_items", arguments: { item_ids: ["MH01", "MH02", "WJ05"] } }],
  ["retail", { name: "recommend_similar", arguments: { item_id: "WJ05" } }],
  ["retail", { name: "check_availability", arguments: { item_id: "MH01", size: "M" } }],
  ["retail", { name: "visual_search", arguments: { description: "green striped tee" } }],
  ["travel", { name: "find_restaurant", arguments: { area: "centre", food: "italian" } }],
  ["travel", { name: "find_train", arguments: { departure: "cambridge", destination: "london kings cross", day: "friday", leave_after: "17:00" } }],
  ["travel", { name: "find_flight", arguments: { origin: "JFK", destination: "SEA" } }],
  ["travel", { name: "book_restaurant", arguments: { restaurant_id: "19210", day: "friday", time: "19:00", people: 2 } }],
  ["ops", { name: "check_status", arguments: { agent: "db-01" } }],
  ["ops", { name: "run_command", arguments: { agent: "db-01", command: "df -h" } }],
  ["ops", { name: "read_logs", arguments: { agent: "db-01" } }],
  // Business rules as data: 2 refs, 8 rules, 3 effects (two balances and a ledger row), an invariant.
  [WALLET, { name: "transfer_funds", arguments: { customer_id: "C1", from_account: "A100", to_account: "A200", amount: 120.25 } }],
  [WALLET, { name: "transfer_funds", arguments: { customer_id: "C1", from_account: "A100", to_account: "A999", amount: 99999999 } }],
  [WALLET, { name: "refund_payment", arguments: { payment_id: "P2", amount: 10 } }],
  // tau-bench as packs: rules over nested JSON (lets, zip, lookups of variants, a fold over an order's items).
  ["tau-retail", { name: "get_order_details", arguments: { order_id: "#W9093821" } }],
  ["tau-retail", { name: "find_user_id_by_name_zip", arguments: { first_name: "Harper", last_name: "Kovacs", zip: "94110" } }],
  ["tau-retail", { name: "modify_pending_order_items", arguments: { order_id: "#W9093821", item_ids: ["3557711149", "3557711149"], new_item_ids: ["3928046918", "7251508981"], payment_method_id: "credit_card_7422485" } }],
  ["tau-retail", { name: "exchange_delivered_order_items", arguments: { order_id: "#W7303089", item_ids: ["2492465580"], new_item_ids: ["7251508981"], payment_method_id: "paypal_2568958" } }],
  ["tau-airline", { name: "search_direct_flight", arguments: { origin: "JFK", destination: "MIA", date: "2024-05-20" } }],
  ["tau-airline", { name: "search_onestop_flight", arguments: { origin: "JFK", destination: "SEA", date: "2024-05-20" } }],
  ["tau-airline", { name: "update_reservation_flights", arguments: { reservation_id: "R9QDGB", cabin: "business", flights: [{ flight_number: "HAT034", date: "2024-05-28" }, { flight_number: "HAT026", date: "2024-05-28" }, { flight_number: "HAT247", date: "2024-05-30" }, { flight_number: "HAT232", date: "2024-05-30" }], payment_id: "credit_card_2140654" } }],
];

const sample = JSON.stringify(loadDomain("retail").table("items")[0]);
const base = time(() => JSON.stringify(JSON.parse(sample)), 300);
console.log(`baseline parse+stringify of one row: ${Math.round(base.perSec).toLocaleString()} /s`);
console.log("call".padEnd(24), "calls/s".padStart(10), "µs/call".padStart(9), "× baseline".padStart(11));
for (const [domain, call] of CASES) {
  // a fresh session per call for writes, so the table does not grow; one shared otherwise
  const shared = createSession(domain);
  const isWrite = loadDomain(domain).roleOf(call.name) === "act";
  shared.call(call); // compile the validator outside the timing
  const r = time(() => (isWrite ? createSession(domain) : shared).call(call));
  console.log(call.name.padEnd(24), Math.round(r.perSec).toLocaleString().padStart(10), (1e6 / r.perSec).toFixed(1).padStart(9), (base.perSec / r.perSec).toFixed(1).padStart(11));
}

const create = time(() => createSession("travel"));
console.log(`createSession("travel"): ${Math.round(create.perSec).toLocaleString()} /s (${(1e6 / create.perSec).toFixed(2)} µs each; O(1): tables are shared, not copied)`);
const withRng = time(() => createSession("travel", { failureRate: 0.15, rng: new Rng("x") }));
console.log(`createSession with rng + failure injection: ${Math.round(withRng.perSec).toLocaleString()} /s`);

// A dialogue-like mix: new session, 4 reads and a booking, failure injection on.
const mix = time(() => {
  const s = createSession("travel", { failureRate: 0.15, rng: new Rng(String(Math.random())) });
  s.call({ name: "find_restaurant", arguments: { area: "centre", pricerange: "cheap" } });
  s.call({ name: "find_restaurant", arguments: { area: "centre", food: "indian" } });
  s.call({ name: "book_restaurant", arguments: { restaurant_id: "19210", day: "friday", time: "19:00", people: 2 } });
  s.call({ name: "find_train", arguments: { departure: "cambridge", destination: "ely", day: "monday" } });
  s.call({ name: "find_hotel", arguments: { area: "north" } });
  s.digest();
});
console.log(`dialogue mix (session + 5 calls + digest): ${Math.round(mix.perSec).toLocaleString()} dialogues/s`);
