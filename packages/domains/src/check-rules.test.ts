import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { loadPackFile } from "./load.js";
import { packErrorOf } from "./pack-error.test-helper.js";
import { createSession } from "./session.js";

const WALLET_DIR = fileURLToPath(new URL("../examples/wallet/", import.meta.url));
const original = JSON.parse(readFileSync(join(WALLET_DIR, "pack.json"), "utf8")) as Record<string, any>;
const toolIndex = (name: string): number => (original.tools as Array<{ function: { name: string } }>).findIndex((t) => t.function.name === name);
const TRANSFER = toolIndex("transfer_funds");
const REFUND = toolIndex("refund_payment");
const FREEZE_ALL = toolIndex("freeze_all_cards");

/** The wallet pack copied to a temp folder with `edit` applied; returns its pack.json. */
function wallet(edit: (p: Record<string, any>) => unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "chatmill-wallet-"));
  cpSync(WALLET_DIR, dir, { recursive: true });
  const pack = structuredClone(original);
  edit(pack);
  const file = join(dir, "pack.json");
  writeFileSync(file, JSON.stringify(pack));
  return file;
}

const packError = packErrorOf;

describe("a pack's business rules are checked at load", () => {
  it("the wallet example loads", () => {
    expect(loadPackFile(wallet(() => {})).roleOf("transfer_funds")).toBe("act");
  });

  it("the wallet example validates against the checked-in schemas/domain-pack.schema.json (editors and other languages check rules too)", () => {
    const schema = JSON.parse(readFileSync(new URL("../../../schemas/domain-pack.schema.json", import.meta.url), "utf8"));
    const validate = new Ajv2020({ strict: false, discriminator: true }).compile(schema);
    expect(validate(original), JSON.stringify(validate.errors?.[0])).toBe(true);
    const typo = structuredClone(original);
    typo.tools[TRANSFER].run.effects[0].set.balance = { sbu: [{ field: "balance" }, { arg: "amount" }] };
    expect(validate(typo)).toBe(false);
  });

  const run = (p: Record<string, any>, i: number) => p.tools[i].run;
  type Edit = (p: Record<string, any>) => unknown;
  const T = `tools[${TRANSFER}].run`;
  const cases: Array<[string, Edit, string, RegExp]> = [
    ["a reference to a missing table", (p) => (run(p, TRANSFER).refs[1].table = "acounts"), `${T}.refs[1].table`, /no table 'acounts'/],
    ["a reference looked up by a missing field", (p) => (run(p, TRANSFER).refs[1].by = "iban"), `${T}.refs[1].by`, /no row of table 'accounts' has a field 'iban'/],
    ["a reserved reference name", (p) => (run(p, TRANSFER).refs[0].as = "row"), `${T}.refs[0].as`, /reserved/],
    ["two references of one name", (p) => (run(p, TRANSFER).refs[1].as = "from"), `${T}.refs[1].as`, /already names/],
    ["a rule over a missing field", (p) => (run(p, TRANSFER).require[6].check.eq[1].field = "currancy"), `${T}.require[6].check.eq[1].field`, /no row of table 'accounts' has a field 'currancy'/],
    ["a rule over a reference not declared", (p) => (run(p, TRANSFER).require[2].check.eq[0].of = "source"), `${T}.require[2].check.eq[0].of`, /no reference 'source' here \(references here: from, to\)/],
    ["exists of a reference not declared", (p) => (run(p, TRANSFER).require[0].check.exists = "src"), `${T}.require[0].check.exists`, /no reference 'src'/],
    ["an argument the tool does not declare", (p) => (run(p, TRANSFER).require[4].check.gt[0].arg = "amt"), `${T}.require[4].check.gt[0].arg`, /argument 'amt' is not declared/],
    ["a field with no row in context", (p) => delete run(p, TRANSFER).require[2].check.eq[0].of, `${T}.require[2].check.eq[0].field`, /has no row here: say whose it is with "of"/],
    ["a message naming a missing field", (p) => (run(p, TRANSFER).require[7].message = "only {{from.balanse}} left"), `${T}.require[7].message`, /no row of table 'accounts' has a field 'balanse'/],
    ["a message naming a missing reference", (p) => (run(p, TRANSFER).require[7].message = "only {{source.balance}} left"), `${T}.require[7].message`, /no reference 'source'/],
    ["an update of a reference not declared", (p) => (run(p, TRANSFER).effects[1].update = "dest"), `${T}.effects[1].update`, /no reference 'dest' before this effect/],
    ["an update setting a missing field", (p) => (run(p, TRANSFER).effects[0].set = { balanse: { value: 1 } }), `${T}.effects[0].set.balanse`, /no row of table 'accounts' has a field 'balanse'/],
    ["an update changing the key", (p) => (run(p, TRANSFER).effects[0].set = { id: { value: "A1" } }), `${T}.effects[0].set.id`, /a row's key cannot change/],
    ["an insert into a missing table", (p) => (run(p, TRANSFER).effects[2].insert = "ledgr"), `${T}.effects[2].insert`, /no table 'ledgr'/],
    ["a result naming a later-unknown row", (p) => (run(p, TRANSFER).result.object.transfer.row = "txn"), `${T}.result.object.transfer.row`, /no reference 'txn'/],
    ["a sum over a missing field", (p) => (run(p, REFUND).require[3].check.lte[1].sub[1].sum.table = "payments", run(p, REFUND).require[3].check.lte[1].sub[1].sum.field = "total"), `tools[${REFUND}].run.require[3].check.lte[1].sub[1].sum.field`, /no row of table 'payments' has a field 'total'/],
    ["a sum with neither table nor in", (p) => delete run(p, REFUND).require[3].check.lte[1].sub[1].sum.table, `tools[${REFUND}].run.require[3].check.lte[1].sub[1].sum`, /exactly one of table/],
    ["an update_all over a missing table", (p) => (run(p, FREEZE_ALL).effects[0].update_all = "card"), `tools[${FREEZE_ALL}].run.effects[0].update_all`, /no table 'card'/],
    ["an update_all whose where names a missing field", (p) => (run(p, FREEZE_ALL).effects[0].where.all[0].eq[0].field = "acct"), `tools[${FREEZE_ALL}].run.effects[0].where.all[0].eq[0].field`, /no row of table 'cards' has a field 'acct'/],
    ["an invariant over a missing field", (p) => (p.database.tables.accounts.invariants[0].check.gte[0].field = "balanse"), "database.tables.accounts.invariants[0].check.gte[0].field", /no row of table 'accounts' has a field 'balanse'/],
    ["an invariant message naming a missing field", (p) => (p.database.tables.payments.invariants[0].message = "{{row.total}}"), "database.tables.payments.invariants[0].message", /has a field 'total'/],
    ["an undeclared write", (p) => (p.tools[TRANSFER].changes = [{ table: "accounts", change: "update" }]), `tools[${TRANSFER}].changes`, /missing \{"table":"ledger","change":"create"\}/],
    ["a declared write the run does not make", (p) => p.tools[TRANSFER].changes.push({ table: "cards", change: "update" }), `tools[${TRANSFER}].changes[2]`, /does not do/],
    ["an unknown expression (a typo: sbu)", (p) => (run(p, TRANSFER).effects[0].set.balance = { sbu: [{ field: "balance" }, { arg: "amount" }] }), `${T}.effects[0].set.balance`, /unknown 'sbu': expected one of \{"arg": …\}, \{"value": …\}.*\{"sub": …\}/],
    ["an effect that is none (a typo: updte)", (p) => (run(p, TRANSFER).effects[0] = { updte: "from", set: {} }), `${T}.effects[0]`, /unknown 'updte': expected one of \{"update": …\}, \{"update_all": …\}, \{"insert": …\}/],
    ["an unknown key of the run (a typo: requre)", (p) => ((run(p, TRANSFER).requre = run(p, TRANSFER).require), delete run(p, TRANSFER).require), `${T}.requre`, /unknown key 'requre' of a transact run/],
    ["an unknown key in a rule", (p) => (run(p, TRANSFER).require[0].mesage = "x"), `${T}.require[0]`, /mesage/],
    // The forms over lists and objects, and lets.
    ["a var no let or loop binds", (p) => (run(p, TRANSFER).result.object.balance = { var: "left" }), `${T}.result.object.balance.var`, /no value named 'left' is bound here/],
    ["a let read before it is declared", (p) => (run(p, TRANSFER).let = [{ as: "a", value: { var: "b" } }, { as: "b", value: { value: 1 } }]), `${T}.let[0].value.var`, /no value named 'b'/],
    ["a let named like a reference", (p) => (run(p, TRANSFER).let = [{ as: "from", value: { value: 1 } }]), `${T}.let[0].as`, /'from' already names a reference/],
    ["a loop variable named like an argument", (p) => (run(p, TRANSFER).result.object.balance = { map: { value: [1] }, as: "amount", to: { var: "amount" } }), `${T}.result.object.balance.as`, /'amount' is also an argument's name/],
    ["a loop variable used outside its loop", (p) => (run(p, TRANSFER).result.object.balance = { list: [{ map: { value: [1] }, as: "x", to: { var: "x" } }, { var: "x" }] }), `${T}.result.object.balance.list[1].var`, /no value named 'x'/],
    ["a lookup in a missing table", (p) => (run(p, TRANSFER).result.object.balance = { lookup: "acounts", key: { arg: "to_account" } }), `${T}.result.object.balance.lookup`, /no table 'acounts'/],
    ["rows of a missing table", (p) => (run(p, TRANSFER).result.object.balance = { rows: { table: "acounts" } }), `${T}.result.object.balance.rows.table`, /no table 'acounts'/],
    ["an update of a let (only references are rows)", (p) => ((run(p, TRANSFER).let = [{ as: "acct", value: { row: "from" } }]), (run(p, TRANSFER).effects[0].update = "acct")), `${T}.effects[0].update`, /no reference 'acct' before this effect/],
    ["a bad regular expression", (p) => run(p, TRANSFER).require.push({ check: { matches: [{ arg: "customer_id" }, "([a-z"] }, message: "x" }), `${T}.require[8].check.matches[1]`, /not a regular expression/],
    ["a constant calc that is no arithmetic", (p) => (run(p, TRANSFER).result.object.balance = { calc: { value: "2 +* 3" } }), `${T}.result.object.balance.calc`, /is not an arithmetic text/],
    ["a field of a let's message placeholder that no table has is fine, but a bare reference is not", (p) => (run(p, TRANSFER).require[7].message = "only {{from}} left"), `${T}.require[7].message`, /\{\{from\}\}: write \{\{arg.NAME\}\}/],
    ["an update setting a field outside the table's declared new fields", (p) => ((p.database.tables.accounts.fields = ["closed_at"]), (run(p, TRANSFER).effects[0].set = { closed_on: { value: 1 } })), `${T}.effects[0].set.closed_on`, /no row of table 'accounts' has a field 'closed_on'/],
  ];
  it.each(cases)("names %s with the file and the JSON path", (_what, edit, path, detail) => {
    const file = wallet(edit);
    const err = packError(file);
    expect(err.file).toBe(file);
    expect(err.path).toBe(path);
    expect(err.message).toMatch(detail);
  });
});

describe("the forms over lists and objects, at load and at run time", () => {
  it("a field the table declares in `fields` (one its tools add) may be set though no row has it yet", () => {
    const file = wallet((p) => {
      p.database.tables.accounts.fields = ["closed_at"];
      p.tools[TRANSFER].run.effects[0].set.closed_at = { value: "2024-05-15" };
    });
    expect(loadPackFile(file).roleOf("transfer_funds")).toBe("act");
  });

  it("a transact with no effects is a read (a look-up with the pack's own not-found text); a think tool may compute from its arguments", () => {
    const file = wallet((p) => {
      p.tools.push({
        type: "function",
        role: "lookup",
        function: { name: "balance_of", parameters: { type: "object", properties: { id: { type: "string" } }, required: ["id"] } },
        run: { op: "transact", refs: [{ as: "a", table: "accounts", key: { arg: "id" }, optional: true }], require: [{ check: { exists: "a" }, message: "account not found", error: "not_found" }], result: { field: "balance", of: "a" } },
      });
      p.tools.push({
        type: "function",
        role: "think",
        function: { name: "calc", parameters: { type: "object", properties: { e: { type: "string" } }, required: ["e"] } },
        run: { op: "transact", require: [{ check: { is_set: { calc: { arg: "e" } } }, message: "not arithmetic" }], result: { round: { calc: { arg: "e" } }, places: 2 } },
      });
    });
    const d = loadPackFile(file);
    const s = createSession(d);
    expect(s.call({ name: "balance_of", arguments: { id: "A100" } }).content).toBe('{"result":500}');
    expect(s.call({ name: "balance_of", arguments: { id: "A9" } }).error).toEqual({ type: "not_found", message: "account not found" });
    expect(s.call({ name: "calc", arguments: { e: "10 / 3" } }).content).toBe('{"result":3.33}');
    expect(s.call({ name: "calc", arguments: { e: "10 /" } }).error?.message).toBe("not arithmetic");
    expect(s.writes).toEqual([]);
  });

  it("a let is computed when first used: a rule that refuses first keeps a let the data cannot compute from failing the call", () => {
    const file = wallet((p) => {
      const run = p.tools[TRANSFER].run;
      // Text times a number cannot be computed; it is only needed once every rule passed.
      run.let = [{ as: "bad", value: { mul: [{ field: "currency", of: "from" }, { value: 2 }] } }];
      run.effects[2].set.note = { var: "bad" };
    });
    const s = createSession(loadPackFile(file));
    expect(s.call({ name: "transfer_funds", arguments: { customer_id: "C1", from_account: "A100", to_account: "A999", amount: 1 } }).error?.type).toBe("not_found");
    const r = s.call({ name: "transfer_funds", arguments: { customer_id: "C1", from_account: "A100", to_account: "A200", amount: 1 } });
    expect(r.error?.type).toBe("internal_error");
    expect(r.error?.message).toMatch(/is not a number/);
    expect(s.writes).toEqual([]);
  });
});
