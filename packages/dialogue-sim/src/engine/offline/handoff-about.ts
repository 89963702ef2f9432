// What a hand-off may name. A request reserved to a person names a value the user said: a host, a
// product, a service ("problems with web-02") — and sometimes a row of an information service, a
// topic the assistant explains from its notes ("journalctl -u", "keeping disk headroom"). Such a
// row is something one asks about, not something that has problems: "a colleague takes care of
// problems with journalctl -u" read as nonsense (session 24's reader), so a hand-off about one
// says who handles it without naming it, and does not say back a request that names it.
import type { Domain } from "../../contract.js";
import { rowIndex } from "../rows.js";
import type { Dialog } from "./context.js";

const explained = new WeakMap<Domain, ReadonlySet<string>>();

/** The titles of every row of an information service's table (one that declares `facts`), lower-cased; made once per pack. */
function explainedTitles(domain: Domain): ReadonlySet<string> {
  let titles = explained.get(domain);
  if (!titles) {
    const out = new Set<string>();
    for (const s of domain.services) {
      if (!s.facts || !s.table) continue;
      const title = domain.titleOf(s.table);
      if (!title) continue;
      for (const row of rowIndex(domain, s.table).values()) {
        const v = row[title];
        if (typeof v === "string" || typeof v === "number") out.add(String(v).toLowerCase());
      }
    }
    explained.set(domain, (titles = out));
  }
  return titles;
}

/** Whether `value` is the name of a topic the pack's information services explain (not a thing a hand-off is about). */
export function namesTopic(d: Dialog, value: string | undefined): boolean {
  return value !== undefined && explainedTitles(d.domain).has(value.toLowerCase());
}

/**
 * What the hand-off offer may say of the user's reserved request: the thing it named (`item`) and
 * the request itself (`reason`, said back in English) — neither when the thing is a topic.
 */
export function offerAbout(d: Dialog, reason: string, item: string | undefined): { reason?: string; item?: string } {
  return namesTopic(d, item) ? {} : { reason, ...(item !== undefined ? { item } : {}) };
}
