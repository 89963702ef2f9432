import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import type { Row } from "./contract.js";
import { loadPackFile } from "./load.js";
import { renamePack } from "./rename.js";
import { createSession, replay, type ToolSession } from "./session.js";

// The wallet example pack: accounts, cards, payments and a ledger, every rule written as data.
const WALLET = fileURLToPath(new URL("../examples/wallet/pack.json", import.meta.url));
const wallet = loadPackFile(WALLET);

const balance = (s: ToolSession, id: string): unknown => s.get("accounts", id)?.balance;
const call = (s: ToolSession, name: string, args: Record<string, unknown>) => s.call({ name, arguments: args });

/** Every table's rows, to show a refused call changed nothing at all. */
function snapshot(s: ToolSession): Record<string, readonly Row[]> {
  return Object.fromEntries(["accounts", "cards", "payments", "ledger"].map((t) => [t, s.rows(t)]));
}

describe("transact: a transfer", () => {
  it("refuses the issue's 99,999,999 transfer to an account that does not exist, with the pack's message, and changes nothing", () => {
    const s = createSession(wallet);
    const before = snapshot(s);
    const r = call(s, "transfer_funds", { customer_id: "C1", from_account: "A100", to_account: "A999", amount: 99_999_999 });
    expect(r.ok).toBe(false);
    expect(r.error).toEqual({ type: "not_found", message: "No account A999 to send to; check the account number." });
    expect(r.content).toBe('{"error":{"message":"No account A999 to send to; check the account number.","type":"not_found"}}');
    expect(s.writes).toEqual([]);
    expect(snapshot(s)).toEqual(before);
    expect(s.digest()).toBe(createSession(wallet).digest());
  });

  it("debits one account, credits the other and inserts the ledger row, in one call", () => {
    const s = createSession(wallet);
    const r = call(s, "transfer_funds", { customer_id: "C1", from_account: "A100", to_account: "A200", amount: 120.25 });
    expect(r.ok, r.content).toBe(true);
    expect(balance(s, "A100")).toBe(379.75);
    expect(balance(s, "A200")).toBe(170.25);
    const ledger = s.rows("ledger");
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ kind: "transfer", from: "A100", to: "A200", amount: 120.25, currency: "GBP" });
    expect(String(ledger[0]!.id)).toMatch(/^TX[0-9A-Z]{8}$/);
    expect(r.data).toEqual({ balance: 379.75, transfer: ledger[0] });
    expect(s.writes.map((w) => `${w.op} ${w.table} ${w.key}`)).toEqual(["update accounts A100", "update accounts A200", `insert ledger ${String(ledger[0]!.id)}`]);
  });

  it("replaying the recorded writes gives the same state, and the same next result", () => {
    const s = createSession(wallet);
    call(s, "transfer_funds", { customer_id: "C1", from_account: "A100", to_account: "A200", amount: 75 });
    call(s, "top_up", { customer_id: "C2", account_id: "A200", amount: 19.99 });
    call(s, "pay_merchant", { customer_id: "C2", account_id: "A200", merchant: "Deli", amount: 12.4 });
    call(s, "freeze_all_cards", { customer_id: "C1", account_id: "A100" });
    const r = replay(wallet, s.writes);
    expect(snapshot(r)).toEqual(snapshot(s));
    expect(r.digest()).toBe(s.digest());
    const next = { customer_id: "C2", from_account: "A200", to_account: "A100", amount: 10 };
    expect(call(r, "transfer_funds", next).content).toBe(call(s, "transfer_funds", next).content);
  });

  it("is deterministic: the same call on a fresh session gives byte-identical results", () => {
    const args = { customer_id: "C1", from_account: "A100", to_account: "A200", amount: 5 };
    expect(call(createSession(wallet), "transfer_funds", args).content).toBe(call(createSession(wallet), "transfer_funds", args).content);
  });

  const refused: Array<[string, Record<string, unknown>, string, string]> = [
    ["a missing source account", { customer_id: "C1", from_account: "A0", to_account: "A200", amount: 1 }, "not_found", "No account A0."],
    ["someone else's account", { customer_id: "C2", from_account: "A100", to_account: "A200", amount: 1 }, "forbidden", "Account A100 does not belong to customer C2."],
    ["the same account twice", { customer_id: "C1", from_account: "A100", to_account: "A100", amount: 1 }, "refused", "Choose two different accounts."],
    ["a negative amount", { customer_id: "C1", from_account: "A100", to_account: "A200", amount: -50 }, "bad_amount", "The amount must be more than 0 (got -50)."],
    ["a closed account", { customer_id: "C1", from_account: "A100", to_account: "A400", amount: 1 }, "invalid_state", "Both accounts must be active (A100 is active, A400 is closed)."],
    ["two currencies", { customer_id: "C1", from_account: "A100", to_account: "A300", amount: 1 }, "refused", "Transfers need one currency: A100 is in GBP, A300 in EUR."],
    ["more than the balance", { customer_id: "C1", from_account: "A100", to_account: "A200", amount: 500.01 }, "insufficient_funds", "Insufficient funds: 500 GBP available in A100."],
    ["more than balance and overdraft", { customer_id: "C2", from_account: "A200", to_account: "A100", amount: 150.5 }, "insufficient_funds", "Insufficient funds: 50 GBP available in A200."],
  ];
  it.each(refused)("refuses %s with the pack's message and writes nothing", (_what, args, type, message) => {
    const s = createSession(wallet);
    const r = call(s, "transfer_funds", args);
    expect(r.ok).toBe(false);
    expect(r.error).toEqual({ type, message });
    expect(s.writes).toEqual([]);
  });

  it("uses the overdraft up to its limit", () => {
    const s = createSession(wallet);
    expect(call(s, "transfer_funds", { customer_id: "C2", from_account: "A200", to_account: "A100", amount: 150 }).ok).toBe(true);
    expect(balance(s, "A200")).toBe(-100);
    expect(balance(s, "A100")).toBe(650);
  });
});

describe("transact: computed effects", () => {
  it("top-up: credits the amount less a 1.5% fee rounded to pence, and records both in the ledger", () => {
    const s = createSession(wallet);
    const r = call(s, "top_up", { customer_id: "C1", account_id: "A100", amount: 33.33 });
    expect(r.ok, r.content).toBe(true);
    // fee = round(33.33 × 0.015, 2) = 0.5 (0.49995 rounds up), credited 32.83
    expect(s.rows("ledger")[0]).toMatchObject({ kind: "top_up", fee: 0.5, amount: 32.83, to: "A100" });
    expect(balance(s, "A100")).toBe(532.83);
  });

  it("money adds up as on paper: ten payments of 0.1 leave exactly 499, no float residue", () => {
    const s = createSession(wallet);
    for (let i = 0; i < 10; i++) expect(call(s, "pay_merchant", { customer_id: "C1", account_id: "A100", merchant: "Gum", amount: 0.1 }).ok).toBe(true);
    expect(balance(s, "A100")).toBe(499);
  });

  it("refund: checks the sum of earlier refunds, credits the account, updates the payment and writes the ledger", () => {
    const s = createSession(wallet);
    expect(call(s, "refund_payment", { payment_id: "P2", amount: 30 }).ok).toBe(true);
    expect(s.get("payments", "P2")).toMatchObject({ refunded: 30 });
    expect(balance(s, "A200")).toBe(80);
    const tooMuch = call(s, "refund_payment", { payment_id: "P2", amount: 0.2 });
    expect(tooMuch.error).toEqual({ type: "refund_too_large", message: "0.2 is more than is left to refund of 30.1 (30 already refunded)." });
    const rest = call(s, "refund_payment", { payment_id: "P2", amount: 0.1 });
    expect(rest.ok, rest.content).toBe(true);
    expect(s.get("payments", "P2")).toMatchObject({ refunded: 30.1 });
    expect(balance(s, "A200")).toBe(80.1);
    expect(s.rows("ledger").map((r) => r.amount)).toEqual([30, 0.1]);
  });

  it("refund: only a settled payment (a status in the allowed set)", () => {
    const s = createSession(wallet);
    expect(call(s, "refund_payment", { payment_id: "P3", amount: 1 }).error).toEqual({ type: "invalid_state", message: "Only settled payments can be refunded; P3 is pending." });
    expect(call(s, "refund_payment", { payment_id: "P9", amount: 1 }).error).toEqual({ type: "not_found", message: "No payment P9." });
    expect(s.writes).toEqual([]);
  });

  it("card freeze: one card through a second reference (card → its account's owner), then refused when already frozen", () => {
    const s = createSession(wallet);
    expect(call(s, "freeze_card", { customer_id: "C2", card_id: "K1" }).error?.message).toBe("Card K1 does not belong to customer C2.");
    const r = call(s, "freeze_card", { customer_id: "C1", card_id: "K1" });
    expect(r.data).toEqual({ card: { id: "K1", account: "A100", last4: "4242", status: "frozen" } });
    expect(call(s, "freeze_card", { customer_id: "C1", card_id: "K1" }).error).toEqual({ type: "invalid_state", message: "The card ending 4242 is frozen; only an active card can be frozen." });
  });

  it("update_all changes every row meeting its condition, and the result counts them", () => {
    const s = createSession(wallet);
    const r = call(s, "freeze_all_cards", { customer_id: "C1", account_id: "A100" });
    expect(r.data).toEqual({ account: "A100", frozen: 2 });
    expect(s.rows("cards").map((c) => c.status)).toEqual(["frozen", "frozen", "frozen"]);
    expect(s.writes.map((w) => w.key)).toEqual(["K1", "K2"]);
  });
});

describe("invariants: a call that would break one changes nothing", () => {
  it("a payment beyond the overdraft limit is refused by the accounts table's invariant, and no payment row is inserted", () => {
    const s = createSession(wallet);
    const before = snapshot(s);
    const r = call(s, "pay_merchant", { customer_id: "C2", account_id: "A200", merchant: "Piano Shop", amount: 150.01 });
    expect(r.error).toEqual({ type: "insufficient_funds", message: "Account A200 would be at -100.01 GBP, beyond its overdraft limit of 100." });
    expect(snapshot(s)).toEqual(before);
    expect(s.writes).toEqual([]);
    expect(call(s, "pay_merchant", { customer_id: "C2", account_id: "A200", merchant: "Piano Shop", amount: 150 }).ok).toBe(true);
    expect(s.rows("payments")).toHaveLength(4);
  });

  it("holds for the plain write ops too: modify (lowering an overdraft in use) and create (a negative first deposit)", () => {
    const s = createSession(wallet);
    call(s, "pay_merchant", { customer_id: "C2", account_id: "A200", merchant: "Deli", amount: 80 });
    const n = s.writes.length;
    expect(call(s, "set_overdraft", { account_id: "A200", overdraft_limit: 0 }).error).toEqual({
      type: "insufficient_funds",
      message: "Account A200 would be at -30 GBP, beyond its overdraft limit of 0.",
    });
    expect(call(s, "open_account", { customer_id: "C1", currency: "GBP", deposit: -5 }).error?.type).toBe("insufficient_funds");
    expect(s.writes).toHaveLength(n);
    expect(call(s, "set_overdraft", { account_id: "A200", overdraft_limit: 30 }).ok).toBe(true);
    expect(call(s, "open_account", { customer_id: "C1", currency: "GBP", deposit: 5 }).ok).toBe(true);
  });

  it("holds for a command's effects: a restart an invariant forbids is refused before any row changes", () => {
    const opsPack = fileURLToPath(new URL("../packs/ops/pack.json", import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), "chatmill-ops-"));
    cpSync(join(opsPack, ".."), dir, { recursive: true });
    const pack = JSON.parse(readFileSync(opsPack, "utf8")) as Record<string, any>;
    pack.database.tables.services.invariants = [
      { check: { not: { all: [{ eq: [{ field: "name" }, { value: "nginx" }] }, { eq: [{ field: "status" }, { value: "running" }] }] } }, error: "change_freeze", message: "{{row.id}} may not be started during the change freeze." },
    ];
    writeFileSync(join(dir, "pack.json"), JSON.stringify(pack));
    const s = createSession(loadPackFile(join(dir, "pack.json")));
    const tool = (pack.tools as Array<{ function: { name: string }; run: { op: string } }>).find((t) => t.run.op === "command")!.function.name;
    expect(call(s, tool, { agent: "web-01", command: "systemctl stop nginx" }).ok).toBe(true);
    const n = s.writes.length;
    const r = call(s, tool, { agent: "web-01", command: "systemctl restart nginx" });
    expect(r.error).toEqual({ type: "change_freeze", message: "web-01:nginx may not be started during the change freeze." });
    expect(s.writes).toHaveLength(n);
    expect(s.get("services", "web-01:nginx")?.status).toBe("stopped");
  });

  it("an injected failure writes nothing either", () => {
    const s = createSession(wallet, { failureRate: 1, rng: new Rng("x") });
    const r = call(s, "transfer_funds", { customer_id: "C1", from_account: "A100", to_account: "A200", amount: 1 });
    expect(r.injected).toBeDefined();
    expect(s.writes).toEqual([]);
  });
});

describe("transact: what a pack did not say", () => {
  /** The wallet pack with `edit` applied, loaded from a temp copy. */
  function edited(edit: (p: Record<string, any>) => void) {
    const dir = mkdtempSync(join(tmpdir(), "chatmill-wallet-"));
    cpSync(join(WALLET, ".."), dir, { recursive: true });
    const pack = JSON.parse(readFileSync(WALLET, "utf8")) as Record<string, any>;
    edit(pack);
    writeFileSync(join(dir, "pack.json"), JSON.stringify(pack));
    return loadPackFile(join(dir, "pack.json"));
  }
  const topUp = (p: Record<string, any>) => p.tools.find((t: { function: { name: string } }) => t.function.name === "top_up").run;

  it("a missing row no rule speaks for is a plain not_found, and nothing is written", () => {
    const d = edited((p) => delete topUp(p).require);
    const s = createSession(d);
    const r = call(s, "top_up", { customer_id: "C1", account_id: "A999", amount: 10 });
    expect(r.error).toEqual({ type: "not_found", message: "No accounts with id 'A999'.", table: "accounts" });
    expect(s.writes).toEqual([]);
  });

  it("an expression the data cannot compute (text where a number is needed) is an internal_error naming it, never a throw, and writes nothing", () => {
    const d = edited((p) => (topUp(p).effects[1].set.balance = { add: [{ field: "name" }, { field: "amount", of: "entry" }] }));
    const s = createSession(d);
    const r = call(s, "top_up", { customer_id: "C1", account_id: "A100", amount: 10 });
    expect(r.ok).toBe(false);
    expect(r.error?.type).toBe("internal_error");
    expect(r.error?.message).toBe(`top_up: add: {"field":"name"} is not a number ("Ada's current account")`);
    expect(s.writes).toEqual([]);
  });
});

describe("transact: names carry no meaning", () => {
  it("a wallet with every table and tool renamed gives the same results for the same calls", () => {
    const tables = { accounts: "konten", cards: "karten", payments: "zahlungen", ledger: "journal" };
    const tools = Object.fromEntries(wallet.pack.tools.map((t) => [t.function.name, `x_${t.function.name}`]));
    const dir = mkdtempSync(join(tmpdir(), "chatmill-wallet-renamed-"));
    cpSync(join(WALLET, ".."), dir, { recursive: true });
    writeFileSync(join(dir, "pack.json"), JSON.stringify(renamePack(wallet.pack, { tables, tools })));
    const renamed = loadPackFile(join(dir, "pack.json"));
    const calls: Array<[string, Record<string, unknown>]> = [
      ["transfer_funds", { customer_id: "C1", from_account: "A100", to_account: "A999", amount: 99_999_999 }],
      ["transfer_funds", { customer_id: "C1", from_account: "A100", to_account: "A200", amount: 120.25 }],
      ["refund_payment", { payment_id: "P2", amount: 30 }],
      ["refund_payment", { payment_id: "P2", amount: 0.2 }],
      ["freeze_all_cards", { customer_id: "C1", account_id: "A100" }],
      ["pay_merchant", { customer_id: "C2", account_id: "A200", merchant: "Piano Shop", amount: 500 }],
    ];
    const a = createSession(wallet);
    const b = createSession(renamed);
    for (const [name, args] of calls) expect(call(b, tools[name]!, args).content, name).toBe(call(a, name, args).content);
    expect(b.digest()).toBe(a.digest());
    expect(b.rows("journal")).toEqual(a.rows("ledger"));
  });
});
