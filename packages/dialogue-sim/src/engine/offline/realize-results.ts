// The realizer's half that words what tools returned: lists of options, the closest rows, a
// pick, details, reviews, stock, logs, status, a comparison, a command's output.
import type { Constraint, Row } from "../../contract.js";
import { joinSentences } from "../../phrases/grammar.js";
import { compareText, factsText, stockText } from "../facts.js";
import { closestIntro, displayOf, itemLine, unsaidFields, type Shown } from "../present.js";
import { statusText } from "../status-text.js";
import type { Dialog } from "./context.js";
import { moreText, sayLocal, wants } from "./realizer.js";

/** Rows that met nothing the user said, shown as the closest there are. */
export function closestText(d: Dialog, table: string | undefined, closest: Shown[], revealed: Constraint[]): string {
  const disp = displayOf(d.domain, table);
  const lines = closest.map((s, i) => `${i + 1}. ${itemLine(s.seen, disp, d.lang, d.currency, { image: false })}`);
  return `${closestIntro(d.lang, wants(d, revealed), d.rng)}\n${lines.join("\n")}`;
}

/** The options found: one line each (with the photo link unless the persona wants it short), and how many there are in all. */
export function listText(d: Dialog, table: string | undefined, top: Shown[], n: number, total: number): string {
  const disp = displayOf(d.domain, table);
  const lines = top.map((s) => itemLine(s.seen, disp, d.lang, d.currency, { image: d.voice.style !== "executive" }));
  const more = total > n ? moreText(d, total) : "";
  const body = top.length === 1 ? lines[0]! : lines.map((l, i) => `${i + 1}. ${l}`).join("\n");
  const intro = d.voice.intro();
  const offer = d.voice.offer();
  return joinSentences([intro, top.length === 1 ? body : `\n${body}`, more, offer], d.lang).replace(/ \n/g, "\n").trim();
}

/** The assistant's word on the item the user took. */
export function pickText(d: Dialog, table: string | undefined, pick: Shown): string {
  const line = itemLine(pick.seen, displayOf(d.domain, table), d.lang, d.currency, { image: true, details: 2 });
  // A host is not a purchase: an operator settles on one without "great choice".
  const ops = d.voice.context.ops;
  // "gpu-01 — ml, healthy" is said as "gpu-01 (ml, healthy)" inside a sentence.
  const [head, ...facts] = line.split(" — ");
  const host = facts.length ? `${head} (${facts.join(", ")})` : line;
  const en = ops
    ? ["[Okay|Right|Noted] — staying on {host}.", "{host} [it is|then]; [I'll keep it in view|noted]."]
    : ["[Great choice|Good pick|Nice one] — {line}.", "{line} — [solid choice|you'll like it|good one]."];
  const hi = ops ? ["[ठीक है|अच्छा] — {host}।", "{host} [पर रहते हैं|ही देखते हैं]।"] : ["[बढ़िया चुनाव|अच्छी पसंद] — {line}।", "{line} — [सही फ़ैसला|अच्छा चुना]।", "[तो|ठीक है,] {line} [तय रहा|पक्का]।"];
  const mixed = ops ? ["[Ok|Theek hai] — {host} pe rehte hain.", "{host} [hi dekhte hain|pe focus karte hain]."] : ["[Badhiya choice|Acchi pick] — {line}.", "{line} — [sahi decision|accha choose kiya].", "[Toh|Theek hai,] {line} [final|pakka]."];
  const bank = d.lang === "hi" ? hi : d.lang === "mixed" ? mixed : en;
  return joinSentences([sayLocal(bank, d.rng, { line, host }), d.voice.offer(0.8)], d.lang);
}

/** Status of the hosts looked up, one paragraph each; `topic` is what was asked about when none came back. */
export function statusListText(d: Dialog, shown: Shown[], topic: string): string {
  const text = shown.map((s) => statusText(s.seen, d.lang, d.rng)).join("\n") || d.voice.assistant("none_found", { wants: topic, field: "name" });
  return joinSentences([d.voice.intro(), text, d.voice.offer()], d.lang);
}

export type LookAct = "details" | "reviews" | "availability" | "logs" | "status";

/** What a look-up about one item returned, worded for its kind. */
export function lookupText(d: Dialog, act: LookAct, item: Shown, rows: Row[]): string {
  const disp = displayOf(d.domain, item.table);
  let text: string;
  if (act === "logs") {
    const lines = rows.slice(0, 5).map((row) => `${String(row.time ?? "").slice(11, 19)} ${String(row.level ?? "").toUpperCase()} ${row.service ?? ""}: ${row.message ?? ""}`.trim());
    text = lines.length
      ? `${d.voice.intro()}\n\`\`\`\n${lines.join("\n")}\n\`\`\``
      : d.lang === "en" ? `Logs on ${item.name} are quiet — nothing recent.` : `${item.name}: logs khaali hain.`;
  } else if (act === "status") {
    text = `${d.voice.style === "executive" ? "TL;DR: " : ""}${statusText(rows[0] ?? item.seen, d.lang, d.rng)}`;
  } else if (act === "reviews") {
    const lines = rows.slice(0, 3).map((row) => `${row.rating ?? "?"}★ "${String(row.comment ?? row.text ?? "").slice(0, 140)}"`);
    text = lines.length
      ? d.voice.assistant("reviews", { name: item.name, facts: lines.join(" · ") })
      : d.lang === "en" ? `No reviews for ${item.name} yet.` : d.lang === "hi" ? `${item.name} के अभी कोई रिव्यू नहीं हैं।` : `${item.name} ke abhi koi reviews nahi hain.`;
  } else if (act === "availability") {
    const stock = stockText(rows, d.lang);
    text = stock
      ? d.voice.assistant("availability", { name: item.name, facts: stock })
      : d.lang === "en" ? `${item.name} is out of stock right now.` : `${item.name}: stock nahi hai.`;
  } else {
    const row = rows[0] ?? item.seen;
    // The photo is the table's declared image field (display.image), said as a link after the facts, not among them.
    const image = disp.image ? row[disp.image] : undefined;
    text = d.voice.assistant("details", { name: item.name, id: item.key, facts: factsText(row, unsaidFields(d.domain, item.table, row), d.voice.style === "executive" ? 3 : 6, d.lang) });
    if (typeof image === "string" && image !== "" && d.lang === "en") text += ` Photo: ${image}`;
    if (d.voice.style === "learner" && d.lang === "en") text += ` ${d.voice.tip()}`;
  }
  return joinSentences([text, d.voice.offer(0.5)], d.lang);
}

/** Two items side by side. */
export function comparisonText(d: Dialog, a: Row, b: Row, table: string | undefined): string {
  const skip = [...new Set([...unsaidFields(d.domain, table, a), ...unsaidFields(d.domain, table, b)])];
  const lines = compareText(a, b, d.lang, skip, table ? d.domain.titleOf(table) : undefined);
  return joinSentences([d.voice.assistant("compare", { lines }), d.voice.offer(0.6)], d.lang);
}

/** A command's output, as the assistant reports it. */
export function commandText(d: Dialog, cmd: string, host: string, output: string): string {
  return `${d.voice.assistant("command", { cmd, name: host, output: "```\n" + output.slice(0, 600) + "\n```" })} ${d.voice.offer(0.6)}`.trim();
}

/** Two hosts' status, one paragraph each. */
export function statusPairText(d: Dialog, rows: Row[]): string {
  return joinSentences([d.voice.intro(), rows.map((row) => statusText(row, d.lang, d.rng)).join("\n"), d.voice.offer()], d.lang);
}

/** Two items' stock, a line each. */
export function stockPairText(d: Dialog, items: Array<{ name: string; rows: Row[] }>): string {
  const none = d.lang === "en" ? "out of stock right now" : d.lang === "hi" ? "अभी स्टॉक में नहीं" : "abhi stock nahi hai";
  const lines = items.map((it) => `${it.name}: ${stockText(it.rows, d.lang) || none}`);
  const head = d.lang === "en" ? sayLocal(["[Just checked|Here's the stock|Stock right now]:"], d.rng) : d.lang === "hi" ? "स्टॉक:" : "Stock check:";
  return joinSentences([head, `\n${lines.join("\n")}`, d.voice.offer()], d.lang).replace(/ \n/g, "\n").trim();
}
