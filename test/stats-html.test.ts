import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ndjson, run } from "./dedup-run.js";
import { dialogue } from "./stats-fixtures.js";

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => existsSync(p));
if (!CHROMIUM) {
  console.warn("stats-html.test.ts: skipped — no Chromium at /usr/bin/chromium (install it: apt-get install -y chromium)");
}

/** PNG width and height, from the IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function screenshot(url: string, out: string): void {
  try {
    execFileSync(
      CHROMIUM!,
      ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", `--screenshot=${out}`, "--window-size=1280,1600", url],
      { stdio: "ignore", timeout: 30_000 },
    );
  } catch (err) {
    // Headless Chromium sometimes hangs on exit after writing the screenshot (seen once in a
    // fresh-clone CI run): a written file is what the test reads; no file is still a failure.
    if (!existsSync(out) || statSync(out).size === 0) throw err;
  }
}

describe.skipIf(!CHROMIUM)("stats --html in headless Chromium", () => {
  it("renders its charts: the screenshot is far richer than a blank page's", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stats-html-"));
    const html = join(dir, "report.html");
    const res = await run("stats", ["--html", html], ndjson(Array.from({ length: 60 }, (_, i) => dialogue(i))));
    expect(res.code, res.stderr).toBe(0);
    expect((readFileSync(html, "utf8").match(/<rect /g) ?? []).length).toBeGreaterThan(40);
    const shot = join(dir, "report.png");
    screenshot(`file://${html}`, shot);
    expect(pngSize(shot)).toEqual({ width: 1280, height: 1600 });
    const blank = join(dir, "blank.html");
    writeFileSync(blank, "<!doctype html><html><body></body></html>");
    const blankShot = join(dir, "blank.png");
    screenshot(`file://${blank}`, blankShot);
    // Colored bars, donuts and text compress far worse than an empty page.
    expect(statSync(shot).size).toBeGreaterThan(10 * statSync(blankShot).size);
    console.log(`stats-html.test.ts: screenshot ${shot} (${statSync(shot).size} bytes; blank page ${statSync(blankShot).size})`);
  });
});
