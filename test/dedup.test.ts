import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeLlm, type FakeLlm } from "@chatmill/fake-llm";
import { lines, ndjson, run, runHead } from "./dedup-run.js";
import { writeTinyModel } from "./dedup-tiny-model.js";

const dir = mkdtempSync(join(tmpdir(), "dedup-test-"));
const dlg = (id: string, ...turns: string[]) => ({ id, messages: turns.map((content, i) => ({ role: i % 2 ? "assistant" : "user", content })) });
const ids = (stdout: string) => lines(stdout).map((r) => r.id);

const A = dlg("a", "I need a red dress under fifty dollars for a wedding on Saturday please", "Sure, here are three red dresses under fifty dollars that suit a wedding", "The second one looks lovely, is it available in size ten");
const base = [
  A,
  dlg("a-copy", "i need a RED dress under fifty dollars, for a wedding on saturday please!", "Sure, here are three red dresses under fifty dollars that suit a wedding", "The second one looks lovely, is it available in size ten"),
  dlg("a-reordered", A.messages[2]!.content, A.messages[1]!.content, A.messages[0]!.content),
  dlg("a-edited", "I need a red dress under sixty dollars for a wedding on Saturday please", "Sure, here are three red dresses under fifty dollars that suit a wedding", "The second one looks lovely, is it available in size twelve"),
  dlg("b", "Can you book a taxi to the airport tomorrow at six in the morning", "Done, a taxi will pick you up at six tomorrow morning"),
];

// Each test works in its own files, so they run concurrently (mostly waiting on child processes).
describe.concurrent("dedup (built bin, real pipes)", () => {
  it("default exact,near: keeps first occurrences; --dups says what each drop duplicates", async () => {
    const dups = join(dir, "dups.ndjson");
    const res = await run("dedup", ["--dups", dups], ndjson(base));
    expect(res.code, res.stderr).toBe(0);
    expect(ids(res.stdout)).toEqual(["a", "b"]);
    // Output lines are the input lines, byte for byte.
    expect(res.stdout).toBe(ndjson([base[0], base[4]]));
    const d = lines(readFileSync(dups, "utf8"));
    expect(d.map((x) => [x.id, x.dup_of, x.method])).toEqual([
      ["a-copy", "a", "exact"],
      ["a-reordered", "a", "near"],
      ["a-edited", "a", "near"],
    ]);
    expect(d[1]!.similarity).toBe(1);
    expect(d[2]!.similarity).toBeGreaterThanOrEqual(0.8);
    expect(d[2]!.similarity).toBeLessThan(1);
    expect(d[0]!.record).toEqual(base[1]);
    expect(d[0]).toMatchObject({ source: "stdin", line: 2 });
    expect(res.stderr).toMatch(/dropped 3 \(duplicate:exact: 1, duplicate:near: 2\)/);
  });

  it("--method exact and --fold decide what counts as the same text", async () => {
    expect(ids((await run("dedup", ["--method", "exact"], ndjson(base))).stdout)).toEqual(["a", "a-reordered", "a-edited", "b"]);
    expect(ids((await run("dedup", ["--method", "exact", "--fold", "none"], ndjson(base))).stdout)).toEqual(["a", "a-copy", "a-reordered", "a-edited", "b"]);
    expect(ids((await run("dedup", ["--method", "exact", "--fold", "case,punctuation,whitespace"], ndjson(base))).stdout)).toEqual(["a", "a-reordered", "a-edited", "b"]);
    const bad = await run("dedup", ["--fold", "accents"], "");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown folding 'accents'");
  });

  it("--threshold, --shingle and --num-perm tune near duplicates", async () => {
    // At 0.95 the edited copy (Jaccard ≈ 0.85) is no longer a duplicate.
    expect(ids((await run("dedup", ["--method", "near", "-t", "0.95"], ndjson(base))).stdout)).toEqual(["a", "a-edited", "b"]);
    expect(ids((await run("dedup", ["--method", "near", "--shingle", "char:5", "--num-perm", "256", "--threshold", "near=0.7"], ndjson(base))).stdout)).toEqual(["a", "b"]);
    expect((await run("dedup", ["--shingle", "word"], "")).stderr).toContain("--shingle expects word:N or char:N");
    expect((await run("dedup", ["--num-perm", "100"], "")).stderr).toContain("power of two");
    expect((await run("dedup", ["--method", "near,semantic", "-t", "0.9"], "")).stderr).toContain("say which");
  });

  it("--key compares the text a JSON path selects", async () => {
    const personas = [
      { id: "p1", style: "casual", description: "A retired teacher from Lima who loves gardening and old films" },
      { id: "p2", style: "formal", description: "A retired teacher from Lima who loves gardening and old films." },
      { id: "p3", style: "casual", description: "A young nurse in Seoul training for a marathon" },
    ];
    expect(ids((await run("dedup", ["--key", ".description"], ndjson(personas))).stdout)).toEqual(["p1", "p3"]);
    // Without --key, the whole record (but its id) is compared: not the same text (the
    // styles differ), but a near duplicate.
    expect(ids((await run("dedup", ["--method", "exact"], ndjson(personas))).stdout)).toEqual(["p1", "p2", "p3"]);
    expect(ids((await run("dedup", [], ndjson(personas))).stdout)).toEqual(["p1", "p3"]);
    expect(ids((await run("dedup", ["-k", "$.messages[0].content"], ndjson(base))).stdout)).toEqual(["a", "a-reordered", "a-edited", "b"]);
    const noText = await run("dedup", ["--key", ".nothing"], ndjson(personas));
    expect(ids(noText.stdout)).toEqual(["p1", "p2", "p3"]);
    expect(noText.stderr).toContain("no text under the key");
    expect((await run("dedup", ["--key", "$.a["], "")).code).toBe(2);
  });

  it("--index: a later run drops what an earlier run kept; incompatible flags are refused", async () => {
    const idx = join(dir, "kept.idx");
    const first = await run("dedup", ["--index", idx], ndjson([base[0], base[4]]));
    expect(first.code).toBe(0);
    const header = lines(readFileSync(idx, "utf8"))[0]!;
    expect(header).toMatchObject({ chatmill_dedup_index: 1, methods: ["exact", "near"], shingle: "word:3", count: 2 });
    const second = await run("dedup", ["-i", idx], ndjson([base[1], base[3], dlg("c", "Where is my parcel, it was due on Monday and the tracking page is empty")]));
    expect(ids(second.stdout)).toEqual(["c"]);
    expect(second.stderr).toContain("2 records loaded");
    expect(lines(readFileSync(idx, "utf8"))[0]!.count).toBe(3);
    const refused = await run("dedup", ["-i", idx, "--shingle", "word:5"], ndjson([base[0]]));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("uses --shingle word:3, this run word:5");
    // A run cut short (stdout closed) leaves the index as it was.
    const f = join(dir, "many.ndjson");
    writeFileSync(f, ndjson(Array.from({ length: 3000 }, (_, i) => dlg(`m${i}`, `order ${i} is late, the parcel number ${i * 7} never arrived`))));
    await runHead("dedup", ["--index", idx], f);
    expect(lines(readFileSync(idx, "utf8"))[0]!.count).toBe(3);
  });

  it("merge-index reconciles shards deduplicated separately", async () => {
    const ia = join(dir, "a.idx");
    const ib = join(dir, "b.idx");
    await run("dedup", ["-i", ia], ndjson([base[0], base[4]]));
    await run("dedup", ["-i", ib], ndjson([base[3], dlg("c", "Where is my parcel, it was due on Monday and the tracking page is empty")]));
    const cross = join(dir, "cross.ndjson");
    const merged = await run("dedup", ["merge-index", "--dups", cross, "--num-perm", "64", ia, ib]);
    expect(merged.code, merged.stderr).toBe(0);
    const out = lines(merged.stdout);
    expect(out[0]).toMatchObject({ chatmill_dedup_index: 1 });
    expect(out.slice(1).map((e) => e.id)).toEqual(["a", "b", "c"]);
    expect(lines(readFileSync(cross, "utf8"))).toEqual([expect.objectContaining({ id: "a-edited", dup_of: "a", method: "near", source: ib })]);
    // The merged index serves a later run.
    const all = join(dir, "all.idx");
    writeFileSync(all, merged.stdout);
    expect(ids((await run("dedup", ["-i", all], ndjson([base[1], dlg("d", "A brand new question about gift cards and their expiry dates")]))).stdout)).toEqual(["d"]);
    const notAnIndex = join(dir, "not-an-index.ndjson");
    writeFileSync(notAnIndex, ndjson(base));
    const notIndex = await run("dedup", ["merge-index", notAnIndex]);
    expect(notIndex.code).toBe(3);
    expect((await run("dedup", ["merge-index"])).code).toBe(2);
    expect((await run("dedup", ["merge-index", "--help"])).stdout).toContain("dedup merge-index");
  });

  it("empty input, a bad line, --on-error skip, --errors, | head -1", async () => {
    const empty = await run("dedup", [], "");
    expect(empty.code).toBe(0);
    expect(empty.stdout).toBe("");
    const input = `${JSON.stringify(base[0])}\n{oops\n${JSON.stringify(base[1])}\n`;
    const bad = await run("dedup", [], input);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/line 2: invalid JSON/);
    expect(ids(bad.stdout)).toEqual(["a"]);
    const errors = join(dir, "errors.ndjson");
    const skip = await run("dedup", ["--on-error", "skip", "--errors", errors, "-q"], input);
    expect(skip.code).toBe(0);
    expect(skip.stderr).toBe("");
    expect(lines(readFileSync(errors, "utf8"))).toEqual([expect.objectContaining({ line: 2, kind: "invalid_json" })]);
    const f = join(dir, "head.ndjson");
    writeFileSync(f, ndjson(Array.from({ length: 5000 }, (_, i) => dlg(`h${i}`, `question number ${i} about order ${i * 13}`, `answer ${i}`))));
    const head = await runHead("dedup", [], f);
    expect(ids(head.stdout)).toEqual(["h0"]);
    expect(head.stderr).toContain("status=0");
    expect(head.stderr).not.toContain("error");
  });

  it("--help (with examples), --version, unknown flags", async () => {
    const help = await run("dedup", ["--help"]);
    expect(help.code).toBe(0);
    for (const flag of ["--method", "--fold", "--shingle", "--threshold", "--num-perm", "--key", "--dups", "--index", "--model", "--embed-url", "Examples:"]) expect(help.stdout).toContain(flag);
    expect((await run("dedup", ["--version"])).stdout).toMatch(/^dedup \d+\.\d+\.\d+/);
    const bad = await run("dedup", ["--frobnicate"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Try 'dedup --help'");
    expect((await run("dedup", ["--method", "semantic"], "")).stderr).toContain("--model DIR|ID or --embed-url URL");
    expect((await run("dedup", ["--model", "x"], "")).stderr).toContain("for the semantic method");
  });
});

describe("dedup semantic", () => {
  const words = "i need a red dress for the wedding in taxi to airport tomorrow please can you book morning want my frock scarlet".split(" ");
  let model = "";
  beforeAll(() => {
    model = writeTinyModel(join(dir, "models", "tiny-bert"), words);
  });

  it("--model: a local transformers.js model folder (a tiny BERT-like model the test wrote)", async () => {
    const input = ndjson([
      dlg("s1", "I need a red dress for the wedding please"),
      dlg("s2", "please, for the wedding I need a red dress"),
      dlg("s3", "can you book a taxi to the airport tomorrow morning"),
      dlg("s4", "I need a scarlet frock for the wedding please"),
    ]);
    const dups = join(dir, "sem-dups.ndjson");
    const res = await run("dedup", ["--method", "semantic", "--model", model, "--offline", "--dtype", "fp32", "--batch", "3", "--dups", dups, "-t", "0.9"], input);
    expect(res.code, res.stderr).toBe(0);
    expect(ids(res.stdout)).toEqual(["s1", "s3", "s4"]);
    const d = lines(readFileSync(dups, "utf8"));
    expect(d).toEqual([expect.objectContaining({ id: "s2", dup_of: "s1", method: "semantic" })]);
    expect(d[0]!.similarity).toBeGreaterThan(0.99);
    expect(res.stderr).toContain("duplicate:semantic: 1");
    // A lower threshold also catches the paraphrase with two words changed.
    const loose = await run("dedup", ["--method", "exact,near,semantic", "--model", model, "--offline", "-t", "near=0.8,semantic=0.6"], input);
    expect(ids(loose.stdout)).toEqual(["s1", "s3"]);
    const missing = await run("dedup", ["--method", "semantic", "--model", "no/such-model", "--offline"], input);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("remote models are disallowed");
  });

  describe("--embed-url: an OpenAI-compatible endpoint (the fake server)", () => {
    let server: FakeLlm;
    beforeAll(async () => {
      server = await startFakeLlm({ seed: 1 });
    });
    afterAll(async () => server?.close());

    it("drops records whose embeddings match, asks in --batch sized requests, never shows the key", async () => {
      // The fake server's embeddings are a hash of the text: same text, same vector.
      const input = ndjson([dlg("e1", "hello there"), dlg("e2", "something else"), dlg("e3", "hello there"), dlg("e4", "a third text")]);
      const cache = join(dir, "embed-cache");
      const args = ["--method", "semantic", "--embed-url", server.url, "--embed-model", "fake-embed", "--batch", "2", "--embed-cache", cache, "--retries", "1"];
      const res = await run("dedup", args, input, { OPENAI_API_KEY: "sk-test-secret-123" });
      expect(res.code, res.stderr).toBe(0);
      expect(ids(res.stdout)).toEqual(["e1", "e2", "e4"]);
      expect(server.stats().byPath["/embeddings"]).toBe(2);
      expect(res.stdout + res.stderr).not.toContain("sk-test-secret-123");
      // The cache answers a rerun without a request.
      await run("dedup", args, input);
      expect(server.stats().byPath["/embeddings"]).toBe(2);
      expect(existsSync(cache)).toBe(true);
    });

    it("--llm-config: the LLM layer's settings file", async () => {
      const cfg = join(dir, "llm.json");
      writeFileSync(cfg, JSON.stringify({ apiKeyEnv: "DEDUP_TEST_KEY", timeout: 30 }));
      const input = ndjson([dlg("g1", "same words"), dlg("g2", "same words")]);
      const ok = await run("dedup", ["--method", "semantic", "--embed-url", server.url, "--llm-config", cfg], input, { DEDUP_TEST_KEY: "sk-from-config-env" });
      expect(ok.code, ok.stderr).toBe(0);
      expect(ids(ok.stdout)).toEqual(["g1"]);
      writeFileSync(cfg, "{not json");
      const bad = await run("dedup", ["--method", "semantic", "--embed-url", server.url, "--llm-config", cfg], input);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("is not valid JSON");
    });

    it("a server that keeps failing fails the records (exit 4), it does not lose them", async () => {
      const res = await run("dedup", ["--method", "semantic", "--embed-url", "http://127.0.0.1:9/v1", "--retries", "0", "--errors", join(dir, "emb-errors.ndjson")], ndjson([dlg("f1", "hello")]));
      expect(res.code).toBe(4);
      expect(lines(readFileSync(join(dir, "emb-errors.ndjson"), "utf8"))[0]).toMatchObject({ kind: "embedding_failed" });
    });
  });
});
