/**
 * Doubled words (issue #18: "no doubled words"): the same word twice in a row where a person
 * would not write it — "then then", "please please hurry", and two composed parts that meet on
 * the same word ("Great. Great that we settled on gpu-01."). Not every doubling is an error:
 * English doubles a few words on purpose ("ok ok", "bye bye", "very very"), and Hindi and
 * Hinglish double adverbs, adjectives, question words and participles as grammar ("धीरे-धीरे",
 * "kya kya", "peete peete"). So:
 * - English: any word doubled, but the ones people double on purpose (SAID_TWICE);
 * - Hindi and Hinglish: only words the language never doubles (function words: postpositions,
 *   the copula, conjunctions; and the English ones a Hinglish line borrows);
 * - in every language, a word that ends a short sentence (up to four words: an ack, a thanks, a
 *   question tag) and starts the next (but an English pronoun: "connecting you! You won't need
 *   to" is how people write): two composed parts that meet ("Checking. Checking for …",
 *   "और कुछ? कुछ और चाहिए?"). After a longer sentence it is a writer's echo ("… or failed. Failed
 *   means it exited") or a pronoun ("… with you. You won't need to"), which people write.
 * Words with digits (ids such as TR1809) and text in backticks (commands, log lines) are not
 * read; words joined by a hyphen or a dash are a reduplication or an aside, not a double, and
 * words either side of a comma are two clauses.
 */

/** English words people double on purpose. */
const SAID_TWICE = new Set(["ok", "okay", "bye", "no", "yes", "yeah", "very", "so", "really", "hey", "hi", "hello", "ha", "haha", "well", "right", "knock", "ah", "oh", "ooh", "uh", "um", "hmm"]);

/** English pronouns: a sentence ending on one and the next starting with it is how people write ("connecting you! You won't need to"). */
const PRONOUNS = new Set(["i", "you", "we", "they", "he", "she", "it", "me", "us", "them", "this", "that"]);

/** Words Hindi and Hinglish never double: the copula, postpositions, particles, conjunctions, and English function words. */
const NEVER_TWICE = new Set([
  ..."है हैं हो हूँ था थी थे का की के को से में पर और या तो भी ही ने यह ये वह वो".split(" "),
  ..."hai hain ho hoon tha thi ka ki ke ko se mein me par pe aur ya toh bhi hi ne yeh ye woh wo".split(" "),
  ..."the a an and or is are to of for in on with then please that it".split(" "),
]);

export interface DoubledWord {
  word: string;
  /** The two words and a few characters either side. */
  context: string;
}

const WORD = /[\p{L}\p{M}\p{N}'’]+/gu;
/**
 * Between two words: only spaces (said in a row) or a sentence end (two parts that meet). A comma
 * between them is a clause that starts on the word the last one ended with ("happy with that,
 * that all looks fine"; "about it, it doesn't"), which people say.
 */
const IN_A_ROW = /^\s+$/;
const SENTENCE_END = /^\s*[.!?।]+\s*$/u;
const ENDS_SENTENCE = /[.!?।\n]/u;
/** A sentence this short that ends on the word the next one starts with is a composed part (see above). */
const SHORT_SENTENCE = 4;

/** Text in backticks (inline code, code blocks) replaced by spaces, so offsets stay the same. */
const withoutCode = (text: string) => text.replace(/```[\s\S]*?(?:```|$)|`[^`\n]*`/g, (m) => " ".repeat(m.length));

export function doubledWords(text: string, language: string): DoubledWord[] {
  const out: DoubledWord[] = [];
  const plain = withoutCode(text);
  let prev: { word: string; end: number } | undefined;
  /** Words of the sentence `prev` ends (or is in). */
  let sentence = 0;
  for (const m of plain.matchAll(WORD)) {
    const word = m[0].toLowerCase();
    const start = m.index!;
    const between = prev ? plain.slice(prev.end, start) : "";
    if (prev && word === prev.word && !/\d/.test(word)) {
      const english = language === "en";
      const flagged = SENTENCE_END.test(between)
        ? sentence <= SHORT_SENTENCE && !(english && (SAID_TWICE.has(word) || PRONOUNS.has(word)))
        : IN_A_ROW.test(between)
          ? english
            ? !SAID_TWICE.has(word)
            : NEVER_TWICE.has(word)
          : false;
      if (flagged) out.push({ word, context: text.slice(Math.max(0, prev.end - word.length - 30), start + word.length + 30).replace(/\s+/g, " ") });
    }
    sentence = ENDS_SENTENCE.test(between) ? 1 : sentence + 1;
    prev = { word, end: start + m[0].length };
  }
  return out;
}
