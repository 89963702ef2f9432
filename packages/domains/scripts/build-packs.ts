// Rebuilds the data files of the built-in packs from the real data sets in ../shared/data
// (or $CHATMILL_DATA). The outputs are checked in; run this only to regenerate them:
//   npx tsx packages/domains/scripts/build-packs.ts
// Every derived field is documented in packs/<name>/ATTRIBUTION.md.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cleanCatalogText } from "../src/markup.js";

const DATA = process.env.CHATMILL_DATA ?? "/work/shared/data";
const PACKS = fileURLToPath(new URL("../packs/", import.meta.url));

type Obj = Record<string, unknown>;

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(join(DATA, path), "utf8")) as T;
}
function readJsonl(path: string): Obj[] {
  return readFileSync(join(DATA, path), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Obj);
}
function write(pack: string, file: string, rows: unknown[]): void {
  const dir = join(PACKS, pack, "data");
  mkdirSync(dir, { recursive: true });
  // One row per line: diffs stay readable and NDJSON tools can read the file.
  writeFileSync(join(dir, file), `[\n${rows.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`);
  console.error(`${pack}/data/${file}: ${rows.length} rows`);
}
function hashInt(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32BE(0);
}
const split = (v: unknown): string[] => (typeof v === "string" && v ? v.split("|") : []);
/**
 * Catalog text is web-shop text: HTML entities ("HeatTech&trade;", "&frac14; zip"), maybe tags.
 * Every string of a catalog row is cleaned here (entities decoded, tags removed, spaces collapsed),
 * so no dialogue says "&trade;"; a test scans every built-in pack's data for markup left over.
 */
function clean<T>(v: T): T {
  if (typeof v === "string") return cleanCatalogText(v) as T;
  if (Array.isArray(v)) return v.map(clean) as T;
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x)])) as T;
  return v;
}
const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];

// ---------------------------------------------------------------- retail
const COLORS = ["black", "white", "red", "blue", "green", "yellow", "orange", "purple", "pink", "gray", "grey", "brown", "beige", "gold", "silver", "navy", "lavender", "tan", "cream"];
const SIZE_ORDER = ["XS", "S", "M", "L", "XL", "28", "29", "30", "31", "32", "33", "34", "36"];

function buildRetail(): void {
  const luma = readJsonl("product-catalog-magento-luma/products_normalized.jsonl");
  const parents = luma.filter((r) => r.product_type === "configurable");
  const variantsOf = new Map<string, Obj[]>();
  for (const r of luma) {
    if (r.product_type !== "simple") continue;
    const list = variantsOf.get(String(r.parent_sku)) ?? [];
    list.push(r);
    variantsOf.set(String(r.parent_sku), list);
  }
  const items: Obj[] = [];
  const variants: Obj[] = [];
  for (const p of parents) {
    const paths = p.category_paths as string[];
    const main = paths.find((c) => c.startsWith("Men/") || c.startsWith("Women/")) ?? paths[0] ?? "";
    const [gender, department, category] = main.split("/");
    const a = p.attributes as Obj;
    const vs = variantsOf.get(String(p.sku)) ?? [];
    items.push({
      id: p.sku,
      name: p.title,
      brand: "Luma",
      gender: (gender ?? "").toLowerCase(),
      department: (department ?? "").toLowerCase(),
      category: (category ?? "").toLowerCase(),
      collections: paths.filter((c) => c.startsWith("Collections/")).map((c) => c.slice("Collections/".length)),
      price: p.price,
      colors: uniq(vs.map((v) => String(v.color))).sort(),
      sizes: uniq(vs.map((v) => String(v.size))).sort((x, y) => SIZE_ORDER.indexOf(x) - SIZE_ORDER.indexOf(y)),
      material: split(a.material),
      pattern: split(a.pattern),
      climate: split(a.climate),
      style: uniq([...split(a.style_general), ...split(a.style_bottom)]),
      eco_friendly: a.eco_collection === "Yes",
      performance_fabric: a.performance_fabric === "Yes",
      on_sale: a.sale === "Yes",
      new_arrival: a.new === "Yes",
      description: String(p.description_text ?? ""),
      image: `${MAGENTO_MEDIA}${p.image_path}`,
      images: (p.additional_image_paths as string[]).map((i) => `${MAGENTO_MEDIA}${i}`),
      rating: null,
      source: "magento-luma",
    });
    for (const v of vs) {
      // The Luma fixture stocks every SKU at 100; stock levels here are simulated from
      // the SKU's hash (about 15% sold out) so availability questions have real answers.
      const h = hashInt(String(v.sku));
      variants.push({
        sku: v.sku,
        item_id: p.sku,
        color: v.color,
        size: v.size,
        price: v.price,
        qty: h % 100 < 15 ? 0 : 1 + (h >>> 8) % 40,
        image: `${MAGENTO_MEDIA}${v.image_path}`,
      });
    }
  }

  const fashion: Record<string, [string, string]> = {
    "mens-shirts": ["men", "shirts"],
    "mens-shoes": ["men", "shoes"],
    "mens-watches": ["men", "watches"],
    "womens-dresses": ["women", "dresses"],
    "womens-shoes": ["women", "shoes"],
    "womens-bags": ["women", "bags"],
    "womens-jewellery": ["women", "jewellery"],
    "womens-watches": ["women", "watches"],
    tops: ["women", "tops"],
    sunglasses: ["unisex", "sunglasses"],
  };
  const DEPARTMENT: Record<string, string> = { shirts: "tops", tops: "tops", dresses: "dresses", shoes: "shoes" };
  const reviews: Obj[] = [];
  for (const p of readJsonl("product-catalog-dummyjson/products.jsonl")) {
    const f = fashion[String(p.category)];
    if (!f) continue;
    const id = `DJ-${p.id}`;
    const text = `${p.title} ${p.description}`.toLowerCase();
    const colors = COLORS.filter((c) => new RegExp(`\\b${c}\\b`).test(text)).map((c) => (c === "grey" ? "Gray" : c[0]!.toUpperCase() + c.slice(1)));
    items.push({
      id,
      name: p.title,
      brand: p.brand ?? "unbranded",
      gender: f[0],
      department: DEPARTMENT[f[1]] ?? "accessories",
      category: f[1],
      collections: [],
      price: p.price,
      colors: uniq(colors),
      sizes: ["one size"],
      material: [],
      pattern: [],
      climate: [],
      style: (p.tags as string[]).filter((t) => t !== p.category),
      eco_friendly: false,
      performance_fabric: false,
      on_sale: Number(p.discountPercentage) >= 10,
      new_arrival: false,
      description: p.description,
      image: p.thumbnail,
      images: p.images,
      rating: p.rating,
      source: "dummyjson",
    });
    variants.push({ sku: p.sku, item_id: id, color: colors[0] ?? null, size: "one size", price: p.price, qty: p.stock, image: p.thumbnail });
    (p.reviews as Obj[]).forEach((r, i) => {
      reviews.push({ id: `${id}-R${i + 1}`, item_id: id, rating: r.rating, comment: r.comment, date: String(r.date).slice(0, 10), reviewer: r.reviewerName });
    });
  }
  write("retail", "items.json", clean(items));
  write("retail", "variants.json", clean(variants));
  write("retail", "reviews.json", clean(reviews));
}
// Where a Magento install serves these product images; the source gives media paths only.
const MAGENTO_MEDIA = "/media/catalog/product";

// ---------------------------------------------------------------- travel
function buildTravel(): void {
  const db = (n: string) => readJson<Obj[]>(`multiwoz22/db/${n}_db.json`);
  write("travel", "restaurant.json", db("restaurant").map((r) => ({ ...r, id: String(r.id) })));
  write(
    "travel",
    "hotel.json",
    db("hotel").map((r) => {
      const price = r.price as Record<string, string>;
      return { ...r, id: String(r.id), price_single: num(price.single), price_double: num(price.double), price_family: num(price.family) };
    }),
  );
  write("travel", "attraction.json", db("attraction").map((r) => ({ ...r, id: String(r.id) })));
  write("travel", "hospital.json", db("hospital").map((r) => ({ ...r, id: String(r.id) })));
  write("travel", "police.json", db("police").map((r) => ({ ...r, id: String(r.id) })));
  // MultiWOZ reuses a trainID across days and routes, so a row's key is trainID, day and
  // departure time (e.g. TR7075-mon-0500), made unique with a suffix where even that repeats.
  const seen = new Map<string, number>();
  write(
    "travel",
    "train.json",
    db("train").map((r) => {
      const base = `${r.trainID}-${String(r.day).slice(0, 3)}-${String(r.leaveAt).replace(":", "")}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return {
        id: n === 1 ? base : `${base}-${n}`,
        ...r,
        fare: num(String(r.price).replace(/ pounds?$/, "")),
        duration_min: num(String(r.duration).replace(/ minutes?$/, "")),
      };
    }),
  );

  // MultiWOZ has no flight database; this one is tau-bench's airline schedule, one row
  // per flight and date (landed ones left out), with the seats and prices of the dates on sale.
  const flights = readJson<Record<string, Obj>>("tau-bench/airline/flights.json");
  const rows: Obj[] = [];
  for (const f of Object.values(flights)) {
    for (const [date, d] of Object.entries(f.dates as Record<string, Obj>)) {
      if (d.status === "landed") continue; // past flights: nothing to book or ask about
      const seats = (d.available_seats ?? {}) as Record<string, number>;
      const prices = (d.prices ?? {}) as Record<string, number>;
      rows.push({
        id: `${f.flight_number}-${date}`,
        flight_number: f.flight_number,
        origin: f.origin,
        destination: f.destination,
        date,
        departure_time: String(f.scheduled_departure_time_est).slice(0, 5),
        arrival_time: String(f.scheduled_arrival_time_est).slice(0, 5),
        status: d.status,
        seats_basic_economy: seats.basic_economy ?? 0,
        seats_economy: seats.economy ?? 0,
        seats_business: seats.business ?? 0,
        price_basic_economy: prices.basic_economy ?? null,
        price_economy: prices.economy ?? null,
        price_business: prices.business ?? null,
      });
    }
  }
  rows.sort((a, b) => String(a.id).localeCompare(String(b.id)));
  write("travel", "flight.json", rows);
}
function num(s: string | undefined): number | null {
  const n = Number(s);
  return s !== undefined && s !== "" && Number.isFinite(n) ? n : null;
}

// ---------------------------------------------------------------- ops
// There is no public data set of a server fleet with AJ's tools. This fleet is authored
// for chatmill (MIT): eight hosts whose disks, services and logs tell consistent stories
// (a disk filling on db-01, a crashed worker service, an unreachable backup host).
interface Host {
  id: string; hostname: string; ip: string; role: string; env: string; os: string; status: string;
  uptime: string | null; load: [number, number, number]; cpu_pct: number; mem_used_mb: number; mem_total_mb: number;
  disks: Array<[mount: string, size_gb: number, used_gb: number, fs: string]>;
  services: Array<[name: string, status: string, port: number | null]>;
  logs: Array<[time: string, level: string, service: string, message: string]>;
}
const HOSTS: Host[] = [
  {
    id: "web-01", hostname: "web-01.prod", ip: "10.0.1.11", role: "web", env: "prod", os: "Ubuntu 22.04.4 LTS", status: "healthy",
    uptime: "41 days, 3:12", load: [0.42, 0.51, 0.48], cpu_pct: 18, mem_used_mb: 2870, mem_total_mb: 7963,
    disks: [["/", 80, 31, "ext4"], ["/var/log", 40, 12, "ext4"]],
    services: [["nginx", "running", 443], ["node-app", "running", 3000], ["node_exporter", "running", 9100]],
    logs: [
      ["2026-03-14T08:02:11Z", "info", "nginx", "reloaded configuration"],
      ["2026-03-14T09:15:40Z", "warn", "node-app", "slow request GET /api/orders took 2140ms"],
      ["2026-03-14T09:16:02Z", "info", "node-app", "GET /healthz 200 3ms"],
      ["2026-03-14T10:47:55Z", "error", "nginx", "upstream timed out (110: Connection timed out) while reading response header from upstream, upstream: \"http://127.0.0.1:3000/api/orders\""],
      ["2026-03-14T10:48:30Z", "info", "node-app", "GET /api/orders 200 812ms"],
    ],
  },
  {
    id: "web-02", hostname: "web-02.prod", ip: "10.0.1.12", role: "web", env: "prod", os: "Ubuntu 22.04.4 LTS", status: "healthy",
    uptime: "41 days, 2:58", load: [0.38, 0.44, 0.40], cpu_pct: 15, mem_used_mb: 2654, mem_total_mb: 7963,
    disks: [["/", 80, 29, "ext4"], ["/var/log", 40, 11, "ext4"]],
    services: [["nginx", "running", 443], ["node-app", "running", 3000], ["node_exporter", "running", 9100]],
    logs: [
      ["2026-03-14T08:02:12Z", "info", "nginx", "reloaded configuration"],
      ["2026-03-14T09:30:05Z", "info", "node-app", "deployed release 2026.03.14-1 (commit 9f3c2ab)"],
      ["2026-03-14T11:02:17Z", "warn", "node-app", "rate limit reached for client 203.0.113.54"],
    ],
  },
  {
    id: "db-01", hostname: "db-01.prod", ip: "10.0.2.21", role: "database", env: "prod", os: "Debian 12", status: "degraded",
    uptime: "97 days, 19:40", load: [2.91, 2.64, 2.37], cpu_pct: 64, mem_used_mb: 28311, mem_total_mb: 32091,
    disks: [["/", 50, 22, "ext4"], ["/var/lib/postgresql", 500, 471, "xfs"]],
    services: [["postgresql", "running", 5432], ["pgbouncer", "running", 6432], ["node_exporter", "running", 9100]],
    logs: [
      ["2026-03-14T06:00:01Z", "info", "postgresql", "checkpoint complete: wrote 18234 buffers (13.9%)"],
      ["2026-03-14T07:45:12Z", "warn", "node_exporter", "filesystem /var/lib/postgresql above 90% (92.4%)"],
      ["2026-03-14T09:12:44Z", "warn", "postgresql", "autovacuum: found 1204332 dead row versions in table \"orders\""],
      ["2026-03-14T10:03:09Z", "error", "postgresql", "could not extend file \"base/16384/24576\": wrote only 4096 of 8192 bytes at block 88412"],
      ["2026-03-14T10:03:09Z", "warn", "node_exporter", "filesystem /var/lib/postgresql above 94% (94.2%)"],
      ["2026-03-14T10:20:33Z", "info", "pgbouncer", "stats: 412 xacts/s, 1630 queries/s, in 2.1 MB/s, out 8.7 MB/s"],
    ],
  },
  {
    id: "cache-01", hostname: "cache-01.prod", ip: "10.0.2.31", role: "cache", env: "prod", os: "Ubuntu 22.04.4 LTS", status: "healthy",
    uptime: "12 days, 6:05", load: [0.12, 0.10, 0.09], cpu_pct: 6, mem_used_mb: 11020, mem_total_mb: 15989,
    disks: [["/", 40, 9, "ext4"]],
    services: [["redis", "running", 6379], ["node_exporter", "running", 9100]],
    logs: [
      ["2026-03-14T04:00:00Z", "info", "redis", "DB saved on disk"],
      ["2026-03-14T09:58:41Z", "info", "redis", "Background saving started by pid 48211"],
      ["2026-03-14T09:58:44Z", "info", "redis", "Background saving terminated with success"],
    ],
  },
  {
    id: "worker-01", hostname: "worker-01.prod", ip: "10.0.3.41", role: "worker", env: "prod", os: "Ubuntu 22.04.4 LTS", status: "degraded",
    uptime: "5 days, 22:17", load: [1.05, 0.97, 0.88], cpu_pct: 31, mem_used_mb: 6120, mem_total_mb: 15989,
    disks: [["/", 100, 58, "ext4"]],
    services: [["celery", "failed", null], ["rabbitmq", "running", 5672], ["node_exporter", "running", 9100]],
    logs: [
      ["2026-03-14T08:31:00Z", "info", "celery", "celery@worker-01 ready."],
      ["2026-03-14T10:11:52Z", "error", "celery", "Task reports.build_daily[5c1e] raised MemoryError"],
      ["2026-03-14T10:11:53Z", "error", "celery", "Worker exited prematurely: signal 9 (SIGKILL)"],
      ["2026-03-14T10:11:54Z", "warn", "systemd", "celery.service: Main process exited, code=killed, status=9/KILL"],
      ["2026-03-14T10:11:54Z", "error", "systemd", "celery.service: Failed with result 'signal'."],
    ],
  },
  {
    id: "ci-01", hostname: "ci-01.internal", ip: "10.0.4.51", role: "ci", env: "internal", os: "Ubuntu 24.04.1 LTS", status: "healthy",
    uptime: "3 days, 1:44", load: [3.40, 2.95, 2.10], cpu_pct: 82, mem_used_mb: 12110, mem_total_mb: 31998,
    disks: [["/", 200, 143, "ext4"], ["/var/lib/docker", 500, 318, "ext4"]],
    services: [["gitlab-runner", "running", null], ["docker", "running", null], ["node_exporter", "running", 9100]],
    logs: [
      ["2026-03-14T09:01:10Z", "info", "gitlab-runner", "Job succeeded job=88412 project=web-app"],
      ["2026-03-14T09:40:37Z", "warn", "docker", "image pull took 94s for registry.internal/web-app:build"],
      ["2026-03-14T10:26:03Z", "info", "gitlab-runner", "Job succeeded job=88419 project=api"],
    ],
  },
  {
    id: "backup-01", hostname: "backup-01.internal", ip: "10.0.4.61", role: "backup", env: "internal", os: "Debian 12", status: "unreachable",
    uptime: null, load: [0, 0, 0], cpu_pct: 0, mem_used_mb: 0, mem_total_mb: 7963,
    disks: [["/", 40, 14, "ext4"], ["/srv/backup", 4000, 2710, "zfs"]],
    services: [["restic", "unknown", null], ["sshd", "unknown", 22]],
    logs: [
      ["2026-03-14T02:00:03Z", "info", "restic", "snapshot 7d1f3a2e saved (db-01 /var/lib/postgresql, 41.2 GiB added)"],
      ["2026-03-14T05:12:40Z", "warn", "kernel", "ata2: link is slow to respond, please be patient"],
      ["2026-03-14T05:13:11Z", "error", "kernel", "ata2: COMRESET failed (errno=-16)"],
      ["2026-03-14T05:13:12Z", "error", "monitor", "host stopped answering heartbeats"],
    ],
  },
  {
    id: "gpu-01", hostname: "gpu-01.ml", ip: "10.0.5.71", role: "ml", env: "staging", os: "Ubuntu 22.04.4 LTS", status: "healthy",
    uptime: "19 days, 8:30", load: [5.80, 5.71, 5.66], cpu_pct: 71, mem_used_mb: 98304, mem_total_mb: 257843,
    disks: [["/", 200, 87, "ext4"], ["/data", 2000, 1240, "xfs"]],
    services: [["vllm", "running", 8000], ["jupyterhub", "stopped", 8888], ["nvidia-dcgm", "running", 9400]],
    logs: [
      ["2026-03-14T07:10:00Z", "info", "vllm", "Loaded model qwen2.5-32b-instruct (tensor_parallel_size=2)"],
      ["2026-03-14T09:44:18Z", "warn", "vllm", "KV cache usage 93.1%, preempting 2 requests"],
      ["2026-03-14T10:30:51Z", "info", "vllm", "Avg prompt throughput: 1822.4 tokens/s, generation: 611.0 tokens/s"],
    ],
  },
];

function buildOps(): void {
  write(
    "ops",
    "agents.json",
    HOSTS.map((h) => ({
      id: h.id, hostname: h.hostname, ip: h.ip, role: h.role, env: h.env, os: h.os, status: h.status, uptime: h.uptime,
      load_1m: h.load[0], load_5m: h.load[1], load_15m: h.load[2], cpu_pct: h.cpu_pct, mem_used_mb: h.mem_used_mb, mem_total_mb: h.mem_total_mb,
      mem_pct: Math.round((h.mem_used_mb / h.mem_total_mb) * 100),
    })),
  );
  write(
    "ops",
    "disks.json",
    HOSTS.flatMap((h) =>
      h.disks.map(([mount, size, used, fs]) => ({
        id: `${h.id}:${mount}`, agent_id: h.id, mount, fs, size_gb: size, used_gb: used, avail_gb: size - used, use_pct: Math.round((used / size) * 100),
      })),
    ),
  );
  write(
    "ops",
    "services.json",
    HOSTS.flatMap((h) => h.services.map(([name, status, port]) => ({ id: `${h.id}:${name}`, agent_id: h.id, name, status, port }))),
  );
  write(
    "ops",
    "logs.json",
    HOSTS.flatMap((h) => h.logs.map(([time, level, service, message], i) => ({ id: `${h.id}-L${i + 1}`, agent_id: h.id, time, level, service, message }))),
  );
}

buildRetail();
buildTravel();
buildOps();
