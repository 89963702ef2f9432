import type { Rng } from "@chatmill/kit";
import { firstWay } from "@chatmill/domains";
import type { DisplayParts } from "@chatmill/schema";
import type { Row } from "../contract.js";
import type { Lang } from "../phrases/describe.js";
import { AND, expand, listJoin } from "../phrases/grammar.js";
import { factsText } from "./facts.js";
import { nameOf } from "./rows.js";
import { capFirst, gistOf, membersByState, metricsSaid, partOf, saidIn, usageByPercent, whereOf, type StatusHow } from "./status-parts.js";

export { statusHow, type StatusHow } from "./status-parts.js";

/** How much of a row's state is said: all of it (false), its gist (true: the state and what stands out), or "again": the gist of a row already reported in the dialogue, said as unchanged ("`web-01` is still healthy") with only what stands out. */
export type Gist = boolean | "again";

/**
 * A host's (or any row's) state said as an operator would say it: "`gpu-01.ml` is healthy
 * (ml, staging), up 19 days. CPU at 71%, memory 38%, load 5.8. `/data` is 62% full, `/`
 * 44%. `jupyterhub` is stopped; `nvidia-dcgm` and `vllm` are running." — not a list of field
 * names. What each part is, and the words of its numbers and lists, are its table's status parts
 * (`offline.display.<table>.parts`, format status); a table without them is said by its facts.
 * Only values from the row are said (tool-annotate checks every number of a reply against the
 * result). Hindi and Hinglish replies say the same in their own words (statusSaid), with the
 * compact line for a row without a state.
 */
export function statusText(row: Row, lang: Lang, rng: Rng, gist: Gist, how: StatusHow): string {
  const name = nameOf(row, how.title) ?? "";
  const p = how.parts;
  if (lang !== "en") return (p ? statusSaid(row, p, lang, rng, gist, how.title) : undefined) ?? statusLine(row, how, lang);
  if (!p) return `${name}: ${factsText(row, how.skip, 5, lang, how.say)}`;
  const sentences: string[] = [];
  const where = whereOf(row, p);
  const state = partOf(row, p.state);
  const uptime = partOf(row, p.uptime);
  if (state !== undefined && gist === "again") {
    // Asked again about a host this dialogue already reported: it is said to be as it was, not read out afresh.
    // Each way opens with the name, as it may follow a list's intro ("These hosts fit:").
    sentences.push(rng.pick([`\`${name}\` is still ${String(state)}`, `\`${name}\` hasn't changed — still ${String(state)}`, `\`${name}\` is ${String(state)}, as before`, `\`${name}\` is the same as before: ${String(state)}`]));
  } else if (state !== undefined && gist) {
    // Asked how a host is, an engineer says its state; its role and uptime only now and then (the asker knows the box).
    const up = uptime !== undefined && rng.chance(0.4) ? rng.pick([", up ", " — up ", " and has been up ", "; uptime "]) + String(uptime) : "";
    const at = where.length && rng.chance(0.3) ? ` (${where.join(", ")})` : "";
    // How the state is put varies, as an engineer does not report every host in one mould.
    sentences.push(`\`${name}\` ${rng.pick(["is", "looks", "shows as", "reports", "is currently", "is showing as", "comes back", "reports as"])} ${String(state)}${at}${up}`);
  } else if (state !== undefined) {
    const up = uptime !== undefined ? `${rng.pick([", up ", " — up "])}${String(uptime)}` : "";
    sentences.push(`\`${name}\` is ${String(state)}${where.length ? ` (${where.join(", ")})` : ""}${up}`);
  } else if (where.length) sentences.push(`\`${name}\`: ${where.join(", ")}`);
  const load = metricsSaid(row, p, lang, rng);
  // The numbers in a drawn order, now and then after a few words that introduce them.
  if (load.length) sentences.push(`${rng.chance(0.3) ? rng.pick(["Numbers: ", "Resources: ", "Current figures: ", "Usage: "]) : ""}${listJoin(rng.chance(0.5) ? rng.shuffle([...load]) : load)}`);
  const used = usageByPercent(row, p);
  if (used.length) {
    const [top, ...rest] = used.map((d) => ({ name: `\`${d.name}\``, pct: `${d.pct}%` }));
    const others = rest.length ? listJoin(rest.map((d) => `${d.name} ${d.pct}`)) : "";
    const way = rng.int(0, 3);
    sentences.push(
      way === 0
        ? `${top!.name} is ${top!.pct} full${others ? `, ${others}` : ""}`
        : way === 1
          ? `${expand(saidIn(p.usage!.label, lang), rng)}: ${listJoin(used.map((d) => `\`${d.name}\` ${d.pct}%`))}`
          : way === 2
            ? `${top!.name} is the fullest at ${top!.pct}${others ? `, then ${others}` : ""}`
            : `${top!.name} ${rng.pick(["sits at", "is at", "is using"])} ${top!.pct}${others ? `; ${others}` : ""}`,
    );
  }
  const byState = membersByState(row, p);
  if (byState.length) sentences.push(byState.map(([st, names]) => membersSaid(names, st, rng)).join("; "));
  if (sentences.length === 0) return `${name}: ${factsText(row, how.skip, 5, lang, how.say)}`;
  const fullest = (top: { name: string; pct: string }) => `\`${top.name}\` ${rng.pick(["is", "is at", "has reached"])} ${top.pct}%${rng.pick([" full", "", " used"])}`;
  return (gist ? gistOf(row, p, sentences, rng, fullest, gist !== "again") : sentences).map((s) => capFirst(s)).join(". ") + ".";
}

/** Members in one state, said one of a few ways: "`nginx` and `redis` are running", "running: `nginx`, `redis`". */
function membersSaid(names: string[], st: string, rng: Rng): string {
  const many = names.length > 1;
  const way = rng.int(0, 3);
  if (way === 1) return `${st}: ${names.join(", ")}`;
  if (way === 2) return `${listJoin(names)} ${many ? "show" : "shows"} as ${st}`;
  if (way === 3 && many) return `${listJoin(names)} are all ${st}`;
  return `${listJoin(names)} ${many ? "are" : "is"} ${st}`;
}

/**
 * One line on a row's state: its state, where and uptime (each after its field's words), its
 * numbers as the pack says them (the first of their alternatives), then its lists summarised
 * (the compact form). A row with none of them is said by its facts.
 */
export function statusLine(row: Row, how: StatusHow, lang: Lang = "en"): string {
  const name = nameOf(row, how.title) ?? "";
  const p: DisplayParts = how.parts ?? {};
  const parts: string[] = [];
  // Each part by what the pack calls its field (never its key read aloud), else its value alone.
  const called = (k: string) => (how.say?.name ? how.say.name(k) : k.replace(/_/g, " "));
  for (const k of [p.state, ...(p.where ?? []), p.uptime]) if (k !== undefined && row[k] != null) parts.push([called(k), String(row[k])].filter((x) => x !== undefined).join(" "));
  for (const m of p.metrics ?? []) if (row[m.field] !== undefined) parts.push(firstWay(saidIn(m.say, lang), String(row[m.field])));
  const u = p.usage;
  const used = u && Array.isArray(row[u.list]) ? (row[u.list] as Row[]) : [];
  if (u && used.length) parts.push(`${firstWay(saidIn(u.label, lang), "").toLowerCase()} ${used.map((d) => `\`${String(d[u.name])}\` ${String(d[u.percent])}%`).join(", ")}`);
  const m = p.members;
  const members = m && Array.isArray(row[m.list]) ? (row[m.list] as Row[]) : [];
  if (m && members.length) parts.push(`${firstWay(saidIn(m.label, lang), "").toLowerCase()} ${members.map((s) => `${String(s[m.name])} ${String(s[m.state])}`).join(", ")}`);
  if (parts.length === 0) return `${name}: ${factsText(row, how.skip, 5, lang, how.say)}`;
  return `\`${name}\`: ${parts.join("; ")}`;
}

/**
 * A host's state in Hindi or Hinglish sentences, as a Hindi-speaking operator types it (the
 * values and English status words as they are, the rest in the language): "`gpu-01.ml` अभी
 * healthy है (ml, staging), अपटाइम 19 days, 8:30। CPU 71%, मेमोरी 38%, लोड 5.8। …". Only the
 * row's values; undefined for a row with no state or numbers to say.
 */
export function statusSaid(row: Row, p: DisplayParts, lang: "hi" | "mixed", rng: Rng, gist: Gist = false, title?: string): string | undefined {
  const name = nameOf(row, title) ?? "";
  const hi = lang === "hi";
  const and = AND[lang];
  const stop = hi ? "।" : ".";
  const sentences: string[] = [];
  const where = whereOf(row, p);
  const state = partOf(row, p.state);
  const uptime = partOf(row, p.uptime);
  if (state !== undefined && gist === "again") {
    const still = hi ? ["अब भी {s} है", "में कोई बदलाव नहीं — अब भी {s}", "पहले जैसा ही है: {s}"] : ["ab bhi {s} hai", "mein koi change nahi — ab bhi {s}", "pehle jaisa hi hai: {s}"];
    sentences.push(`\`${name}\` ${rng.pick(still).replace("{s}", String(state))}`);
  } else if (state !== undefined) {
    const now = rng.pick(hi ? ["अभी ", ""] : ["abhi ", ""]);
    const up = uptime !== undefined && (!gist || rng.chance(0.4)) ? `${rng.pick([", ", " — "])}${hi ? rng.pick(["अपटाइम ", "चालू: ", "लगातार चालू: "]) : rng.pick(["uptime ", "up: ", "lagatar up: "])}${String(uptime)}` : "";
    const at = where.length && (!gist || rng.chance(0.3)) ? ` (${where.join(", ")})` : "";
    // The state said as a Hindi speaker varies it; no form here takes a gender (a row may be anything).
    const says = hi ? [`${now}{s} है`, "का स्टेटस {s} है", "की हालत: {s}", "फ़िलहाल {s} है", "इस वक़्त {s} है"] : [`${now}{s} hai`, "ka status {s} hai", "ki state: {s}", "filhaal {s} hai", "is waqt {s} hai"];
    sentences.push(`\`${name}\` ${rng.pick(says).replace("{s}", String(state))}${at}${up}`);
  }
  const load = metricsSaid(row, p, lang, rng);
  if (load.length) sentences.push(listJoin(load, and));
  const used = usageByPercent(row, p);
  if (used.length) {
    const [top, ...rest] = used.map((d) => `\`${d.name}\` ${d.pct}%`);
    sentences.push(
      rng.chance(0.5)
        ? `${top!} ${rng.pick(hi ? ["भरा है", "भर चुका है", "इस्तेमाल में है"] : ["full hai", "bhar chuka hai", "use ho chuka hai"])}${rest.length ? `, ${listJoin(rest, and)}` : ""}`
        : `${expand(saidIn(p.usage!.label, lang), rng)}: ${listJoin([top!, ...rest], and)}`,
    );
  }
  const byState = membersByState(row, p);
  const inState = (st: string, names: string[]) =>
    rng.chance(0.5) ? `${listJoin(names, and)} ${st} ${names.length > 1 ? (hi ? "हैं" : "hain") : hi ? "है" : "hai"}` : `${listJoin(names, and)} ${hi ? "की हालत" : "ki state"} ${st} ${hi ? "है" : "hai"}`;
  if (byState.length) sentences.push(byState.map(([st, names]) => inState(st, names)).join("; "));
  if (state === undefined && load.length === 0) return undefined;
  return (gist ? gistOf(row, p, sentences, rng, undefined, gist !== "again") : sentences).map((s) => capFirst(s)).join(`${stop} `) + stop;
}
