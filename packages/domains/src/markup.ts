import { decodeHTMLStrict } from "entities";

/**
 * Catalog text copied from web shops carries HTML: entities (`HeatTech&trade;`, `&frac14; zip`,
 * `&#39;`) and sometimes tags (`<p>`, `<br/>`). A dialogue must not say them as written, so the
 * built-in packs' data is cleaned once when it is built (scripts/build-packs.ts), and a user's
 * pack whose data still has markup gets a finding from `chatmill-pack check` (its bytes are never
 * changed behind the user's back).
 *
 * Only complete entities (`&name;`, `&#39;`, `&#x27;`) count: "AT&T" or "fish & chips" are text.
 */
const TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>/g;
/** A block-level tag stands for a break between words, so "a<br>b" becomes "a b", not "ab". */
const BREAK_TAG = /<\/?(?:br|p|div|li|ul|ol|tr|td|th|h[1-6])\b[^<>]*>/gi;

/** The text with its HTML entities decoded (also twice-encoded ones, `&amp;trade;`), its tags removed and its spaces collapsed. */
export function cleanCatalogText(s: string): string {
  let out = s;
  // Decoding twice-encoded text ("&amp;amp;") one layer at a time; a few rounds reach any real catalog's depth.
  for (let i = 0; i < 4; i++) {
    const next = decodeHTMLStrict(out);
    if (next === out) break;
    out = next;
  }
  return out.replace(BREAK_TAG, " ").replace(TAG, "").replace(/[ \t\u00a0]+/g, " ").trim();
}

/** What markup a text holds: its first HTML entity or tag, or undefined for clean text. */
export function markupIn(s: string): string | undefined {
  if (s.includes("&") && decodeHTMLStrict(s) !== s) return /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.exec(s)?.[0] ?? "&…;";
  TAG.lastIndex = 0;
  return TAG.exec(s)?.[0];
}

/** One text value with markup in a table: where it is (row index, field path) and the markup found. */
export interface MarkupHit {
  row: number;
  path: string;
  markup: string;
  text: string;
}

/** Every text value in the rows (nested arrays and objects included) that holds an HTML entity or tag. */
export function markupInRows(rows: readonly unknown[]): MarkupHit[] {
  const out: MarkupHit[] = [];
  const visit = (v: unknown, row: number, path: string): void => {
    if (typeof v === "string") {
      const markup = markupIn(v);
      if (markup !== undefined) out.push({ row, path, markup, text: v });
    } else if (Array.isArray(v)) v.forEach((x, i) => visit(x, row, `${path}[${i}]`));
    else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) visit(x, row, path ? `${path}.${k}` : k);
  };
  rows.forEach((r, i) => visit(r, i, ""));
  return out;
}
