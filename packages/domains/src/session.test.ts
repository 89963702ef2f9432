import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import type { Call, ToolResult } from "./contract.js";
import { builtinDomains, loadDomain } from "./load.js";
import { createSession, replay } from "./session.js";

/** Calls over real rows for every tool of every built-in pack. */
const EXAMPLES: Record<string, Call[]> = {
  // retail
  search_items: [{ name: "search_items", arguments: { query: "hoodie", color: "red", max_price: 80 } }],
  filter_items: [{ name: "filter_items", arguments: { gender: "women", category: "jackets", price_range: [null, 80], sort_by: "-price", limit: 3 } }],
  get_item_details: [{ name: "get_item_details", arguments: { item_id: "MH01" } }],
  compare_items: [{ name: "compare_items", arguments: { item_ids: ["MH01", "MH02"] } }],
  recommend_similar: [{ name: "recommend_similar", arguments: { item_id: "WJ05", limit: 3 } }],
  check_availability: [{ name: "check_availability", arguments: { item_id: "MH01", size: "M", color: "Black" } }],
  get_reviews: [{ name: "get_reviews", arguments: { item_id: "DJ-83" } }],
  visual_search: [
    { name: "visual_search", arguments: { image_url: "/media/catalog/product/m/h/mh01-gray_main.jpg" } },
    { name: "visual_search", arguments: { description: "black leather women's bag" } },
  ],
  // retail's order tools: user-scoped, so each example first identifies the customer
  find_customer_by_email: [{ name: "find_customer_by_email", arguments: { email: "ana.moreno@example.com" } }],
  find_customer_by_name_zip: [{ name: "find_customer_by_name_zip", arguments: { name: "Ben Okafor", zip: "10001" } }],
  list_orders: [
    { name: "find_customer_by_email", arguments: { email: "ana.moreno@example.com" } },
    { name: "list_orders", arguments: { status: "pending" } },
  ],
  get_order_details: [
    { name: "find_customer_by_email", arguments: { email: "ana.moreno@example.com" } },
    { name: "get_order_details", arguments: { order_id: "ord_1001" } },
  ],
  cancel_pending_order: [
    { name: "find_customer_by_name_zip", arguments: { name: "Ben Okafor", zip: "10001" } },
    { name: "cancel_pending_order", arguments: { order_id: "ord_1003" } },
  ],
  // travel
  find_restaurant: [{ name: "find_restaurant", arguments: { area: "centre", food: "italian" } }],
  find_hotel: [{ name: "find_hotel", arguments: { area: "north", min_stars: 4 } }],
  find_attraction: [{ name: "find_attraction", arguments: { type: "museum" } }],
  get_attraction: [{ name: "get_attraction", arguments: { attraction_id: "5" } }],
  find_train: [{ name: "find_train", arguments: { departure: "cambridge", destination: "london kings cross", day: "friday", leave_after: "17:00" } }],
  find_bus: [{ name: "find_bus", arguments: { departure: "cambridge", destination: "ely", day: "monday" } }],
  find_hospital_department: [{ name: "find_hospital_department", arguments: { department: "neuro" } }],
  find_police: [{ name: "find_police", arguments: {} }],
  find_flight: [{ name: "find_flight", arguments: { origin: "JFK", destination: "SEA" } }],
  get_flight_status: [{ name: "get_flight_status", arguments: { flight_number: "HAT001", date: "2024-05-16" } }],
  book_restaurant: [{ name: "book_restaurant", arguments: { restaurant_id: "19210", day: "friday", time: "19:00", people: 4 } }],
  book_hotel: [{ name: "book_hotel", arguments: { hotel_id: "0", day: "monday", stay: 2, people: 2 } }],
  book_train: [{ name: "book_train", arguments: { train_id: "TR7075-mon-0500", people: 2 } }],
  book_taxi: [{ name: "book_taxi", arguments: { departure: "pizza hut city centre", destination: "acorn guest house", leave_at: "18:15" } }],
  book_flight: [{ name: "book_flight", arguments: { flight_id: "HAT001-2024-05-16", cabin: "economy", passengers: 1 } }],
  book_appointment: [{ name: "book_appointment", arguments: { department_id: "0", day: "tuesday", time: "10:00" } }],
  book_attraction_tickets: [{ name: "book_attraction_tickets", arguments: { attraction_id: "5", day: "saturday", people: 3, guided_tour: true } }],
  book_bus: [{ name: "book_bus", arguments: { bus_id: "TR2013-mon-0550", people: 1 } }],
  // ops
  list_agents: [{ name: "list_agents", arguments: { status: "degraded" } }],
  check_status: [{ name: "check_status", arguments: { agent: "db-01" } }],
  run_command: [{ name: "run_command", arguments: { agent: "db-01", command: "df -h" } }],
  read_logs: [{ name: "read_logs", arguments: { agent: "db-01", level: "error" } }],
  look_up_topic: [{ name: "look_up_topic", arguments: { topic: "Load Average" } }],
  none: [{ name: "none", arguments: {} }],
  transfer_to_human_agents: [{ name: "transfer_to_human_agents", arguments: { summary: "The user wants to complain about a late order." } }],
};

/** modify/cancel tools run on the booking their book_ tool makes. */
const BOOKED_BY: Record<string, [string, Record<string, unknown>]> = {
  modify_restaurant_booking: ["book_restaurant", { people: 5 }],
  cancel_restaurant_booking: ["book_restaurant", {}],
  modify_hotel_booking: ["book_hotel", { stay: 3 }],
  cancel_hotel_booking: ["book_hotel", {}],
  modify_train_booking: ["book_train", { seat_preference: "window" }],
  cancel_train_booking: ["book_train", {}],
  modify_taxi_booking: ["book_taxi", { leave_at: "18:30" }],
  cancel_taxi_booking: ["book_taxi", {}],
  modify_flight_booking: ["book_flight", { cabin: "business" }],
  cancel_flight_booking: ["book_flight", {}],
  cancel_appointment: ["book_appointment", {}],
  cancel_attraction_tickets: ["book_attraction_tickets", {}],
  modify_bus_booking: ["book_bus", { people: 2 }],
  cancel_bus_booking: ["book_bus", {}],
};

const listOf = (r: ToolResult): unknown[] | undefined => {
  const d = r.data as Record<string, unknown>;
  return (d.results ?? d.options) as unknown[] | undefined;
};

describe("every tool of every pack runs on real rows", () => {
  for (const name of builtinDomains) {
    const domain = loadDomain(name);
    for (const tool of domain.tools.map((t) => t.function.name)) {
      it(`${name}.${tool}`, () => {
        const s = createSession(domain);
        if (BOOKED_BY[tool]) {
          const [book, change] = BOOKED_BY[tool];
          const made = s.call(EXAMPLES[book]![0]!);
          expect(made.ok, made.content).toBe(true);
          const id = (made.data as { id: string }).id;
          const r = s.call({ name: tool, arguments: { booking_id: id, ...change } });
          expect(r.ok, r.content).toBe(true);
          const row = s.rows(domain.pack.tools.find((t) => t.function.name === tool)!.run.table as string).find((x) => x.id === id);
          if (tool.startsWith("cancel")) expect(row?.status).toBe("cancelled");
          else for (const [k, v] of Object.entries(change)) expect(row?.[k]).toEqual(v);
          return;
        }
        const examples = EXAMPLES[tool];
        expect(examples, `add an example call for ${tool}`).toBeDefined();
        for (const call of examples!) {
          const r = s.call(call);
          expect(r.ok, r.content).toBe(true);
          expect(JSON.parse(r.content)).toEqual(r.data);
          const list = listOf(r);
          if (list) expect(list.length, `${tool} found nothing: ${r.content}`).toBeGreaterThan(0);
        }
      });
    }
  }
});

describe("results", () => {
  it("search answers from the table and respects filters", () => {
    const s = createSession("retail");
    const r = s.call({ name: "search_items", arguments: { query: "hoodie", color: "red", max_price: 60 } });
    const data = r.data as { results: Array<{ price: number; colors: string[]; id: string }>; total: number };
    expect(data.total).toBeGreaterThan(0);
    for (const item of data.results) {
      expect(item.price).toBeLessThanOrEqual(60);
      expect(item.colors).toContain("Red");
      expect(s.domain.table("items").some((i) => i.id === item.id)).toBe(true);
    }
    const prices = data.results.map((i) => i.price);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it("the same call on the same state gives byte-identical content, with sorted keys", () => {
    const calls: Call[] = Object.values(EXAMPLES).flat();
    for (const call of calls) {
      const domain = builtinDomains.find((d) => loadDomain(d).tools.some((t) => t.function.name === call.name))!;
      const a = createSession(domain).call(call).content;
      const b = createSession(domain).call({ name: call.name, arguments: JSON.parse(JSON.stringify(call.arguments)) }).content;
      expect(a).toBe(b);
      const keys = Object.keys(JSON.parse(a) as object);
      expect(keys).toEqual([...keys].sort());
    }
  });

  it("compare lists differing and shared attributes", () => {
    const r = createSession("retail").call({ name: "compare_items", arguments: { item_ids: ["MH01", "MH02"] } });
    const d = r.data as { differing: string[]; shared: Record<string, unknown>; extremes: Record<string, { lowest: string }> };
    expect(d.differing).toContain("price");
    expect(d.shared.brand).toBe("Luma");
    expect(d.extremes.price?.lowest).toBe("MH01");
  });

  it("availability reflects the variant stock", () => {
    const s = createSession("retail");
    const soldOut = s.domain.table("variants").find((v) => v.qty === 0)!;
    const r = s.call({ name: "check_availability", arguments: { item_id: soldOut.item_id, size: soldOut.size, color: soldOut.color } });
    expect(r.data).toMatchObject({ available: false, options: [{ sku: soldOut.sku, qty: 0, in_stock: false }] });
  });

  it("a command can change state, seen by later commands in the same session only", () => {
    const s = createSession("ops");
    const status = () => (s.call({ name: "run_command", arguments: { agent: "worker-01", command: "systemctl status celery" } }).data as { output: string }).output;
    expect(status()).toContain("failed");
    const r = s.call({ name: "run_command", arguments: { agent: "worker-01", command: "sudo systemctl restart celery" } });
    expect(r.data).toMatchObject({ exit_code: 0 });
    expect(status()).toContain("running");
    expect(createSession("ops").get("services", "worker-01:celery")?.status).toBe("failed");
  });
});

describe("bookings", () => {
  const book: Call = { name: "book_restaurant", arguments: { restaurant_id: "19210", day: "friday", time: "19:00", people: 4 } };

  it("change state in one session and not in another", () => {
    const a = createSession("travel");
    const b = createSession("travel");
    const digest0 = a.digest();
    const r = a.call(book);
    expect(r.ok).toBe(true);
    const id = (r.data as { id: string }).id;
    expect(id).toMatch(/^R[0-9A-Z]{8}$/);
    expect(a.rows("restaurant_booking")).toHaveLength(1);
    expect(a.digest()).not.toBe(digest0);
    expect(a.writes).toEqual([{ table: "restaurant_booking", op: "insert", key: id, row: r.data }]);
    expect(b.rows("restaurant_booking")).toHaveLength(0);
    expect(b.digest()).toBe(digest0);
    expect(b.call({ name: "cancel_restaurant_booking", arguments: { booking_id: id } }).error?.type).toBe("not_found");
    expect(loadDomain("travel").table("restaurant_booking")).toHaveLength(0);
  });

  it("modify and cancel update the row; a cancelled booking cannot change", () => {
    const s = createSession("travel");
    const id = (s.call(book).data as { id: string }).id;
    expect(s.call({ name: "modify_restaurant_booking", arguments: { booking_id: id, time: "20:00" } }).data).toMatchObject({ time: "20:00", people: 4 });
    expect(s.call({ name: "modify_restaurant_booking", arguments: { booking_id: id } }).error?.type).toBe("bad_arguments");
    expect(s.call({ name: "cancel_restaurant_booking", arguments: { booking_id: id } }).data).toMatchObject({ status: "cancelled" });
    // A second cancel is refused with the state the booking is in (what the assistant says back: "already cancelled").
    expect(s.call({ name: "cancel_restaurant_booking", arguments: { booking_id: id } }).error).toMatchObject({ type: "invalid_state", status: "cancelled" });
    expect(s.call({ name: "modify_restaurant_booking", arguments: { booking_id: id, people: 2 } }).error).toMatchObject({ type: "invalid_state", status: "cancelled" });
    expect(s.writes.map((w) => w.op)).toEqual(["insert", "update", "update"]);
  });

  it("refuse a full slot and an unbookable flight", () => {
    const s = createSession("travel");
    const big = { ...book, arguments: { ...book.arguments, people: 20 } };
    expect(s.call(big).ok).toBe(true);
    expect(s.call(big).ok).toBe(true);
    expect(s.call(big).error?.type).toBe("unavailable");
    const cancelled = s.domain.table("flight").find((f) => f.status === "cancelled")!;
    expect(s.call({ name: "book_flight", arguments: { flight_id: cancelled.id, cabin: "economy", passengers: 1 } }).error?.type).toBe("unavailable");
  });

  it("replay rebuilds a recorded state: same rows, same digest, same next result", () => {
    const s = createSession("travel");
    s.call(book);
    s.call({ name: "book_taxi", arguments: { departure: "a", destination: "b", arrive_by: "09:00" } });
    const writes = JSON.parse(JSON.stringify(s.writes));
    const r = replay("travel", writes);
    expect(r.digest()).toBe(s.digest());
    expect(r.rows("taxi_booking")).toEqual(s.rows("taxi_booking"));
    const next: Call = { name: "book_hotel", arguments: { hotel_id: "3", day: "monday", stay: 1, people: 1 } };
    expect(r.call(next).content).toBe(s.call(next).content);
  });
});

describe("bad calls return structured errors", () => {
  const s = createSession("retail");
  const err = (name: string, args: unknown) => s.call({ name, arguments: args as Record<string, unknown> });

  it.each([
    ["search_items", { max_price: "cheap" }, "$.max_price", /must be number/],
    ["search_items", { colour: "red" }, "$.colour", /unknown argument 'colour'/],
    ["get_item_details", {}, "$.item_id", /missing required argument 'item_id'/],
    ["compare_items", { item_ids: ["MH01"] }, "$.item_ids", /fewer than 2/],
    ["filter_items", { gender: "kids" }, "$.gender", /one of "men", "women", "unisex"/],
    ["filter_items", { price_range: [0, "x"] }, "$.price_range[1]", /must be number,null/],
  ])("%s %j → bad_arguments at %s", (name, args, path, message) => {
    const r = err(name, args);
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ type: "bad_arguments", path });
    expect(r.error?.message).toMatch(message);
    expect(JSON.parse(r.content)).toEqual({ error: r.error });
  });

  it("never throws, whatever the call", () => {
    expect(s.call({ name: "search_items", arguments: null } as unknown as Call).ok).toBe(true); // no arguments: {}
    for (const call of [{ name: "", arguments: {} }, { name: "get_item_details", arguments: { item_id: 5 } }, {}] as unknown as Call[]) {
      const r = s.call(call);
      expect(r.ok).toBe(false);
      expect(JSON.parse(r.content)).toHaveProperty("error.type");
    }
  });

  it("unknown ids are not_found, unknown tools unknown_tool, non-object arguments bad_arguments", () => {
    expect(err("get_item_details", { item_id: "ZZ99" }).error).toMatchObject({ type: "not_found" });
    expect(err("compare_items", { item_ids: ["MH01", "ZZ99"] }).error).toMatchObject({ type: "not_found", missing: ["ZZ99"] });
    expect(err("get_reviews", { item_id: "ZZ99" }).error?.type).toBe("not_found");
    expect(err("buy_items", {}).error?.type).toBe("unknown_tool");
    expect(err("search_items", [1, 2]).error).toMatchObject({ type: "bad_arguments", path: "$" });
    expect(err("search_items", "{not json").error?.type).toBe("bad_arguments");
    expect(err("search_items", '{"query":"tee"}').ok).toBe(true);
  });
});

describe("failure injection", () => {
  it("fires at about the configured rate over 2,000 calls, with every kind, marked injected", () => {
    const s = createSession("ops", { failureRate: 0.15, rng: new Rng("injection-test") });
    const kinds: Record<string, number> = {};
    let failed = 0;
    for (let i = 0; i < 2000; i++) {
      const r = s.call({ name: "list_agents", arguments: i % 2 ? { env: "prod" } : {} });
      if (r.injected) {
        failed++;
        kinds[r.injected] = (kinds[r.injected] ?? 0) + 1;
        if (r.injected === "timeout" || r.injected === "server_error") expect(r.ok).toBe(false);
        if (r.injected === "empty") expect(r.data).toMatchObject({ count: 0, results: [] });
        if (r.injected === "partial") expect((r.data as { warning: string }).warning).toMatch(/partial results/);
      } else expect(r.ok).toBe(true);
    }
    expect(failed / 2000).toBeGreaterThan(0.13);
    expect(failed / 2000).toBeLessThan(0.17);
    expect(Object.keys(kinds).sort()).toEqual(["empty", "partial", "server_error", "timeout"]);
  });

  it("a partial cut of a list too short to halve is the real answer, not a timeout (the request ran)", () => {
    const full = createSession("ops").call({ name: "list_agents", arguments: {} });
    const one = (full.data as { results: Array<Record<string, unknown>> }).results[0]!;
    const where = { env: one.env, role: one.role, status: one.status };
    const alone = createSession("ops").call({ name: "list_agents", arguments: where });
    expect((alone.data as { results: unknown[] }).results).toHaveLength(1);
    // Every call draws a failure; a quarter of the draws are "partial", which cannot halve one row.
    const s = createSession("ops", { failureRate: 1, rng: new Rng("short-partial") });
    const kinds = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const r = s.call({ name: "list_agents", arguments: where });
      expect(r.injected).not.toBe("partial");
      if (r.injected === undefined) expect([r.ok, r.content]).toEqual([true, alone.content]);
      kinds.add(r.injected ?? "whole");
    }
    expect([...kinds].sort()).toEqual(["empty", "server_error", "timeout", "whole"]);
  });

  it("is deterministic for the same rng and never writes on an injected failure", () => {
    const run = () => {
      const s = createSession("travel", { failureRate: 0.5, rng: new Rng("d") });
      const out = [];
      for (let i = 0; i < 20; i++) out.push(s.call({ name: "book_taxi", arguments: { departure: `p${i}`, destination: "x", leave_at: "10:00" } }));
      return { out, s };
    };
    const a = run();
    const b = run();
    expect(a.out.map((r) => r.content)).toEqual(b.out.map((r) => r.content));
    const ok = a.out.filter((r) => r.ok).length;
    expect(ok).toBeLessThan(20);
    expect(a.s.rows("taxi_booking")).toHaveLength(ok);
    for (const r of a.out) if (!r.ok) expect(["timeout", "server_error"]).toContain(r.injected);
  });

  it("never fails a static tool (ops' none)", () => {
    const s = createSession("ops", { failureRate: 1, rng: new Rng("n") });
    expect(s.call({ name: "none", arguments: {} }).ok).toBe(true);
    expect(s.call({ name: "list_agents", arguments: {} }).injected).toBeDefined();
  });

  it("needs the dialogue's rng when the rate is above 0", () => {
    expect(() => createSession("retail", { failureRate: 0.1 })).toThrow(/rng/);
    expect(() => createSession("retail", { failureRate: 2, rng: new Rng("x") })).toThrow(/between 0 and 1/);
  });
});
