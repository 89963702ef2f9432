import { expand } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { RETRY_PARTS } from "./retry-parts.js";

// A composed retry names what went wrong as engine.test's retry check reads it: a timeout is
// not an empty answer, and a cut-short list is said to be cut short.
const said = {
  retry_timeout: /timed out|didn't answer in time|hung|no answer|too long|timeout|टाइमआउट|जवाब नहीं आया|response nahi/i,
  retry_empty: /empty|nothing came back|खाली|कुछ नहीं लौटा|khaali|return nahi/i,
  retry_partial: /part of the list|cut short|आधी|अधूरा|aadhi|adhoora/i,
};

describe("the parts a retry is composed from", () => {
  it("name the problem in every language, whichever alternative is drawn", () => {
    const rng = new Rng("retry-parts");
    for (const lang of ["en", "hi", "mixed"] as const) {
      for (const [kind, re] of Object.entries(said) as Array<[keyof typeof said, RegExp]>) {
        for (let i = 0; i < 200; i++) expect(expand(RETRY_PARTS[lang].happened[kind], rng, {}), `${lang} ${kind}`).toMatch(re);
      }
    }
  });

  it("use no first-person verb in Hindi or Hinglish, whose form would carry the assistant's gender", () => {
    for (const lang of ["hi", "mixed"] as const) {
      const all = JSON.stringify(RETRY_PARTS[lang]);
      expect(all).not.toMatch(/रहा हूँ|रही हूँ|raha hoon|rahi hoon|\{m:/);
    }
  });
});
