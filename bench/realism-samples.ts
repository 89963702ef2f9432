// Prints offline dialogues for one pack and language as a reader sees them (issue #18): the same
// dialogues as bench/realism.ts (seed 42, dialogue-sim defaults), so a bank's author can read the
// lines the figures are measured on. bench/realism-repeats.ts says what repeats; this shows it in place.
// Run: npx turbo run build --filter=@chatmill/dialogue-sim... && npx tsx bench/realism-samples.ts <pack> <en|hi|mixed> [FIRST] [COUNT]
import { languageArg, offlineCorpus } from "./lib/realism/corpus.js";

const [packArg = "ops", languageText = "hi", firstArg = "0", countArg = "5"] = process.argv.slice(2);
const language = languageArg(languageText);
for (const d of offlineCorpus(packArg, language, Number(countArg), Number(firstArg))) {
  console.log(`\n=== ${d.domain}/${language} #${d.index} (persona ${d.persona.gender ?? "?"}, ${d.persona.style ?? "?"})`);
  for (const m of d.messages) {
    const calls = (m.tool_calls ?? []) as Array<{ function?: { name?: string }; name?: string }>;
    const call = calls.length ? `  [→ ${calls.map((c) => c.function?.name ?? c.name ?? "?").join(", ")}]` : "";
    if (m.role === "tool") console.log(`   (tool result)`);
    else if (m.role === "user" || m.role === "assistant") console.log(`${m.role === "user" ? "U" : "A"}: ${typeof m.content === "string" ? m.content : ""}${call}`);
  }
}
