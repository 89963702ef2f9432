import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createSession, loadPackFile, policyViolations } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import type { Scenario } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import type { Domain } from "../../contract.js";
import { taskDialogue } from "./task-dialogue.js";

/**
 * The task engine on data shaped as tau-bench's retail database (real rows from
 * ../shared/data/tau-bench/retail: a user with a payment-method map, orders with items,
 * products with variants keyed by item id), in a small pack written here with tau's tool
 * names. Not the tau-retail pack (another branch builds it): the exchange is a `create` of
 * an exchange record here, which is enough to check that the engine finds the new item's id
 * two reads away (order → product → variant) without being told it.
 */
const DATA = process.env.CHATMILL_SHARED_DATA ?? resolve(dirname(fileURLToPath(import.meta.url)), "../../../../../../shared/data");
const tau = (f: string) => JSON.parse(readFileSync(join(DATA, "tau-bench/retail", f), "utf8")) as Record<string, Record<string, unknown>>;

/** The tau packs' calculator: it computes the expression (rounded to cents) and refuses anything else. */
const computingCalculate = {
  op: "transact",
  require: [
    { check: { matches: [{ arg: "expression" }, "^[0-9+\\-*/(). ]*$"] }, message: "invalid characters in expression", error: "bad_expression" },
    { check: { is_set: { calc: { arg: "expression" } } }, message: "the expression cannot be calculated", error: "bad_expression" },
  ],
  result: { round: { calc: { arg: "expression" } }, places: 2 },
};

/** `computing`: calculate works the expression out (as tau-retail's does); `hidden`: orders left out of the data (their numbers never shown). */
function tauShapedPack(o: { computing?: boolean; hidden?: string[] } = {}): Domain {
  const users = tau("users.json");
  const orders = tau("orders.json");
  const products = tau("products.json");
  const user: Record<string, unknown> = { user_id: "yusuf_rossi_9620", ...users.yusuf_rossi_9620 };
  const own = (user.orders as string[]).filter((id) => !o.hidden?.includes(id)).map((id) => orders[id]!);
  const productIds = new Set(own.flatMap((o) => (o.items as Array<{ product_id: string }>).map((i) => i.product_id)));
  const str = (d = "") => ({ type: "string", description: d });
  const fn = (name: string, props: Record<string, unknown>, required = Object.keys(props)) => ({ name, parameters: { type: "object", properties: props, required, additionalProperties: false } });
  const pack = {
    name: "tau-shaped",
    version: "1",
    description: "tau-bench retail rows with tau's tool names (test fixture)",
    services: [{ name: "retail", table: "products", categories: ["exchange"] }],
    general_categories: [],
    categories: { exchange: { task: "issue" } },
    intents: ["inform", "confirm"],
    database: {
      tables: {
        users: { key: "user_id", rows: [user] },
        orders: { key: "order_id", rows: own },
        products: { key: "product_id", rows: [...productIds].map((id) => products[id]) },
        exchanges: { key: "id", rows: [] },
      },
    },
    tools: [
      { type: "function", role: "lookup", function: fn("find_user_id_by_name_zip", { first_name: str(), last_name: str(), zip: str() }), run: { op: "filter", table: "users", filters: [{ arg: "first_name", field: "name.first_name" }, { arg: "last_name", field: "name.last_name" }, { arg: "zip", field: "address.zip" }], project: ["user_id"] } },
      { type: "function", role: "lookup", function: fn("get_user_details", { user_id: str() }), run: { op: "get", table: "users", key_arg: "user_id" } },
      { type: "function", role: "lookup", function: fn("get_order_details", { order_id: str("e.g. #W0000000") }), run: { op: "get", table: "orders", key_arg: "order_id" } },
      { type: "function", role: "lookup", function: fn("get_product_details", { product_id: str() }), run: { op: "get", table: "products", key_arg: "product_id" } },
      {
        type: "function",
        role: "act",
        changes: [{ table: "exchanges", change: "create" }],
        function: fn("exchange_delivered_order_items", { order_id: str(), item_ids: { type: "array", items: { type: "string" } }, new_item_ids: { type: "array", items: { type: "string" } }, payment_method_id: str() }),
        run: { op: "create", table: "exchanges", id_prefix: "X", ref: { table: "orders", arg: "order_id" }, set: { order_id: { arg: "order_id" }, item_ids: { arg: "item_ids" }, new_item_ids: { arg: "new_item_ids" }, payment_method_id: { arg: "payment_method_id" } } },
      },
      { type: "function", role: "think", function: fn("calculate", { expression: str() }), run: o.computing ? computingCalculate : { op: "static", result: { note: "worked out" } } },
      { type: "function", role: "handoff", function: fn("transfer_to_human_agents", { summary: str() }), run: { op: "static", result: { transferred: true } } },
    ],
    policy: {
      file: "policy.md",
      identity: { table: "users", tools: ["find_user_id_by_name_zip"], scoped: [{ tool: "get_user_details" }, { tool: "get_order_details", owner: "user_id" }, { tool: "exchange_delivered_order_items" }], refusal: "Authenticate the user first.", not_owner: "Not this user's order." },
      confirm: { tools: ["exchange_delivered_order_items"], refusal: "Ask the user to confirm first." },
    },
  };
  const dir = mkdtempSync(join(tmpdir(), "tau-shaped-"));
  writeFileSync(join(dir, "pack.json"), JSON.stringify(pack));
  writeFileSync(join(dir, "policy.md"), "Authenticate the user, confirm before an exchange.");
  return loadPackFile(join(dir, "pack.json"));
}

/** tau2 retail task 0 (train), as chatmill-import writes it. */
const tau2Task0 = {
  id: "tau2-retail-0",
  persona: { id: "p", name: "Yusuf Rossi", style: "casual", language: "en" },
  domain: "tau-shaped",
  services: ["retail"],
  category: "exchange_delivered_order_items",
  goal: { text: "exchange", constraints: [], end_state: [] },
  task: {
    instructions: {
      reason:
        "You received your order #W2378156 and wish to exchange the mechanical keyboard for the same one but with clicky switches and the smart thermostat for one compatible with Google Home instead of Apple HomeKit.",
      known: { name: "Yusuf Rossi", first_name: "Yusuf", last_name: "Rossi", zip: "19122" },
    },
    evaluation: {
      actions: [
        { name: "find_user_id_by_name_zip", arguments: { first_name: "Yusuf", last_name: "Rossi", zip: "19122" } },
        { name: "get_order_details", arguments: { order_id: "#W2378156" } },
        { name: "get_product_details", arguments: { product_id: "1656367028" } },
        { name: "get_product_details", arguments: { product_id: "4896585277" } },
        { name: "exchange_delivered_order_items", arguments: { order_id: "#W2378156", item_ids: ["1151293680", "4983901480"], new_item_ids: ["7706410293", "7747408585"], payment_method_id: "credit_card_9513926" } },
      ],
    },
  },
  region: "US",
  time: { slot: "weekday", at: "2024-05-15T15:00" },
  emotions: { user: "neutral", assistant: "helpful" },
  resolution: "resolved",
  turns: { min: 2, max: 40 },
} as unknown as Scenario;

const opts = { failureRate: 0, createSession: (d: Domain, o: { failureRate: number; rng: Rng }) => createSession(d as never, o), tool: "t", version: "0", seed: 1 };
type Msg = { role: string; content?: string | null; tool_calls?: Array<{ name: string; arguments: Record<string, unknown> }> };

describe("the task engine on tau-shaped data", () => {
  const pack = tauShapedPack();

  it("a total no result shows is said when the task's calculation runs over numbers the conversation showed", () => {
    const total = (id: string, expression: string, fact: string) => {
      const t = structuredClone(tau2Task0) as Scenario;
      t.id = id;
      t.task!.evaluation = {
        actions: [t.task!.evaluation.actions[0]!, { name: "get_order_details", arguments: { order_id: "#W2378156" } }, { name: "calculate", arguments: { expression } }],
        communicate: [fact],
      };
      return taskDialogue(t, pack, Rng.for(1, id), opts);
    };
    const ok = total("sum", "342.81 + 561.05", "903.86");
    expect(ok.trace.unsaid).toEqual([]);
    expect(ok.dialogue.outcome?.reward).toBe(1);
    expect((ok.dialogue.messages as Msg[]).some((m) => m.role === "assistant" && String(m.content).includes("903.86 (342.81 + 561.05)"))).toBe(true);
    expect((ok.dialogue.messages as Msg[]).flatMap((m) => m.tool_calls ?? []).map((c) => c.name)).toContain("calculate");
    // A number the conversation never showed: neither the calculation nor the fact.
    const unseen = total("unseen", "342.81 + 1.11", "343.92");
    expect(unseen.trace.unsaid).toEqual(["343.92"]);
    expect((unseen.dialogue.messages as Msg[]).flatMap((m) => m.tool_calls ?? []).map((c) => c.name)).not.toContain("calculate");
    expect(unseen.dialogue.outcome?.reward).toBe(0);
  });

  it("tau2 retail task 0: identity, the order, both products, then the exchange with ids it read: reward 1", () => {
    const { dialogue, trace, judgement } = taskDialogue(tau2Task0, pack, Rng.for(1, "t0"), opts);
    expect(judgement.goldErrors).toEqual([]);
    expect(trace.ungrounded).toEqual([]);
    expect(dialogue.outcome).toMatchObject({ reward: 1, resolution: "resolved" });
    const ms = dialogue.messages as Msg[];
    expect(policyViolations(pack as never, ms as never)).toEqual([]);
    // The new item ids came from product results the assistant read, not from the user.
    const userText = ms.filter((m) => m.role === "user").map((m) => m.content).join("\n");
    expect(userText).not.toMatch(/7706410293|7747408585|1151293680|credit_card_9513926/);
    expect(userText).toMatch(/Mechanical Keyboard \(switch type clicky/);
    const reads = ms.flatMap((m) => m.tool_calls ?? []).map((c) => c.name);
    expect(reads.filter((n) => n === "get_product_details")).toHaveLength(2);
  });

  it("the same task with the product reads and the order read taken out of the gold: the engine still finds them", () => {
    const t = structuredClone(tau2Task0) as Scenario;
    t.task!.evaluation.actions = t.task!.evaluation.actions.filter((a) => a.name === "find_user_id_by_name_zip" || a.name.startsWith("exchange"));
    const { dialogue, trace } = taskDialogue(t, pack, Rng.for(1, "t0b"), opts);
    expect(trace.ungrounded).toEqual([]);
    expect(dialogue.outcome?.reward).toBe(1);
  });

  it("a gold id nothing in the data leads to (a variant of another product) is never used: a counted failure", () => {
    const t = structuredClone(tau2Task0) as Scenario;
    const exchange = t.task!.evaluation.actions.at(-1)!;
    exchange.arguments = { ...exchange.arguments, new_item_ids: ["7706410293", "9999999999"] };
    const { dialogue, trace } = taskDialogue(t, pack, Rng.for(1, "t0c"), opts);
    expect(trace.ungrounded).toEqual([{ action: 4, name: "exchange_delivered_order_items", missing: ["9999999999"] }]);
    expect((dialogue.messages as Msg[]).flatMap((m) => m.tool_calls ?? []).some((c) => c.name.startsWith("exchange"))).toBe(false);
    expect(dialogue.outcome?.reward).toBe(0);
  });

  describe("a number no result shows, worked out with the pack's calculator", () => {
    // Yusuf's two delivered orders were paid 2895.55 (#W6679257) and 1819.92 (#W2378156).
    const totalTask = (id: string): Scenario => {
      const t = structuredClone(tau2Task0) as Scenario;
      t.id = id;
      t.task!.evaluation = { actions: [t.task!.evaluation.actions[0]!], communicate: ["4715.47"] };
      return t;
    };
    const calcs = (d: { messages: unknown }) => (d.messages as Msg[]).flatMap((m) => m.tool_calls ?? []).filter((c) => c.name === "calculate");

    it("a sum over two orders: the orders are read, calculate is called over their shown amounts, the fact is said as the result shows it", () => {
      const { dialogue, trace } = taskDialogue(totalTask("two-orders"), tauShapedPack({ computing: true }), Rng.for(1, "two-orders"), opts);
      expect(trace.unsaid).toEqual([]);
      expect(trace.searched).toEqual(["4715.47"]);
      expect(dialogue.outcome?.reward).toBe(1);
      const [calc] = calcs(dialogue);
      const expression = String(calc?.arguments.expression);
      expect(expression.split(" + ").sort()).toEqual(["1819.92", "2895.55"]);
      const ms = dialogue.messages as Msg[];
      // Each number of the expression was in a tool result before the call; the value is in the calculator's result.
      const at = ms.findIndex((m) => m.tool_calls?.some((c) => c.name === "calculate"));
      const before = ms.slice(0, at).filter((m) => m.role === "tool").map((m) => String(m.content)).join("\n");
      expect(before).toContain("2895.55");
      expect(before).toContain("1819.92");
      expect(String(ms[at + 1]?.content)).toContain("4715.47");
      expect(ms.some((m) => m.role === "assistant" && String(m.content).includes("4715.47"))).toBe(true);
    });

    it("a total of the things the user named (their t-shirts, in two orders) is derived, not searched: the orders are read until the total is there", () => {
      const t = totalTask("t-shirts");
      t.task!.instructions!.reason = "You want to know what you paid for all the t-shirts you bought.";
      t.task!.evaluation.communicate = ["106.7"];
      const { dialogue, trace } = taskDialogue(t, tauShapedPack({ computing: true }), Rng.for(1, "t-shirts"), opts);
      expect(trace.unsaid).toEqual([]);
      expect(trace.searched).toEqual([]);
      expect(trace.derived).toEqual([{ value: "106.7", kind: "named total", how: expect.stringMatching(/^53\.(27|43) \+ 53\.(27|43)$/) }]);
      expect((dialogue.meta as unknown as { task_engine: { derived: unknown[] } }).task_engine.derived).toEqual(trace.derived);
      expect(calcs(dialogue).map((c) => c.arguments.expression)).toEqual([trace.derived[0]!.how]);
      expect(dialogue.outcome?.reward).toBe(1);
      // The same total when the user names nothing it could be derived from: still worked out, but by a search, flagged.
      const vague = totalTask("vague");
      vague.task!.instructions!.reason = "You want to know a total.";
      vague.task!.evaluation.communicate = ["106.7"];
      const searched = taskDialogue(vague, tauShapedPack({ computing: true }), Rng.for(1, "vague"), opts);
      expect(searched.trace.derived).toEqual([]);
      expect(searched.trace.searched).toEqual(["106.7"]);
    });

    it("looking through the user's things goes past one already read (their first order, read for the task): every t-shirt is found", () => {
      const t = totalTask("t-shirts-read");
      t.task!.instructions!.reason = "You want to know what you paid for all the t-shirts you bought.";
      t.task!.evaluation.actions.push({ name: "get_order_details", arguments: { order_id: "#W6247578" } });
      t.task!.evaluation.communicate = ["106.7"];
      const { dialogue, trace } = taskDialogue(t, tauShapedPack({ computing: true }), Rng.for(1, "t-shirts-read"), opts);
      const reads = (dialogue.messages as Msg[]).flatMap((m) => m.tool_calls ?? []).filter((c) => c.name === "get_order_details").map((c) => c.arguments.order_id);
      expect(reads).toContain("#W4776164");
      expect(trace.derived.map((d) => d.value)).toEqual(["106.7"]);
      expect(dialogue.outcome?.reward).toBe(1);
    });

    it("the same task with one order's amount never shown: no calculation, the fact is not said, reward 0", () => {
      const { dialogue, trace } = taskDialogue(totalTask("one-hidden"), tauShapedPack({ computing: true, hidden: ["#W6679257"] }), Rng.for(1, "one-hidden"), opts);
      expect(trace.unsaid).toEqual(["4715.47"]);
      expect(calcs(dialogue)).toEqual([]);
      expect(dialogue.outcome?.reward).toBe(0);
    });

    it("an amount of a write no result shows (the price left after another payment) is worked out before the write", () => {
      const t = structuredClone(tau2Task0) as Scenario;
      t.id = "amount";
      // A hand-built write paying 1819.92 (order #W2378156's amount) as 272.33 by gift card plus the rest by card.
      const pack = tauShapedPack({ computing: true });
      const exchange = t.task!.evaluation.actions.at(-1)!;
      exchange.arguments = { ...exchange.arguments, new_item_ids: [272.33, 1547.59] };
      const { dialogue, trace } = taskDialogue(t, pack, Rng.for(1, "amount"), opts);
      expect(trace.ungrounded).toEqual([]);
      expect(trace.searched).toContain("1547.59");
      expect(calcs(dialogue).map((c) => c.arguments.expression)).toContain("1819.92 - 272.33");
    });
  });
});
