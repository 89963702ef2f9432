import * as cryptoModule from "node:crypto";
import { createHash } from "node:crypto";
import { fmix32, hashString } from "@chatmill/kit";
import { normalizeForExact, words, type Fold } from "./normalize.js";

/**
 * One pass over a record's text for what exact and near need: the token hashes of
 * each segment and, when every folding is on (the default), the SHA-256 of the
 * folded text. ASCII text (most of it) is scanned char by char without regexes or
 * intermediate strings; other text goes through NFKC and Unicode word matching.
 * Both paths give the same tokens: runs of letters, marks and digits, lower-cased;
 * so with all foldings on, punctuation separates words like whitespace does.
 */
export interface Analysis {
  exact?: string;
  /** Token hashes of all segments, back to back (a view of a shared buffer: use it at once). */
  tokens: Uint32Array;
  /** Where each segment's tokens end in `tokens`. */
  ends: Uint32Array;
}

/** ASCII code → its lower-case form when it is a letter or digit, else 0. */
const WORD_CHAR = new Uint8Array(128);
for (let c = 48; c <= 57; c++) WORD_CHAR[c] = c;
for (let c = 97; c <= 122; c++) WORD_CHAR[c] = c;
for (let c = 65; c <= 90; c++) WORD_CHAR[c] = c + 32;

let tokenBuf = new Uint32Array(1 << 14);
let endBuf = new Uint32Array(256);

let scratch = Buffer.allocUnsafe(1 << 16);

function ensure(n: number): void {
  if (scratch.length >= n) return;
  const next = Buffer.allocUnsafe(Math.max(n, scratch.length * 2));
  scratch.copy(next);
  scratch = next;
}

export function analyze(segments: readonly string[], folds: ReadonlySet<Fold>, wantExact: boolean, wantTokens: boolean): Analysis {
  const allFolds = folds.size === 3;
  const fastExact = wantExact && allFolds;
  let len = 0;
  let nt = 0;
  let toks = tokenBuf;
  if (endBuf.length < segments.length) endBuf = new Uint32Array(segments.length * 2);
  let si = 0;
  if (fastExact) {
    let total = segments.length;
    for (const seg of segments) total += seg.length;
    ensure(total);
  }
  let buf = scratch;
  for (const seg of segments) {
    // A segment has at most length/2 + 1 words.
    if (wantTokens && toks.length < nt + (seg.length >> 1) + 1) {
      const next = new Uint32Array(Math.max(toks.length * 2, nt + seg.length + 1));
      next.set(toks.subarray(0, nt));
      toks = tokenBuf = next;
    }
    const nt0 = nt;
    const len0 = len;
    let ascii = true;
    {
      let h = 0x811c9dc5;
      let inWord = false;
      for (let i = 0; i < seg.length; i++) {
        const code = seg.charCodeAt(i);
        if (code > 127) {
          ascii = false;
          break;
        }
        const c = WORD_CHAR[code]!;
        if (c !== 0) {
          if (fastExact) {
            if (!inWord && len > 0) buf[len++] = 32;
            buf[len++] = c;
          }
          inWord = true;
          h = Math.imul(h ^ c, 0x01000193);
        } else if (inWord) {
          if (wantTokens) toks[nt++] = fmix32(h);
          h = 0x811c9dc5;
          inWord = false;
        }
      }
      if (inWord && wantTokens && ascii) toks[nt++] = fmix32(h);
    }
    if (!ascii) {
      // Not ASCII: redo this segment with NFKC and Unicode word matching.
      nt = nt0;
      len = len0;
      for (const w of words(seg)) {
        if (wantTokens) {
          if (nt >= toks.length) {
            const next = new Uint32Array(toks.length * 2);
            next.set(toks);
            toks = tokenBuf = next;
          }
          toks[nt++] = hashString(w);
        }
        if (fastExact) {
          ensure(len + Buffer.byteLength(w) + 1);
          buf = scratch;
          if (len > 0) buf[len++] = 32;
          len += buf.write(w, len);
        }
      }
    }
    endBuf[si++] = nt;
  }
  const out: Analysis = { tokens: toks.subarray(0, nt), ends: endBuf.subarray(0, si) };
  if (fastExact) out.exact = sha256(buf.subarray(0, len));
  else if (wantExact) out.exact = createHash("sha256").update(normalizeForExact(segments.join("\n"), folds)).digest("hex");
  return out;
}

/** One-shot SHA-256 (crypto.hash, Node ≥ 20.12) when there is one: faster for short texts. */
const oneShot = (cryptoModule as { hash?: (alg: string, data: Uint8Array, enc: "hex") => string }).hash;

function sha256(data: Uint8Array): string {
  return oneShot ? oneShot("sha256", data, "hex") : createHash("sha256").update(data).digest("hex");
}
