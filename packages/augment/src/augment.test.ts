import { loadDomain } from "@chatmill/domains";
import { Context, Rng, fromValues } from "@chatmill/kit";
import { Dialogue } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { AugmentError, augmentDialogue } from "./augment-dialogue.js";
import { augmentTransform } from "./augment-records.js";
import { others, personaFor, renamedPack } from "./augment.test-helper.js";
import { detailsOf, holds } from "./personal-details.js";

type Obj = Record<string, any>;
const travel = loadDomain("travel");

// A support chat about sending an invoice: people, an email and a phone number everywhere a log puts them.
const emailLog: Obj = {
  id: "log-1",
  scenario: undefined,
  tools: [{ type: "function", function: { name: "send_invoice", description: "email an invoice", parameters: { type: "object", properties: { email: { type: "string" }, first_name: { type: "string" }, last_name: { type: "string" }, phone: { type: "string" }, order_id: { type: "string" } }, required: ["email"] } } }],
  messages: [
    { role: "system", content: "You help customers of Acme. The agent on duty is Mr Dwight Schrute." },
    { role: "user", content: "Hi, my name is Sarah Connor. Please email the invoice for order 4412093 to sarah.connor@skynet.io, or call me on +1 (415) 555-0132." },
    { role: "assistant", content: null, tool_calls: [{ id: "c1", name: "send_invoice", arguments: { email: "sarah.connor@skynet.io", first_name: "Sarah", last_name: "Connor", phone: "+1 (415) 555-0132", order_id: "4412093" } }] },
    { role: "tool", tool_call_id: "c1", name: "send_invoice", ok: true, content: JSON.stringify({ sent_to: "sarah.connor@skynet.io", customer: "Sarah Connor", order_id: "4412093" }) },
    { role: "assistant", content: "Done, Sarah — the invoice went to sarah.connor@skynet.io." },
    { role: "user", content: "Thanks, bye!" },
    { role: "assistant", content: "Bye Sarah!" },
  ],
};

describe("detailsOf", () => {
  it("finds the people, emails and phone numbers of a dialogue, not the identifiers its tools need", () => {
    const found = detailsOf(emailLog).map((d) => `${d.kind}:${d.value}`);
    expect(found).toEqual(expect.arrayContaining(["name:Sarah Connor", "name:Dwight Schrute", "name:Sarah", "name:Connor", "email:sarah.connor@skynet.io", "phone:+1 (415) 555-0132"]));
    // The order number has 7 digits but is an argument the tool needs under its own key: not a phone.
    expect(found.some((f) => f.includes("4412093"))).toBe(false);
    expect(detailsOf({ messages: [{ role: "user", content: "I'm looking for a cheap hotel, I'm Traveling on 2026-06-08 14:00" }] })).toEqual([]);
  });
});

describe("augmentDialogue", () => {
  it("replaces every person, email and phone of the source, consistently, and keeps the recorded result without a pack", () => {
    const persona = personaFor(1);
    const { dialogue, report } = augmentDialogue({ source: emailLog, persona, otherName: others(1), rng: new Rng("a") }) as { dialogue: Obj; report: Obj };
    const all = JSON.stringify(dialogue);
    for (const d of detailsOf(emailLog)) expect(holds(all, d), `${d.kind} ${d.value} left`).toBe(false);
    const call = dialogue.messages.find((m: Obj) => m.tool_calls).tool_calls[0];
    const [first, ...rest] = persona.name!.split(" ");
    expect(call.arguments).toMatchObject({ first_name: first, last_name: rest.at(-1), order_id: "4412093" });
    expect(call.arguments.email).toMatch(/@example\.com$/);
    expect(call.arguments.phone).toMatch(/^\+\d \(\d{3}\) \d{3}-\d{4}$/);
    // The recorded result names the same stand-in as the call.
    const tool = dialogue.messages.find((m: Obj) => m.role === "tool");
    expect(JSON.parse(tool.content)).toEqual({ sent_to: call.arguments.email, customer: persona.name, order_id: "4412093" });
    expect(report).toMatchObject({ calls: 1, rerun: 0, recorded: 1 });
    expect(report.replaced).toBeGreaterThanOrEqual(6);
    expect(dialogue.persona).toEqual(persona);
    // No pack declares send_invoice: the request is worded from its name (tool-words.ts' fallback).
    expect(dialogue.messages.find((m: Obj) => m.role === "user").content).toMatch(/send (over |again )?an invoice|send an invoice again/i);
    expect(dialogue.outcome).toMatchObject({ goal_met: true, reward: 1, reason: expect.stringContaining("not judged (the source has no scenario task to judge)") });
    expect(Dialogue.safeParse({ id: "x", ...dialogue }).error?.issues ?? []).toEqual([]);
  });

  it("words every turn anew in the persona's register, never copying the source text", () => {
    const a = augmentDialogue({ source: emailLog, persona: { ...personaFor(2), style: "casual", formality: "casual", verbosity: "moderate" }, otherName: others(2), rng: new Rng("b") }).dialogue as Obj;
    const b = augmentDialogue({ source: emailLog, persona: { ...personaFor(3), style: "executive", formality: "formal", verbosity: "moderate" }, otherName: others(3), rng: new Rng("c") }).dialogue as Obj;
    const texts = (d: Obj) => d.messages.filter((m: Obj) => m.role === "user" || m.role === "assistant").map((m: Obj) => m.content ?? "");
    const source = emailLog.messages.map((m: Obj) => m.content).filter(Boolean);
    for (const t of [...texts(a), ...texts(b)]) expect(source).not.toContain(t);
    expect(texts(a).join(" ")).not.toEqual(texts(b).join(" "));
    // Formal markers in the formal persona's dialogue, casual ones (and exclamations) in the casual one's.
    expect(texts(b).join(" ")).toMatch(/Certainly|kindly|Thank you|please|many thanks|pleasure|Good (morning|afternoon|evening)|Dear|May I/);
    expect(texts(b).join(" ")).not.toMatch(/!/);
    expect(texts(a).join(" ")).toMatch(/!/);
    // The roles and calls keep the source's order.
    expect(a.messages.map((m: Obj) => m.role)).toEqual(emailLog.messages.map((m: Obj) => m.role));
  });

  const booking = (people: number): Obj => ({
    id: "book-1",
    scenario: { id: "s1", domain: "travel", persona: { id: "p", name: "John Smith", style: "casual", language: "en" }, task: { evaluation: { actions: [{ name: "book_restaurant", arguments: { restaurant_id: "19242", day: "wednesday", people, time: "15:00" } }] } } },
    tools: travel.pack.tools,
    messages: [
      { role: "user", content: "Book jinling noodle bar for 4 at 15:00 on wednesday, name's John Smith" },
      { role: "assistant", content: null, tool_calls: [{ id: "b1", name: "book_restaurant", arguments: { restaurant_id: "19242", day: "wednesday", people: 4, time: "15:00" } }] },
      { role: "tool", tool_call_id: "b1", name: "book_restaurant", ok: true, content: "stale" },
      { role: "assistant", content: "Booked!" },
    ],
  });

  it("re-runs the calls on the pack and judges the outcome on the scenario's task", () => {
    const good = augmentDialogue({ source: booking(4), domain: travel, persona: personaFor(4), otherName: others(4), rng: new Rng("d") }) as { dialogue: Obj; report: Obj };
    const tool = good.dialogue.messages.find((m: Obj) => m.role === "tool");
    expect(JSON.parse(tool.content)).toMatchObject({ restaurant_id: "19242", people: 4, status: "confirmed" });
    expect(good.report).toMatchObject({ calls: 1, rerun: 1, same_as_source: 0 });
    expect(good.dialogue.outcome).toMatchObject({ goal_met: true, reward: 1, resolution: "resolved", reason: "the end state and every fact to say match the task" });
    expect(good.dialogue.scenario.persona.name).not.toBe("John Smith");
    expect(JSON.stringify(good.dialogue)).not.toMatch(/john|smith/i);
    const bad = augmentDialogue({ source: booking(6), domain: travel, persona: personaFor(4), otherName: others(4), rng: new Rng("d") });
    expect(bad.dialogue.outcome).toMatchObject({ goal_met: false, reward: 0, resolution: "failed", reason: expect.stringMatching(/^the end state differs from the one the task's actions reach \(/) });
  });

  it("says a write by the tool's declared role, not its name: an act renamed to an opaque name is still a write, a lookup named like a verb is not", () => {
    const renamedTravel = (tools: Record<string, string>) => renamedPack(travel, { tools });
    const run = (domain: typeof travel, src: Obj) =>
      (augmentDialogue({ source: src, domain, persona: personaFor(4), otherName: others(4), rng: new Rng("d") }).dialogue.messages as Obj[]).filter((m) => m.role === "assistant" && m.content).map((m) => m.content as string);
    const renamedSource = (name: string): Obj => {
      const src = booking(4);
      src.scenario.task.evaluation.actions[0].name = name;
      src.messages[1].tool_calls[0].name = name;
      src.messages[2].name = name;
      return src;
    };
    const said = run(travel, booking(4));
    expect(said.at(-1)).toMatch(/reference/);
    expect(run(renamedTravel({ book_restaurant: "zzq_restaurant" }), renamedSource("zzq_restaurant"))).toEqual(said);
    // A search renamed to start like a write verb lists what it found.
    const lookup = travel.pack.tools.find((t) => t.role === "search" && t.run.table === "restaurant")!.function.name;
    const verbDomain = renamedTravel({ [lookup]: "update_restaurants" });
    const src: Obj = {
      id: "find-1",
      scenario: { id: "s2", domain: "travel", persona: { id: "p", name: "John Smith", style: "casual", language: "en" } },
      tools: verbDomain.pack.tools,
      messages: [
        { role: "user", content: "Any cheap food in the centre?" },
        { role: "assistant", content: null, tool_calls: [{ id: "f1", name: "update_restaurants", arguments: { area: "centre", pricerange: "cheap" } }] },
        { role: "tool", tool_call_id: "f1", name: "update_restaurants", ok: true, content: "stale" },
        { role: "assistant", content: "Here is what I found." },
      ],
    };
    const reply = run(verbDomain, src).at(-1)!;
    const found = verbDomain.table("restaurant").filter((r) => r.area === "centre" && r.pricerange === "cheap").map((r) => String(r.name));
    expect(found.length).toBeGreaterThan(1);
    // The found wording names what the search returned (the rows' declared titles); a write's would give a reference.
    expect(found.some((name) => reply.includes(name))).toBe(true);
    expect(reply).not.toMatch(/reference/i);
  });

  it("refuses a source whose call would no longer do what it did", () => {
    const src = booking(4);
    src.messages[2].ok = false; // recorded as failed; the re-run succeeds
    expect(() => augmentDialogue({ source: src, domain: travel, persona: personaFor(5), otherName: others(5), rng: new Rng("e") })).toThrow(AugmentError);
  });
});

describe("augmentTransform", () => {
  it("writes --variants dialogues per source with their own ids and personas; rejects what is not a dialogue", async () => {
    const ctx = new Context({ seed: 9 });
    const out: Obj[] = [];
    for await (const r of augmentTransform({ variants: 3 }, ctx)(fromValues([emailLog, { id: "x", text: "not a dialogue" }]), ctx)) out.push(r as Obj);
    expect(out).toHaveLength(3);
    expect(new Set(out.map((d) => d.id)).size).toBe(3);
    expect(new Set(out.map((d) => d.persona.name)).size).toBeGreaterThan(1);
    expect(out.map((d) => d.meta.augment.variant)).toEqual([0, 1, 2]);
    expect(out[0]!.source).toEqual({ augmented_from: "log-1" });
    expect(ctx.issues.map((i) => i.kind)).toEqual(["invalid_record"]);
    // The same seed gives the same dialogues.
    const again: Obj[] = [];
    const ctx2 = new Context({ seed: 9 });
    for await (const r of augmentTransform({ variants: 3 }, ctx2)(fromValues([emailLog]), ctx2)) again.push(r as Obj);
    expect(again).toEqual(out);
  });
});
