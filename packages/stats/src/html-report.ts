import type { Counts, StatsReport } from "./report-types.js";
import { columns, donut, esc, gauge, hbars, type Bar } from "./svg.js";
import type { TokenReport } from "./token-lengths.js";

const bars = (c: Counts): Bar[] => Object.entries(c).map(([label, value]) => ({ label, value }));
const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
const RESOLUTION_COLORS = { resolved: "#59a14f", failed: "#e15759", escalated: "#f28e2b" };

/** The --html page: one self-contained file (inline CSS and SVG, no script, no network). */
export function renderHtml(r: StatsReport & { tokens?: TokenReport }, opts: { title?: string; generatedAt?: string } = {}): string {
  const d = r.dialogues;
  const title = opts.title ?? "chatmill dataset report";
  const tiles = [
    tile("Dialogues", d.count.toLocaleString("en-US"), `${r.records.total.toLocaleString("en-US")} records read`),
    tile("Conversation success", pct(d.success.rate), `goal met in ${d.success.goal_met} of ${d.success.with_outcome}`, gauge(d.success.rate)),
    tile("Tool failure rate", pct(d.tools.failure_rate), `${d.tools.failures} of ${d.tools.results} tool results`, gauge(d.tools.failure_rate, { good: "low" })),
    tile("Tool-format accuracy", pct(d.tool_format.accuracy), `${d.tool_format.valid} of ${d.tool_format.calls_checked} calls well-formed`, gauge(d.tool_format.accuracy)),
    tile("Context retention", pct(d.context_retention.mean), `${d.context_retention.kept} facts kept, ${d.context_retention.dropped} dropped, ${d.context_retention.reasked} asked again · ${d.context_retention.dialogues_measured} dialogues`, gauge(d.context_retention.mean)),
    tile("Persona adaptation", pct(d.persona_adaptation.mean), `replies in the user's style: formality ${pct(d.persona_adaptation.formality)}, energy ${pct(d.persona_adaptation.energy)}, length ${pct(d.persona_adaptation.length)} · ${d.persona_adaptation.dialogues_measured} dialogues`, gauge(d.persona_adaptation.mean)),
    tile("Persona alignment", pct(d.persona_alignment.aligned.rate), `${d.persona_alignment.aligned.aligned} of ${d.persona_alignment.aligned.checked} checked recommendations`, gauge(d.persona_alignment.aligned.rate)),
    tile("Multimodal grounding", pct(d.multimodal_grounding.rate), `${d.multimodal_grounding.with_image} of ${d.multimodal_grounding.recommendations} recommendations have an image`, gauge(d.multimodal_grounding.rate)),
    tile("Vocabulary", `${fix(d.vocabulary.distinct_1)} / ${fix(d.vocabulary.distinct_2)}`, `distinct-1 / distinct-2 over ${d.vocabulary.tokens.toLocaleString("en-US")} tokens`),
    tile("Scenario grid", pct(r.scenarios.grid.coverage), `${r.scenarios.grid.cells_observed} of ${r.scenarios.grid.cells_possible} cells · entropy ${fix(r.scenarios.grid.normalized_entropy)} of max`, gauge(r.scenarios.grid.coverage)),
  ];
  const toolBars: Bar[] = Object.entries(d.tools.by_name).map(([label, t]) => ({ label, value: t.calls, part: t.failures, note: t.failures > 0 ? `${pct(t.failure_rate)} failed` : "" }));
  const turnBars = histogramBars(d.turns.histogram);
  const dims = r.scenarios.grid.dimensions;
  const sections = [
    section("Outcomes", [
      card("Resolution reached", donut(bars(d.resolution.reached), { colors: RESOLUTION_COLORS }), `planned vs reached agree: ${pct(d.resolution.planned_reached_agreement)}`),
      card("Resolution planned by the scenario", donut(bars(d.resolution.planned), { colors: RESOLUTION_COLORS })),
      card("Turns per dialogue", columns(turnBars, { xLabel: "user + assistant messages" }), `mean ${fix(d.turns.mean)} · median ${d.turns.p50 ?? "—"} · p90 ${d.turns.p90 ?? "—"} · max ${d.turns.max ?? "—"}`),
    ]),
    section("Tools", [
      card("Tool calls by tool (red: failed results)", hbars(toolBars, { color: "#4e79a7", partLabel: "failed" }), `${d.tools.calls} calls · ${fix(d.tools.per_dialogue)} per dialogue · ${pct(d.tools.dialogues_with_calls)} of dialogues call a tool${d.tools.never_called.length > 0 ? ` · never called: ${d.tools.never_called.join(", ")}` : ""}`),
      card("Tool-format problems", hbars(bars(d.tool_format.problems), { color: "#e15759" }), "calls that name an unknown tool, miss a required argument, have a wrong type, …"),
    ]),
    section("Conversation", [
      card("User intents", hbars(bars(d.intents.user))),
      card("Assistant intents", hbars(bars(d.intents.assistant))),
      card("User emotions", hbars(bars(d.user_emotions))),
      card("Injected variations", hbars(bars(d.variations))),
    ]),
    section("Scenario grid (service combination × category × region × emotion × resolution)", [
      card("Service combinations", hbars(bars(dims.services?.values ?? {}))),
      card("Categories", hbars(bars(dims.category?.values ?? {}))),
      card("Regions", hbars(bars(dims.region?.values ?? {}))),
      card("User emotions", hbars(bars(dims.emotion?.values ?? {}))),
    ]),
    ...(r.tokens ? [tokenSection(r.tokens)] : []),
    section("Personas", [
      card("Styles", hbars(bars(r.personas.style))),
      card("Languages", donut(bars(r.personas.language))),
      card("Age", hbars(bars(r.personas.age))),
    ]),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f7f9;color:#222}
header{background:#1f2a44;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;opacity:.8}
main{padding:18px 28px}h2{font-size:17px;margin:26px 0 10px;color:#1f2a44}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:12px}
.tile{background:#fff;border-radius:8px;padding:12px 14px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.tile .k{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#667}.tile .v{font-size:26px;font-weight:600;margin:2px 0}.tile .s{font-size:12px;color:#667}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{background:#fff;border-radius:8px;padding:12px 14px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.card h3{font-size:14px;margin:0 0 8px}.card p{font-size:12px;color:#667;margin:6px 0 0;max-width:520px}
svg .lbl{font-size:12px;fill:#333}svg .val{font-size:11px;fill:#555}svg .tick{font-size:10px;fill:#777}svg .big{font-size:20px;font-weight:600;fill:#333}
</style></head>
<body><header><h1>${esc(title)}</h1><p>${r.records.total.toLocaleString("en-US")} records · ${d.count.toLocaleString("en-US")} dialogues · ${r.scenarios.count.toLocaleString("en-US")} scenarios · ${r.personas.count.toLocaleString("en-US")} personas${opts.generatedAt ? ` · ${esc(opts.generatedAt)}` : ""}</p></header>
<main><section class="tiles">${tiles.join("")}</section>
${sections.join("\n")}
</main></body></html>
`;
}

/** Every turn count from the smallest to the largest seen, with zeros between. */
function histogramBars(h: Counts): Bar[] {
  const keys = Object.keys(h).map((k) => Number.parseInt(k, 10)).filter(Number.isFinite);
  if (keys.length === 0) return [];
  const out: Bar[] = [];
  for (let k = Math.min(...keys); k <= Math.max(...keys); k++) {
    const label = h[String(k)] !== undefined ? String(k) : h[`${k}+`] !== undefined ? `${k}+` : String(k);
    out.push({ label, value: h[label] ?? 0 });
  }
  return out;
}

function fix(x: number | null): string {
  return x === null ? "—" : x.toFixed(2);
}

function tile(k: string, v: string, s: string, extra = ""): string {
  return `<div class="tile"><div class="k">${esc(k)}</div><div class="v">${esc(v)}</div>${extra}<div class="s">${esc(s)}</div></div>`;
}

function card(title: string, chart: string, note?: string): string {
  return `<div class="card"><h3>${esc(title)}</h3>${chart}${note ? `<p>${esc(note)}</p>` : ""}</div>`;
}

function section(title: string, cards: string[]): string {
  return `<h2>${esc(title)}</h2><section class="cards">${cards.join("")}</section>`;
}

/** Token lengths per file: the histogram, the percentiles and the rows over each limit. */
function tokenSection(t: TokenReport): string {
  const cards = Object.entries(t.files).map(([file, f]) => {
    const k = f.tokens;
    const over = Object.entries(f.over).filter(([, n]) => n > 0).map(([l, n]) => `${n.toLocaleString("en-US")} over ${Number(l).toLocaleString("en-US")}`);
    const shapes = Object.entries(f.shapes).map(([s, n]) => `${n.toLocaleString("en-US")} ${s}`).join(", ");
    const note =
      `${f.rows.toLocaleString("en-US")} rows (${shapes || "none"}) · p50 ${k.p50 ?? "—"} · p90 ${k.p90 ?? "—"} · p95 ${k.p95 ?? "—"} · p99 ${k.p99 ?? "—"} · max ${k.max ?? "—"} tokens` +
      (over.length ? ` · ${over.join(", ")}` : "") +
      (f.unrenderable ? ` · ${f.unrenderable} rows the template cannot render (${f.first_error ?? ""})` : "");
    return card(file, columns(bars(f.histogram.buckets), { xLabel: `tokens (buckets of ${f.histogram.bucket_width})` }), note);
  });
  return section(`Token lengths (${t.tokenizer}: ${t.models}; rendered with ${t.template})`, cards);
}
