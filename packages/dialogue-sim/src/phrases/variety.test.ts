// The neutral banks are wide enough to read like people (issue #18's variety bars) and carry no
// domain's words (a user's pack speaks them as they are).
import { Rng } from "@chatmill/kit";
import { ASSISTANT_ACT_SLOTS, USER_ACT_SLOTS } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { GENDER_SLOT, say } from "./grammar.js";
import type { Style } from "./style-banks.js";
import { neutralLines, PackWording } from "./wording.js";

/** How many different sentences an act's neutral lines say (its slots filled with placeholders), over 1,500 draws. */
function variants(w: PackWording, side: "assistant" | "user", act: string, slots: readonly string[]): number {
  const lines = side === "assistant" ? w.assistant(act as never) : w.user(act as never);
  const values = Object.fromEntries([...slots, "city", "weekday"].map((s) => [s, `<${s}>`]));
  const rng = new Rng(`variety/${side}/${act}`);
  const seen = new Set<string>();
  for (let i = 0; i < 1500; i++) seen.add(say(lines, rng, { ...values, [GENDER_SLOT]: "m" }));
  return seen.size;
}

// Acts said in most dialogues: their sentences are the ones a reader meets again and again.
const FREQUENT = new Set(["ack", "intro", "offer", "restate", "farewell", "give_up_reply", "escalate", "action_ack", "open", "choose", "thanks_done", "give_up", "ok_go", "details", "add"]);
// Acts whose content is the data ({facts}, {output}): the frame around it may stay short.
const DATA_FRAMED = new Set(["status", "command"]);

/** The least each act must say, per language: English, then Hindi and Hinglish. */
function floor(act: string, lang: "en" | "hi" | "mixed"): number {
  if (DATA_FRAMED.has(act)) return 2;
  if (FREQUENT.has(act)) return lang === "en" ? 20 : 10;
  return lang === "en" ? 6 : 4;
}

describe("the neutral banks' variety", () => {
  for (const lang of ["en", "hi", "mixed"] as const) {
    for (const style of ["neutral", "casual"] as Style[]) {
      it(`${lang}, ${style} style: every act says enough different sentences`, () => {
        const w = new PackWording(undefined, lang, style, style);
        const short: string[] = [];
        for (const [side, table] of [["assistant", ASSISTANT_ACT_SLOTS], ["user", USER_ACT_SLOTS]] as const) {
          for (const [act, slots] of Object.entries(table)) {
            const n = variants(w, side, act, slots);
            if (n < floor(act, lang)) short.push(`${side}.${act}: ${n} < ${floor(act, lang)}`);
          }
        }
        expect(short).toEqual([]);
      });
    }
  }

  it("counts what it should: one line without alternatives is one sentence", () => {
    const rng = new Rng("x");
    expect(new Set(Array.from({ length: 50 }, () => say(["Done."], rng))).size).toBe(1);
    expect(new Set(Array.from({ length: 200 }, () => say(["[a|b] [c|d|]"], rng))).size).toBe(6);
  });
});

// Words of the built-in packs' domains (travel, retail, ops, the dental bench pack). Slots are
// taken out first ({host} is a slot's name, not a word said); Hinglish "log" (people) is not "logs".
const DOMAIN_WORDS = /\b(book(ing|ings|ed)?|reserv\w*|stock|sizes?|servers?|hosts?|logs|flights?|hotels?|trains?|taxis?|restaurants?|orders?|cart|deploy\w*|catalog(ue)?|dentists?|fleet|prod|tickets?|refunds?|shipping|deliver(y|ies)|appointments?|rooms?|patients?)\b/i;

describe("the neutral banks carry no domain's words", () => {
  it("no neutral line says a word of a built-in pack's domain", async () => {
    const lines = await neutralLines();
    expect(lines.length).toBeGreaterThan(500);
    const said = lines.map((l) => l.replace(/\{[^}]*\}/g, " ")).filter((l) => DOMAIN_WORDS.test(l));
    expect(said).toEqual([]);
  });

  it("the check finds a domain word when a line has one", () => {
    expect(DOMAIN_WORDS.test("Want me to book it?".replace(/\{[^}]*\}/g, " "))).toBe(true);
    expect(DOMAIN_WORDS.test("[how's|what's up with] {host}?".replace(/\{[^}]*\}/g, " "))).toBe(false);
  });
});
