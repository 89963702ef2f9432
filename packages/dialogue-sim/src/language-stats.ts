/**
 * How varied the language of a set of dialogues is: distinct-1/2 (distinct uni/bigrams over all
 * uni/bigrams, Li et al. 2016) over all user and assistant turns, and the share of unique
 * utterances. Streaming: feed dialogues one by one; memory grows with the vocabulary only.
 */
export interface LanguageStats {
  turns: number;
  tokens: number;
  distinct1: number;
  distinct2: number;
  uniqueUtterances: number;
  byRole: Record<string, { turns: number; distinct1: number; distinct2: number; uniqueUtterances: number }>;
}

interface Acc {
  turns: number;
  tokens: number;
  bigrams: number;
  uni: Set<string>;
  bi: Set<string>;
  utter: Set<string>;
}

const acc = (): Acc => ({ turns: 0, tokens: 0, bigrams: 0, uni: new Set(), bi: new Set(), utter: new Set() });

/** Lower-cased word tokens (Latin and Devanagari), punctuation dropped. */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{M}\p{N}'$₹€£.:/_-]+/gu)?.map((t) => t.replace(/^[.:/_-]+|[.:/_-]+$/g, "")).filter(Boolean) ?? [];
}

export class LanguageMeter {
  private readonly all = acc();
  private readonly roles = new Map<string, Acc>();

  add(dialogue: { messages: Array<{ role: string; content?: unknown }> }): void {
    for (const m of dialogue.messages) {
      if ((m.role !== "user" && m.role !== "assistant") || typeof m.content !== "string" || m.content === "") continue;
      let r = this.roles.get(m.role);
      if (!r) this.roles.set(m.role, (r = acc()));
      for (const a of [this.all, r]) feed(a, m.content);
    }
  }

  stats(): LanguageStats {
    const byRole: LanguageStats["byRole"] = {};
    for (const [role, a] of this.roles) byRole[role] = { turns: a.turns, distinct1: ratio(a.uni.size, a.tokens), distinct2: ratio(a.bi.size, a.bigrams), uniqueUtterances: ratio(a.utter.size, a.turns) };
    const a = this.all;
    return { turns: a.turns, tokens: a.tokens, distinct1: ratio(a.uni.size, a.tokens), distinct2: ratio(a.bi.size, a.bigrams), uniqueUtterances: ratio(a.utter.size, a.turns), byRole };
  }
}

function feed(a: Acc, text: string): void {
  const t = tokens(text);
  a.turns++;
  a.tokens += t.length;
  a.utter.add(t.join(" "));
  for (let i = 0; i < t.length; i++) {
    a.uni.add(t[i]!);
    if (i > 0) {
      a.bi.add(`${t[i - 1]} ${t[i]}`);
      a.bigrams++;
    }
  }
}

const ratio = (n: number, d: number): number => (d === 0 ? 0 : Math.round((n / d) * 10000) / 10000);

/** Language statistics of a list of dialogues. */
export function languageStats(dialogues: Iterable<{ messages: Array<{ role: string; content?: unknown }> }>): LanguageStats {
  const m = new LanguageMeter();
  for (const d of dialogues) m.add(d);
  return m.stats();
}
