// augment end to end: imported dialogues through the built bins. The bar of issue 23: 100
// dialogues made from imported MultiWOZ ones offline are valid, their calls re-run on the pack
// to the results the source recorded, and no person, email or phone of the source is left.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startFakeLlm } from "@chatmill/fake-llm";
import { describe, expect, it } from "vitest";
import { detailsOf, holds } from "../packages/augment/src/personal-details.js";
import { bin, run, sh } from "./helpers/spawn.js";

type Obj = Record<string, any>;
const DATA = process.env.CHATMILL_DATA ?? fileURLToPath(new URL("../../shared/data", import.meta.url));
const MWOZ = `${DATA}/multiwoz22`;
const augment = bin("augment");
const lines = (s: string) => s.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Obj);
const dir = mkdtempSync(join(tmpdir(), "augment-"));
const texts = (d: Obj) => (d.messages as Obj[]).filter((m) => (m.role === "user" || m.role === "assistant") && m.content).map((m) => m.content as string);

describe.skipIf(!existsSync(`${MWOZ}/train_sample_dialogstudio5.json`))("augment on imported MultiWOZ", () => {
  it("100 new dialogues from the imported ones: valid, calls re-run to the source's results, no person of the source left", async () => {
    const sources = join(dir, "mwoz.ndjson");
    const imp = await sh(`chatmill-import -q --from multiwoz --schema ${MWOZ}/schema.json ${MWOZ}/train_sample_dialogstudio5.json | tool-annotate -q --domain travel > ${sources}`);
    expect(imp.code, imp.stderr).toBe(0);
    const out = join(dir, "augmented.ndjson");
    const r = await sh(`node ${augment} --domain travel --variants 20 --seed 3 ${sources} | validate -q --type dialogue > ${out} && audit -q ${out}`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("augment: 5 sources → 100 dialogues");
    const src = new Map(lines((await sh(`cat ${sources}`)).stdout).map((d) => [d.id, d]));
    const made = lines((await sh(`cat ${out}`)).stdout);
    expect(made).toHaveLength(100);
    expect(new Set(made.map((d) => d.id)).size).toBe(100);
    // Re-run on a fresh session by audit: every tool message is what the call gives.
    const audits = lines(r.stdout);
    expect(audits.filter((a) => a.agrees)).toHaveLength(100);
    expect(audits.reduce((n, a) => n + a.mismatched, 0)).toBe(0);
    let calls = 0;
    for (const d of made) {
      const source = src.get(d.source.augmented_from)!;
      const a = d.meta.augment;
      // The skeleton: the same calls in the same order, each giving the result the source recorded.
      const callsOf = (x: Obj) => (x.messages as Obj[]).flatMap((m) => m.tool_calls ?? []).map((c: Obj) => [c.name, c.arguments]);
      expect(callsOf(d)).toEqual(callsOf(source));
      expect(a.rerun).toBe(callsOf(source).length);
      expect(a.same_as_source).toBe(a.rerun);
      calls += a.rerun;
      // New people: the persona is new, and nothing that names or reaches a person of the source is left.
      expect(d.persona.id).toMatch(/^persona-/);
      const all = JSON.stringify(d);
      for (const detail of detailsOf(source)) expect(holds(all, detail), `${detail.value} left in ${d.id}`).toBe(false);
      // New wording: no user or assistant turn of the source is said again.
      for (const t of texts(d)) expect(texts(source)).not.toContain(t);
      expect(d.outcome.reason).toContain("not judged (the source has no scenario task to judge)");
    }
    expect(calls).toBe(audits.reduce((n, a) => n + a.compared, 0));
  });
});

describe("augment on chat logs", () => {
  const log = {
    messages: [
      { role: "system", content: "You are Acme's assistant. Escalations go to Dr. Beverly Crusher (beverly@acme-corp.com)." },
      { role: "user", content: "hey, I'm Marty McFly, my number is 555-867-5309. can you resend my receipt to marty@hillvalley.net?" },
      { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "resend_receipt", arguments: JSON.stringify({ email: "marty@hillvalley.net", customer_name: "Marty McFly" }) } }] },
      { role: "tool", tool_call_id: "call_1", content: JSON.stringify({ sent: true, to: "marty@hillvalley.net" }) },
      { role: "assistant", content: "Sent to marty@hillvalley.net, Marty!" },
      { role: "user", content: "great, thanks Beverly too" },
      { role: "assistant", content: "You're welcome!" },
    ],
    tools: [{ type: "function", function: { name: "resend_receipt", parameters: { type: "object", properties: { email: { type: "string" }, customer_name: { type: "string" } } } } }],
  };

  it("replaces every name, email and phone of an imported log, keeping the recorded results in agreement with the calls", async () => {
    const file = join(dir, "log.jsonl");
    writeFileSync(file, `${JSON.stringify(log)}\n`);
    const r = await sh(`chatmill-import -q --from openai ${file} | node ${augment} -q -n 3 | validate -q --type dialogue`);
    expect(r.code, r.stderr).toBe(0);
    const made = lines(r.stdout);
    expect(made).toHaveLength(3);
    for (const d of made) {
      expect(JSON.stringify(d)).not.toMatch(/marty|mcfly|beverly|crusher|hillvalley|acme-corp|867-5309/i);
      const call = (d.messages as Obj[]).find((m) => m.tool_calls)!.tool_calls[0];
      expect(call.arguments.customer_name).toBe(d.persona.name);
      const tool = (d.messages as Obj[]).find((m) => m.role === "tool")!;
      expect(JSON.parse(tool.content).to).toBe(call.arguments.email);
    }
  });

  it("--seed makes the run reproducible, --shard splits it, --mix steers the personas", async () => {
    const file = join(dir, "log2.jsonl");
    writeFileSync(file, [0, 1, 2, 3].map((i) => JSON.stringify({ ...log, id: `log-${i}` })).join("\n") + "\n");
    const imported = join(dir, "log2.ndjson");
    expect((await sh(`chatmill-import -q --from openai ${file} > ${imported}`)).code).toBe(0);
    const a = await run(augment, ["-q", "--seed", "5", imported]);
    const b = await run(augment, ["-q", "--seed", "5", imported]);
    const c = await run(augment, ["-q", "--seed", "6", imported]);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
    const s0 = await run(augment, ["-q", "--seed", "5", "--shard", "0/2", imported]);
    const s1 = await run(augment, ["-q", "--seed", "5", "--shard", "1/2", imported]);
    expect([...lines(s0.stdout), ...lines(s1.stdout)].map((d) => d.id).sort()).toEqual(lines(a.stdout).map((d) => d.id).sort());
    const formal = await run(augment, ["-q", "-n", "5", "--mix", "formality=formal:1", imported]);
    expect(lines(formal.stdout).every((d) => d.persona.formality === "formal")).toBe(true);
    expect((await run(augment, ["--mix", "language=hi:1", imported])).code).toBe(2);
    expect((await run(augment, ["--domain", "no-such-pack", imported])).code).toBe(2);
    const notDialogue = await run(augment, [], '{"id": "p1", "style": "casual", "language": "en"}\n');
    expect(notDialogue.code).toBe(3);
    expect(notDialogue.stderr).toContain("not a dialogue");
  });

  it("--engine openai: the model rewrites each turn; the people stay replaced", async () => {
    const fake = await startFakeLlm();
    try {
      const file = join(dir, "log3.jsonl");
      writeFileSync(file, `${JSON.stringify(log)}\n`);
      const r = await sh(`chatmill-import -q --from openai ${file} | node ${augment} -q --engine openai --base-url ${fake.url} --model fake -n 2 | validate -q --type dialogue`, { OPENAI_API_KEY: "sk-test" });
      expect(r.code, r.stderr).toBe(0);
      const made = lines(r.stdout);
      expect(made).toHaveLength(2);
      for (const d of made) {
        expect(d.meta.engine).toBe("openai");
        expect(d.meta.augment.rewritten).toBeGreaterThan(0);
        expect(texts(d).filter((t) => t.startsWith("fake ")).length).toBe(d.meta.augment.rewritten);
        expect(JSON.stringify(d)).not.toMatch(/marty|mcfly|beverly|hillvalley/i);
      }
    } finally {
      await fake.close();
    }
  });
});
