// Word-level text matching shared by the grader, the alternatives and the request reader.

/** `s` as a literal inside a regular expression. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Does lower-case `text` hold `word` as a whole word (not inside a longer run of letters and digits)? */
export function hasWord(text: string | undefined, word: string): boolean {
  return Boolean(text && new RegExp(`(^|[^a-z0-9])${escapeRe(word)}([^a-z0-9]|$)`).test(text));
}

/**
 * Left to right, the longest span of up to `max` tokens that `accept` takes at each place
 * (tokens joined by spaces); the tokens of a span are not used again.
 */
export function longestSpans(toks: readonly string[], max: number, accept: (span: string) => boolean): Array<{ span: string; at: number }> {
  const out: Array<{ span: string; at: number }> = [];
  for (let i = 0; i < toks.length; i++) {
    for (let n = Math.min(max, toks.length - i); n >= 1; n--) {
      const span = toks.slice(i, i + n).join(" ");
      if (accept(span)) {
        out.push({ span, at: i });
        i += n - 1;
        break;
      }
    }
  }
  return out;
}
