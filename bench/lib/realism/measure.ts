import { articleErrors, consecutiveAssistant, firstPersonGender, genderAgreement, htmlEntities, type Msg, type NameFinder } from "./checks.js";
import { doubledWords } from "./doubled-words.js";
import type { Leak, LeakFinder } from "./phrases.js";

/** What the measurement reads of a dialogue record (a chatmill Dialogue has these). */
export interface DialogueLike {
  id?: string;
  scenario?: { category?: string; persona?: { gender?: string; language?: string } };
  messages: readonly Msg[];
}

/** A zero-count check's tally, with the first few offending texts for the reader. */
export interface Tally {
  count: number;
  dialogues: number;
  examples: string[];
}

/** The part of a text around `what` (case-insensitive; its first word when the whole is not found), quoted, for an example line. */
export function around(text: string, what: string, before = 50, after = 110): string {
  const lower = text.toLowerCase();
  let at = lower.indexOf(what.toLowerCase());
  if (at < 0) at = lower.indexOf(what.toLowerCase().split(/\s+/)[0] ?? "");
  if (at < 0) at = 0;
  const start = Math.max(0, at - before);
  const end = Math.min(text.length, at + what.length + after);
  return `${start > 0 ? "…" : ""}${JSON.stringify(text.slice(start, end)).slice(1, -1)}${end < text.length ? "…" : ""}`;
}

const tally = (): Tally => ({ count: 0, dialogues: 0, examples: [] });
const MAX_EXAMPLES = 3;

function note(t: Tally, hits: number, example: () => string): void {
  if (hits === 0) return;
  t.count += hits;
  if (t.examples.length < MAX_EXAMPLES) t.examples.push(example());
}

/**
 * One corpus (a pack in one language): its utterances per role, in dialogue order, and every
 * zero-count check. `needs` maps a scenario category to the tool its task needs (retail's
 * visual_search → visual_search, similar_items → recommend_similar).
 */
export class CorpusMeter {
  readonly assistant: string[] = [];
  readonly user: string[] = [];
  dialogues = 0;
  readonly consecutive = tally();
  readonly entities = tally();
  readonly articles = tally();
  readonly names = tally();
  readonly doubled = tally();
  readonly leaks = tally();
  readonly leakList: Array<Leak & { dialogue: string }> = [];
  readonly gender = { carrying: 0, agreeing: 0, skipped: 0, examples: [] as string[] };
  readonly needed = new Map<string, { tool: string; dialogues: number; called: number }>();

  constructor(
    readonly pack: string,
    private readonly nameFinder: NameFinder,
    private readonly leakFinder: LeakFinder,
    private readonly needs: ReadonlyMap<string, string> = new Map(),
  ) {}

  add(d: DialogueLike): void {
    this.dialogues++;
    const seen = { consecutive: false, entities: false, articles: false, names: false, doubled: false };
    const bump = (key: keyof typeof seen, t: Tally) => {
      if (!seen[key]) t.dialogues++;
      seen[key] = true;
    };
    const pairs = consecutiveAssistant(d.messages);
    if (pairs.length > 0) {
      bump("consecutive", this.consecutive);
      note(this.consecutive, pairs.length, () => {
        const i = pairs[0]!;
        const say = (m: Msg) => (m.content ? JSON.stringify(m.content.slice(0, 140)) : `[calls ${(m.tool_calls ?? []).map((c) => c.name).join(", ")}]`);
        return `${d.id ?? "?"}: ${say(d.messages[i]!)} ⟶ ${say(d.messages[i + 1]!)}`;
      });
    }
    const gender = d.scenario?.persona?.gender;
    const language = d.scenario?.persona?.language ?? "en";
    const texts: string[] = [];
    for (const m of d.messages) {
      if ((m.role !== "user" && m.role !== "assistant") || typeof m.content !== "string" || m.content.trim() === "") continue;
      const text = m.content;
      texts.push(text);
      (m.role === "user" ? this.user : this.assistant).push(text);
      const ent = htmlEntities(text);
      if (ent.length > 0) {
        bump("entities", this.entities);
        note(this.entities, 1, () => `${m.role}: ${ent.join(" ")} in "${around(text, ent[0]!)}"`);
      }
      const doubled = doubledWords(text, language);
      if (doubled.length > 0) {
        bump("doubled", this.doubled);
        note(this.doubled, doubled.length, () => `${m.role}: "${doubled[0]!.context}"`);
      }
      const art = articleErrors(text);
      if (art.length > 0) {
        bump("articles", this.articles);
        note(this.articles, art.length, () => `${m.role}: "${art[0]!.context}"`);
      }
      if (m.role === "user") {
        const names = this.nameFinder.find(text);
        if (names.length > 0) {
          bump("names", this.names);
          note(this.names, names.length, () => `${names.map((n) => n.found).join(", ")} in "${around(text, names[0]!.found)}"`);
        }
        const forms = firstPersonGender(text);
        const agreement = genderAgreement(forms, gender);
        if (forms.masculine.length + forms.feminine.length > 0) {
          if (agreement === null) this.gender.skipped++;
          else {
            this.gender.carrying++;
            if (agreement === "agrees") this.gender.agreeing++;
            else if (this.gender.examples.length < MAX_EXAMPLES) {
              const all = [...forms.masculine, ...forms.feminine];
              this.gender.examples.push(`${gender} persona: ${all.join(", ")} in "${around(text, all[0]!)}"`);
            }
          }
        }
      }
    }
    const leaks = this.leakFinder.find(this.pack, texts);
    if (leaks.length > 0) {
      this.leaks.dialogues++;
      this.leaks.count += leaks.length;
      for (const l of leaks) this.leakList.push({ ...l, dialogue: d.id ?? "?" });
      if (this.leaks.examples.length < MAX_EXAMPLES) this.leaks.examples.push(`"${leaks[0]!.phrase}" (${leaks[0]!.origin}) in "${around(leaks[0]!.text, leaks[0]!.matched)}"`);
    }
    const category = d.scenario?.category;
    const tool = category === undefined ? undefined : this.needs.get(category);
    if (category !== undefined && tool !== undefined) {
      const n = this.needed.get(category) ?? { tool, dialogues: 0, called: 0 };
      n.dialogues++;
      if (d.messages.some((m) => (m.tool_calls ?? []).some((c) => c.name === tool))) n.called++;
      this.needed.set(category, n);
    }
  }
}
