import { createSession, loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import type { Dialogue } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { sampleScenarios } from "../../testing/scenarios.js";
import { offlineDialogue, type OfflineOptions } from "../dialogue.js";
import { statusText, type StatusHow } from "../status-text.js";
import type { Dialog } from "./context.js";
import { briefOf, factFields } from "./list-lines.js";
import { commandText } from "./realize-results.js";
import { passToTeam } from "./realizer.js";
import { likeAck } from "./like-lines.js";

// Issue #18, the assistant's voice: rows shown with the facts that bear on the request, no photo
// link pasted for every row, a host's state said as its gist, command output summed up, and the
// assistant's own Hindi/Hinglish first-person forms in its own gender.

const opts: OfflineOptions = { failureRate: 0.15, createSession, tool: "dialogue-sim", version: "test", seed: 0 };
const assistantTexts = (d: Dialogue) => d.messages.filter((m) => m.role === "assistant" && typeof m.content === "string").map((m) => m.content as string);

/** Just what the realizer functions under test read from a dialogue. */
function fakeDialog(lang: "en" | "hi" | "mixed", gender: "m" | "f" = "m", seed = "1"): Dialog {
  return { lang, rng: new Rng(seed), currency: "USD", voice: { offer: () => "", style: "neutral", wording: { assistantGender: gender }, assistant: (_: string, s: Record<string, string>) => `${s.cmd} on ${s.name}:\n${s.output}` } } as unknown as Dialog;
}

describe("lists as a person shows them", () => {
  it("no retail message pastes a photo link for each of several rows, yet picks still carry one", () => {
    const retail = loadDomain("retail");
    let withPhoto = 0;
    for (const s of sampleScenarios("retail", 150, 3)) {
      for (const text of assistantTexts(offlineDialogue(s, retail, Rng.for(0, s.id, "dialogue"), opts).dialogue)) {
        const links = text.match(/(https?:\/\/\S+|\/media\/\S+)\.(jpg|webp|png)/g) ?? [];
        expect(links.length, text).toBeLessThanOrEqual(1);
        withPhoto += links.length;
      }
    }
    expect(withPhoto).toBeGreaterThan(10);
  });

  it("says the fields the user constrained first, and of a list only the value asked for", () => {
    const row = { id: "MH01", name: "Chaz Hoodie", price: 52, brand: "Luma", colors: ["Black", "Gray", "Orange"], sizes: ["S", "M"], category: "hoodies" };
    // How a fact is said is the pack's wording (retail's colors: "in {value}").
    const d = { ...fakeDialog("en"), domain: loadDomain("retail") } as unknown as Dialog;
    const fields = factFields(d, row, [], { title: "name", id: "id", price: "price" }, [{ field: "colors", value: "Gray" }], 2);
    expect(fields[0]).toBe("colors");
    expect(fields).toHaveLength(2);
    const brief = briefOf(d, row, [], { title: "name", id: "id", price: "price" }, [{ field: "colors", value: "gray" }], 1);
    expect(brief).toMatchObject({ title: "Chaz Hoodie", id: "MH01", price: "$52", facts: "in gray" });
  });

  it("of the other fields says one that sets the row apart from the rows beside it", () => {
    const a = { id: "A", name: "One", brand: "Luma", category: "tees" };
    const b = { id: "B", name: "Two", brand: "Luma", category: "tanks" };
    // The display as displayFor resolves it for a table keyed by `id`: the reference is never a fact.
    for (let seed = 0; seed < 10; seed++) expect(factFields(fakeDialog("en", "m", String(seed)), a, [a, b], { id: "id" }, [], 1)).toEqual(["category"]);
  });
});

describe("a host's state as its gist", () => {
  const how: StatusHow = { parts: loadDomain("ops").offline.display!.agents!.parts, skip: ["id", "hostname"] };
  const host = {
    id: "worker-01", hostname: "worker-01.prod", status: "degraded", role: "worker", env: "prod", uptime: "5 days", cpu_pct: 20, mem_pct: 30, load_1m: 0.5,
    disks: [{ mount: "/", use_pct: 91 }, { mount: "/var", use_pct: 20 }],
    services: [{ name: "celery", status: "failed" }, { name: "rabbitmq", status: "running" }],
  };
  it("names what stands out (the failed service, the full disk), not what is fine", () => {
    for (let seed = 0; seed < 20; seed++) {
      const text = statusText(host, "en", new Rng(String(seed)), true, how);
      expect(text).toMatch(/^`worker-01\.prod` (is|looks|shows as|reports|is currently|is showing as|comes back|reports as) degraded/);
      expect(text).toMatch(/`celery` (is|shows as) failed|Failed: `celery`/);
      expect(text).not.toContain("rabbitmq");
      expect(text).toMatch(/`\/` (is|is at|has reached) 91%/);
      expect(text).not.toContain("/var");
      expect(text).not.toMatch(/CPU|memory/);
      const hi = statusText(host, "hi", new Rng(String(seed)), true, how);
      expect(hi).toMatch(/`celery` (की हालत )?failed है/);
      expect(hi).not.toContain("rabbitmq");
    }
    // Without `gist` the whole state is said, as before.
    expect(statusText(host, "en", new Rng("1"), false, how)).toContain("rabbitmq");
  });
});

describe("command output", () => {
  it("a command with no output is said to have run, with no empty block; one line is said inline; long output is cut", () => {
    const none = commandText(fakeDialog("en"), "systemctl restart nginx", "web-01", "\n");
    expect(none).toContain("`systemctl restart nginx`");
    expect(none).not.toContain("```");
    const one = commandText(fakeDialog("en"), "uptime", "web-01", "5 days, load average: 0.5\n");
    expect(one).toContain("`5 days, load average: 0.5`");
    expect(one).not.toContain("```");
    const long = commandText(fakeDialog("en"), "ps", "web-01", Array.from({ length: 12 }, (_, i) => `line ${i}`).join("\n"));
    expect(long).toContain("line 3");
    expect(long).not.toContain("line 4");
  });
});

describe("the assistant's own first-person forms", () => {
  it("agree with the assistant's gender in Hindi and Hinglish", () => {
    for (let seed = 0; seed < 20; seed++) {
      for (const lang of ["hi", "mixed"] as const) {
        const f = [passToTeam(fakeDialog(lang, "f", String(seed))), likeAck(fakeDialog(lang, "f", String(seed)), "X")].join(" ");
        expect(f, f).not.toMatch(/रहा हूँ|raha hoon|deta hoon|पहुँचा रहा/);
        const m = [passToTeam(fakeDialog(lang, "m", String(seed))), likeAck(fakeDialog(lang, "m", String(seed)), "X")].join(" ");
        expect(m, m).not.toMatch(/रही हूँ|rahi hoon|deti hoon/);
      }
    }
    expect(passToTeam(fakeDialog("hi", "f", "0")) + passToTeam(fakeDialog("hi", "f", "3"))).toMatch(/रही हूँ|देते हैं/);
  });
});
