import { loadDomain } from "@chatmill/domains";
import { describe, expect, it } from "vitest";
import { annotateDialogue } from "./annotate.js";
import { successClaim } from "./grounded.js";
import { RECOVERY_DEFECTS } from "./recovery.js";
import type { Alternative, Grade, Obj } from "./types.js";

const retail = loadDomain("retail");
const timeout = { role: "tool", tool_call_id: "c1", name: "search_items", content: '{"error":{"type":"timeout","message":"the request timed out; try again."}}', ok: false, error: { type: "timeout", message: "the request timed out; try again." }, injected: "timeout" };

function dialogue(reaction: Obj[]): Obj {
  return {
    id: "recover-me",
    domain: "retail",
    tools: retail.tools,
    messages: [
      { role: "user", content: "Anything in Blue?" },
      { role: "assistant", content: "One sec.", tool_calls: [{ id: "c1", name: "search_items", arguments: { color: "Blue" } }] },
      timeout,
      ...reaction,
    ],
  };
}

describe("recovery alternatives", () => {
  it("wrong_count is not made without a reply to miscount (its pair would not differ)", () => {
    const retry = { role: "assistant", content: null, tool_calls: [{ id: "c2", name: "search_items", arguments: { color: "Blue" } }] };
    const d = dialogue([retry, { role: "tool", tool_call_id: "c2", name: "search_items", content: "[]", ok: true }]);
    ((d.messages as Obj[])[1]!).content = null;
    const calls = (annotateDialogue(d, retail, { alternatives: 10 }).messages as Obj[]).flatMap((m) => (m.tool_calls as Obj[] | undefined) ?? []);
    for (const c of calls) expect((c.alternatives as Alternative[]).map((a) => a.defect)).not.toContain("wrong_count");
    const replied = dialogue([retry, { role: "tool", tool_call_id: "c2", name: "search_items", content: "[]", ok: true }, { role: "assistant", content: "Here are some blue pieces." }]);
    const withReply = (annotateDialogue(replied, retail, { alternatives: 10 }).messages as Obj[])[3]!.tool_calls as Obj[];
    expect((withReply[0]!.alternatives as Alternative[]).find((a) => a.defect === "wrong_count")?.text).toMatch(/^I found \d+ options? for you\. Here are some blue pieces\.$/);
  });

  it("after a timeout and a retry: bad reactions, each judged or executed, all below the retry", () => {
    const retry = { role: "assistant", content: "Trying again.", tool_calls: [{ id: "c2", name: "search_items", arguments: { color: "Blue" } }] };
    const out = annotateDialogue(dialogue([retry]), retail, { alternatives: 6 });
    const m = (out.messages as Obj[])[3]!;
    // The retry's result is not in the dialogue yet: the reaction is judged before it.
    const rec = m.recovery as { after: string; failure: string; alternatives: Alternative[]; grade?: Grade };
    expect(rec).toMatchObject({ after: "c1", failure: "timeout" });
    expect(rec.grade).toBeUndefined();
    const byDefect = new Map(rec.alternatives.map((a) => [a.defect, a]));
    for (const d of byDefect.keys()) expect(RECOVERY_DEFECTS as readonly string[]).toContain(d);
    // Text that claims results after a timeout is not grounded; giving up is honest but makes no call.
    expect(byDefect.get("reports_success")!.grade).toMatchObject({ grounded: false, success_rate: 0 });
    expect(byDefect.get("invents_result")!.grade.grounded).toBe(false);
    expect(byDefect.get("gives_up")!.grade).toMatchObject({ executed: false, success_rate: 0.2 });
    // A timeout is the environment's: repeating the call is the right retry, not a defect.
    expect(byDefect.has("repeats_failing_call")).toBe(false);
    const retryGrade = ((m.tool_calls as Obj[])[0]!.grade as Grade).success_rate;
    for (const a of rec.alternatives) expect(a.grade.success_rate, a.defect).toBeLessThan(retryGrade);
    // A call alternative is executed: its result is the tool's real answer.
    for (const a of rec.alternatives.filter((x) => x.call)) expect(a.result).toMatch(/^[[{]/);
  });

  it("after a timeout answered with text: the text is graded, and only text reactions are offered", () => {
    const out = annotateDialogue(dialogue([{ role: "assistant", content: "Sorry, the service isn't responding. Want me to retry?" }]), retail, { alternatives: 6 });
    const rec = (out.messages as Obj[])[3]!.recovery as { alternatives: Alternative[]; grade: Grade };
    expect(rec.grade).toMatchObject({ grounded: true, success_rate: 0.2 });
    expect(rec.alternatives.map((a) => a.defect).sort()).toEqual(["invents_result", "reports_success"]);
    for (const a of rec.alternatives) expect(a.grade.success_rate).toBe(0);
  });

  it("after the call's own error, repeating it unchanged is a defect that fails again", () => {
    const d: Obj = {
      id: "not-found",
      domain: "retail",
      tools: retail.tools,
      messages: [
        { role: "user", content: "Tell me about MH99" },
        { role: "assistant", content: null, tool_calls: [{ id: "c1", name: "get_item_details", arguments: { item_id: "MH99" } }] },
        { role: "tool", tool_call_id: "c1", name: "get_item_details", content: '{"error":{"type":"not_found","message":"No items with id \'MH99\'."}}', ok: false, error: { type: "not_found", message: "No items with id 'MH99'." } },
        { role: "assistant", content: "Let me check MH01 instead.", tool_calls: [{ id: "c2", name: "get_item_details", arguments: { item_id: "MH01" } }] },
      ],
    };
    const out = annotateDialogue(d, retail, { alternatives: 1, defects: ["repeats_failing_call"] });
    const rec = (out.messages as Obj[])[3]!.recovery as { alternatives: Alternative[] };
    expect(rec.alternatives).toHaveLength(1);
    expect(rec.alternatives[0]).toMatchObject({ defect: "repeats_failing_call", call: { name: "get_item_details", arguments: { item_id: "MH99" } }, ok: false, error: { type: "not_found" } });
  });

  it("no failure, no recovery; -k 0 makes none", () => {
    const out = annotateDialogue(dialogue([{ role: "assistant", content: "Sorry, it timed out." }]), retail, { alternatives: 0 });
    expect((out.messages as Obj[])[3]!.recovery).toBeUndefined();
    const ok = dialogue([{ role: "assistant", content: "Here you go." }]);
    (ok.messages as Obj[])[2] = { role: "tool", tool_call_id: "c1", name: "search_items", content: '{"count":0,"results":[],"total":0}', ok: true };
    expect((annotateDialogue(ok, retail, { alternatives: 3 }).messages as Obj[])[3]!.recovery).toBeUndefined();
  });
});

describe("successClaim", () => {
  it("finds success told without a negation", () => {
    expect(successClaim("All set — that's booked for you.")).toBe("All set");
    expect(successClaim("Hmm. I found 3 options for you.")).toBe("I found");
    expect(successClaim("Sorry, the booking could not be confirmed.")).toBeUndefined();
    expect(successClaim("That didn't go through; want me to retry?")).toBeUndefined();
  });
});
