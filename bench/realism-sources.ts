// Where one role's bigrams come from (issue #18): the first block of utterances bench/realism.ts
// measures (seed 42, dialogue-sim defaults; 2,457 utterances, SGD's count), each utterance put
// under its source — the tool whose result it reports ("after get_item_details"), "+call" when it
// goes with a call, and its intent label — with its bigrams and how many were already said earlier
// in the block. distinct-2 is new / all, so the sources with many repeated bigrams are the ones to vary.
// Run: npx turbo run build --filter=@chatmill/dialogue-sim... && npx tsx bench/realism-sources.ts <pack> <en|hi|mixed> [assistant|user] [TOP]
import { languageArg, offlineCorpus } from "./lib/realism/corpus.js";
import { ngrams, words } from "./lib/realism/tokenize.js";

const [packArg = "retail", languageText = "en", roleArg = "assistant", topArg = "25"] = process.argv.slice(2);
if (roleArg !== "assistant" && roleArg !== "user") {
  console.error(`role must be assistant or user (got ${roleArg})`);
  process.exit(2);
}
const language = languageArg(languageText);
const BLOCK = 2457;
interface Source {
  utterances: number;
  bigrams: number;
  repeated: number;
}
const seen = new Set<string>();
const sources = new Map<string, Source>();
let count = 0;
let total = 0;
const callNames = (calls: unknown[] | undefined) =>
  (calls ?? []).map((c) => (c as { function?: { name?: string }; name?: string }).function?.name ?? (c as { name?: string }).name ?? "?").join(",");

outer: for (const d of offlineCorpus(packArg, language, 1000)) {
  // The calls the last assistant message made, and whether their results came back since.
  let pending = "";
  let after = "";
  for (const m of d.messages) {
    if (m.role === "tool") {
      after = pending;
      continue;
    }
    if (m.role !== roleArg || typeof m.content !== "string" || m.content.trim() === "") {
      if (m.role === "user") after = "";
      continue;
    }
    const calls = callNames(m.tool_calls);
    const key = `${after ? `after ${after} ` : ""}${calls ? "+call " : ""}${m.labels?.intent ?? "?"}${m.labels?.variation ? `/${m.labels.variation}` : ""}`;
    const s = sources.get(key) ?? { utterances: 0, bigrams: 0, repeated: 0 };
    s.utterances++;
    for (const g of ngrams(words(m.content), 2)) {
      s.bigrams++;
      total++;
      if (seen.has(g)) s.repeated++;
      else seen.add(g);
    }
    sources.set(key, s);
    if (calls) pending = calls;
    after = "";
    if (++count >= BLOCK) break outer;
  }
}
console.log(`${packArg}/${language} ${roleArg}: ${count} utterances, ${total} bigrams, ${seen.size} distinct → distinct-2 ${(seen.size / Math.max(1, total)).toFixed(3)}`);
console.log(`${"source".padEnd(52)} ${"utt".padStart(5)} ${"bigrams".padStart(8)} ${"repeated".padStart(8)} ${"new".padStart(6)} ${"per utt".padStart(7)}`);
const top = Number.isInteger(Number(topArg)) && Number(topArg) > 0 ? Number(topArg) : 25;
for (const [k, s] of [...sources].sort((a, b) => b[1].repeated - a[1].repeated).slice(0, top)) {
  console.log(`${k.slice(0, 52).padEnd(52)} ${String(s.utterances).padStart(5)} ${String(s.bigrams).padStart(8)} ${String(s.repeated).padStart(8)} ${String(s.bigrams - s.repeated).padStart(6)} ${(s.bigrams / s.utterances).toFixed(1).padStart(7)}`);
}
