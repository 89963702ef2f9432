// --chit-chat P and --multi-turn R, measured from the records the engine writes: a user message
// labelled intent chit_chat is small talk; a user message whose intent is neither small talk nor a
// goodbye (NOT_A_REQUEST: chit_chat, farewell, thanks) is a request (more than one: a multi-turn dialogue).
import { createSession, loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { Dialogue } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { offlineDialogue } from "./engine/dialogue.js";
import type { FlowOptions } from "./engine/offline/context.js";
import { NOT_A_REQUEST } from "./engine/offline/transcript.js";
import { replayMismatches, ungrounded } from "./testing/replay.js";
import { sampleScenarios } from "./testing/scenarios.js";

type Msg = Record<string, any>;
const N = 200;
const opts = { failureRate: 0.15, createSession, tool: "dialogue-sim", version: "test", seed: 1 };

const userMessages = (d: Msg): Msg[] => (d.messages as Msg[]).filter((m) => m.role === "user");
const chitChats = (d: Msg) => userMessages(d).filter((m) => m.labels?.intent === "chit_chat").length;
const requests = (d: Msg) => userMessages(d).filter((m) => !NOT_A_REQUEST.has(m.labels?.intent)).length;

/** Within 4 standard deviations of n·p (a wrong rate fails; chance alone fails about once in 15,000 runs). */
function expectBinomial(k: number, n: number, p: number): void {
  const sd = Math.sqrt(n * p * (1 - p));
  expect(Math.abs(k - n * p), `${k} of ${n}, expected about ${n * p}`).toBeLessThanOrEqual(4 * sd);
}

describe.each(["retail", "travel", "ops"])("--chit-chat and --multi-turn on %s", (domainName) => {
  const domain = loadDomain(domainName);
  const scenarios = sampleScenarios(domainName, N, 5);
  const run = (flow: FlowOptions) => scenarios.map((s) => offlineDialogue(s, domain, Rng.for(1, s.id, "dialogue"), { ...opts, ...flow }).dialogue as unknown as Msg);

  it("--chit-chat 0: no small talk; 1: exactly one exchange in every dialogue; 0.5: about half", () => {
    expect(run({ chitChat: 0 }).filter((d) => chitChats(d) > 0)).toHaveLength(0);
    const all = run({ chitChat: 1 });
    expect(all.map(chitChats).filter((n) => n !== 1)).toEqual([]);
    // Each user small talk is answered in kind, and it sits at the opening or midway (after results).
    for (const d of all) {
      const ms = d.messages as Msg[];
      const i = ms.findIndex((m) => m.role === "user" && m.labels?.intent === "chit_chat");
      expect(ms[i + 1]?.labels?.intent).toBe("chit_chat");
      expect(d.meta.chit_chat).toBe(1);
    }
    const openings = all.filter((d) => userMessages(d)[0]!.labels.intent === "chit_chat").length;
    // 70% are drawn for the opening, and midway ones without a point for it move there too.
    expect(openings / N).toBeGreaterThanOrEqual(0.6);
    expect(openings).toBeLessThan(N);
    expectBinomial(run({ chitChat: 0.5 }).filter((d) => chitChats(d) > 0).length, N, 0.5);
    expectBinomial(run({ chitChat: 0.2 }).filter((d) => chitChats(d) > 0).length, N, 0.2);
  });

  it("--multi-turn 0: every dialogue has one request; 1: every one has more; 0.3: about 30%", () => {
    const single = run({ multiTurn: 0 });
    expect(single.map(requests).filter((n) => n !== 1)).toEqual([]);
    // The single request is the first user message that is not small talk, and the assistant asks nothing back.
    for (const d of single) expect(userMessages(d).find((m) => m.labels.intent !== "chit_chat")).toBe(userMessages(d).find((m) => !NOT_A_REQUEST.has(m.labels.intent)));
    expect(run({ multiTurn: 1 }).filter((d) => requests(d) < 2)).toEqual([]);
    expectBinomial(run({ multiTurn: 0.3 }).filter((d) => requests(d) > 1).length, N, 0.3);
    expectBinomial(run({ multiTurn: 0.7, chitChat: 0.25 }).filter((d) => requests(d) > 1).length, N, 0.7);
  });

  it("single-turn dialogues are valid, their tool results replay, their recommendations are grounded, and most reach their goal", () => {
    const results = scenarios.map((s) => offlineDialogue(s, domain, Rng.for(1, s.id, "dialogue"), { ...opts, multiTurn: 0 }).dialogue as unknown as Msg);
    const invalid = results.map((d) => Dialogue.safeParse(d)).filter((r) => !r.success);
    expect(invalid.length, invalid[0] && !invalid[0].success ? JSON.stringify(invalid[0].error.issues[0]) : "").toBe(0);
    expect(results.flatMap((d) => replayMismatches(domainName, d)).slice(0, 5)).toEqual([]);
    expect(results.flatMap(ungrounded).slice(0, 5)).toEqual([]);
    // Every dialogue ends with the assistant; resolved scenarios mostly meet their goal as in the multi-turn flow.
    for (const d of results) expect((d.messages as Msg[]).at(-1)!.role).toBe("assistant");
    const resolved = results.filter((d) => d.scenario.resolution === "resolved");
    const multi = run({});
    const met = (ds: Msg[]) => ds.filter((d) => d.scenario.resolution === "resolved" && d.outcome.goal_met).length;
    expect(met(resolved)).toBeGreaterThanOrEqual(met(multi) * 0.8);
  });

  it("without the flags the engine draws as before: the flags' streams are their own", () => {
    // --chit-chat 0 changes nothing but the small talk: the dialogues without any are the same.
    const plain = run({});
    const none = run({ chitChat: 0 });
    const quiet = plain.map((d, i) => [d, none[i]!] as const).filter(([d]) => chitChats(d) === 0);
    expect(quiet.length).toBeGreaterThan(N / 2);
    for (const [d, e] of quiet) expect(e.messages).toEqual(d.messages);
    expect(plain[0]!.meta.chit_chat).toBeUndefined();
    expect(plain[0]!.meta.multi_turn).toBeUndefined();
  });
});
