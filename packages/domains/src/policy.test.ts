import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import type { TranscriptMessage } from "./contract.js";
import { loadDomain, loadPackFile } from "./load.js";
import { PackError } from "./pack-error.js";
import { policyViolations } from "./policy.js";
import { renamePack } from "./rename.js";
import { createSession } from "./session.js";

/**
 * The README's example pack (packages/domains/README.md, "The `policy` section"): a shop with
 * customers and their orders, identity by email, orders scoped to their owner, cancelling
 * behind a yes. The tests run the README's own text, so the documented example stays true.
 */
function shopPack(): Record<string, unknown> {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const block = /<!-- policy-example -->\n```json\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error("packages/domains/README.md lost its policy example block");
  return JSON.parse(block[1]!) as Record<string, unknown>;
}

function writePack(pack: Record<string, unknown>, policy = "# Shop policy\nVerify the customer before any order action."): string {
  const dir = mkdtempSync(join(tmpdir(), "chatmill-policy-"));
  writeFileSync(join(dir, "pack.json"), JSON.stringify(pack));
  if (policy) writeFileSync(join(dir, "policy.md"), policy);
  return join(dir, "pack.json");
}

function loadError(pack: Record<string, unknown>): PackError {
  try {
    loadPackFile(writePack(pack));
  } catch (err) {
    expect(err).toBeInstanceOf(PackError);
    return err as PackError;
  }
  throw new Error("the pack loaded");
}

const errorType = (content: string): string | undefined => (JSON.parse(content) as { error?: { type: string } }).error?.type;

describe("identity", () => {
  const domain = loadPackFile(writePack(shopPack()));

  it("refuses a user-scoped tool with the pack's text until an identity tool succeeds, then allows it", () => {
    const s = createSession(domain);
    const before = s.call({ name: "get_order", arguments: { order_id: "o1" } });
    expect(before.ok).toBe(false);
    expect(before.error).toEqual({ type: "identity_required", message: "Please verify the customer first: find them by email." });
    expect(s.subject).toBeUndefined();
    // A lookup that finds nobody identifies nobody.
    expect(s.call({ name: "find_customer", arguments: { email: "nobody@example.com" } }).ok).toBe(true);
    expect(s.call({ name: "get_order", arguments: { order_id: "o1" } }).error?.type).toBe("identity_required");
    expect(s.call({ name: "find_customer", arguments: { email: "ana@example.com" } }).ok).toBe(true);
    expect(s.subject).toBe("c1");
    const after = s.call({ name: "get_order", arguments: { order_id: "o1" } });
    expect(after.ok).toBe(true);
    expect((after.data as { id: string }).id).toBe("o1");
    // A fork keeps the identified subject.
    expect(s.fork().subject).toBe("c1");
  });

  it("an identity result cut by failure injection (emptied, timed out) identifies no one; one that comes back whole does", () => {
    // A one-row answer cannot be cut in half, so a drawn "partial" leaves it whole: that one identifies.
    const kinds = new Set<string>();
    for (let i = 0; i < 24; i++) {
      const s = createSession(domain, { failureRate: 1, rng: new Rng(`policy\u0000injected\u0000${i}`) });
      const r = s.call({ name: "find_customer", arguments: { email: "ana@example.com" } });
      kinds.add(r.injected ?? "whole");
      expect(s.subject).toBe(r.injected ? undefined : "c1");
    }
    expect([...kinds].sort()).toEqual(["empty", "server_error", "timeout", "whole"]);
  });

  it("refuses to act on another user's row and changes nothing", () => {
    const s = createSession(domain);
    s.call({ name: "find_customer", arguments: { email: "ana@example.com" } });
    const read = s.call({ name: "get_order", arguments: { order_id: "o2" } });
    expect(read.error).toEqual({ type: "not_owner", message: "That order belongs to another customer." });
    const cancel = s.call({ name: "cancel_order", arguments: { order_id: "o2" } });
    expect(cancel.error?.type).toBe("not_owner");
    expect(s.writes).toEqual([]);
    // An unknown order is still not_found, as the op says.
    expect(s.call({ name: "get_order", arguments: { order_id: "o9" } }).error?.type).toBe("not_found");
  });

  it("lists only the identified user's rows", () => {
    const ana = createSession(domain);
    ana.call({ name: "find_customer", arguments: { email: "ana@example.com" } });
    expect((ana.call({ name: "list_orders", arguments: {} }).data as { results: Array<{ id: string }> }).results.map((r) => r.id)).toEqual(["o1", "o3"]);
    const s = createSession(domain, { subject: "c2" });
    const list = s.call({ name: "list_orders", arguments: {} });
    expect((list.data as { results: Array<{ id: string }>; total: number }).results.map((r) => r.id)).toEqual(["o2"]);
    expect((list.data as { total: number }).total).toBe(1);
  });
});

describe("confirmation before a write", () => {
  const domain = loadPackFile(writePack(shopPack()));
  const call = (id: string, name: string, args: Record<string, unknown>): TranscriptMessage => ({ role: "assistant", content: null, tool_calls: [{ id, name, arguments: args }] });
  const ask: TranscriptMessage = { role: "assistant", content: "I'll cancel order o1. Shall I go ahead?" };
  const yes: TranscriptMessage = { role: "user", content: "yes please", labels: { intent: "confirm" } };
  const no: TranscriptMessage = { role: "user", content: "hmm, no, leave it", labels: { intent: "inform" } };

  function identified() {
    const s = createSession(domain);
    s.call({ name: "find_customer", arguments: { email: "ana@example.com" } });
    return s;
  }

  it("refuses a write whose transcript shows no yes, with the pack's text, and changes nothing", () => {
    const s = identified();
    const t: TranscriptMessage[] = [{ role: "user", content: "cancel o1", labels: { intent: "cancel" } }, call("c1", "cancel_order", { order_id: "o1" })];
    const res = s.call({ name: "cancel_order", arguments: { order_id: "o1" } }, { transcript: t });
    expect(res.error).toEqual({ type: "confirmation_required", message: "Ask the customer to confirm the cancellation first." });
    expect(s.writes).toEqual([]);
    // The user's "no" to the question is no yes either.
    const declined = s.call({ name: "cancel_order", arguments: { order_id: "o1" } }, { transcript: [...t, ask, no, call("c2", "cancel_order", { order_id: "o1" })] });
    expect(declined.error?.type).toBe("confirmation_required");
  });

  it("lets the write through after the assistant asked and the user said yes; one yes covers one write", () => {
    const s = identified();
    const t: TranscriptMessage[] = [{ role: "user", content: "cancel o1", labels: { intent: "cancel" } }, ask, yes, call("c1", "cancel_order", { order_id: "o1" })];
    const res = s.call({ name: "cancel_order", arguments: { order_id: "o1" } }, { transcript: t });
    expect(res.ok).toBe(true);
    expect(s.writes.length).toBe(1);
    t.push({ role: "tool", tool_call_id: "c1", name: "cancel_order", content: res.content, ok: true }, call("c2", "cancel_order", { order_id: "o3" }));
    expect(s.call({ name: "cancel_order", arguments: { order_id: "o3" } }, { transcript: t }).error?.type).toBe("confirmation_required");
    // The identity call happened outside this transcript; as to confirmation, the checker agrees.
    expect(policyViolations(domain, t.slice(0, 5)).filter((v) => v.rule === "confirmation")).toEqual([]);
  });

  it("a checker judges the same from a finished transcript", () => {
    const t: TranscriptMessage[] = [
      { role: "user", content: "I'm ana@example.com", labels: { intent: "inform" } },
      call("a", "find_customer", { email: "ana@example.com" }),
      { role: "tool", tool_call_id: "a", content: JSON.stringify({ count: 1, total: 1, results: [{ id: "c1", email: "ana@example.com" }] }), ok: true },
      call("b", "cancel_order", { order_id: "o1" }),
      { role: "tool", tool_call_id: "b", content: "{}", ok: true },
    ];
    expect(policyViolations(domain, t)).toEqual([{ index: 4, tool: "cancel_order", rule: "confirmation", detail: expect.stringContaining("without the user's yes") }]);
    const unidentified = [t[0]!, call("x", "get_order", { order_id: "o1" }), { role: "tool", tool_call_id: "x", content: "{}", ok: true }];
    expect(policyViolations(domain, unidentified).map((v) => v.rule)).toEqual(["identity"]);
  });

  it("without a transcript (a replay of recorded calls) consent is not judged", () => {
    const s = identified();
    expect(s.call({ name: "cancel_order", arguments: { order_id: "o1" } }).ok).toBe(true);
  });

  it("a command needs a yes only when the rule it matches changes data", () => {
    const ops = loadDomain("ops");
    expect(ops.needsConfirmation("run_command", { agent: "web-01", command: "systemctl restart nginx" })).toBe(true);
    expect(ops.needsConfirmation("run_command", { agent: "web-01", command: "systemctl status nginx" })).toBe(false);
    expect(ops.needsConfirmation("check_status", { agent: "web-01" })).toBe(false);
  });
});

/** The README example's identity rule. */
const shopIdentity = (): Record<string, unknown> => ({ ...(shopPack().policy as { identity: Record<string, unknown> }).identity });

describe("an identity rule that is not enforced (\"enforced\": false)", () => {
  // The shop's rule as the assistant's only: no refusal text, no owners (the runtime would be the one to check them).
  const pack = shopPack();
  const identity: Record<string, unknown> = { ...shopIdentity(), scoped: [{ tool: "get_order" }, { tool: "cancel_order" }], enforced: false };
  delete identity.refusal;
  delete identity.not_owner;
  const domain = loadPackFile(writePack({ ...pack, policy: { ...(pack.policy as object), identity } }));
  const call = (id: string, name: string, args: Record<string, unknown>): TranscriptMessage => ({ role: "assistant", content: null, tool_calls: [{ id, name, arguments: args }] });

  it("lets user-scoped tools run before identification, and still remembers whom an identity tool identified", () => {
    const s = createSession(domain);
    const before = s.call({ name: "get_order", arguments: { order_id: "o2" } });
    expect(before.ok).toBe(true);
    expect(s.subject).toBeUndefined();
    s.call({ name: "find_customer", arguments: { email: "ana@example.com" } });
    expect(s.subject).toBe("c1");
    // No owner check: bo's order reads as the tools give it.
    expect((s.call({ name: "get_order", arguments: { order_id: "o2" } }).data as { id: string }).id).toBe("o2");
  });

  it("is still judged from the transcript: a scoped call before any identity call is a breach", () => {
    const s = createSession(domain);
    const get = s.call({ name: "get_order", arguments: { order_id: "o1" } });
    const find = s.call({ name: "find_customer", arguments: { email: "ana@example.com" } });
    const early: TranscriptMessage[] = [
      call("a", "get_order", { order_id: "o1" }),
      { role: "tool", tool_call_id: "a", content: get.content, ok: true },
      call("b", "find_customer", { email: "ana@example.com" }),
      { role: "tool", tool_call_id: "b", content: find.content, ok: true },
    ];
    expect(policyViolations(domain, early)).toEqual([{ index: 1, tool: "get_order", rule: "identity", detail: expect.stringContaining("before an identity tool") }]);
    expect(policyViolations(domain, [...early.slice(2), ...early.slice(0, 2)])).toEqual([]);
  });
});

describe("the built-in retail pack's identity policy", () => {
  it("refuses order tools until the customer is identified, then only for their own pending orders", () => {
    const retail = loadDomain("retail");
    const s = createSession(retail);
    const before = s.call({ name: "get_order_details", arguments: { order_id: "ord_1003" } });
    expect(before.error?.type).toBe("identity_required");
    expect(before.error?.message).toBe(retail.pack.policy!.identity!.refusal);
    // The catalog needs no identification.
    expect(s.call({ name: "get_item_details", arguments: { item_id: "MH01" } }).ok).toBe(true);
    expect(s.call({ name: "find_customer_by_name_zip", arguments: { name: "ben okafor", zip: "10001" } }).ok).toBe(true);
    expect(s.subject).toBe("cus_002");
    expect((s.call({ name: "list_orders", arguments: {} }).data as { results: Array<{ id: string }> }).results.map((r) => r.id)).toEqual(["ord_1003", "ord_1004"]);
    expect(s.call({ name: "cancel_pending_order", arguments: { order_id: "ord_1001" } }).error?.type).toBe("not_owner");
    expect(s.call({ name: "cancel_pending_order", arguments: { order_id: "ord_1004" } }).error?.type).toBe("invalid_state");
    expect(s.writes).toEqual([]);
    expect(s.call({ name: "cancel_pending_order", arguments: { order_id: "ord_1003" } }).ok).toBe(true);
    expect(s.get("orders", "ord_1003")?.status).toBe("cancelled");
  });
});

describe("policy text and hand-off", () => {
  it("the policy file's text follows offline.system_prompt in the assistant's system prompt", () => {
    const pack = { ...shopPack(), offline: { system_prompt: "You are Shopbot." } };
    const d = loadPackFile(writePack(pack, "Verify first.\n"));
    expect(d.policyText).toBe("Verify first.");
    expect(d.systemPrompt).toBe("You are Shopbot.\n\nVerify first.");
    expect(d.handoffTool).toBe("transfer_to_human");
  });

  it("renaming the policy's tools and tables keeps the pack loading and the policy working", () => {
    const renamed = renamePack(shopPack() as never, { tools: { find_customer: "t1", cancel_order: "t2", get_order: "t3", transfer_to_human: "t4" }, tables: { customers: "people", orders: "things" } });
    const d = loadPackFile(writePack(renamed as never));
    const s = createSession(d);
    expect(s.call({ name: "t3", arguments: { order_id: "o1" } }).error?.type).toBe("identity_required");
    s.call({ name: "t1", arguments: { email: "ana@example.com" } });
    expect(s.call({ name: "t3", arguments: { order_id: "o1" } }).ok).toBe(true);
    expect(d.handoffTool).toBe("t4");
  });
});

describe("a policy that names what does not exist fails to load with the file and the JSON path", () => {
  const withPolicy = (policy: Record<string, unknown>) => ({ ...shopPack(), policy: { ...(shopPack().policy as object), ...policy } });
  it.each([
    ["a missing identity tool", withPolicy({ identity: { ...(shopPack().policy as { identity: object }).identity, tools: ["find_user"] } }), "policy.identity.tools[0]", "no tool named 'find_user'"],
    ["a missing scoped tool", withPolicy({ identity: { ...(shopPack().policy as { identity: object }).identity, scoped: [{ tool: "get_invoice" }] } }), "policy.identity.scoped[0].tool", "no tool named 'get_invoice'"],
    ["a missing owner field", withPolicy({ identity: { ...(shopPack().policy as { identity: object }).identity, scoped: [{ tool: "get_order", owner: "user_id" }] } }), "policy.identity.scoped[0].owner", "no row of table 'orders' has a field 'user_id'"],
    ["a missing identity table", withPolicy({ identity: { ...(shopPack().policy as { identity: object }).identity, table: "users" } }), "policy.identity.table", "no table 'users'"],
    ["an enforced identity rule without its refusal", withPolicy({ identity: { ...shopIdentity(), refusal: undefined } }), "policy.identity.refusal", "declare \"enforced\": false"],
    ["an owner on an identity rule that is not enforced", withPolicy({ identity: { ...shopIdentity(), enforced: false } }), "policy.identity.scoped[0].owner", "remove owner"],
    ["a missing confirm tool", withPolicy({ confirm: { tools: ["refund_order"], refusal: "x" } }), "policy.confirm.tools[0]", "no tool named 'refund_order'"],
    ["a confirm tool that never writes", withPolicy({ confirm: { tools: ["get_order"], refusal: "x" } }), "policy.confirm.tools[0]", "never writes"],
    ["an unknown consent intent", withPolicy({ confirm: { tools: ["cancel_order"], refusal: "x", consent_intent: "agree" } }), "policy.confirm.consent_intent", "'agree' is not one of the pack's intents"],
    ["a missing hand-off tool", withPolicy({ handoff: { tool: "escalate" } }), "policy.handoff.tool", "no tool named 'escalate'"],
    ["a hand-off tool of another role", withPolicy({ handoff: { tool: "get_order" } }), "policy.handoff.tool", "must be declared \"role\": \"handoff\""],
    ["a missing policy file", withPolicy({ file: "rules.md" }), "policy.file", "no file 'rules.md'"],
  ])("%s", (_what, pack, path, detail) => {
    const err = loadError(pack);
    expect(err.path).toBe(path);
    expect(err.detail).toContain(detail);
    expect(err.message).toContain("pack.json");
  });
});
