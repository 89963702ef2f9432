/**
 * The realism benchmark's one tokenizer (issue #18), for chatmill's dialogues and SGD's alike:
 * words are runs of letters, marks (Devanagari vowel signs and viramas are marks, so "हूँ" is one
 * word), digits and apostrophes (straight or typographic), lower-cased. Everything else —
 * spaces, punctuation, emoji, markdown — separates words.
 */
const WORD = /[\p{L}\p{M}\p{N}'\u2019]+/gu;

export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** The word n-grams of one utterance, joined with a space (n-grams never cross utterances). */
export function ngrams(tokens: readonly string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join(" "));
  return out;
}
