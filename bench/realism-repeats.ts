// What lowers the offline engine's variety (issue #18): for one pack and language, the
// utterances said more than once, the commonest openers and bigrams, per role — the same
// dialogues as bench/realism.ts (seed 42, dialogue-sim defaults), so a bank's author sees which
// lines to vary. bench/realism.ts gives the figures; this names what is behind them.
// Run: npx turbo run build --filter=@chatmill/dialogue-sim... && npx tsx bench/realism-repeats.ts <pack> <en|hi|mixed> [N] [TOP]
import { byKind, repeats } from "./lib/realism/repeats.js";
import { languageArg, offlineCorpus, SEED } from "./lib/realism/corpus.js";

const [packArg = "retail", languageText = "en", nArg = "300", topArg = "15"] = process.argv.slice(2);
const language = languageArg(languageText);
const texts = { assistant: [] as string[], user: [] as string[] };
// Each utterance's kind: its intent label, and "+call" when it goes with a tool call (an acknowledgement).
const kinds = { assistant: [] as Array<{ text: string; kind: string }>, user: [] as Array<{ text: string; kind: string }> };
let name = packArg;
for (const d of offlineCorpus(packArg, language, Number(nArg))) {
  name = d.domain;
  for (const m of d.messages) {
    if ((m.role === "user" || m.role === "assistant") && typeof m.content === "string" && m.content.trim() !== "") {
      texts[m.role].push(m.content);
      const call = m.tool_calls?.length ? "+call" : "";
      kinds[m.role].push({ text: m.content, kind: `${m.labels?.intent ?? "?"}${m.labels?.variation ? `/${m.labels.variation}` : ""}${call}` });
    }
  }
}
const top = Number(topArg);
console.log(`${name}/${language}: ${nArg} dialogues, seed ${SEED}`);
for (const role of ["assistant", "user"] as const) {
  const r = repeats(texts[role], top);
  console.log(`\n== ${role}: ${r.utterances} utterances, ${r.duplicateCount} repeats of an earlier one`);
  console.log("-- by kind (intent[/variation][+call]): utterances, repeats of an earlier utterance, bigrams, bigrams seen before:");
  for (const k of byKind(kinds[role]).slice(0, top)) console.log(`  ${k.kind.padEnd(34)} ${String(k.utterances).padStart(5)} ${String(k.duplicates).padStart(5)} ${String(k.bigrams).padStart(7)} ${String(k.repeatedBigrams).padStart(7)}`);
  console.log("-- said more than once:");
  for (const d of r.duplicates) console.log(`  ${String(d.count).padStart(5)}  ${d.text.slice(0, 120)}`);
  console.log("-- commonest openers (first four words):");
  for (const d of r.openers) console.log(`  ${String(d.count).padStart(5)}  ${d.text}`);
  console.log("-- commonest bigrams:");
  console.log("  " + r.bigrams.map((d) => `${d.text} ${d.count}`).join(" · "));
}
