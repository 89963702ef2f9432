// The realizer's half that words what tools returned: lists of options, the closest rows, a
// pick, details, reviews, stock, logs, status, a comparison, a command's output.
import { valueMeets } from "@chatmill/domains";
import type { Constraint, Row } from "../../contract.js";
import { joinSentences } from "../../phrases/grammar.js";
import { compareText, factsText } from "../facts.js";
import { closestIntro, displayOf, factSayingFor, itemLine, unsaidFields, type Shown } from "../present.js";
import { statusHow, statusText } from "../status-text.js";
import { stockText } from "../stock-text.js";
import type { Dialog } from "./context.js";
import { briefLine, briefOf, detailRow, displayFor, factsOf, factWords, fieldOrder, listBody, restText, type Focus } from "./list-lines.js";
import { sharedAfter, sharedOf } from "./list-shared.js";
import { highlightsText, proseSentence, quoteText } from "./prose.js";
import { reportedAgain } from "./fact-choice.js";
import { nameOf } from "../rows.js";
import { moreText, sayLocal, wants } from "./realizer.js";

/** Rows that met nothing the user said, shown as the closest there are: each with where it stands on what was asked. */
export function closestText(d: Dialog, table: string | undefined, closest: Shown[], revealed: Constraint[]): string {
  const disp = displayFor(d, table);
  const rows = closest.map((s) => s.seen);
  // Each row says first where it misses the ask ("arriving at 16:20"), then where it meets it: rows that all met the same two asks read alike.
  const focusOf = (row: Row) => {
    const missed = (c: Constraint) => !valueMeets(row[c.field], c);
    return [...revealed.filter(missed), ...revealed.filter((c) => !missed(c))].map((c) => ({ field: c.field, value: c.value }));
  };
  // What every row has alike (the same train on different days: "leaving at 15:50 and to Ely") is said once, after them;
  // each row then says what it has of its own (the day), so the rows do not read as one line three times.
  const shared = sharedOf(d, rows, disp, focusOf(closest[0]!.row), table, closest.map((s) => s.row));
  const own = { ...shared, price: false };
  const lines = closest.map((s, i) => `${i + 1}. ${briefLine(briefOf(d, s.seen, rows, disp, focusOf(s.row).filter((f) => !shared.fields.includes(f.field)), 2, s.row, own, table), 0, d.lang)}`);
  const alike = shared.told.length > 0 ? sharedAfter(d, rows.length, factsOf(d, rows[0]!, shared.told, revealed)) : "";
  return `${closestIntro(d.lang, wants(d, revealed), d.rng)}\n${lines.join("\n")}${alike ? `\n${alike}` : ""}`;
}

/**
 * The options found: up to three, each with the facts that bear on the request (`focus`: the
 * fields the user constrained) and one that sets it apart — no photo links (offered for the pick);
 * the rest counted ("and 4 more") or left at "N in all".
 */
export function listText(d: Dialog, table: string | undefined, top: Shown[], n: number, total: number, focus: readonly Focus[] = []): string {
  const disp = displayFor(d, table);
  const rows = top.map((s) => s.seen);
  const facts = d.voice.style === "executive" ? 1 : d.rng.int(1, 2);
  // A row already shown in this dialogue is named again, not described again.
  const again = (s: Shown) => d.t.trace.infoShown.has(`${s.table}\u0000${s.key}`);
  // What every row has in common is said once, before the rows (rows named again are not described: nothing to share).
  const shared = top.some(again) ? undefined : sharedOf(d, rows, disp, focus, table, top.map((s) => s.row));
  const body = listBody(d, top.map((s) => (again(s) ? { ...briefOf(d, s.seen, rows, disp, [], 0, s.row), id: "" } : briefOf(d, s.seen, rows, disp, focus, facts, s.row, shared, table))));
  const more = total > n ? (restText(d, top.length, total) ?? moreText(d, total)) : "";
  // The shared facts open the list in place of a stock intro ("All three are by Luma:").
  const intro = shared?.head || d.voice.intro();
  const offer = d.voice.offer();
  return joinSentences([intro, body.block ? `\n${body.text}` : body.text, more, offer], d.lang).replace(/ \n/g, "\n").trim();
}

/** The assistant's word on the item the user took. */
export function pickText(d: Dialog, table: string | undefined, pick: Shown): string {
  const disp = displayFor(d, table);
  // An operator's host keeps its declared line ("gpu-01 — ml, healthy"); an item is said briefly, with its photo: the one pick is where the picture belongs.
  const line = d.voice.context.ops ? itemLine(pick.seen, disp, d.lang, d.currency, { image: true, details: 2 }) : pickLine(d, pick, disp);
  // A host is not a purchase: an operator settles on one without "great choice".
  const ops = d.voice.context.ops;
  // "gpu-01 — ml, healthy" is said as "gpu-01 (ml, healthy)" inside a sentence.
  const [head, ...facts] = line.split(" — ");
  const host = facts.length ? `${head} (${facts.join(", ")})` : line;
  const en = ops
    ? ["[Okay|Right|Noted] — staying on {host}.", "{host} [it is|then]; [I'll keep it in view|noted]."]
    : ["[Great choice|Good pick|Nice one] — {line}.", "{line} — [solid choice|you'll like it|good one]."];
  const hi = ops ? ["[ठीक है|अच्छा|नोट किया] — {host}।", "{host} [पर रहते हैं|ही देखते हैं|पर ही ध्यान रखते हैं]।", "[तो अब|चलिए,] {host} [पर नज़र रखते हैं|पर टिकते हैं]।"] : ["[बढ़िया चुनाव|अच्छी पसंद|सही चुना] — {line}।", "{line} — [सही फ़ैसला|अच्छा चुना|यह ठीक रहेगा]।", "[तो|ठीक है,] {line} [तय रहा|पक्का]।"];
  const mixed = ops ? ["[Ok|Theek hai|Noted] — {host} pe rehte hain.", "{host} [hi dekhte hain|pe focus karte hain|pe hi dhyan rakhte hain].", "[Toh ab|Chalo,] {host} [pe nazar rakhte hain|pe tikte hain]."] : ["[Badhiya choice|Acchi pick|Sahi choose kiya] — {line}.", "{line} — [sahi decision|accha choose kiya|ye theek rahega].", "[Toh|Theek hai,] {line} [final|pakka]."];
  const bank = d.lang === "hi" ? hi : d.lang === "mixed" ? mixed : en;
  // An item picked is settled: a follow-up about "any of them" would point back at the list, so it comes seldom; an operator's host goes on being looked after (its logs, its services).
  return joinSentences([sayLocal(bank, d.rng, { line, host }), d.voice.offer(ops ? 0.8 : 0.3)], d.lang);
}

/** Whether the assistant already sent this link in the dialogue: a person does not paste the same photo twice. */
function linkedBefore(d: Dialog, link: string): boolean {
  return d.t.messages.some((m) => m.role === "assistant" && typeof m.content === "string" && m.content.includes(link));
}

/** The pick in a few words and its photo link, said one of a few ways. */
function pickLine(d: Dialog, pick: Shown, disp: ReturnType<typeof displayOf>): string {
  const b = briefOf(d, pick.seen, [], disp, [], d.rng.int(0, 1), pick.row, undefined, pick.table);
  const line = briefLine(b, d.rng.int(0, 2), d.lang);
  const img = disp.image ? pick.seen[disp.image] : undefined;
  // The photo comes with most picks, not all: a person who has just seen the list may not need it again.
  if (typeof img !== "string" || img === "" || !d.rng.chance(0.6) || linkedBefore(d, img)) return line;
  const en = ["{line} — [pic|photo|picture]: {img}", "{line} ([photo|picture|pic] {img})", "{line}; [here's a|the] [photo|picture]: {img}"];
  const hi = ["{line} — फ़ोटो: {img}", "{line} ([फ़ोटो|तस्वीर] {img})"];
  const mixed = ["{line} — [photo|pic]: {img}", "{line} ([photo|pic] {img})"];
  return sayLocal(d.lang === "hi" ? hi : d.lang === "mixed" ? mixed : en, d.rng, { line, img });
}

/** Status of the hosts looked up, one paragraph each; `topic` is what was asked about when none came back, `field` what the user could try another of (the rows' title, said). */
export function statusListText(d: Dialog, shown: Shown[], topic: string, field: string): string {
  const text = shown.map((s) => statusOnce(d, s.seen, statusHow(d.domain, s.table, s.seen))).join("\n") || d.voice.assistant("none_found", { wants: topic, field });
  // A list's intro ("got a few for you:") only before more than one host: one is simply said.
  return joinSentences([shown.length > 1 ? d.voice.intro() : "", text, d.voice.offer()], d.lang);
}

/** An item nobody has reviewed yet, said several ways (one fixed line was the commonest repeat in Hinglish). */
const NO_REVIEWS: Record<Dialog["lang"], string[]> = {
  en: ["No reviews for {name} yet.", "Nobody has reviewed {name} [yet|so far].", "{name} has no reviews [yet|so far][ — you could be the first| — it's still waiting for its first|]."],
  hi: ["{name} के अभी कोई रिव्यू नहीं हैं।", "{name} पर [अभी तक|अब तक] किसी ने रिव्यू नहीं लिखा[।| — आप पहले हो सकते हैं।]", "{name} के रिव्यू [अभी|अब तक] नहीं आए हैं।", "अभी {name} का एक भी रिव्यू नहीं है।"],
  mixed: ["{name} ke abhi koi reviews nahi hain.", "{name} pe [abhi tak|ab tak] kisi ne review nahi likha[.| — aap pehle ho sakte ho.]", "{name} ke reviews [abhi|ab tak] aaye nahi hain.", "Abhi {name} ka ek bhi review nahi hai."],
};

/** An item with no stock left (Hindi in Devanagari: it was said in Hinglish). */
const NO_DETAILS: Record<Dialog["lang"], string[]> = {
  en: ["That's all I have on {name}.", "I don't have more on {name} than that."],
  hi: ["{name} के बारे में इससे ज़्यादा जानकारी नहीं है।"],
  mixed: ["{name} ke baare mein isse zyada jaankari nahi hai."],
};

/** Whether a look-up's row holds any field the item's table declares as its details. */
function saysFacts(d: Dialog, row: Row, item: Shown): boolean {
  const fields = displayOf(d.domain, item.table).details;
  return fields === undefined || fields.some((f) => row[f] !== undefined && row[f] !== null && row[f] !== "");
}

const NO_STOCK: Record<Dialog["lang"], string[]> = {
  en: ["{name} is out of stock right now.", "{name} is sold out at the moment[, sorry|].", "There's no stock of {name} right now[, sorry|]."],
  hi: ["{name} अभी स्टॉक में नहीं है।", "{name} का स्टॉक [अभी|फ़िलहाल] ख़त्म है[।|, माफ़ कीजिए।]"],
  mixed: ["{name}: stock nahi hai.", "{name} abhi stock mein nahi hai.", "{name} ka stock [abhi|filhaal] khatam hai[.|, sorry.]"],
};

export type LookAct = "details" | "reviews" | "availability" | "logs" | "status";

/** What a look-up about one item returned, worded for its kind. */
export function lookupText(d: Dialog, act: LookAct, item: Shown, rows: Row[], rowsTable?: string): string {
  const disp = displayOf(d.domain, item.table);
  // A review's or a log line's parts are the fields the rows' table declares (display.parts), never fields taken by name.
  const parts = displayOf(d.domain, rowsTable).parts ?? {};
  const part = (row: Row, k: "score" | "text" | "time" | "level" | "source"): unknown => (parts[k] !== undefined ? row[parts[k]!] : undefined);
  let text: string;
  if (act === "logs") {
    const lines = rows.slice(0, 5).map((row) => `${String(part(row, "time") ?? "").slice(11, 19)} ${String(part(row, "level") ?? "").toUpperCase()} ${String(part(row, "source") ?? "")}: ${String(part(row, "text") ?? "")}`.trim());
    text = lines.length
      ? logsText(d, item.name, lines)
      : d.lang === "en" ? `Logs on ${item.name} are quiet — nothing recent.` : sayLocal(d.lang === "hi" ? ["{name} के लॉग [ख़ाली हैं|में हाल का कुछ नहीं है]।", "{name} पर [सब शांत है|कोई नई एंट्री नहीं], लॉग ख़ाली हैं।"] : ["{name} ke logs [khaali hain|mein recent kuch nahi hai].", "{name} pe [sab shaant hai|koi nayi entry nahi], logs khaali hain."], d.rng, { name: item.name });
  } else if (act === "status") {
    // The row is said as its table's display declares (format status): the look-up's table, or the item's own.
    const [row, table] = rows[0] ? [rows[0], rowsTable ?? item.table] : [item.seen, item.table];
    // An English answer about one host now and then says when it was read, as an operator would ("Right now, `web-01` is healthy").
    // An executive's answer is already short: "TL;DR" before one line, every time, would be a tic; Hindi and Hinglish say it in their own words.
    const exec = d.lang === "hi" ? ["संक्षेप में: ", "सीधी बात: ", ""] : d.lang === "mixed" ? ["Short mein: ", "Seedhi baat: ", ""] : ["TL;DR: ", "", "", ""];
    const how = statusHow(d.domain, table, row);
    const again = reportedAgain(d, nameOf(row, how.title) ?? "");
    // A host asked about again is said to be as it was, with no lead: "`web-01` is still healthy."
    const lead = again ? "" : d.voice.style === "executive" ? d.rng.pick(exec) : d.lang === "en" && d.rng.chance(0.3) ? d.rng.pick(["Right now, ", "At the moment, ", "Just checked: ", "As of now, "]) : "";
    text = `${lead}${statusText(row, d.lang, d.rng, again ? "again" : true, how)}`;
  } else if (act === "reviews") {
    const lines = rows.slice(0, 3).map((row) => `${String(part(row, "score") ?? "?")}★ "${String(part(row, "text") ?? "").slice(0, 140)}"`);
    text = lines.length
      ? d.voice.assistant("reviews", { name: item.name, facts: lines.join(" · ") })
      : sayLocal(NO_REVIEWS[d.lang], d.rng, { name: item.name });
  } else if (act === "availability") {
    const stock = lighterStock(d, stockOf(d, rows, rowsTable, item.row));
    text = stock
      ? d.voice.assistant("availability", { name: item.name, facts: stock })
      : sayLocal(NO_STOCK[d.lang], d.rng, { name: item.name });
  } else {
    // The rows of a look-up that say nothing of the item's declared details (another table's rows) leave the item's own row.
    const first = rows[0] ?? item.seen;
    const source = saysFacts(d, first, item) ? first : item.row;
    // Most answers read out a sentence of the row's declared prose (now and then the one after it too),
    // and many a point or two of its bullet list; then fewer facts, as the prose says what it is like.
    const quote = d.rng.chance(0.85) ? proseSentence(d, source, disp, 0.4) : undefined;
    const long = quote !== undefined && quote.split(/(?<=[.!?])\s+/).length > 1;
    const notes = !long && d.rng.chance(0.7) ? highlightsText(d, source, disp, item.table) : undefined;
    const row = detailRow(d, source, displayFor(d, item.table), item.table, item.row, quote !== undefined || notes !== undefined);
    // The photo is the table's declared image field (display.image), said as a link after the facts, not among them.
    const image = disp.image ? row[disp.image] : undefined;
    const n = d.voice.style === "executive" ? (quote ? 2 : 3) : quote ? 3 : 6;
    const facts = factsText(row, unsaidFields(d.domain, item.table, row), n, d.lang, factWords(d, item.table));
    // Nothing to say beyond the name is said as such, never as an empty list ("X, in brief:.").
    const said = [quote === undefined ? undefined : quoteText(d, quote), notes].filter((x): x is string => !!x);
    text = facts ? d.voice.assistant("details", { name: item.name, id: item.key, facts }) : said.length > 0 ? "" : sayLocal(NO_DETAILS[d.lang], d.rng, { name: item.name });
    if (said.length > 0) text = joinSentences([text, ...said].filter((x) => x !== ""), d.lang);
    if (typeof image === "string" && image !== "" && d.lang === "en" && !linkedBefore(d, image)) text += ` Photo: ${image}`;
    if (d.voice.style === "learner" && d.lang === "en") text += ` ${d.voice.tip()}`;
  }
  // An answer about one item offers what fits one (a host's logs or status keep the pack's own follow-ups).
  return joinSentences([text, d.voice.offer(0.5, act === "details" || act === "reviews" || act === "availability")], d.lang);
}

/** An item's options in stock, said by their table's stock parts (format stock), else by their facts. */
function stockOf(d: Dialog, rows: Row[], table: string | undefined, item?: Row): string {
  const disp = displayOf(d.domain, table);
  return stockText(rows, d.lang, disp.format === "stock" ? (disp.parts ?? {}) : undefined, unsaidFields(d.domain, table, rows[0] ?? {}), factSayingFor(d.domain, table, d.currency), item);
}

/** Stock as a person reads it out: about half the time without the unit counts ("gray (sizes M and L)"), as "is there one in M?" is what matters. */
function lighterStock(d: Dialog, stock: string): string {
  return stock && d.rng.chance(0.5) ? dropCounts(stock) : stock;
}

/** "gray (165 left, sizes L and M)" → "gray (sizes L and M)", "gray and red (5 and 3 left)" → "gray and red"; a group with no sizes loses its bracket. */
export function dropCounts(stock: string): string {
  return stock.replace(/ \((\d+(?:(?:, | and )\d+)*) (left|बचे|bache)( each)?(, )?([^)]*)\)/g, (_m, _n, _w, _e, _c, rest: string) => (rest ? ` (${rest})` : ""));
}

/** The fields that name a row (its title, kept so it can be named), then up to five of the others that may be said, in a drawn order. */
function drawnKeys(d: Dialog, row: Row, title: string | undefined, unsaid: readonly string[], known?: Row): string[] {
  const head = unsaid.filter((k, i, all) => k in row && all.indexOf(k) === i);
  // Drawn from the fields in the data's order, not the result's sorted keys: what is compared never depends on what a field is called.
  const rest = fieldOrder(row, known).filter((k) => !unsaid.includes(k) && k !== title);
  const out: string[] = [];
  while (out.length < 5 && rest.length > 0) out.push(rest.splice(d.rng.int(0, rest.length - 1), 1)[0]!);
  return [...head, ...out];
}

/** Two items side by side; `known`: a data row of the table (its field order is the order the points are drawn from). */
export function comparisonText(d: Dialog, a: Row, b: Row, table: string | undefined, known?: Row): string {
  const title = table ? d.domain.titleOf(table) : undefined;
  const skip = [...new Set([...unsaidFields(d.domain, table, a), ...unsaidFields(d.domain, table, b)])];
  // The points compared are drawn, as a person picks the few differences that come to mind, not all in the row's order.
  const keys = drawnKeys(d, a, title, skip, known);
  const pickKeys = (r: Row): Row => Object.fromEntries(keys.filter((k) => k in r).map((k) => [k, r[k]]));
  const lines = compareText(pickKeys(a), pickKeys(b), d.lang, skip, title, factWords(d, table));
  return joinSentences([d.voice.assistant("compare", { lines }), d.voice.offer(0.6)], d.lang);
}

/** A command's output, as the assistant reports it. */
export function commandText(d: Dialog, cmd: string, host: string, output: string): string {
  const lines = output.split("\n").map((l) => l.trimEnd()).filter((l) => l.trim() !== "");
  // No output is an answer too; one line is said inline; a longer one is shown, cut to what fits a chat.
  if (lines.length === 0) {
    const bank = d.lang === "hi" ? ["{name} पर `{cmd}` [चल गया|हो गया], [कोई आउटपुट नहीं|कोई एरर नहीं]।", "`{cmd}` {name} पर [बिना किसी एरर के|चुपचाप] [चल गया|पूरा हुआ][, कुछ छपा नहीं|]।"] : d.lang === "mixed" ? ["{name} pe `{cmd}` [chal gaya|ho gaya], [koi output nahi|koi error nahi].", "`{cmd}` {name} pe [bina kisi error ke|chupchaap] [chal gaya|complete hua][, kuch print nahi hua|]."] : ["`{cmd}` [ran cleanly|went through] on {name}[ — no output|, nothing printed|; no errors].", "[Done|Ran it]: `{cmd}` on {name} [printed nothing|came back silent], [which is what you want|so no errors]."];
    return joinSentences([sayLocal(bank, d.rng, { cmd, name: host }), d.voice.offer(0.6)], d.lang);
  }
  if (lines.length === 1 && d.lang === "en") {
    const text = sayLocal(["`{cmd}` on {name} [says|reports|gives]: `{line}`", "[On|From] {name}, `{cmd}` [says|came back with] `{line}`"], d.rng, { cmd, name: host, line: lines[0]!.trim() });
    return joinSentences([text, d.voice.offer(0.6)], d.lang);
  }
  const shown = lines.slice(0, 4).join("\n").slice(0, 400);
  return `${d.voice.assistant("command", { cmd, name: host, output: "```\n" + shown + "\n```" })} ${d.voice.offer(0.6)}`.trim();
}

/** A few log lines as an engineer passes them on: a warning or error picked out, else the newest lines shown. */
function logsText(d: Dialog, name: string, lines: string[]): string {
  const bad = lines.filter((l) => / (WARN|WARNING|ERROR|FATAL|CRIT)\b/.test(l));
  if (bad.length > 0 && d.rng.chance(0.6)) {
    const en = ["[The line that stands out|What stands out] on {name}: `{line}`", "[Mostly routine|Nothing much], [except|but for] `{line}` on {name}", "{name} logged `{line}`[ — worth a look| among the recent lines]"];
    const hi = ["{name} के logs में [ध्यान देने वाली लाइन|यह अलग दिखता है]: `{line}`", "[ज़्यादातर सब सामान्य है|बाकी सब ठीक है], [बस|सिर्फ़] {name} पर `{line}`", "{name} ने `{line}` [लिखा है|दर्ज किया है][ — इसे देखना चाहिए| — यही खटक रहा है|]"];
    const mixed = ["{name} ke logs mein [ye line dekhne layak hai|ye alag dikh raha hai]: `{line}`", "[Zyada tar sab normal hai|Baaki sab theek hai], [bas|sirf] {name} pe `{line}`", "{name} ne `{line}` [log kiya hai|likha hai][ — ise dekhna chahiye| — yahi khatak raha hai|]"];
    const text = sayLocal(d.lang === "hi" ? hi : d.lang === "mixed" ? mixed : en, d.rng, { name, line: bad[0]!.trim() });
    return bad.length > 1 && d.lang === "en" ? `${text} (${bad.length - 1} more like it).` : text;
  }
  return `${d.voice.intro()}\n\`\`\`\n${lines.slice(0, d.rng.int(2, 3)).join("\n")}\n\`\`\``;
}

/** Two hosts' status, one paragraph each; `table`: the rows' table, whose display says them. */
export function statusPairText(d: Dialog, rows: Row[], table: string | undefined): string {
  return joinSentences([d.voice.intro(), rows.map((row) => statusOnce(d, row, statusHow(d.domain, table, row))).join("\n"), d.voice.offer()], d.lang);
}

/** A row's state as its gist, or as unchanged when this dialogue already reported it (fact-choice.ts' reportedAgain). */
function statusOnce(d: Dialog, row: Row, how: ReturnType<typeof statusHow>): string {
  return statusText(row, d.lang, d.rng, reportedAgain(d, nameOf(row, how.title) ?? "") ? "again" : true, how);
}

/** Two items' stock, a line each; `table`: the options' table, whose display says them. */
export function stockPairText(d: Dialog, items: Array<{ name: string; rows: Row[]; item?: Row }>, table: string | undefined): string {
  const none = d.lang === "en" ? "out of stock right now" : d.lang === "hi" ? "अभी स्टॉक में नहीं" : "abhi stock nahi hai";
  const light = d.rng.chance(0.5);
  const lines = items.map((it) => `${it.name}: ${(light ? dropCounts(stockOf(d, it.rows, table, it.item)) : stockOf(d, it.rows, table, it.item)) || none}`);
  const head = d.lang === "en" ? sayLocal(["[Just checked|Here's the stock|Stock right now]:"], d.rng) : d.lang === "hi" ? "स्टॉक:" : "Stock check:";
  return joinSentences([head, `\n${lines.join("\n")}`, d.voice.offer()], d.lang).replace(/ \n/g, "\n").trim();
}
