export const FOLDS = ["case", "whitespace", "punctuation"] as const;
export type Fold = (typeof FOLDS)[number];

const PUNCT = /[\p{P}\p{S}]/gu;
const SPACE = /\s+/gu;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The text the exact method hashes: NFKC, then the chosen foldings. */
export function normalizeForExact(text: string, folds: ReadonlySet<Fold>): string {
  let t = text.normalize("NFKC");
  if (folds.has("case")) t = t.toLowerCase();
  if (folds.has("punctuation")) t = t.replace(PUNCT, " ");
  if (folds.has("whitespace")) t = t.replace(SPACE, " ").trim();
  return t;
}

/**
 * Words for shingling: near duplicates are about wording, so case, punctuation and
 * spacing never count there, whatever --fold says.
 */
export function words(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().match(WORD) ?? [];
}

/** Lower-cased text with single spaces, for character shingles. */
export function charText(text: string): string {
  return words(text).join(" ");
}

export function parseFolds(spec: string): Set<Fold> {
  const out = new Set<Fold>();
  for (const part of spec.split(",").map((p) => p.trim()).filter(Boolean)) {
    if (part === "none") continue;
    if (!(FOLDS as readonly string[]).includes(part)) {
      throw new Error(`unknown folding '${part}': use a comma list of ${FOLDS.join(", ")}, or none`);
    }
    out.add(part as Fold);
  }
  return out;
}
