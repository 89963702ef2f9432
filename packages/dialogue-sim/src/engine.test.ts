import { createSession, judge, loadDomain, transcriptOf } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { Dialogue, type Scenario } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { offlineDialogue } from "./engine/dialogue.js";
import { replayMismatches, ungrounded } from "./testing/replay.js";
import { sampleScenarios } from "./testing/scenarios.js";

type Msg = Record<string, any>;
const opts = { failureRate: 0.15, createSession, tool: "dialogue-sim", version: "test", seed: 1 };

function simulate(domainName: string, scenarios: Scenario[], failureRate = 0.15) {
  const domain = loadDomain(domainName);
  return scenarios.map((s) => offlineDialogue(s, domain, Rng.for(1, s.id, "dialogue"), { ...opts, failureRate }));
}

describe.each(["retail", "travel", "ops"])("offline engine on the built-in %s domain", (domainName) => {
  const scenarios = sampleScenarios(domainName, 1000, 3);
  const results = simulate(domainName, scenarios);
  const dialogues = results.map((r) => r.dialogue as unknown as Msg);

  it("1,000 dialogues validate against the Dialogue schema", () => {
    const invalid = dialogues.map((d) => Dialogue.safeParse(d)).filter((r) => !r.success);
    expect(invalid.length, invalid[0] && !invalid[0].success ? JSON.stringify(invalid[0].error.issues[0]) : "").toBe(0);
  });

  it("every tool message equals what the tool returns when re-run on the recorded state", () => {
    const bad = dialogues.flatMap((d) => replayMismatches(domainName, d));
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it("every item an assistant recommends appears in an earlier tool result", () => {
    const bad = dialogues.flatMap(ungrounded);
    expect(bad.slice(0, 5)).toEqual([]);
    // ops' escalation tasks (a third of its scenarios) hand off without showing hosts: fewer dialogues ground an item there.
    expect(dialogues.filter((d) => d.messages.some((m: Msg) => m.grounding?.length)).length).toBeGreaterThan(domainName === "ops" ? 350 : 500);
  });

  it("about 15% of tool calls fail and the assistant recovers from a first failure in the next turns", () => {
    const tools = dialogues.flatMap((d) => d.messages.filter((m: Msg) => m.role === "tool" && m.name !== "none"));
    const injected = tools.filter((m: Msg) => m.injected).length;
    expect(injected / tools.length).toBeGreaterThan(0.1);
    expect(injected / tools.length).toBeLessThan(0.2);
    // After each injected failure the assistant's next message is labelled failure_recovery.
    let failures = 0;
    let recovered = 0;
    for (const d of dialogues) {
      const ms = d.messages as Msg[];
      ms.forEach((m, i) => {
        // A first attempt (not itself a retry) whose result shows a failure: an error, or a list the backend says it cut.
        // An injected empty looks like any empty list, which is an answer: the assistant does not retry it.
        if (m.role !== "tool" || !m.injected || m.injected === "empty" || ms[i - 1]?.labels?.variation === "failure_recovery") return;
        failures++;
        const next = ms.slice(i + 1).find((x) => x.role === "assistant");
        if (next?.labels?.variation === "failure_recovery") recovered++;
      });
    }
    expect(recovered / failures).toBeGreaterThan(0.95);
  });

  it("ends a sentence before the follow-up offer that comes after it", () => {
    const runOn = /[\p{Ll}\p{N}%] (Want|Should|Need|Fancy|Shall|Anything else)\b/u;
    const bad = dialogues.flatMap((d) => (d.messages as Msg[]).filter((m) => m.role === "assistant" && runOn.test(m.content ?? "")).map((m) => m.content));
    expect(bad.slice(0, 3)).toEqual([]);
  });

  it.runIf(domainName === "ops")("settles on a host as an operator would, not as a shop does", () => {
    const shop = /great choice|good pick|nice one|solid choice|a winner|you'll like it/i;
    const bad = dialogues.flatMap((d) => (d.messages as Msg[]).filter((m) => m.role === "assistant" && m.labels?.intent === "recommend" && shop.test(m.content ?? "")).map((m) => m.content));
    expect(bad.slice(0, 3)).toEqual([]);
  });

  it("treats an injected empty list as it treats a real one: no retry, the answer is that nothing came back", () => {
    let empties = 0;
    for (const d of dialogues) {
      const ms = d.messages as Msg[];
      ms.forEach((m, i) => {
        if (m.role !== "tool" || !m.ok || !/^\{"count":0,"results":\[\]/.test(m.content)) return;
        empties++;
        const next = ms[i + 1];
        // Whether injected or real, the next message answers from the empty list; it never calls the same tool again at once.
        expect((next?.tool_calls ?? []).some((c: Msg) => c.name === m.name), `${d.id} ${m.injected ?? "real"}`).toBe(false);
      });
    }
    expect(empties).toBeGreaterThan(10);
  });

  it("says what went wrong when it retries: a timeout is not an empty answer", () => {
    const said = { timeout: /timed out|didn't answer in time|hung|no answer|too long|timeout|टाइमआउट|जवाब नहीं आया|response nahi/i, empty: /empty|nothing came back|खाली|कुछ नहीं लौटा|khaali|return nahi/i, partial: /part of the list|cut short|आधी|अधूरा|aadhi|adhoora/i };
    let retries = 0;
    for (const d of dialogues) {
      const ms = d.messages as Msg[];
      ms.forEach((m, i) => {
        if (m.role !== "tool" || !m.injected) return;
        const next = ms.slice(i + 1).find((x) => x.role === "assistant");
        // The retry: the next assistant message makes the same call again (two calls sent together are retried one by one).
        const call = ms.flatMap((x) => (x.tool_calls ?? []) as Msg[]).find((c) => c.id === m.tool_call_id);
        if (!next?.tool_calls?.some((c: Msg) => c.name === m.name && JSON.stringify(c.arguments) === JSON.stringify(call?.arguments)) || !next.content) return;
        retries++;
        const kind = m.injected === "empty" ? "empty" : m.injected === "partial" ? "partial" : m.injected === "timeout" ? "timeout" : "error";
        for (const [k, re] of Object.entries(said)) {
          if (k === kind) expect(next.content, `${m.injected}: ${next.content}`).toMatch(re);
          else expect(next.content, `${m.injected}: ${next.content}`).not.toMatch(re);
        }
      });
    }
    expect(retries).toBeGreaterThan(20);
  });

  it("labels every user and assistant message, marks tool results ok/error, and checks the outcome", () => {
    const problems: string[] = [];
    for (const d of dialogues) {
      for (const [i, m] of (d.messages as Msg[]).entries()) {
        const at = `${d.id} message ${i}`;
        if ((m.role === "user" || m.role === "assistant") && (typeof m.labels?.intent !== "string" || typeof m.labels?.emotion !== "string")) problems.push(`${at}: labels`);
        if (m.role === "tool" && (typeof m.ok !== "boolean" || (!m.ok && typeof m.error?.type !== "string"))) problems.push(`${at}: ok/error`);
        if (m.role === "user" && !m.content.trim()) problems.push(`${at}: empty user turn`);
        if (i > 0 && m.role === "user" && d.messages[i - 1].role === "user") problems.push(`${at}: two user turns in a row`);
      }
      if (!(d.outcome.reward >= 0 && d.outcome.reward <= 1)) problems.push(`${d.id}: reward ${d.outcome.reward}`);
      if (d.meta.engine !== "offline" || d.meta.tool !== "dialogue-sim" || d.meta.seed !== 1) problems.push(`${d.id}: meta`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it("takes its outcome from the checker: goal_met is reward 1, escalated means the hand-off ran, resolved needs a feasible task met", () => {
    const domain = loadDomain(domainName);
    let over = 0;
    for (const [i, d] of dialogues.entries()) {
      const s = scenarios[i]!;
      const task = d.scenario.task;
      expect(task, d.id).toBeDefined();
      const j = judge(domain, task.evaluation, transcriptOf(d.messages, d.meta.setup));
      expect(d.outcome.reward, d.id).toBe(j.reward);
      expect(d.outcome.goal_met, d.id).toBe(j.reward === 1);
      const handedOff = d.messages.some((m: Msg) => (m.tool_calls ?? []).some((c: Msg) => c.name === domain.handoffTool));
      expect(d.outcome.resolution === "escalated", d.id).toBe(handedOff);
      if (d.outcome.resolution === "resolved") expect([j.reward, task.expected ?? "resolved"], d.id).toEqual([1, "resolved"]);
      const userTurns = d.messages.filter((m: Msg) => m.role === "user").length;
      if (userTurns > s.turns.max + 2) over++;
    }
    expect(over / dialogues.length).toBeLessThan(0.05);
  });

  it("reaches what its task asks for: most feasible tasks are met, no infeasible one writes, escalation tasks are handed off", () => {
    const resolvable = dialogues.filter((d) => (d.scenario.task.expected ?? "resolved") === "resolved");
    expect(resolvable.length).toBeGreaterThan(100);
    expect(resolvable.filter((d) => d.outcome.reward === 1).length / resolvable.length).toBeGreaterThan(0.9);
    for (const d of dialogues.filter((x) => x.scenario.task.expected === "failed")) expect(d.outcome.resolution, d.id).toBe("failed");
    const escalations = dialogues.filter((d) => d.scenario.task.expected === "escalated");
    // An escalation task whose other requests cannot be met ends before the hand-off (the user gives up): most still reach it.
    expect(escalations.length).toBeGreaterThan(10);
    expect(escalations.filter((d) => d.outcome.resolution === "escalated").length / escalations.length).toBeGreaterThan(0.7);
  });

  it("varies its language: injected variations, small talk in about a quarter of dialogues", () => {
    const has = (v: string) => dialogues.filter((d) => d.messages.some((m: Msg) => m.labels?.variation === v)).length / dialogues.length;
    expect(has("small_talk")).toBeGreaterThan(0.2);
    expect(has("small_talk")).toBeLessThan(0.4);
    expect(has("clarification")).toBeGreaterThan(0.1);
    if (domainName !== "ops") expect(has("correction")).toBeGreaterThan(0.05);
    const users = dialogues.flatMap((d) => d.messages.filter((m: Msg) => m.role === "user").map((m: Msg) => m.content));
    // Users who give up when nothing meets their task say so in few words: slightly fewer distinct messages than when endings were drawn.
    expect(new Set(users).size / users.length).toBeGreaterThan(domainName === "ops" ? 0.7 : 0.75);
  });
});

describe("offline engine determinism and languages", () => {
  const scenarios = sampleScenarios("travel", 60, 5);

  it("a record's dialogue depends on the seed and its id only, not on its position", () => {
    const a = simulate("travel", scenarios).map((r) => JSON.stringify(r.dialogue));
    const b = simulate("travel", [...scenarios].reverse()).map((r) => JSON.stringify(r.dialogue)).reverse();
    expect(b).toEqual(a);
    const other = scenarios.map((s) => JSON.stringify(offlineDialogue(s, loadDomain("travel"), Rng.for(2, s.id, "dialogue"), opts).dialogue));
    expect(other).not.toEqual(a);
  });

  it("with --failure-rate 0 no call fails", () => {
    const ds = simulate("retail", sampleScenarios("retail", 100, 9), 0).map((r) => r.dialogue as unknown as Msg);
    expect(ds.flatMap((d) => d.messages.filter((m: Msg) => m.role === "tool" && m.injected))).toEqual([]);
  });

  it("speaks Hindi in Devanagari and Hinglish in Latin script", () => {
    const base = sampleScenarios("retail", 40, 11);
    const as = (language: string) =>
      simulate("retail", base.map((s) => ({ ...s, persona: { ...s.persona, language } })), 0).map((r) => r.dialogue as unknown as Msg);
    const userText = (ds: Msg[]) => ds.flatMap((d) => d.messages.filter((m: Msg) => m.role === "user").map((m: Msg) => m.content)).join(" ");
    expect(userText(as("hi"))).toMatch(/[\u0900-\u097F]{3,}/);
    const mixed = userText(as("mixed"));
    expect(mixed).not.toMatch(/[\u0900-\u097F]/);
    expect(mixed).toMatch(/\b(chahiye|mujhe|kya|hai)\b/);
  });

  it("answers a stressed user and an executive in their own register", () => {
    const base = sampleScenarios("ops", 40, 13);
    const first = (style: string) =>
      simulate("ops", base.map((s) => ({ ...s, persona: { ...s.persona, style, language: "en" } })), 0)
        .map((r) => (r.dialogue.messages as Msg[]).find((m) => m.role === "assistant" && m.tool_calls)?.content ?? "")
        .join(" | ");
    expect(first("stressed")).toMatch(/Hang tight|checking now|right now|immediately/);
    expect(first("casual")).toMatch(/On it|one sec|dig into|checking/i);
  });
});

describe("facts as people say them", () => {
  it("renders a row, stock options and a comparison without field dumps", async () => {
    const { factsText, compareText } = await import("./engine/facts.js");
    const { stockText } = await import("./engine/stock-text.js");
    const row = { brand: "Luma", material: ["Hemp", "Organic Cotton"], colors: ["Blue", "Orange"], eco_friendly: true, in_stock: false };
    // How each field is said is the pack's (retail's wording.values.<field>.fact), and a yes/no field's "no" too.
    const values = { ...loadDomain("retail").wording?.values, in_stock: { fact: { say: "in stock", no: "out of stock" } } };
    expect(factsText(row, [], 5, "en", { values })).toBe("by Luma, made of hemp and organic cotton, in blue or orange, eco-friendly and out of stock");
    // A field the pack says nothing of: its name's words and its value (no pack to ask: a caller without names).
    expect(factsText(row, [], 5, "en")).toBe("brand Luma, material Hemp and Organic Cotton, colors Blue and Orange, eco friendly and not in stock");
    // With the pack's names: a field it names is said by that name, one it gives no words is its value alone (never its key), and a yes/no without words is left unsaid.
    const name = (f: string) => ({ brand: "make", colors: "colours" })[f];
    expect(factsText(row, [], 5, "en", { name })).toBe("make Luma, Hemp and Organic Cotton and colours Blue and Orange");
    expect(factsText(row, [], 2, "mixed", { name })).toBe("make Luma, Hemp/Organic Cotton");
    // The label as the data writes it; lower case only where the pack's fact wording for its field says so.
    expect(stockText([{ color: "Blue", size: "L", qty: 3 }, { color: "Blue", size: "M", qty: 2 }, { color: "Red", size: "L", qty: 0 }], "en", { label: "color", size: "size", quantity: "qty" })).toBe("Blue (5 left, sizes L and M)");
    expect(compareText({ name: "A Tee", brand: "Luma", colors: ["Red"] }, { name: "B Tee", brand: "Luma", colors: ["Blue"] }, "en", ["name"], undefined, { values })).toBe("A Tee is in red, while B Tee is in blue; both are by Luma.");
    expect(factsText(row, [], 2, "mixed")).toBe("brand Luma, material Hemp/Organic Cotton");
  });
});

describe("names as an assistant writes them", () => {
  it("title-cases lower-case database names and leaves ids, hostnames and cased names alone", async () => {
    const { displayName } = await import("./engine/rows.js");
    expect(displayName("archway house")).toBe("Archway House");
    expect(displayName("the museum of archaelogy and anthropology")).toBe("The Museum of Archaelogy and Anthropology");
    for (const same of ["Radiant Tee", "web-01", "tr7075", "db_main", "iPhone case"]) expect(displayName(same)).toBe(same);
  });
});
