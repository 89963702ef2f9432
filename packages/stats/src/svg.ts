/** Small SVG charts drawn by hand: no library, no CDN, no script. */
export const PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const fmt = (n: number) => (Number.isInteger(n) ? n.toLocaleString("en-US") : n.toFixed(2));

export interface Bar {
  label: string;
  value: number;
  /** A second value drawn over the bar (e.g. failures of a tool's calls). */
  part?: number;
  note?: string;
}

/** Horizontal bars, largest first; at most `max` rows, the rest summed as "other". */
export function hbars(rows: Bar[], opts: { width?: number; max?: number; color?: string; partColor?: string; partLabel?: string } = {}): string {
  const width = opts.width ?? 520;
  const max = opts.max ?? 12;
  let data = rows.filter((r) => r.value > 0).sort((a, b) => b.value - a.value);
  if (data.length > max) {
    const rest = data.slice(max - 1);
    data = [...data.slice(0, max - 1), { label: `${rest.length} others`, value: rest.reduce((s, r) => s + r.value, 0) }];
  }
  if (data.length === 0) return empty(width);
  const labelW = Math.min(200, 16 + 7.5 * Math.max(...data.map((r) => Math.min(26, r.label.length))));
  const rowH = 24;
  const height = data.length * rowH + 8;
  const top = Math.max(...data.map((r) => r.value));
  const barW = width - labelW - 70;
  const parts = data.map((r, i) => {
    const y = 4 + i * rowH;
    const w = Math.max(1, (r.value / top) * barW);
    const color = opts.color ?? PALETTE[i % PALETTE.length]!;
    const part = r.part !== undefined && r.part > 0
      ? `<rect x="${labelW}" y="${y + 3}" width="${Math.max(1, (r.part / top) * barW).toFixed(1)}" height="${rowH - 8}" fill="${opts.partColor ?? "#e15759"}"><title>${esc(r.label)}: ${fmt(r.part)} ${esc(opts.partLabel ?? "")}</title></rect>`
      : "";
    return `<text x="${labelW - 6}" y="${y + rowH / 2 + 4}" text-anchor="end" class="lbl">${esc(truncate(r.label, 26))}</text>` +
      `<rect x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 8}" rx="3" fill="${color}"><title>${esc(r.label)}: ${fmt(r.value)}${r.note ? ` (${esc(r.note)})` : ""}</title></rect>${part}` +
      `<text x="${(labelW + w + 5).toFixed(1)}" y="${y + rowH / 2 + 4}" class="val">${fmt(r.value)}${r.note ? ` · ${esc(r.note)}` : ""}</text>`;
  });
  return svg(width, height, parts.join(""));
}

/** Vertical bars over an ordered axis (a histogram). */
export function columns(rows: Bar[], opts: { width?: number; height?: number; color?: string; xLabel?: string } = {}): string {
  const width = opts.width ?? 520;
  const height = opts.height ?? 200;
  if (rows.length === 0) return empty(width);
  const top = Math.max(...rows.map((r) => r.value), 1);
  const left = 40, bottom = 34, plotH = height - bottom - 10, plotW = width - left - 10;
  const step = plotW / rows.length;
  const bw = Math.max(2, step * 0.8);
  const every = Math.ceil(rows.length / 16);
  const bars = rows.map((r, i) => {
    const h = (r.value / top) * plotH;
    const x = left + i * step + (step - bw) / 2;
    const tick = i % every === 0 ? `<text x="${(x + bw / 2).toFixed(1)}" y="${height - bottom + 14}" text-anchor="middle" class="tick">${esc(r.label)}</text>` : "";
    return `<rect x="${x.toFixed(1)}" y="${(10 + plotH - h).toFixed(1)}" width="${bw.toFixed(1)}" height="${Math.max(h, 0.5).toFixed(1)}" fill="${opts.color ?? PALETTE[0]}"><title>${esc(r.label)}: ${fmt(r.value)}</title></rect>${tick}`;
  });
  const axis = `<line x1="${left}" y1="${10 + plotH}" x2="${width - 10}" y2="${10 + plotH}" stroke="#999"/>` +
    `<text x="${left - 6}" y="16" text-anchor="end" class="tick">${fmt(top)}</text><text x="${left - 6}" y="${10 + plotH}" text-anchor="end" class="tick">0</text>` +
    (opts.xLabel ? `<text x="${left + plotW / 2}" y="${height - 4}" text-anchor="middle" class="tick">${esc(opts.xLabel)}</text>` : "");
  return svg(width, height, axis + bars.join(""));
}

/** A donut of shares with a legend. */
export function donut(rows: Bar[], opts: { size?: number; colors?: Record<string, string> } = {}): string {
  const size = opts.size ?? 180;
  const data = rows.filter((r) => r.value > 0);
  const total = data.reduce((s, r) => s + r.value, 0);
  const width = size + 220;
  if (total === 0) return empty(width);
  const cx = size / 2, cy = size / 2, r = size / 2 - 6, inner = r * 0.58;
  let angle = -Math.PI / 2;
  const arcs = data.map((d, i) => {
    const color = opts.colors?.[d.label] ?? PALETTE[i % PALETTE.length]!;
    const share = d.value / total;
    const title = `<title>${esc(d.label)}: ${fmt(d.value)} (${(share * 100).toFixed(1)}%)</title>`;
    if (share >= 0.9999) {
      return `<circle cx="${cx}" cy="${cy}" r="${(r + inner) / 2}" fill="none" stroke="${color}" stroke-width="${r - inner}">${title}</circle>`;
    }
    const a0 = angle, a1 = angle + share * 2 * Math.PI;
    angle = a1;
    const large = a1 - a0 > Math.PI ? 1 : 0;
    const p = (rad: number, rr: number) => `${(cx + rr * Math.cos(rad)).toFixed(2)},${(cy + rr * Math.sin(rad)).toFixed(2)}`;
    return `<path d="M${p(a0, r)} A${r},${r} 0 ${large} 1 ${p(a1, r)} L${p(a1, inner)} A${inner},${inner} 0 ${large} 0 ${p(a0, inner)} Z" fill="${color}">${title}</path>`;
  });
  const legend = data.map((d, i) => {
    const color = opts.colors?.[d.label] ?? PALETTE[i % PALETTE.length]!;
    const y = 20 + i * 22;
    return `<rect x="${size + 16}" y="${y - 11}" width="14" height="14" rx="2" fill="${color}"/><text x="${size + 36}" y="${y}" class="lbl">${esc(truncate(d.label, 18))} — ${((d.value / total) * 100).toFixed(1)}%</text>`;
  });
  const centre = `<text x="${cx}" y="${cy + 6}" text-anchor="middle" class="big">${fmt(total)}</text>`;
  return svg(width, Math.max(size, 20 + data.length * 22), arcs.join("") + centre + legend.join(""));
}

/** A single share as a horizontal gauge. */
export function gauge(value: number | null, opts: { width?: number; good?: "high" | "low" } = {}): string {
  const width = opts.width ?? 220;
  if (value === null) return svg(width, 22, `<rect x="0" y="6" width="${width}" height="10" rx="5" fill="#eee"/><text x="${width / 2}" y="15" text-anchor="middle" class="tick">no data</text>`);
  const v = Math.max(0, Math.min(1, value));
  const goodness = opts.good === "low" ? 1 - v : v;
  const color = goodness >= 0.8 ? "#59a14f" : goodness >= 0.5 ? "#edc948" : "#e15759";
  return svg(width, 22, `<rect x="0" y="6" width="${width}" height="10" rx="5" fill="#eee"/><rect x="0" y="6" width="${(v * width).toFixed(1)}" height="10" rx="5" fill="${color}"/>`);
}

function svg(width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">${body}</svg>`;
}

function empty(width: number): string {
  return svg(width, 40, `<text x="${width / 2}" y="24" text-anchor="middle" class="tick">nothing to show</text>`);
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
