import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { statusLine, statusText } from "./status-text.js";

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

describe("statusText", () => {
  it("says a host's state in sentences, the fullest disk and what is not running first", () => {
    for (let seed = 0; seed < 20; seed++) {
      const text = statusText(host, "en", new Rng(String(seed)));
      expect(text).toMatch(/^`gpu-01\.ml` is healthy \(ml, staging\)(, | — )up 19 days, 8:30\. CPU (at )?71%, memory 38% and load 5\.8\. /);
      expect(text).toMatch(/(`\/data` is 62% full, `\/` 44%|Disks: `\/data` 62% and `\/` 44%)\./);
      expect(text).toMatch(/`jupyterhub` is stopped; `nvidia-dcgm` and `vllm` are running\.$/);
      expect(text).not.toMatch(/cpu pct|mem pct|load 1m/);
      // Every number said is one of the row's (tool-annotate checks replies against results).
      for (const n of text.match(/\d+(\.\d+)?/g) ?? []) expect(JSON.stringify(host)).toContain(n);
    }
  });

  it("says the state in Hindi and Hinglish sentences too: the row's values, no field names", () => {
    for (let seed = 0; seed < 20; seed++) {
      const hi = statusText(host, "hi", new Rng(String(seed)));
      expect(hi).toMatch(/^`gpu-01\.ml` (अभी )?healthy है \(ml, staging\)(, | — )(अपटाइम|चालू:) 19 days, 8:30। CPU 71%, मेमोरी 38% और लोड 5\.8। /);
      expect(hi).toMatch(/`jupyterhub` stopped है; `nvidia-dcgm` और `vllm` running हैं।$/);
      const mixed = statusText(host, "mixed", new Rng(String(seed)));
      expect(mixed).toMatch(/^`gpu-01\.ml` (abhi )?healthy hai \(ml, staging\)/);
      expect(mixed).toMatch(/(`\/data` 62% full hai, `\/` 44%|Disk: `\/data` 62% aur `\/` 44%)\./);
      for (const text of [hi, mixed]) {
        expect(text).not.toMatch(/cpu pct|mem pct|load 1m/);
        for (const n of text.match(/\d+(\.\d+)?/g) ?? []) expect(JSON.stringify(host)).toContain(n);
      }
    }
  });

  it("keeps the compact field list for rows without state", () => {
    expect(statusText({ id: "db-01", name: "db-01", role: "db" }, "hi", new Rng("1"))).toBe(statusLine({ id: "db-01", name: "db-01", role: "db" }));
    expect(statusLine(host)).toContain("cpu pct 71");
    expect(statusText({ id: "db-01", name: "db-01", role: "db" }, "en", new Rng("1"))).toBe("`db-01`: db.");
  });
});
