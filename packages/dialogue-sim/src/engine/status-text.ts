import type { Rng } from "@chatmill/kit";
import type { Row } from "../contract.js";
import type { Lang } from "../phrases/describe.js";
import { listJoin } from "../phrases/grammar.js";
import { factsText } from "./facts.js";
import { nameOf } from "./rows.js";

/**
 * A host's (or any row's) state said as an operator would say it: "`gpu-01.ml` is healthy
 * (ml, staging), up 19 days. CPU at 71%, memory 38%, load 5.8. `/data` is 62% full, `/`
 * 44%. `jupyterhub` is stopped; `nvidia-dcgm` and `vllm` are running." — not a list of field
 * names. Only values from the row are said (tool-annotate checks every number of a reply
 * against the result). Hindi and Hinglish replies say the same in their own words
 * (statusSaid), with the compact field list for a row without a state.
 */
export function statusText(row: Row, lang: Lang, rng: Rng, gist = false): string {
  const name = nameOf(row) ?? "";
  if (lang !== "en") return statusSaid(row, lang, rng, gist) ?? statusLine(row);
  const sentences: string[] = [];
  const where = [row.role, row.env].filter((v) => v !== undefined && v !== "").map(String);
  if (row.status !== undefined && gist) {
    // Asked how a host is, an engineer says its state; its role and uptime only now and then (the asker knows the box).
    const up = row.uptime !== undefined && rng.chance(0.4) ? rng.pick([", up ", " — up ", " and has been up ", "; uptime "]) + String(row.uptime) : "";
    const at = where.length && rng.chance(0.3) ? ` (${where.join(", ")})` : "";
    sentences.push(`\`${name}\` ${rng.pick(["is", "looks", "shows as", "reports", "is currently"])} ${String(row.status)}${at}${up}`);
  } else if (row.status !== undefined) {
    const up = row.uptime !== undefined ? `${rng.pick([", up ", " — up "])}${String(row.uptime)}` : "";
    sentences.push(`\`${name}\` is ${String(row.status)}${where.length ? ` (${where.join(", ")})` : ""}${up}`);
  } else if (where.length) sentences.push(`\`${name}\`: ${where.join(", ")}`);
  const load: string[] = [];
  if (row.cpu_pct !== undefined) load.push(`CPU ${rng.pick(["at ", ""])}${String(row.cpu_pct)}%`);
  if (row.mem_pct !== undefined) load.push(`memory ${String(row.mem_pct)}%`);
  if (row.load_1m !== undefined) load.push(`load ${String(row.load_1m)}`);
  if (load.length) sentences.push(listJoin(load));
  const byUse = disksByUse(row);
  if (byUse.length) {
    const [top, ...rest] = byUse.map((d) => ({ mount: `\`${String(d.mount)}\``, pct: `${String(d.use_pct)}%` }));
    sentences.push(
      rng.chance(0.5)
        ? `${top!.mount} is ${top!.pct} full${rest.length ? `, ${listJoin(rest.map((d) => `${d.mount} ${d.pct}`))}` : ""}`
        : `Disks: ${listJoin(byUse.map((d) => `\`${String(d.mount)}\` ${String(d.use_pct)}%`))}`,
    );
  }
  const byState = servicesByState(row);
  if (byState.length) sentences.push(byState.map(([st, names]) => `${listJoin(names)} ${names.length > 1 ? "are" : "is"} ${st}`).join("; "));
  if (sentences.length === 0) return `${name}: ${factsText(row, ["id", "name", "hostname"], 5, lang)}`;
  return (gist ? gistOf(row, sentences, rng, "en") : sentences).map((s) => capFirst(s)).join(". ") + ".";
}

/** One line on a row's state: its scalar facts, then its lists summarised (the compact form). */
export function statusLine(row: Row): string {
  const name = nameOf(row) ?? "";
  const parts: string[] = [];
  for (const k of ["status", "role", "env", "uptime", "cpu_pct", "mem_pct", "load_1m"]) if (row[k] !== undefined) parts.push(`${k.replace(/_/g, " ")} ${String(row[k])}`);
  const disks = Array.isArray(row.disks) ? (row.disks as Row[]) : [];
  if (disks.length) parts.push(`disks ${disks.map((d) => `\`${String(d.mount)}\` ${String(d.use_pct)}%`).join(", ")}`);
  const svcs = Array.isArray(row.services) ? (row.services as Row[]) : [];
  if (svcs.length) parts.push(`services ${svcs.map((s) => `${String(s.name)} ${String(s.status)}`).join(", ")}`);
  if (parts.length === 0) return `${name}: ${factsText(row, ["id", "name", "hostname"], 5, "en")}`;
  return `\`${name}\`: ${parts.join("; ")}`;
}

/**
 * What an engineer would say of a host when asked how it is: its state line, then only what
 * stands out — load when CPU or memory runs high, disks when one is filling, services when one
 * is not running — and, when nothing does, at most one of the rest (drawn). `sentences` is
 * statusText's full list, in its order: state, load, disks, services (each only when the row has it).
 */
function gistOf(row: Row, sentences: string[], rng: Rng, lang: Lang): string[] {
  if (row.status === undefined || sentences.length <= 1) return sentences;
  const kinds: Array<"load" | "disks" | "services"> = [];
  if (row.cpu_pct !== undefined || row.mem_pct !== undefined || row.load_1m !== undefined) kinds.push("load");
  if (disksByUse(row).length) kinds.push("disks");
  if (servicesByState(row).length) kinds.push("services");
  const stands = {
    load: Number(row.cpu_pct ?? 0) >= 80 || Number(row.mem_pct ?? 0) >= 85,
    disks: Number(disksByUse(row)[0]?.use_pct ?? 0) >= 80,
    services: servicesByState(row).some(([st]) => st !== "running"),
  };
  const keep = kinds.map((k) => stands[k]);
  if (!keep.some(Boolean) && rng.chance(0.7)) keep[rng.int(0, kinds.length - 1)] = true;
  return [
    sentences[0]!,
    ...sentences.slice(1).flatMap((text, i) => {
      if (!keep[i]) return [];
      const kind = kinds[i];
      // What stands out is said alone: the filling disk, not every mount; the stopped service, not the running ones.
      if (kind === "services" && stands.services) return [text.split("; ").filter((part) => !/\brunning\b/.test(part)).join("; ")];
      if (kind === "disks" && stands.disks && lang === "en") {
        const top = disksByUse(row)[0]!;
        return [`\`${String(top.mount)}\` ${rng.pick(["is", "is at", "has reached"])} ${String(top.use_pct)}%${rng.pick([" full", "", " used"])}`];
      }
      return [text];
    }),
  ];
}

/** A row's disks with a mount and a use, the fullest first: that is the one an operator would worry about. */
function disksByUse(row: Row): Row[] {
  const disks = (Array.isArray(row.disks) ? (row.disks as Row[]) : []).filter((d) => d.mount !== undefined && d.use_pct !== undefined);
  return disks.sort((a, b) => Number(b.use_pct) - Number(a.use_pct));
}

/** A row's services grouped by state, as `name` lists, what is not running first. */
function servicesByState(row: Row): Array<[string, string[]]> {
  const byState = new Map<string, string[]>();
  for (const s of Array.isArray(row.services) ? (row.services as Row[]) : []) {
    const state = String(s.status ?? "unknown");
    byState.set(state, [...(byState.get(state) ?? []), `\`${String(s.name)}\``]);
  }
  return [...byState.entries()].sort(([a], [b]) => Number(a === "running") - Number(b === "running"));
}

function capFirst(s: string): string {
  return s.startsWith("`") ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A host's state in Hindi or Hinglish sentences, as a Hindi-speaking operator types it (the
 * values and English status words as they are, the rest in the language): "`gpu-01.ml` अभी
 * healthy है (ml, staging), अपटाइम 19 days, 8:30। CPU 71%, मेमोरी 38%, लोड 5.8। …". Only the
 * row's values; undefined for a row with no status or load to say.
 */
export function statusSaid(row: Row, lang: "hi" | "mixed", rng: Rng, gist = false): string | undefined {
  const name = nameOf(row) ?? "";
  const hi = lang === "hi";
  const and = hi ? "और" : "aur";
  const stop = hi ? "।" : ".";
  const sentences: string[] = [];
  const where = [row.role, row.env].filter((v) => v !== undefined && v !== "").map(String);
  if (row.status !== undefined) {
    const now = rng.pick(hi ? ["अभी ", ""] : ["abhi ", ""]);
    const up = row.uptime !== undefined && (!gist || rng.chance(0.4)) ? `${rng.pick([", ", " — "])}${hi ? rng.pick(["अपटाइम ", "चालू: "]) : rng.pick(["uptime ", "up: "])}${String(row.uptime)}` : "";
    const at = where.length && (!gist || rng.chance(0.3)) ? ` (${where.join(", ")})` : "";
    sentences.push(`\`${name}\` ${now}${String(row.status)} ${hi ? "है" : "hai"}${at}${up}`);
  }
  const load: string[] = [];
  if (row.cpu_pct !== undefined) load.push(`CPU ${String(row.cpu_pct)}%`);
  if (row.mem_pct !== undefined) load.push(`${hi ? "मेमोरी" : rng.pick(["memory", "RAM"])} ${String(row.mem_pct)}%`);
  if (row.load_1m !== undefined) load.push(`${hi ? "लोड" : "load"} ${String(row.load_1m)}`);
  if (load.length) sentences.push(listJoin(load, and));
  const byUse = disksByUse(row);
  if (byUse.length) {
    const [top, ...rest] = byUse.map((d) => `\`${String(d.mount)}\` ${String(d.use_pct)}%`);
    sentences.push(
      rng.chance(0.5)
        ? `${top!} ${hi ? "भरा है" : "full hai"}${rest.length ? `, ${listJoin(rest, and)}` : ""}`
        : `${hi ? "डिस्क" : "Disk"}: ${listJoin([top!, ...rest], and)}`,
    );
  }
  const byState = servicesByState(row);
  if (byState.length) sentences.push(byState.map(([st, names]) => `${listJoin(names, and)} ${st} ${names.length > 1 ? (hi ? "हैं" : "hain") : hi ? "है" : "hai"}`).join("; "));
  if (row.status === undefined && load.length === 0) return undefined;
  return (gist ? gistOf(row, sentences, rng, lang) : sentences).map((s) => capFirst(s)).join(`${stop} `) + stop;
}
