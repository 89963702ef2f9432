import { createSession, loadDomain, meetsConstraint } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import type { Dialogue, Scenario } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import type { Call, Domain, Session, ToolResult } from "../../contract.js";
import { sampleScenarios } from "../../testing/scenarios.js";
import { offlineDialogue, type OfflineOptions } from "../dialogue.js";
import { requestClauses } from "../reserved-request.js";

// Issue #17's bars (d) and (e), from the user's side: its first request says why it came (a value
// of its goal that its reason names, else the request as its reason puts it), and a user that was
// shown an option meeting everything it asked for does not give up when a later call fails.

const opts: OfflineOptions = { failureRate: 0.15, createSession, tool: "dialogue-sim", version: "test", seed: 0 };
const run = (s: Scenario, domain: Domain, o: OfflineOptions = opts): Dialogue => offlineDialogue(s, domain, Rng.for(0, s.id, "dialogue"), o).dialogue;
const userMessages = (d: Dialogue) => d.messages.filter((m) => m.role === "user");
const text = (m: Dialogue["messages"][number]) => (typeof m.content === "string" ? m.content.toLowerCase() : "");
const reasonOf = (s: Scenario) => s.task?.instructions?.reason ?? s.goal.text;

/** The services a pack books with nothing to search (no table): a request about one names its thing by its booking's values. */
const bookedWithoutTable = (domain: Domain) => new Set(domain.services.filter((s) => s.booking && !s.table).map((s) => s.name));

/** Whether one of the first two user messages carries the scenario's intent or names a value of its goal that its reason names. */
function reasonStated(d: Dialogue, s: Scenario): boolean {
  const firstTwo = userMessages(d).slice(0, 2);
  if (s.intent !== undefined && firstTwo.some((m) => m.labels?.intent === s.intent)) return true;
  const reason = reasonOf(s).toLowerCase();
  const values = s.goal.constraints.map((c) => String(c.value).toLowerCase()).filter((v) => v.length >= 3 && reason.includes(v));
  return values.some((v) => firstTwo.some((m) => text(m).includes(v)));
}

describe("the user's first request says why it came", () => {
  const travel = loadDomain("travel");

  it("a request about a booked thing with nothing to look up (a taxi's fare, its driver) is said as the reason puts it, with the scenario's intent", () => {
    const noTable = bookedWithoutTable(travel);
    const scenarios = sampleScenarios("travel", 600, 5).filter((s) => noTable.has(s.services[0]!) && s.goal.end_state[0]?.type === "info_provided");
    expect(scenarios.length).toBeGreaterThanOrEqual(15);
    for (const s of scenarios) {
      const d = run(s, travel);
      const ask = userMessages(d).find((m) => m.labels?.intent !== "chit_chat")!;
      // The clause names the thing by its values ("a taxi from Yu Garden to Arbury Lodge Guesthouse leaving at 06:45");
      // a Hindi or Hinglish speaker says the request in its own words, never the English reason.
      const clause = requestClauses(reasonOf(s))[0]!.toLowerCase();
      if (s.persona.language === "en" || s.persona.language === undefined) expect(text(ask)).toContain(clause);
      else expect(text(ask)).not.toContain(clause);
      expect(ask.labels?.intent).toBe(s.intent);
    }
  });

  it("in every travel dialogue and every ops one whose request names a thing, one of the first two messages carries the intent or a value the reason names, wrong values included", () => {
    const missed: string[] = [];
    let corrected = 0;
    for (const name of ["travel", "ops"]) {
      const domain = loadDomain(name);
      const noTable = bookedWithoutTable(domain);
      for (const s of sampleScenarios(name, 400, 9)) {
        // An ops question about a topic (a service with neither rows nor bookings) is another request's shape.
        const service = domain.services.find((x) => x.name === s.services[0]);
        if (!service?.table && !noTable.has(service?.name ?? "")) continue;
        const d = run(s, domain);
        if (d.messages.some((m) => (m.labels as { variation?: string } | undefined)?.variation === "correction")) corrected++;
        if (!reasonStated(d, s)) missed.push(`${name} ${s.category}: ${userMessages(d).slice(0, 2).map(text).join(" | ")}`);
      }
    }
    // A user that first says a wrong value (and corrects it) still says a right one its reason names in its first request.
    expect(corrected).toBeGreaterThan(20);
    expect(missed).toEqual([]);
  });
});

/** The pack's tools that write (create, modify, cancel): a failing backend refuses them; a read comes back empty. */
function writes(domain: Domain): Set<string> {
  return new Set(domain.pack.tools.filter((t) => ["create", "modify", "cancel"].includes(String((t.run as { op?: unknown }).op))).map((t) => t.function.name));
}

/** A session whose backend fails after its first answer that listed rows: reads come back empty, writes with a 503. */
function failingAfterFirstList(domain: Domain): OfflineOptions["createSession"] {
  const written = writes(domain);
  return (dom, o) => {
    const real = createSession(dom, { failureRate: 0, rng: o.rng });
    let listed = false;
    const session: Session = {
      domain: real.domain,
      get writes() {
        return real.writes;
      },
      rows: (table) => real.rows(table),
      digest: () => real.digest(),
      call(call: Call, context): ToolResult {
        if (listed && !context?.offstage) {
          if (written.has(call.name)) {
            const error = { type: "server_error", message: "Service temporarily unavailable; try again shortly." };
            return { ok: false, content: JSON.stringify({ error: { ...error, status: 503 } }), data: undefined, error, injected: "server_error" };
          }
          const data = { count: 0, results: [], total: 0 };
          return { ok: true, content: JSON.stringify(data), data, injected: "empty" };
        }
        const res = real.call(call, context);
        const results = (res.data as { results?: unknown } | undefined)?.results;
        if (res.ok && !context?.offstage && Array.isArray(results) && results.length > 0) listed = true;
        return res;
      },
    };
    return session;
  };
}

describe("a user shown an option that meets everything it asked for, then a failing backend", () => {
  for (const name of ["travel", "retail"]) {
    it(`${name}: takes what it saw, or thanks for it and leaves the rest — it never gives up or asks for a person`, () => {
      const domain = loadDomain(name);
      const failing = { ...opts, createSession: failingAfterFirstList(domain) };
      let shown = 0;
      const unhappy: string[] = [];
      for (const s of sampleScenarios(name, 300, 13)) {
        if (s.task?.expected === "escalated") continue;
        const tables = new Set(s.goal.constraints.map((c) => c.table));
        if (s.goal.constraints.length === 0 || tables.size !== 1) continue;
        const table = [...tables][0]!;
        const key = domain.keyOf(table);
        const { dialogue: d, trace } = offlineDialogue(s, domain, Rng.for(0, s.id, "dialogue"), failing);
        const users = userMessages(d);
        const last = users[users.length - 1]!;
        const lastAt = d.messages.lastIndexOf(last);
        // A row of the goal's table that an assistant message named (its grounding) before the user's last message, meeting every constraint.
        const satisfying = d.messages.slice(0, lastAt).some((m) =>
          ((m as { grounding?: Array<{ item_id: string; table?: string }> }).grounding ?? []).some((g) => {
            if (g.table !== table) return false;
            const row = domain.table(table).find((r) => String(r[key]) === g.item_id);
            return row !== undefined && s.goal.constraints.every((c) => meetsConstraint(row, c));
          }),
        );
        if (!satisfying) continue;
        shown++;
        // Giving up is the engine's give-up goodbye (farewell, the request dropped); a user that thanks for what it got has not.
        const intent = last.labels?.intent;
        if (intent === "escalate" || (trace!.gaveUp && intent === "farewell")) unhappy.push(`${s.category}: ${text(last)}`);
      }
      expect(shown).toBeGreaterThan(25);
      expect(unhappy).toEqual([]);
    });
  }
});
