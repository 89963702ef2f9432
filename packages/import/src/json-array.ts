/** A malformed array, with the line where reading stopped. */
export class JsonArrayError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
  }
}

/** One element of a top-level JSON array, with the line it starts on (1-based). */
export interface ArrayElement {
  index: number;
  line: number;
  text: string;
}

/**
 * Splits the text of a JSON array into the texts of its elements without parsing
 * them, so a large array file (MultiWOZ and SGD ship dialogues that way) is parsed
 * one element at a time and every error can name the line an element starts on.
 * Throws with the line number when the array is not closed or a string never ends.
 */
export function* splitJsonArray(text: string): Generator<ArrayElement> {
  let i = 0;
  let line = 1;
  const n = text.length;
  const skipSpace = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10) line += 1;
      else if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) break;
      i += 1;
    }
  };
  skipSpace();
  if (text[i] !== "[") throw new JsonArrayError(line, `expected '[' to start a JSON array`);
  i += 1;
  let index = 0;
  for (;;) {
    skipSpace();
    if (i >= n) throw new JsonArrayError(line, `the JSON array is not closed with ']'`);
    if (text[i] === "]") {
      i += 1;
      skipSpace();
      if (i < n) throw new JsonArrayError(line, `unexpected text after the end of the JSON array`);
      return;
    }
    const start = i;
    const startLine = line;
    let depth = 0;
    let inString = false;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) line += 1;
      if (inString) {
        if (c === 92) i += 1; // backslash: skip the escaped character
        else if (c === 34) inString = false;
        continue;
      }
      if (c === 34) inString = true;
      else if (c === 123 || c === 91) depth += 1;
      else if (c === 125 || c === 93) {
        if (depth === 0) break; // the closing ']' of the array itself
        depth -= 1;
      } else if (c === 44 && depth === 0) break;
    }
    if (inString) throw new JsonArrayError(startLine, `a string in element ${index} never ends`);
    yield { index, line: startLine, text: text.slice(start, i).trimEnd() };
    index += 1;
    if (text[i] === ",") i += 1;
  }
}
