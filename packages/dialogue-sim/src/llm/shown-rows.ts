import type { Domain, Row } from "../contract.js";
import { displayOf } from "../engine/present.js";
import { nameOf, rowsOf } from "../engine/rows.js";

/** A row some tool returned in this dialogue, with what names it in text. */
export interface ShownRow {
  table: string;
  key: string;
  name?: string;
  image?: string;
  row: Row;
  callId: string;
}

/** Names shorter than this ("Red", "M") are too common to count as a mention. */
const MIN_NAME = 4;

/**
 * The rows that successful tool results put in front of the assistant, so what it says can be
 * traced to them. The LLM engine cannot ask the model which item it meant; it looks for the
 * item's name or id in the text instead, as tool-annotate's grounding does.
 */
export class ShownRows {
  private readonly rows: ShownRow[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly domain: Domain) {}

  /** Adds the rows of one ok tool result read from `table` (the tool's table); `rowsAt`: where the tool's result holds them (resultRowsOf). */
  add(table: string | undefined, content: string, callId: string, rowsAt?: string): void {
    if (!table) return;
    let data: unknown;
    try {
      data = JSON.parse(content);
    } catch {
      return;
    }
    const keyField = this.domain.keyOf(table);
    const title = this.domain.titleOf(table);
    // The table's declared image field (display.image): a link under another name is not taken for a photo.
    const imageField = displayOf(this.domain, table).image;
    for (const row of rowsOf(data, rowsAt)) {
      const key = row[keyField];
      if (key === undefined || key === null) continue;
      const id = `${table}\u0000${String(key)}`;
      if (this.seen.has(id)) continue;
      this.seen.add(id);
      const name = nameOf(row, title);
      const img = imageField ? row[imageField] : undefined;
      const image = typeof img === "string" && img !== "" ? img : undefined;
      this.rows.push({ table, key: String(key), row, callId, ...(name && name !== String(key) ? { name } : {}), ...(image ? { image } : {}) });
    }
  }

  /** Rows named (by name or id) in `text`, in the order they were shown. */
  mentionedIn(text: string): ShownRow[] {
    const lower = text.toLowerCase();
    return this.rows.filter((r) => (r.name !== undefined && r.name.length >= MIN_NAME && lower.includes(r.name.toLowerCase())) || containsId(text, r.key));
  }
}

function containsId(text: string, id: string): boolean {
  // Bare numbers ("2") are everywhere in text; only ids with letters and digits count.
  if (id.length < 3 || !/[a-z]/i.test(id) || !/\d/.test(id)) return false;
  const at = text.indexOf(id);
  if (at < 0) return false;
  const before = text[at - 1];
  const after = text[at + id.length];
  return !(before && /[\w-]/.test(before)) && !(after && /[\w-]/.test(after));
}
