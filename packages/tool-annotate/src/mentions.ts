import { nameOf } from "@chatmill/domains";
import { catalogTables } from "./tool-info.js";
import { isObj, type Domain, type Obj } from "./types.js";

/** A catalog record an assistant can name: by its name, or by an id that looks like one (MH01, web-01, TR7075). */
export interface Entry {
  table: string;
  id: string;
  /** The field of its table's rows that holds `id` (the table's key). */
  key?: string;
  name?: string;
  image?: string;
  /** The lower-case phrases that name it in text. */
  phrases: string[];
}

export interface Mention {
  entry: Entry;
  start: number;
  end: number;
}

const MIN_NAME = 4;
const cache = new WeakMap<object, EntryIndex>();

/** Ids such as MH01, DJ-83, web-01, TR7075-mon-0500; bare numbers ("12") are too ambiguous to count. */
export function idLike(v: unknown): v is string {
  return typeof v === "string" && v.length >= 3 && /[a-z]/i.test(v) && /\d/.test(v) && !/\s/.test(v);
}

/** What a row is called: the domain's one name lookup. */
export { nameOf };

/** Finds catalog records named in text, by the first word of each phrase, then an exact bounded match. */
export class EntryIndex {
  private readonly byFirst = new Map<string, Entry[]>();
  readonly byKey = new Map<string, Entry>();

  add(entry: Entry): void {
    const k = `${entry.table}\u0000${entry.id}`;
    if (this.byKey.has(k)) return;
    this.byKey.set(k, entry);
    this.memo.clear();
    for (const p of entry.phrases) {
      const first = tokens(p)[0];
      if (!first) continue;
      const list = this.byFirst.get(first) ?? [];
      list.push(entry);
      this.byFirst.set(first, list);
    }
  }

  private readonly memo = new Map<string, Mention[]>();

  /** Records named in the text (memoised: a reply is checked once per alternative). */
  find(text: string): Mention[] {
    let hit = this.memo.get(text);
    if (!hit) {
      if (this.memo.size >= 2000) this.memo.clear();
      this.memo.set(text, (hit = this.scan(text)));
    }
    return hit;
  }

  private scan(text: string): Mention[] {
    const lower = text.toLowerCase();
    const found: Mention[] = [];
    const seen = new Set<Entry>();
    for (const t of new Set(tokens(lower))) {
      for (const entry of this.byFirst.get(t) ?? []) {
        if (seen.has(entry)) continue;
        for (const p of entry.phrases) {
          const at = boundedIndex(lower, p);
          if (at >= 0) {
            found.push({ entry, start: at, end: at + p.length });
            seen.add(entry);
            break;
          }
        }
      }
    }
    // A name inside a longer matched name ("pizza hut" in "pizza hut city centre") is not a mention of its own.
    return found
      .filter((m) => !found.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start))
      .sort((a, b) => a.start - b.start);
  }
}

/** The domain's catalog as an index (cached per domain). */
export function catalogIndex(domain: Domain): EntryIndex {
  let idx = cache.get(domain);
  if (idx) return idx;
  idx = new EntryIndex();
  for (const table of catalogTables(domain)) {
    const key = domain.keyOf(table);
    for (const row of domain.table(table)) {
      const entry = entryOf(table, row, key, domain.titleOf(table), domain.offline.display?.[table]?.image);
      if (entry) idx.add(entry);
    }
  }
  cache.set(domain, idx);
  return idx;
}

/** `image`: the field holding the row's photo (a pack's display.<table>.image); none declared, no photo. */
export function entryOf(table: string, row: Obj, key: string, title?: string, image?: string): Entry | undefined {
  const id = row[key];
  if (typeof id !== "string" && typeof id !== "number") return undefined;
  const name = nameOf(row, title);
  const phrases: string[] = [];
  if (name && name.trim().length >= MIN_NAME) phrases.push(name.trim().toLowerCase());
  if (idLike(String(id))) phrases.push(String(id).toLowerCase());
  if (phrases.length === 0) return undefined;
  return {
    table,
    id: String(id),
    key,
    ...(name ? { name } : {}),
    ...(image !== undefined && typeof row[image] === "string" && row[image] ? { image: row[image] as string } : {}),
    phrases,
  };
}

/** Entries for records a tool result shows that are not in a catalog (e.g. an SGD restaurant). */
export function resultEntries(table: string, objects: Obj[]): Entry[] {
  const out: Entry[] = [];
  for (const o of objects) {
    const name = nameOf(o);
    const id = typeof o.id === "string" || typeof o.id === "number" ? String(o.id) : name;
    if (!id) continue;
    // A record no pack declares: its `id` and `image` fields by the convention of imported data (README: Which domain).
    const e = entryOf(table, { ...o, id }, "id", undefined, "image");
    if (e) out.push(e);
  }
  return out;
}

export function tokens(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

function boundedIndex(text: string, phrase: string): number {
  let from = 0;
  for (;;) {
    const at = text.indexOf(phrase, from);
    if (at < 0) return -1;
    const before = at === 0 ? "" : text[at - 1]!;
    const after = text[at + phrase.length] ?? "";
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return at;
    from = at + 1;
  }
}

export { isObj };
