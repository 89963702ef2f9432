// One sentence of a row's prose (the field the pack declares as `offline.display.<table>.prose`),
// quoted in a details answer as a person reads out what the description says: the row's own
// words, not the same facts in the same mould every time. Only a sentence that stands on its own
// is quoted — not a bullet fragment, not one that leans on the sentence before ("This fabric…").
import type { Row } from "../../contract.js";
import type { Dialog } from "./context.js";
import type { Display } from "./list-lines.js";
import { sayLocal } from "./realizer.js";

/** First words that point back at an earlier sentence: quoted alone, the sentence would not make sense. */
const LEANS = /^(that|this|these|those|they|it|its|it's|so|and|but|also|plus|then|which|here|there)\b/i;

/** The sentences of a prose text that read alone: 5 to 32 words, not a bullet, not leaning on what came before. */
export function standalone(text: string): string[] {
  // Bullets ("• Machine wash.") are fragments of a spec list, not sentences: the prose ends where they start.
  const body = text.split(/\s*•\s*/u)[0] ?? "";
  return body
    .replace(/\s+/g, " ")
    .split(/(?<=[.!?])\s+(?=[\p{Lu}"“])/u)
    .map((s) => s.trim())
    .filter((s) => {
      const words = s.split(" ").length;
      return words >= 5 && words <= 32 && /[.!?]$/.test(s) && !LEANS.test(s) && !/https?:|\//.test(s);
    });
}

/** A sentence of the row's declared prose, drawn; undefined when the table declares none or none reads alone. */
export function proseSentence(d: Dialog, row: Row, disp: Display): string | undefined {
  const text = disp.prose ? row[disp.prose] : undefined;
  if (typeof text !== "string") return undefined;
  const all = standalone(text);
  return all.length > 0 ? d.rng.pick(all) : undefined;
}

/** The sentence as the answer says it: on its own, or said to be the description's words, in the dialogue's language. */
export function quoteText(d: Dialog, sentence: string): string {
  const q = sentence.replace(/^["“]|["”]$/g, "");
  if (d.lang === "hi") return sayLocal(["[विवरण में लिखा है|इसके बारे में लिखा है]: \"{q}\"", "[विवरण के शब्दों में|विवरण कहता है]: \"{q}\"", "[इसका विवरण|विवरण की एक लाइन]: \"{q}\""], d.rng, { q });
  // Hinglish mixes English freely: the sentence may stand on its own, as in English.
  if (d.lang === "mixed") return sayLocal(["[Description mein likha hai|Iske baare mein likha hai]: \"{q}\"", "[Description ke words mein|Description kehta hai]: \"{q}\"", "{q}"], d.rng, { q });
  return sayLocal(["{q}", "{q}", "[The description says|Its description reads|As the description puts it]: \"{q}\""], d.rng, { q });
}
