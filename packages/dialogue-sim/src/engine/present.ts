import type { Rng } from "@chatmill/kit";
import { factSaying, type FactSaying } from "@chatmill/domains";
import type { OfflineSpec } from "@chatmill/schema";
import type { Domain, Row } from "../contract.js";
import { money, type Lang } from "../phrases/describe.js";
import { say } from "../phrases/grammar.js";
import { displayName, nameFieldOf, nameOf } from "./rows.js";

type Display = NonNullable<OfflineSpec["display"]>[string];

/** How the pack wants a table's rows shown (offline.display), with sensible fallbacks. */
export function displayOf(domain: Domain, table: string | undefined): Display {
  return (table && domain.offline.display?.[table]) || {};
}

/**
 * The fields a row's facts leave out, as the pack declares them: what the row is called (said as
 * its name: the display's title, else the one name lookup's field), its reference (the display's
 * id, else the table key; said as its id), its image (said as a link) and the display's `unsaid`
 * fields. No field is left out for what it is called.
 */
export function unsaidFields(domain: Domain, table: string | undefined, row: Row): string[] {
  const disp = displayOf(domain, table);
  const title = disp.title ?? nameFieldOf(row);
  const id = disp.id ?? (table !== undefined && domain.pack.database.tables[table] ? domain.keyOf(table) : undefined);
  return [title, id, disp.image, ...(disp.unsaid ?? [])].filter((f): f is string => f !== undefined);
}

/**
 * Whether a constraint is on a field that holds money: its table's declared price field
 * (`offline.display.<table>.price`), the table being the constraint's own or its service's.
 * Declared data only — a field is never taken for money by its name.
 */
export function isMoneyField(domain: Domain, c: { field: string; table?: string | undefined; service?: string | undefined }): boolean {
  const table = c.table ?? (c.service ? domain.services.find((s) => s.name === c.service)?.table : undefined);
  return table !== undefined && displayOf(domain, table).price === c.field;
}

/**
 * How a row of `table` lets its facts be said: the pack's wording (factSaying), and the table's
 * declared price field (`offline.display.<table>.price`) as money in the dialogue's currency.
 */
export function factSayingFor(domain: Domain, table: string | undefined, currency: string): FactSaying {
  const price = displayOf(domain, table).price;
  const say = factSaying(domain);
  return price === undefined ? say : { ...say, money: (field) => (field === price ? currency : undefined) };
}

export interface Shown {
  key: string;
  name: string;
  /** The whole row, as the database has it (for checking constraints). */
  row: Row;
  /** The row as the tool returned it: all the assistant may say about it. */
  seen: Row;
  table: string;
  callId: string;
  image?: string;
}

/**
 * Whether a row's reference is worth saying beside its name: not when it is the name, nor when it
 * holds it ("TR2673 (TR2673-tue-1948)" says the train's number twice; its day and time are facts).
 */
export function idBeside(title: string, id: unknown): boolean {
  if (id === undefined || id === null || id === "") return false;
  const t = title.trim().toLowerCase();
  const i = String(id).toLowerCase();
  // A name of a letter or two may sit inside any code by chance: only a longer one is taken as held.
  return i !== t && (t.length < 3 || !i.includes(t));
}

/** The facts of one row a person cares about: title, id, price, a few details, the image link. */
export function itemLine(row: Row, d: Display, lang: Lang, currency: string, opts: { image?: boolean; details?: number } = {}): string {
  const title = displayName(nameOf(row, d.title) ?? "this one");
  // The reference shown is the declared one (displayFor falls back to the table's key), never a field called "id".
  const id = d.id !== undefined ? row[d.id] : undefined;
  // A pack that lists what to show decides whether a price is among it.
  const price = d.price ? row[d.price] : undefined;
  const parts: string[] = [];
  const details = (d.details ?? []).map((f) => row[f]).filter((v) => v != null && v !== "" && v !== "?").slice(0, opts.details ?? 3);
  if (typeof price === "number" || (typeof price === "string" && price !== "")) parts.push(typeof price === "number" ? money(price, currency) : String(price));
  for (const v of details) parts.push(Array.isArray(v) ? v.slice(0, 3).join("/") : String(v));
  const img = opts.image !== false && d.image ? row[d.image] : undefined;
  const idText = idBeside(title, id) ? ` (${String(id)})` : "";
  const tail = typeof img === "string" && img !== "" ? ` ${lang === "en" ? "— pic" : "— photo"}: ${img}` : "";
  return `${title}${idText}${parts.length ? ` — ${parts.join(", ")}` : ""}${tail}`;
}

/**
 * The search returned rows, but none meets everything the user asked for: the assistant says so
 * and shows the closest ones rather than claiming nothing came back.
 */
export function closestIntro(lang: Lang, wants: string, rng: Rng): string {
  if (lang === "hi") return say(["{wants} — [बिल्कुल ऐसा कुछ नहीं मिला|हूबहू ऐसा कुछ नहीं है]; [सबसे नज़दीकी ये हैं|इनके सबसे क़रीब ये हैं]:"], rng, { wants });
  if (lang === "mixed") return say(["{wants} — [exactly aisa kuch nahi mila|bilkul waisa kuch nahi hai]; [sabse close ye hain|sabse kareeb ye options hain]:"], rng, { wants });
  return say(["[Nothing matches|None of them fits] {wants} [exactly|on every point] — [the closest I have|the nearest options] [are|came back as]:", "[I have nothing|There's nothing] that's {wants} [exactly|on the nose]; [closest|nearest] [matches|options]:"], rng, { wants });
}
