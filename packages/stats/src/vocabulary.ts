import { fmix32, hashString } from "@chatmill/kit";
import { HyperLogLog, rate } from "./sketch.js";
import type { VocabularyReport } from "./report-types.js";

const WORD = /[\p{L}\p{M}\p{N}']+/gu;

/** Distinct words and word pairs of a text stream, in fixed memory (HyperLogLog sketches): distinct-1 and distinct-2. */
export class Vocabulary {
  tokens = 0;
  bigrams = 0;
  readonly uni = new HyperLogLog();
  readonly bi = new HyperLogLog();

  add(text: string): void {
    const words = text.toLowerCase().match(WORD);
    if (!words) return;
    let prev = 0;
    for (let i = 0; i < words.length; i++) {
      const h = hashString(words[i]!);
      this.uni.add(h);
      this.tokens++;
      if (i > 0) {
        this.bi.add(fmix32((Math.imul(prev, 0x9e3779b1) ^ h) >>> 0));
        this.bigrams++;
      }
      prev = h;
    }
  }


  report(): VocabularyReport {
    const u1 = this.uni.count();
    const u2 = this.bi.count();
    return {
      tokens: this.tokens,
      distinct_1: rate(Math.min(u1, this.tokens), this.tokens),
      distinct_2: rate(Math.min(u2, this.bigrams), this.bigrams),
      unique_unigrams: u1,
      unique_bigrams: u2,
    };
  }
}
