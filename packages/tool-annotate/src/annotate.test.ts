import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createSession, loadDomain, resolvePackFile } from "@chatmill/domains";
import { Context, fromValues } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { annotateDialogue } from "./annotate.js";
import { catalogIndex } from "./mentions.js";
import { catalogTables } from "./tool-info.js";
import { DEFECTS } from "./alternatives.js";
import { DialogueExecutor } from "./executor.js";
import { WEIGHTS } from "./grade.js";
import { makeTransform } from "./transform.js";
import type { Grade, Obj } from "./types.js";

const fixtures = readFileSync(new URL("../../../test/fixtures/annotate/dialogues.ndjson", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l) as Obj);
const byId = (id: string) => structuredClone(fixtures.find((d) => d.id === id)!);
const calls = (d: Obj) => (d.messages as Obj[]).flatMap((m) => (Array.isArray(m.tool_calls) ? (m.tool_calls as Obj[]) : []));
const formula = (g: Grade) =>
  Math.round((WEIGHTS.schema_valid * +g.schema_valid + WEIGHTS.executed * +g.executed + WEIGHTS.ok * (g.ok ? 1 : g.environment_failure ? 0.5 : 0) + WEIGHTS.grounded * g.support + WEIGHTS.progress * g.progress) * 1000) / 1000;

/** A dialogue of `calls` as they ran live on `session` (each must succeed), between a user message and a reply. */
function recordedDialogue(id: string, domain: ReturnType<typeof loadDomain>, session: ReturnType<typeof createSession>, user: string, calls: Array<{ id: string; name: string; arguments: Obj }>, reply: string): Obj {
  const results = calls.map((c) => session.call(c));
  expect(results.map((r) => r.ok)).toEqual(calls.map(() => true));
  return {
    id,
    domain: domain.name,
    tools: domain.tools,
    messages: [
      { role: "user", content: user },
      ...calls.flatMap((c, i) => [
        { role: "assistant", content: null, tool_calls: [c] },
        { role: "tool", tool_call_id: c.id, name: c.name, content: results[i]!.content, ok: true },
      ]),
      { role: "assistant", content: reply },
    ],
  };
}

/** A createSession whose sessions report every call and its result to `seen` (the sessions tool-annotate opens). */
function spySessions(seen: (call: { name: string }, result: { error?: { type: string } | undefined }) => void): typeof createSession {
  return (dom, o) => {
    const s = createSession(dom, o);
    const call = s.call.bind(s);
    s.call = (c, ctx) => {
      const r = call(c, ctx);
      seen(c, r);
      return r;
    };
    return s;
  };
}

describe("grading", () => {
  it("grades a correct, grounded call near 1 and the success rate is the documented formula", () => {
    const out = annotateDialogue(byId("retail-red-dress"), loadDomain("retail"), { alternatives: 3 });
    const first = calls(out)[0]!;
    const g = first.grade as Grade;
    expect(g).toMatchObject({ schema_valid: true, executed: true, ok: true, grounded: true });
    expect(g.success_rate).toBeGreaterThan(0.9);
    expect(g.success_rate).toBe(formula(g));
    expect(g.notes?.some((n) => n.startsWith("success_rate ="))).toBe(true);
  });

  it("grades a call whose recorded result was an injected failure on the re-run, and keeps the recorded failure", () => {
    const out = annotateDialogue(byId("retail-red-dress"), loadDomain("retail"), { alternatives: 4 });
    const second = calls(out)[1]!;
    const g = second.grade as Grade;
    expect(g).toMatchObject({ executed: true, ok: true, recorded_ok: false });
    expect(g.notes!.join(" ")).toMatch(/injected timeout/);
    expect(second).toMatchObject({ name: "check_availability", arguments: { item_id: "MS10" } });
    expect(second.swapped).toBeUndefined();
    const tool = (out.messages as Obj[]).filter((m) => m.role === "tool")[1]!;
    expect(tool).toMatchObject({ ok: false, injected: "timeout" });
    for (const alt of second.alternatives as Obj[]) expect(formula(alt.grade as Grade)).toBe((alt.grade as Grade).success_rate);
  });

  it("a call whose own failure is real gives way to a same-tool alternative that runs ok (the swap rule)", () => {
    const d: Obj = {
      id: "swap-me",
      domain: "retail",
      tools: loadDomain("retail").tools,
      messages: [
        { role: "user", content: "Tell me about item MH02" },
        { role: "assistant", content: null, tool_calls: [{ id: "c1", name: "get_item_details", arguments: { item_id: "MH99" } }] },
        { role: "tool", tool_call_id: "c1", name: "get_item_details", content: '{"error":{"type":"not_found","message":"No items with id \'MH99\'."}}', ok: false, error: { type: "not_found", message: "No items with id 'MH99'." } },
        { role: "assistant", content: "Let me look that up for you." },
      ],
    };
    const out = annotateDialogue(d, loadDomain("retail"), { alternatives: 1, defects: ["wrong_args"] });
    const c = calls(out)[0]!;
    expect(c.swapped).toMatchObject({ from_defect: "wrong_args" });
    expect((c.grade as Grade).ok).toBe(true);
    const demoted = (c.alternatives as Obj[]).find((a) => a.defect === "failed_call")!;
    expect(demoted.call).toEqual({ name: "get_item_details", arguments: { item_id: "MH99" } });
    expect((demoted.grade as Grade).ok).toBe(false);
    const tool = (out.messages as Obj[]).find((m) => m.role === "tool")!;
    expect(tool.ok).toBe(true);
    expect(JSON.parse(String(tool.content)).id).toBe((c.arguments as Obj).item_id);
  });

  it("re-runs user-scoped calls after the identification that came before them, as the session met them live", () => {
    const retail = loadDomain("retail");
    const live = createSession(retail);
    const find = { id: "c1", name: "find_customer_by_email", arguments: { email: "ana.moreno@example.com" } };
    const cancel = { id: "c2", name: "cancel_pending_order", arguments: { order_id: "ord_1001" } };
    const order = { id: "c3", name: "get_order_details", arguments: { order_id: "ord_1001" } };
    const d = recordedDialogue("identified", retail, live, "Please cancel order ord_1001. I'm ana.moreno@example.com.", [find, cancel, order], "Order ord_1001 is cancelled.");
    // Every re-run of a user-scoped call, seen through the sessions tool-annotate opens.
    const reruns: Array<string | undefined> = [];
    const spy = spySessions((c, r) => {
      if (c.name === cancel.name || c.name === order.name) reruns.push(r.error?.type ?? "ok");
    });
    const graded = calls(annotateDialogue(d, retail, { alternatives: 0, openSession: spy })).map((c) => (c.grade as Grade).ok);
    expect(graded).toEqual([true, true, true]);
    expect(reruns.length).toBeGreaterThan(1);
    expect(reruns).not.toContain("identity_required");
  });

  it("replays identity calls before a re-run only when the pack enforces its identity rule", () => {
    // tau-retail declares "enforced": false: its tools refuse no one, so an identification changes nothing to replay.
    const tau = loadDomain("tau-retail");
    const find = { id: "c1", name: "find_user_id_by_email", arguments: { email: "noah.brown7922@example.com" } };
    const user = { id: "c2", name: "get_user_details", arguments: { user_id: "noah_brown_6181" } };
    const d = recordedDialogue("unenforced", tau, createSession(tau), "I'm noah.brown7922@example.com, what is on my account?", [find, user], "Your account is noah_brown_6181.");
    const identityCalls = (domain: typeof tau): number => {
      let n = 0;
      const spy = spySessions((c) => {
        if (c.name === find.name) n++;
      });
      annotateDialogue({ ...d, domain: domain.name }, domain, { alternatives: 0, openSession: spy });
      return n;
    };
    // Unenforced: the identification runs once, for its own grade; nothing replays it before the user lookup.
    expect(new DialogueExecutor(tau, createSession, tau.tools, d.messages as Obj[]).changesSession(find.name)).toBe(false);
    expect(identityCalls(tau)).toBe(1);
    // The same pack with the rule enforced: the identification is replayed before the later call's re-run.
    const dir = mkdtempSync(join(tmpdir(), "chatmill-enforced-"));
    cpSync(tau.dir, dir, { recursive: true });
    const pack = JSON.parse(readFileSync(join(dir, "pack.json"), "utf8")) as { policy: { identity: Obj } };
    pack.policy.identity.enforced = true;
    pack.policy.identity.refusal = "Identify the user first.";
    writeFileSync(join(dir, "pack.json"), JSON.stringify(pack));
    const enforced = loadDomain(join(dir, "pack.json"));
    expect(new DialogueExecutor(enforced, createSession, enforced.tools, d.messages as Obj[]).changesSession(find.name)).toBe(true);
    expect(identityCalls(enforced)).toBeGreaterThan(1);
  });

  it("makes wrong-tool alternatives only of tools the dialogue offered the model", () => {
    const d = byId("retail-red-dress");
    const offered = ["search_items", "filter_items", "get_item_details"];
    d.tools = loadDomain("retail").tools.filter((t) => offered.includes(t.function.name));
    const out = annotateDialogue(d, loadDomain("retail"), { alternatives: 4, defects: ["wrong_tool"] });
    const names = calls(out).flatMap((c) => (c.alternatives as Obj[]).filter((a) => a.call).map((a) => (a.call as Obj).name as string));
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(offered).toContain(n);
  });

  it("flags a reply that names items the result does not show", () => {
    const d = byId("retail-red-dress");
    const msgs = d.messages as Obj[];
    msgs[4] = { role: "assistant", content: "Try the Chaz Kangeroo Hoodie, only $52!" };
    const g = calls(annotateDialogue(d, loadDomain("retail"), { alternatives: 0 }))[0]!.grade as Grade;
    expect(g.grounded).toBe(false);
    expect(g.notes!.join(" ")).toMatch(/Chaz Kangeroo Hoodie/);
  });

  it("grounded is null when no assistant text follows the result", () => {
    const d = byId("ops-yo-check");
    (d.messages as Obj[]).splice(3, 1);
    const g = calls(annotateDialogue(d, loadDomain("ops"), { alternatives: 0 }))[0]!.grade as Grade;
    expect(g.grounded).toBeNull();
  });
});

describe("alternatives", () => {
  const domain = loadDomain("retail");
  const out = annotateDialogue(byId("retail-red-dress"), domain, { alternatives: 10 });

  it("each carries a known defect, differs from the chosen call, and its recorded result equals re-running it", () => {
    const exec = new DialogueExecutor(domain, createSession, out.tools as never, out.messages as Obj[]);
    let n = 0;
    for (const c of calls(out)) {
      for (const alt of c.alternatives as Array<Obj & { call?: { name: string; arguments: Obj }; text?: string }>) {
        n += 1;
        expect([...DEFECTS, "failed_call"]).toContain(alt.defect);
        const same = alt.call && alt.call.name === c.name && JSON.stringify(alt.call.arguments) === JSON.stringify(c.arguments);
        expect(Boolean(same) && alt.text === undefined).toBe(false);
        expect(alt.result).toBe(alt.call ? exec.run(alt.call, []).content : null);
      }
    }
    expect(n).toBeGreaterThan(10);
  });

  it("builds seed 004's format errors as a real assistant made them", () => {
    const alts = (calls(out)[0]!.alternatives as Obj[]).reduce<Record<string, Obj>>((acc, a) => ({ ...acc, [String(a.defect)]: a }), {});
    expect(JSON.parse(String(alts.action_key_instead_of_tool!.text))).toHaveProperty("action", "filter_items");
    expect(alts.action_key_instead_of_tool!.result).toBeNull();
    expect(alts.plan_as_python_dict!.text).toMatch(/\{'step': 1, 'tool': 'filter_items', 'args': \{'category': 'tees'/);
    // retail has no "none" tool: the error is the plan text naming it, which cannot run
    expect(alts.tool_none!.call).toBeUndefined();
    expect(JSON.parse(String(alts.tool_none!.text))).toEqual({ tool: "none", args: {} });
    expect(alts.tool_none!.ok).toBe(false);
    expect((alts.wrong_count!.grade as Grade).grounded).toBe(false);
    expect(String(alts.wrong_count!.text)).toMatch(/^I found \d+ options?/);
  });

  it("tool none in a domain that offers it (ops) runs, but moves nothing", () => {
    const o = annotateDialogue(byId("ops-yo-check"), loadDomain("ops"), { alternatives: 1, defects: ["tool_none"] });
    const alt = (calls(o)[0]!.alternatives as Obj[])[0]!;
    expect(alt.ok).toBe(true);
    expect((alt.grade as Grade).progress).toBe(0);
  });

  it("is deterministic per dialogue id and seed, and changes with the seed", () => {
    const a = annotateDialogue(byId("retail-red-dress"), domain, { alternatives: 3, seed: 1 });
    const b = annotateDialogue(byId("retail-red-dress"), domain, { alternatives: 3, seed: 1 });
    expect(b).toEqual(a);
    const seeds = [2, 3, 4, 5].map((seed) => JSON.stringify(annotateDialogue(byId("retail-red-dress"), domain, { alternatives: 3, seed }).messages));
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it("does not depend on record order (the transform draws from ctx.rng(dialogue.id))", async () => {
    const run = async (records: Obj[]) => {
      const ctx = new Context({ seed: 7 });
      const out: Obj[] = [];
      for await (const r of makeTransform({ alternatives: 2, loadDomain, openSession: createSession }, ctx)(fromValues(records), ctx)) out.push(r as Obj);
      return new Map(out.map((o) => [o.id, JSON.stringify(o)]));
    };
    const x = await run(fixtures);
    const y = await run([...fixtures].reverse());
    expect(y).toEqual(x);
  });
});

describe("grounding links", () => {
  it("links every item an assistant message names to its catalog record, with its image and the call that showed it", () => {
    const out = annotateDialogue(byId("retail-red-dress"), loadDomain("retail"), { alternatives: 0 });
    const reply = (out.messages as Obj[])[4]!;
    const links = reply.grounding as Obj[];
    expect(links.length).toBe(2);
    for (const l of links) {
      const row = loadDomain("retail").table("items").find((r) => r.id === l.item_id)!;
      expect(l).toEqual({ item_id: row.id, name: row.name, table: "items", image: row.image, call_id: "call_1" });
    }
  });
});

describe("inferred calls", () => {
  it("adds the lookup an assistant skipped, executed and marked inferred, before the reply it supports", () => {
    const out = annotateDialogue(byId("retail-no-call"), loadDomain("retail"), { alternatives: 2 });
    const msgs = out.messages as Obj[];
    expect(msgs.map((m) => m.role)).toEqual(["user", "assistant", "tool", "assistant"]);
    const call = (msgs[1]!.tool_calls as Obj[])[0]!;
    expect(call).toMatchObject({ name: "get_item_details", arguments: { item_id: "MH01" }, inferred: true });
    expect(msgs[2]).toMatchObject({ tool_call_id: call.id, ok: true, inferred: true });
    expect((call.grade as Grade).grounded).toBe(true);
    expect((out.annotated as Obj).inferred).toBe(1);
  });

  it("turns MultiWOZ dialogue state into find_restaurant, and a booking confirmation into book_restaurant", () => {
    const state = (intent: string, slots: Obj) => ({ restaurant: { active_intent: intent, requested_slots: [], slot_values: slots } });
    const d: Obj = {
      id: "mwoz-mini",
      source: { dataset: "multiwoz22" },
      tools: [],
      messages: [
        { role: "user", content: "I want a cheap italian place in the centre.", state: state("find_restaurant", { "restaurant-area": ["centre"], "restaurant-food": ["italian"], "restaurant-pricerange": ["cheap"] }) },
        { role: "assistant", content: "Pizza hut city centre is a good cheap italian place." },
        { role: "user", content: "Book it for 2 on friday at 18:00.", state: state("book_restaurant", { "restaurant-area": ["centre"], "restaurant-food": ["italian"], "restaurant-pricerange": ["cheap"], "restaurant-name": ["pizza hut city centre"], "restaurant-bookday": ["friday"], "restaurant-bookpeople": ["2"], "restaurant-booktime": ["18:00"] }) },
        { role: "assistant", content: "Booked! Your reference number is 7GAWK763." },
        { role: "user", content: "Thanks, bye.", state: state("book_restaurant", { "restaurant-name": ["pizza hut city centre"] }) },
        { role: "assistant", content: "Have a great day!" },
      ],
    };
    const out = annotateDialogue(d, loadDomain("travel"), { alternatives: 2 });
    const cs = calls(out);
    expect(cs.map((c) => c.name)).toEqual(["find_restaurant", "book_restaurant"]);
    expect(cs[0]!.arguments).toEqual({ area: "centre", food: "italian", pricerange: "cheap" });
    const pizza = loadDomain("travel").table("restaurant").find((r) => r.name === "pizza hut city centre")!;
    expect(cs[1]!.arguments).toEqual({ restaurant_id: pizza.id, day: "friday", people: 2, time: "18:00" });
    for (const c of cs) expect((c.grade as Grade).ok).toBe(true);
    // the inferred calls' tools come first; tools that only alternatives call follow them
    expect((out.tools as Obj[]).map((t) => (t.function as Obj).name).slice(0, 2)).toEqual(["find_restaurant", "book_restaurant"]);
    const offered = new Set((out.tools as Obj[]).map((t) => (t.function as Obj).name));
    for (const c of cs) for (const a of c.alternatives as Obj[]) if (a.call) expect(offered).toContain((a.call as Obj).name);
  });
});

describe("tools the domain lacks", () => {
  it("runs SGD-style calls on the rows the dialogue's own results recorded", () => {
    const d: Obj = {
      id: "sgd-mini",
      tools: [{ type: "function", function: { name: "FindRestaurants", parameters: { type: "object", properties: { city: { type: "string" }, cuisine: { type: "string" } }, required: ["city", "cuisine"] } } }],
      messages: [
        { role: "user", content: "Any Mexican food in San Jose?" },
        { role: "assistant", content: null, tool_calls: [{ id: "call_1", name: "FindRestaurants", arguments: { city: "San Jose", cuisine: "Mexican" } }] },
        { role: "tool", tool_call_id: "call_1", name: "FindRestaurants", ok: true, content: JSON.stringify([{ city: "San Jose", cuisine: "Mexican", restaurant_name: "Chacho's", price_range: "moderate" }, { city: "San Jose", cuisine: "Mexican", restaurant_name: "La Victoria Taqueria", price_range: "inexpensive" }]) },
        { role: "assistant", content: "I found 2 places: Chacho's and La Victoria Taqueria." },
      ],
    };
    const out = annotateDialogue(d, undefined, { alternatives: 3 });
    const c = calls(out)[0]!;
    expect(c.grade).toMatchObject({ schema_valid: true, executed: true, ok: true, grounded: true });
    const missing = annotateDialogue(d, undefined, { alternatives: 1, defects: ["missing_arg"] });
    const alt = (calls(missing)[0]!.alternatives as Obj[])[0]!;
    expect(alt.grade).toMatchObject({ schema_valid: false, executed: false });
  });
});

describe("grading measures what it claims (issue 6 on dialogue-sim output)", () => {
  const run = (domainName: string, name: string, args: Obj) => createSession(loadDomain(domainName), { failureRate: 0 }).call({ name, arguments: args }).content;
  const dialogue = (domainName: string, scenario: Obj | undefined, messages: Obj[]): Obj => ({
    id: `t-${domainName}-${messages.length}`,
    domain: domainName,
    ...(scenario ? { scenario: { domain: domainName, ...scenario } } : {}),
    tools: loadDomain(domainName).tools,
    messages,
  });

  it("a retry of a call whose recorded result was an injected empty list is no repeat; a repeat of one the context holds is", () => {
    const args = { role: "web" };
    const full = run("ops", "list_agents", args);
    const msgs = (first: string): Obj[] => [
      { role: "user", content: "list the web servers" },
      { role: "assistant", content: "Checking.", tool_calls: [{ id: "c1", name: "list_agents", arguments: args }] },
      { role: "tool", tool_call_id: "c1", name: "list_agents", content: first, ok: true },
      { role: "assistant", content: "Nothing came back, which is odd. Trying again." },
      { role: "user", content: "ok, again" },
      { role: "assistant", content: null, tool_calls: [{ id: "c2", name: "list_agents", arguments: args }] },
      { role: "tool", tool_call_id: "c2", name: "list_agents", content: full, ok: true },
      { role: "assistant", content: "web-01 and web-02 are both healthy." },
    ];
    const retry = calls(annotateDialogue(dialogue("ops", undefined, msgs('{"count":0,"results":[],"total":0}')), loadDomain("ops"), { alternatives: 0 }))[1]!;
    expect((retry.grade as Grade).notes!.join(" ")).not.toMatch(/repeats an earlier call/);
    expect((retry.grade as Grade).progress).toBeGreaterThan(0);
    const again = calls(annotateDialogue(dialogue("ops", undefined, msgs(full)), loadDomain("ops"), { alternatives: 0 }))[1]!;
    expect((again.grade as Grade).progress).toBe(0);
  });

  it("checks the reply after the result, not the preamble before it, and its numbers", () => {
    const args = { agent: "db-01", command: "uptime" };
    const content = run("ops", "run_command", args);
    const output = String((JSON.parse(content) as Obj).output).trim();
    const d = dialogue("ops", undefined, [
      { role: "user", content: "show me what `uptime` says on db-01" },
      { role: "assistant", content: "Executing on `db-01`.", tool_calls: [{ id: "c1", name: "run_command", arguments: args }] },
      { role: "tool", tool_call_id: "c1", name: "run_command", content, ok: true },
      { role: "assistant", content: `Here's the output: ${output}` },
    ]);
    const c = calls(annotateDialogue(d, loadDomain("ops"), { alternatives: 0 }))[0]!;
    expect(c.grade).toMatchObject({ grounded: true, support: 1 });
    // read_logs on the same agent shows none of the figures the reply quotes, nor the command the user asked for.
    const o = annotateDialogue(d, loadDomain("ops"), { alternatives: 1, defects: ["wrong_tool"] });
    const alt = (calls(o)[0]!.alternatives as Obj[])[0]!;
    expect((alt.grade as Grade).success_rate).toBeLessThan((c.grade as Grade).success_rate);
    expect(formula(alt.grade as Grade)).toBe((alt.grade as Grade).success_rate);
  });

  describe("a right call the data refused is graded refused; a guess or a call before the policy allows is not", () => {
    const email = "ana.moreno@example.com";
    /** The user's message, then (optionally) the identity call, then the cancel, each run in order on one session. */
    const cancelDialogue = (user: string, identify: boolean, orderId: string): Obj => {
      const s = createSession(loadDomain("retail"), { failureRate: 0 });
      const steps: Array<{ id: string; name: string; arguments: Obj }> = [
        ...(identify ? [{ id: "c1", name: "find_customer_by_email", arguments: { email } }] : []),
        { id: "c2", name: "cancel_pending_order", arguments: { order_id: orderId } },
      ];
      return dialogue("retail", undefined, [
        { role: "user", content: user },
        ...steps.flatMap((c) => {
          const r = s.call(c);
          return [
            { role: "assistant", content: null, tool_calls: [c] },
            { role: "tool", tool_call_id: c.id, name: c.name, content: r.content, ok: r.ok },
          ];
        }),
        { role: "assistant", content: `Order ${orderId} was already delivered, so it can't be cancelled.` },
      ]);
    };
    const cancelGrade = (d: Obj) => calls(annotateDialogue(d, loadDomain("retail"), { alternatives: 0 })).find((c) => c.name === "cancel_pending_order")!.grade as Grade;

    it("the order the user named, already delivered: refused, K = 0 as for any failure", () => {
      const g = cancelGrade(cancelDialogue(`I'm ${email}. Please cancel my order ord_1002.`, true, "ord_1002"));
      expect(g).toMatchObject({ schema_valid: true, executed: true, ok: false, refused: true });
      expect(g.success_rate).toBe(formula(g));
      expect(g.notes!.join(" ")).toMatch(/refused by the data's state/);
    });

    it("an order id from nowhere in the dialogue is a guess: not refused", () => {
      const g = cancelGrade(cancelDialogue(`I'm ${email}. Please cancel my last order.`, true, "ord_1002"));
      expect(g.ok).toBe(false);
      expect(g.refused).toBeUndefined();
    });

    it("a cancel before the customer is identified is the policy's refusal, the caller's mistake: not refused", () => {
      const g = cancelGrade(cancelDialogue(`Please cancel my order ord_1002.`, false, "ord_1002"));
      expect(g.notes!.join(" ")).toMatch(/identity_required/);
      expect(g.refused).toBeUndefined();
    });

    it("an order that does not exist is not found, not refused, even when the user named it", () => {
      const g = cancelGrade(cancelDialogue(`I'm ${email}. Please cancel my order ord_9999.`, true, "ord_9999"));
      expect(g.notes!.join(" ")).toMatch(/not_found/);
      expect(g.refused).toBeUndefined();
    });
  });

  it("a call the environment did not answer (unreachable host) is graded on what it asks: K = 0.5", () => {
    const args = { agent: "backup-01", command: "df -h" };
    const d = dialogue("ops", undefined, [
      { role: "user", content: "`df -h` on backup-01 please" },
      { role: "assistant", content: null, tool_calls: [{ id: "c1", name: "run_command", arguments: args }] },
      { role: "tool", tool_call_id: "c1", name: "run_command", content: run("ops", "run_command", args), ok: false },
      { role: "assistant", content: "backup-01 is not answering." },
    ]);
    const c = calls(annotateDialogue(d, loadDomain("ops"), { alternatives: 2, defects: ["hallucinated_id", "tool_none"] }))[0]!;
    const g = c.grade as Grade;
    expect(g).toMatchObject({ ok: false, environment_failure: true });
    expect(g.progress).toBeGreaterThan(0);
    expect(g.success_rate).toBe(formula(g));
    for (const a of c.alternatives as Obj[]) expect((a.grade as Grade).success_rate).toBeLessThan(g.success_rate);
  });

  it("an information service's table is no catalog: a reply naming a topic (`systemctl restart`) claims no row", () => {
    const ops = loadDomain("ops");
    const topics = ops.services.find((x) => x.facts)!.table!;
    expect(catalogTables(ops)).not.toContain(topics);
    expect(catalogTables(ops)).toEqual(expect.arrayContaining(["agents", "services"]));
    const named = catalogIndex(ops).find("Got it — I'll run `systemctl restart nginx` on web-01, then `uptime`.").map((m) => m.entry.table);
    expect(named).toContain("agents");
    expect(named).not.toContain(topics);
  });

  it("a hand-off the task expects is its step (progress 1); the same hand-off the task does not expect is not", () => {
    const args = { summary: "The user wants to report lost property" };
    const msgs = [
      { role: "user", content: "I left my bag in the taxi, can a person help?" },
      { role: "assistant", content: null, tool_calls: [{ id: "c1", name: "transfer_to_human_agents", arguments: args }] },
      { role: "tool", tool_call_id: "c1", name: "transfer_to_human_agents", content: run("travel", "transfer_to_human_agents", args), ok: true },
      { role: "assistant", content: "Passing you to a colleague now." },
    ];
    const scenario = (actions: Obj[]) => ({ services: ["taxi"], goal: { text: "Report lost property", constraints: [], end_state: [] }, task: { evaluation: { actions } } });
    const grade = (actions: Obj[]) => calls(annotateDialogue(dialogue("travel", scenario(actions), msgs), loadDomain("travel"), { alternatives: 0 }))[0]!.grade as Grade;
    const expected = grade([{ name: "transfer_to_human_agents", arguments: args }]);
    expect(expected.progress).toBe(1);
    expect(expected.success_rate).toBe(formula(expected));
    expect(expected.notes!.join(" ")).toMatch(/task's expected actions/);
    expect(grade([{ name: "book_taxi", arguments: {} }]).progress).toBe(0);
  });

  it("a direct answer serves a goal whose services hold no data; a data call does not", () => {
    const direct = [
      { role: "user", content: "can you explain how escalation works?" },
      { role: "assistant", content: null, tool_calls: [{ id: "c1", name: "none", arguments: { reason: "explaining escalation" } }] },
      { role: "tool", tool_call_id: "c1", name: "none", content: run("ops", "none", { reason: "explaining escalation" }), ok: true },
      { role: "assistant", content: "In short: escalation means handing it to someone senior." },
    ];
    const goal = { services: ["learning"], goal: { text: "Learn what a command does", constraints: [], end_state: [{ type: "info_provided", service: "learning" }] } };
    // ops as it was before its learning service had notes: a service with no table.
    const dir = mkdtempSync(join(tmpdir(), "chatmill-ops-nodata-"));
    cpSync(dirname(resolvePackFile("ops")), dir, { recursive: true });
    const pack = JSON.parse(readFileSync(join(dir, "pack.json"), "utf8")) as { services: Obj[]; categories: Record<string, Obj> };
    const learning = pack.services.find((x) => x.name === "learning")!;
    for (const k of ["table", "facts", "says", "search_fields"]) delete learning[k];
    for (const c of learning.categories as string[]) delete pack.categories[c]!.where;
    writeFileSync(join(dir, "pack.json"), JSON.stringify(pack));
    const d = dialogue("ops", goal, direct);
    const c = calls(annotateDialogue(d, loadDomain(dir), { alternatives: 3, defects: ["wrong_tool", "missing_arg", "unnecessary_call"] }))[0]!;
    expect((c.grade as Grade).progress).toBe(1);
    // The built-in ops answers learning questions from its notes: there a direct answer serves nothing.
    expect((calls(annotateDialogue(d, loadDomain("ops"), { alternatives: 0 }))[0]!.grade as Grade).progress).toBe(0);
    // Dropping the free-text reason changes nothing: not a defect, so not proposed.
    expect((c.alternatives as Obj[]).map((a) => a.defect)).not.toContain("missing_arg");
    for (const a of c.alternatives as Obj[]) expect((a.grade as Grade).success_rate).toBeLessThan((c.grade as Grade).success_rate);
  });

  it("wrong_tool never proposes a tool the pack declares alike (find_bus for find_train) or one with the chosen result", () => {
    const args = { departure: "cambridge", destination: "ely" };
    const d = dialogue("travel", { services: ["train"], goal: { text: "Get a train to Ely", constraints: [{ field: "destination", op: "eq", value: "ely", service: "train", table: "train" }], end_state: [] } }, [
      { role: "user", content: "a train from cambridge to ely please" },
      { role: "assistant", content: null, tool_calls: [{ id: "c1", name: "find_train", arguments: args }] },
      { role: "tool", tool_call_id: "c1", name: "find_train", content: run("travel", "find_train", args), ok: true },
      { role: "assistant", content: "Here are a few trains to ely." },
    ]);
    for (const seed of [0, 1, 2, 3, 4]) {
      const c = calls(annotateDialogue(d, loadDomain("travel"), { alternatives: 1, defects: ["wrong_tool"], seed }))[0]!;
      for (const a of c.alternatives as Array<Obj & { call: { name: string } }>) {
        expect(a.call.name).not.toBe("find_bus");
        expect(a.result).not.toBe(run("travel", "find_train", args));
      }
    }
  });

  it("a cancel where the goal expects the booking modified contradicts the goal", () => {
    const travel = loadDomain("travel");
    const s = createSession(travel, { failureRate: 0 });
    const hotel = JSON.parse(s.call({ name: "find_hotel", arguments: {} }).content) as { results: Obj[] };
    const setup = { name: "book_hotel", arguments: { hotel_id: String(hotel.results[0]!.id), day: "monday", stay: 1, people: 2 } };
    const booking = JSON.parse(s.call(setup).content) as Obj;
    const d: Obj = {
      ...dialogue("travel", { services: ["hotel"], goal: { text: "Make my booking for 5 people", constraints: [], end_state: [{ type: "booking_modified", service: "hotel", table: "hotel", match: { people: 5 } }] } }, [
        { role: "user", content: `please make booking ${String(booking.id)} for 5 people` },
        { role: "assistant", content: null, tool_calls: [{ id: "c1", name: "modify_hotel_booking", arguments: { booking_id: booking.id, people: 5 } }] },
      ]),
      meta: { setup: [setup] },
    };
    let cancel: (Obj & { grade: Grade }) | undefined;
    for (let seed = 0; seed < 40 && !cancel; seed++) {
      const c = calls(annotateDialogue(d, travel, { alternatives: 1, defects: ["wrong_tool"], seed }))[0]!;
      expect((c.grade as Grade).progress).toBe(1);
      cancel = (c.alternatives as Array<Obj & { call: { name: string }; grade: Grade }>).find((a) => a.call.name === "cancel_hotel_booking");
    }
    expect(cancel).toBeDefined();
    expect(cancel!.grade.notes!.join(" ")).toMatch(/cancels where the goal expects booking modified/);
    expect(cancel!.grade.progress).toBeLessThan(1);
  });

  it("ignored_context asks for another value than the one the user gave earlier, never one the user said; it grades below the call", () => {
    const args = { role: "database", status: "degraded" };
    const content = run("ops", "list_agents", args);
    const names = (JSON.parse(content) as Obj[] | Obj) as unknown;
    const rows = (Array.isArray(names) ? names : ((names as Obj).agents ?? (names as Obj).results ?? [])) as Obj[];
    const d = dialogue("ops", undefined, [
      { role: "user", content: "I look after the database hosts" },
      { role: "assistant", content: "Sure, what do you need?" },
      { role: "user", content: "which ones are degraded or healthy right now?" },
      { role: "assistant", content: null, tool_calls: [{ id: "c1", name: "list_agents", arguments: args }] },
      { role: "tool", tool_call_id: "c1", name: "list_agents", content, ok: true },
      { role: "assistant", content: `${rows.length} degraded: ${rows.map((r) => String(r.id ?? r.name)).join(", ")}.` },
    ]);
    for (const seed of [1, 2, 3, 4, 5]) {
      const c = calls(annotateDialogue(d, loadDomain("ops"), { alternatives: 1, defects: ["ignored_context"], seed }))[0]!;
      const alt = (c.alternatives as Obj[])[0]!;
      // role=database was said in the earlier turn, not the latest: it is the one forgotten, replaced by a role nobody said.
      expect(alt.detail).toMatch(/^stale_context: forgets role="database", which the user said earlier, and asks for "/);
      const role = String(((alt.call as Obj).arguments as Obj).role);
      expect(role).not.toBe("database");
      expect(((alt.call as Obj).arguments as Obj).status).toBe("degraded");
      expect((alt.grade as Grade).success_rate).toBeLessThanOrEqual((c.grade as Grade).success_rate - 0.05);
    }
  });
});
