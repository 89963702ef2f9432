import { loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import type { DisplayParts } from "@chatmill/schema";
import { describe, expect, it } from "vitest";
import { statusLine, statusText, type StatusHow } from "./status-text.js";

// The ops pack's declared status parts (offline.display.agents): the sentences come from them.
const ops: StatusHow = { parts: loadDomain("ops").offline.display!.agents!.parts, skip: ["id", "hostname"] };

const host = {
  id: "gpu-01",
  hostname: "gpu-01.ml",
  status: "healthy",
  role: "ml",
  env: "staging",
  uptime: "19 days, 8:30",
  cpu_pct: 71,
  mem_pct: 38,
  load_1m: 5.8,
  disks: [
    { mount: "/", use_pct: 44 },
    { mount: "/data", use_pct: 62 },
  ],
  services: [
    { name: "jupyterhub", status: "stopped" },
    { name: "nvidia-dcgm", status: "running" },
    { name: "vllm", status: "running" },
  ],
};

// The fullest disk first, said one of statusText's ways.
const DATA_FULLEST = /(`\/data` is 62% full, `\/` 44%|Disks: `\/data` 62% and `\/` 44%|`\/data` is the fullest at 62%, then `\/` 44%|`\/data` (sits at|is at|is using) 62%; `\/` 44%)\./;

describe("statusText", () => {
  it("says a host asked about again as unchanged, with only what stands out: no uptime, no role, no lead numbers", () => {
    // A calm host: nothing stands out, so the answer is its state alone.
    const calm = { ...host, load_1m: 0.2, cpu_pct: 5, disks: [{ mount: "/", use_pct: 20 }], services: [{ name: "vllm", status: "running" }] };
    const ways = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const text = statusText(calm, "en", new Rng(String(seed)), "again", ops);
      expect(text).toMatch(/^`gpu-01\.ml` (is still healthy|hasn't changed — still healthy|is healthy, as before|is the same as before: healthy)\.$/);
      ways.add(text);
      // What stands out is said again: the stopped service.
      expect(statusText(host, "en", new Rng(String(seed)), "again", ops)).toMatch(/jupyterhub/);
      expect(statusText(host, "en", new Rng(String(seed)), "again", ops)).not.toMatch(/19 days|staging/);
      expect(statusText(calm, "hi", new Rng(String(seed)), "again", ops)).toMatch(/^`gpu-01\.ml` (अब भी healthy है|में कोई बदलाव नहीं — अब भी healthy|पहले जैसा ही है: healthy)।$/);
    }
    expect(ways.size).toBe(4);
  });

  it("says the same state in several ways across draws, every fact each time (issue #18's variety)", () => {
    const texts = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const text = statusText(host, "en", new Rng(String(seed)), false, ops);
      texts.add(text.replace(/^.*? up 19 days, 8:30\. /, ""));
      for (const fact of ["71%", "38%", "5.8", "62%", "44%", "`jupyterhub`", "`vllm`"]) expect(text).toContain(fact);
    }
    // The numbers' order, the disks' and the services' sentences each vary: many distinct readings, not one template.
    expect(texts.size).toBeGreaterThan(10);
  });

  it("says a host's state in sentences, the fullest disk and what is not running first", () => {
    for (let seed = 0; seed < 20; seed++) {
      const text = statusText(host, "en", new Rng(String(seed)), false, ops);
      expect(text).toMatch(/^`gpu-01\.ml` is healthy \(ml, staging\)(, | — )up 19 days, 8:30\. /);
      // The numbers in any order, each with its words ("CPU at 71%", "71% CPU").
      expect(text).toMatch(/(CPU( at |'s at | running at | )71%|71% CPU)/i);
      expect(text).toMatch(/(memory (at |use )?38%|38% memory)/i);
      expect(text).toMatch(/load 5\.8/i);
      expect(text).toMatch(DATA_FULLEST);
      expect(text).toMatch(/(`jupyterhub` (is|shows as) stopped|[Ss]topped: `jupyterhub`); (`nvidia-dcgm` and `vllm` (are|show as|are all) running|running: `nvidia-dcgm`, `vllm`)\.$/);
      expect(text).not.toMatch(/cpu pct|mem pct|load 1m/);
      // Every number said is one of the row's (tool-annotate checks replies against results).
      for (const n of text.match(/\d+(\.\d+)?/g) ?? []) expect(JSON.stringify(host)).toContain(n);
    }
  });

  it("says the state in Hindi and Hinglish sentences too: the row's values, no field names", () => {
    for (let seed = 0; seed < 20; seed++) {
      const hi = statusText(host, "hi", new Rng(String(seed)), false, ops);
      expect(hi).toMatch(/^`gpu-01\.ml` ((अभी )?healthy है|का स्टेटस healthy है|की हालत: healthy|फ़िलहाल healthy है|इस वक़्त healthy है) \(ml, staging\)(, | — )(अपटाइम|चालू:|लगातार चालू:) 19 days, 8:30। CPU 71%, मेमोरी 38% और लोड 5\.8। /);
      expect(hi).toMatch(/`jupyterhub` (की हालत )?stopped है; `nvidia-dcgm` और `vllm` (running हैं|की हालत running है)।$/);
      const mixed = statusText(host, "mixed", new Rng(String(seed)), false, ops);
      expect(mixed).toMatch(/^`gpu-01\.ml` ((abhi )?healthy hai|ka status healthy hai|ki state: healthy|filhaal healthy hai|is waqt healthy hai) \(ml, staging\)/);
      expect(mixed).toMatch(/(`\/data` 62% (full hai|bhar chuka hai|use ho chuka hai), `\/` 44%|Disk: `\/data` 62% aur `\/` 44%)\./);
      for (const text of [hi, mixed]) {
        expect(text).not.toMatch(/cpu pct|mem pct|load 1m/);
        for (const n of text.match(/\d+(\.\d+)?/g) ?? []) expect(JSON.stringify(host)).toContain(n);
      }
    }
  });

  it("keeps the compact line for rows without state, and says a table without status parts by its facts", () => {
    const db = { id: "db-01", name: "db-01", role: "db" };
    expect(statusText(db, "hi", new Rng("1"), false, ops)).toBe(statusLine(db, ops));
    expect(statusLine(db, ops)).toBe("`db-01`: role db");
    expect(statusLine(host, ops)).toContain("CPU at 71%; memory 38%; load 5.8; disks `/` 44%, `/data` 62%; services jupyterhub stopped");
    expect(statusText(db, "en", new Rng("1"), false, ops)).toBe("`db-01`: db.");
    // No status parts: the row's facts, whatever its fields are called — a `status` field is not taken for a state.
    const plain: StatusHow = { skip: ["id", "name"] };
    expect(statusText({ ...db, status: "up" }, "en", new Rng("1"), true, plain)).toBe("db-01: role db and status up");
    expect(statusText({ ...db, status: "up" }, "hi", new Rng("1"), true, plain)).toBe("db-01: role db, status up");
    // The compact line speaks the dialogue's language: the pack's Hindi words for the metrics and lists.
    expect(statusLine(host, ops, "hi")).toContain("मेमोरी 38%; लोड 5.8; डिस्क `/` 44%, `/data` 62%");
  });
});

// A monitoring pack of one's own, its fields named its own way: the same sentences, from its parts.
const printers: DisplayParts = {
  state: "condition",
  where: ["floor"],
  uptime: "powered_for",
  metrics: [
    { field: "ink_level", say: { en: "ink [at |]{value}%", hi: "स्याही {value}%" }, high: 90 },
    { field: "queue", say: { en: "{value} jobs queued" } },
  ],
  usage: { list: "trays", name: "tray", percent: "paper_pct", high: 95, label: { en: "Trays", hi: "ट्रे" } },
  members: { list: "parts", name: "part", state: "health", normal: "ok", label: { en: "Parts" } },
};
const printer = {
  code: "PR-7",
  name: "lobby-printer",
  condition: "jammed",
  floor: "ground floor",
  powered_for: "3 days",
  ink_level: 93,
  queue: 4,
  trays: [
    { tray: "A4", paper_pct: 20 },
    { tray: "Letter", paper_pct: 97 },
  ],
  parts: [
    { part: "fuser", health: "worn" },
    { part: "drum", health: "ok" },
  ],
};

describe("statusText over a pack's own status parts", () => {
  it("says the printer's state, numbers, fullest tray and worn part from the fields its parts name", () => {
    const how: StatusHow = { parts: printers, skip: ["code"] };
    for (let seed = 0; seed < 20; seed++) {
      const text = statusText(printer, "en", new Rng(String(seed)), false, how);
      expect(text).toMatch(/^`lobby-printer` is jammed \(ground floor\)(, | — )up 3 days\. ((Numbers|Resources|Current figures|Usage): )?(Ink (at )?93% and 4 jobs queued|4 jobs queued and ink (at )?93%)\. /i);
      expect(text).toMatch(/(`Letter` is 97% full, `A4` 20%|Trays: `Letter` 97% and `A4` 20%|`Letter` is the fullest at 97%, then `A4` 20%|`Letter` (sits at|is at|is using) 97%; `A4` 20%)\./);
      expect(text).toMatch(/(`fuser` (is|shows as) worn|Worn: `fuser`); (`drum` (is|shows as) ok|ok: `drum`)\.$/);
      // Asked how it is: all of it stands out (ink over 90, a tray over 95, a part not ok) — the tray and part alone.
      const gist = statusText(printer, "en", new Rng(String(seed)), true, how);
      expect(gist).toMatch(/^`lobby-printer` (is|looks|shows as|reports|is currently|is showing as|comes back|reports as) jammed/);
      expect(gist).toMatch(/Ink (at )?93%/i);
      expect(gist).toMatch(/`Letter` (is|is at|has reached) 97%/);
      expect(gist).not.toContain("A4");
      expect(gist).toMatch(/`fuser` (is|shows as) worn|Worn: `fuser`/);
      expect(gist).not.toContain("drum");
      const hi = statusText(printer, "hi", new Rng(String(seed)), false, how);
      expect(hi).toMatch(/^`lobby-printer` ((अभी )?jammed है|का स्टेटस jammed है|की हालत: jammed|फ़िलहाल jammed है|इस वक़्त jammed है) \(ground floor\)(, | — )(अपटाइम|चालू:|लगातार चालू:) 3 days। स्याही 93% और 4 jobs queued। /);
      expect(hi).toMatch(/(`Letter` 97% (भरा है|भर चुका है|इस्तेमाल में है), `A4` 20%|ट्रे: `Letter` 97% और `A4` 20%)।/);
      expect(hi).toMatch(/`fuser` (की हालत )?worn है; `drum` (की हालत )?ok है।$/);
    }
  });

  it("draws a label's alternatives, and says the first of them in the compact line", () => {
    const how: StatusHow = { parts: { ...printers, usage: { ...printers.usage!, label: { en: "[Paper trays|Trays]" } } }, skip: [] };
    const seen = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const text = statusText(printer, "en", new Rng(String(seed)), false, how);
      expect(text).not.toContain("[");
      for (const label of ["Paper trays:", "Trays:"]) if (text.includes(label)) seen.add(label);
    }
    expect(seen.size).toBe(2);
    expect(statusLine(printer, how)).toContain("paper trays `A4` 20%, `Letter` 97%; parts fuser worn, drum ok");
  });

  it("says nothing stands out when every value is under its high and every part is normal", () => {
    const calm = { ...printer, ink_level: 40, trays: [{ tray: "A4", paper_pct: 20 }], parts: [{ part: "drum", health: "ok" }] };
    const how: StatusHow = { parts: printers, skip: [] };
    let all = 0;
    for (let seed = 0; seed < 40; seed++) {
      const gist = statusText(calm, "en", new Rng(String(seed)), true, how);
      // At most one of the rest is said with the state: never the numbers, the tray and the parts together.
      const said = [/Ink/, /A4/, /drum/].filter((re) => re.test(gist)).length;
      expect(said).toBeLessThanOrEqual(1);
      all += said;
    }
    expect(all).toBeGreaterThan(0);
  });
});
