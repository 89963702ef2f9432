import { existsSync, statSync } from "node:fs";
import { basename } from "node:path";
import { Rng, UsageError, fileSource, isBadLine, readNdjson, type RunContext } from "@chatmill/kit";

/** One persona of a corpus, whatever its format. */
export interface CorpusRow {
  /** 0-based position among the corpus's usable rows' lines (line number - 1). */
  index: number;
  text: string;
  cluster?: string;
  summary?: string;
}

export interface Corpus {
  dataset: string;
  rows: CorpusRow[];
}

export type Stratify = "auto" | "cluster" | "summary" | "none";

/**
 * Reads a persona corpus: PersonaHub `{"persona": "…"}` (or `"input persona"`),
 * Synthetic-Persona-Chat `{"persona_facts": ["I love to bake cookies.", …]}`, FinePersonas
 * `{"persona", "cluster_label", "summary_label"}` (summary_label may be a JSON or Python list
 * in a string). Lines without persona text are rejected through ctx with their line number;
 * every line read (blank lines aside) is counted in the summary's `read`.
 */
export async function readCorpus(path: string, ctx: RunContext, maxLineBytes?: number): Promise<Corpus> {
  if (!existsSync(path) || statSync(path).isDirectory()) throw new UsageError(`--from: cannot read '${path}' (give an NDJSON persona file)`);
  const rows: CorpusRow[] = [];
  let kind: string | undefined;
  for await (const item of readNdjson(fileSource(path).open(), path, { maxLineBytes })) {
    // The tool takes no stdin (the frame reads nothing), so the corpus is what it read.
    ctx.counters.read += 1;
    if (isBadLine(item)) {
      ctx.reject(item, item.reason, item.kind);
      continue;
    }
    const v = item.value;
    const facts = Array.isArray(v.persona_facts) ? v.persona_facts : Array.isArray(v.personas) ? v.personas : undefined;
    const text = typeof v.persona === "string" ? v.persona
      : typeof v["input persona"] === "string" ? (v["input persona"] as string)
      : facts ? facts.filter((x): x is string => typeof x === "string").join(" ")
      : typeof v.description === "string" ? v.description : "";
    if (text.trim() === "") {
      ctx.reject(item, "no persona text: expected a \"persona\" string or a \"persona_facts\" list");
      continue;
    }
    kind ??= facts ? "synthetic-persona-chat" : v.cluster_label !== undefined ? "finepersonas" : typeof v["input persona"] === "string" || typeof v.persona === "string" ? "personahub" : undefined;
    const row: CorpusRow = { index: item.line - 1, text: text.trim().replace(/\s+/g, " ") };
    if (v.cluster_label !== undefined && v.cluster_label !== null) row.cluster = String(v.cluster_label);
    const summary = summaryKey(v.summary_label);
    if (summary) row.summary = summary;
    rows.push(row);
  }
  if (rows.length === 0) throw new UsageError(`--from: '${path}' holds no usable persona (expected lines like {"persona": "…"})`);
  return { dataset: kind ?? basename(path).replace(/\.(nd)?jsonl?$/i, ""), rows };
}

/** FinePersonas' summary_label, as the seed uses it: the labels sorted, as one key. */
export function summaryKey(label: unknown): string | undefined {
  let labels: unknown = label;
  if (typeof label === "string") {
    const t = label.trim();
    if (t.startsWith("[")) {
      try {
        labels = JSON.parse(t);
      } catch {
        labels = t.slice(1, -1).split(",").map((s) => s.trim().replace(/^['"]|['"]$/g, ""));
      }
    } else labels = t === "" ? [] : [t];
  }
  if (!Array.isArray(labels)) return undefined;
  const parts = labels.map(String).map((s) => s.trim()).filter(Boolean).sort();
  return parts.length > 0 ? parts.join(" | ") : undefined;
}

/**
 * Picks rows evenly across strata (seed 003, Persona Management): the strata in a
 * seeded order, one row from each in turn, each stratum's rows in a seeded order, so
 * persona i is a pure function of (seed, i, corpus) and every cluster is used equally
 * often (a small cluster repeats only once it is used up).
 */
export class CorpusPicker {
  readonly by: "cluster" | "summary" | "none";
  private readonly strata: CorpusRow[][];

  constructor(readonly corpus: Corpus, seed: number, stratify: Stratify = "auto") {
    const has = (k: "cluster" | "summary") => corpus.rows.some((r) => r[k] !== undefined);
    if (stratify === "cluster" && !has("cluster")) throw new UsageError("--stratify cluster: the corpus has no cluster_label field");
    if (stratify === "summary" && !has("summary")) throw new UsageError("--stratify summary: the corpus has no summary_label field");
    this.by = stratify === "auto" ? (has("cluster") ? "cluster" : has("summary") ? "summary" : "none") : stratify;
    const groups = new Map<string, CorpusRow[]>();
    for (const row of corpus.rows) {
      const key = this.by === "none" ? "" : (row[this.by] ?? "(none)");
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(row);
    }
    const keys = [...groups.keys()].sort();
    const order = new Rng(`${seed}\u0000strata`).shuffle(keys);
    this.strata = order.map((k) => new Rng(`${seed}\u0000stratum\u0000${k}`).shuffle(groups.get(k)!));
  }

  get strataCount(): number {
    return this.strata.length;
  }

  pick(i: number): CorpusRow {
    const stratum = this.strata[i % this.strata.length]!;
    return stratum[Math.floor(i / this.strata.length) % stratum.length]!;
  }
}
