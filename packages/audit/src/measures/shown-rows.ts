import { nameOf, type Domain, type Row, type TranscriptMessage } from "@chatmill/domains";

/** A database row the user saw: a tool returned it and a later assistant text named it. */
export interface ShownRow {
  table: string;
  key: string;
  /** The row as the database holds it (the result's copy when the key is not in the pack's table). */
  row: Row;
  /** Index of the first assistant message that named it. */
  shownAt: number;
}

/** Names shorter than this ("Red", "M") are in too many texts to count as naming a row. */
const MIN_NAME = 4;

/**
 * Rows shown to the user. The user never sees a tool result, only what the assistant says
 * about it, so a row counts as shown when an ok, uninjected result held it (injected empty or
 * partial answers are cut, so their rows are not trusted) and a later assistant text names it:
 * by `grounding` (item_id), by its display name, or by a key with letters and digits.
 */
export function rowsShownToUser(messages: ReadonlyArray<TranscriptMessage & { grounding?: unknown }>, domain: Domain): ShownRow[] {
  const tableOfTool = new Map(domain.pack.tools.map((t) => [t.function.name, (t.run as { table?: string }).table]));
  const pending: Array<Omit<ShownRow, "shownAt"> & { name?: string }> = [];
  const seen = new Set<string>();
  const out: ShownRow[] = [];
  messages.forEach((m, at) => {
    if (m.role === "tool" && m.ok === true && m.injected === undefined) {
      const table = tableOfTool.get(String(m.name ?? ""));
      if (table) for (const r of resultRows(m.content, table, domain)) if (!seen.has(`${table}\u0000${r.key}`)) pending.push(r);
      return;
    }
    if (m.role !== "assistant" || typeof m.content !== "string" || m.content.trim() === "") return;
    const text = m.content.toLowerCase();
    const grounded = new Set((Array.isArray(m.grounding) ? m.grounding : []).map((g) => String((g as { item_id?: unknown }).item_id)));
    for (let i = pending.length - 1; i >= 0; i--) {
      const r = pending[i]!;
      const named = grounded.has(r.key) || (r.name !== undefined && r.name.length >= MIN_NAME && text.includes(r.name.toLowerCase())) || namesKey(text, r.key.toLowerCase());
      if (!named) continue;
      pending.splice(i, 1);
      seen.add(`${r.table}\u0000${r.key}`);
      out.push({ table: r.table, key: r.key, row: r.row, shownAt: at });
    }
  });
  return out;
}

function resultRows(content: unknown, table: string, domain: Domain): Array<{ table: string; key: string; row: Row; name?: string }> {
  let data: unknown;
  try {
    data = JSON.parse(String(content));
  } catch {
    return [];
  }
  const keyField = domain.keyOf(table);
  const byKey = keyIndex(domain, table);
  const title = domain.titleOf(table);
  const out: Array<{ table: string; key: string; row: Row; name?: string }> = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== "object") return;
    const obj = v as Row;
    const key = obj[keyField];
    // A row of the tool's table; its nested lists (an item's variants) belong to it, so the walk stops here.
    if (typeof key === "string" || typeof key === "number") {
      const row = byKey.get(String(key)) ?? obj;
      const name = nameOf(row, title);
      out.push({ table, key: String(key), row, ...(name !== undefined && name !== String(key) ? { name } : {}) });
      return;
    }
    Object.values(obj).forEach(walk);
  };
  walk(data);
  return out;
}

const indexes = new WeakMap<Domain, Map<string, Map<string, Row>>>();
/** The pack's rows of a table by key, built once per loaded pack. */
function keyIndex(domain: Domain, table: string): Map<string, Row> {
  let byTable = indexes.get(domain);
  if (!byTable) indexes.set(domain, (byTable = new Map()));
  let index = byTable.get(table);
  if (!index) {
    const keyField = domain.keyOf(table);
    index = new Map();
    try {
      for (const r of domain.table(table)) index.set(String(r[keyField]), r);
    } catch {
      // A table only sessions write (bookings) has no initial rows to index.
    }
    byTable.set(table, index);
  }
  return index;
}

/** Bare numbers ("2") are in every text; only keys with letters and digits count as named. */
function namesKey(text: string, key: string): boolean {
  if (key.length < 3 || !/[a-z]/.test(key) || !/\d/.test(key)) return false;
  const at = text.indexOf(key);
  if (at < 0) return false;
  const before = text[at - 1];
  const after = text[at + key.length];
  return !(before && /[\w-]/.test(before)) && !(after && /[\w-]/.test(after));
}
