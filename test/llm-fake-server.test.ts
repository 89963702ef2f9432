import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fakeBin, runBin, startFake, type FakeProcess } from "./llm-helpers.js";

const fakes: FakeProcess[] = [];
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.stop()));
});
const chat = (url: string, body: Record<string, unknown> = {}) =>
  fetch(`${url}/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model: "m", messages: [{ role: "user", content: "hello" }], ...body }) });

describe("chatmill-fake-llm", () => {
  it("--help documents the routes, faults and stats; --version", async () => {
    const help = await runBin(fakeBin, ["--help"], "");
    expect(help.code).toBe(0);
    for (const text of ["--port", "--host", "--delay-ms", "--faults", "--slow-ms", "--retry-after", "--script", "--log", "--no-usage", "--reject-response-format", "--tools", "/v1/chat/completions", "/v1/embeddings", "/v1/stats", "repeated"]) {
      expect(help.stdout).toContain(text);
    }
    expect((await runBin(fakeBin, ["--version"], "")).stdout).toMatch(/^chatmill-fake-llm \d+\.\d+\.\d+\n$/);
  });

  it("refuses bad flags with status 2", async () => {
    for (const args of [["--faults", "429=2"], ["--faults", "teapot=0.1"], ["--tools", "maybe"], ["--script", "/nonexistent/script.ndjson"], ["extra"]]) {
      const r = await runBin(fakeBin, args, "");
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/Try 'chatmill-fake-llm --help'/);
    }
    const dir = mkdtempSync(join(tmpdir(), "fake-"));
    const bad = join(dir, "bad.ndjson");
    writeFileSync(bad, '{"match": "x"}\n');
    const r = await runBin(fakeBin, ["--script", bad], "");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 1: a rule needs a 'reply' object/);
  });

  it("prints its URL, serves Hermes calls without usage, slows down on demand, and reports its figures on SIGTERM", async () => {
    const f = await startFake(["--host", "127.0.0.1", "--tools", "hermes", "--no-usage"]);
    fakes.push(f);
    expect(f.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const tools = [{ type: "function", function: { name: "lookup", parameters: { type: "object", properties: { id: { type: "string" } } } } }];
    const a = (await (await chat(f.url, { tools })).json()) as { choices: Array<{ message: { content: string } }>; usage?: unknown };
    expect(a.choices[0]!.message.content).toMatch(/^<tool_call>/);
    expect(a.usage).toBeUndefined();

    const slow = await startFake(["--faults", "slow=1", "--slow-ms", "300"]);
    fakes.push(slow);
    const t0 = Date.now();
    expect((await chat(slow.url)).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);

    // without --quiet, SIGTERM prints the figures
    const proc = spawn(process.execPath, [fakeBin], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    proc.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const url = await new Promise<string>((resolve) => proc.stdout.once("data", (d: Buffer) => resolve(d.toString().trim())));
    await chat(url);
    const code = await new Promise<number | null>((resolve) => {
      proc.once("exit", resolve);
      proc.kill("SIGTERM");
    });
    expect(code).toBe(0);
    expect(JSON.parse(stderr.replace(/^chatmill-fake-llm: /, ""))).toMatchObject({ requests: 1, completed: 1, repeated: 0 });
  });
});
