// Tools that answer from a live HTTP backend (issue #21): the pack made by
// `chatmill-pack from-openapi --live`, the `http` op's results and errors, per-dialogue reset and
// read-only mode, record → replay with the server stopped, and no secret anywhere.
// The API is packages/pack/fixtures/shop-api.mjs, run as a child process on 127.0.0.1 (the tool
// runtime blocks this thread while a request is out, so the server cannot share it).
import { createServer, type AddressInfo } from "node:net";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, LiveBackend, loadPackFile, MIN_SECRET_LENGTH, MissingSecretError, PackError, ReplayMissError, ShortSecretError, type CassetteEntry, type HttpKey } from "@chatmill/domains";
import { getShop, makeShopPack, startShopApi, stopShopApi, type ShopServer } from "./helpers/shop-api.js";
import { bin, lines, root, sh } from "./helpers/spawn.js";

const SECRET = "sk-live-7f3a9c2e51";
const FIXTURES = `${root}packages/pack/fixtures/`;
const node = process.execPath;
const env = { SHOP_API_KEY: SECRET };

// The shop API and its pack: test/helpers/shop-api.ts (tool-annotate's backend test uses them too).
const startServer = () => startShopApi(SECRET);
const stopServer = stopShopApi;
const get = getShop;
const makePack = makeShopPack;
type Server = ShopServer;

/** A one-tool pack over the shop API with a raw `http` op (timeouts, 5xx, echoes). */
function opPack(dir: string, base: string, tool: Record<string, unknown>, live: Record<string, unknown> = {}): string {
  const file = join(dir, `${String(tool.name)}.json`);
  const pack = {
    name: "probe",
    version: "1",
    description: "one http tool",
    services: [{ name: "s", categories: ["c"] }],
    general_categories: [],
    intents: ["ask"],
    categories: { c: { task: "info" } },
    database: { tables: {} },
    live: { base_url: base, headers: { "X-Api-Key": { env: "SHOP_API_KEY" } }, ...live },
    tools: [{ type: "function", function: { name: tool.name, parameters: { type: "object", properties: tool.properties ?? {}, additionalProperties: false } }, role: "lookup", run: { op: "http", ...(tool.run as object) } }],
  };
  writeFileSync(file, JSON.stringify(pack));
  return file;
}

describe("live HTTP backend", () => {
  let server: Server;
  let packFile: string;
  const tmp = mkdtempSync(join(tmpdir(), "chatmill-live-"));
  beforeAll(async () => {
    server = await startServer();
    packFile = await makePack(server);
  });
  afterAll(async () => {
    await stopServer(server);
  });

  it("from-openapi --live gives each tool an http block made from the document", () => {
    const pack = JSON.parse(readFileSync(packFile, "utf8"));
    const http = Object.fromEntries(pack.tools.map((t: { function: { name: string }; run: { http: unknown } }) => [t.function.name, t.run.http]));
    expect(http).toEqual({
      listItems: { method: "GET", url: "/items", query: ["category"] },
      getItem: { method: "GET", url: "/items/{itemId}" },
      createOrder: { method: "POST", url: "/orders", body: ["item_id", "quantity"] },
      cancelOrder: { method: "DELETE", url: "/orders/{orderId}" },
    });
    expect(pack.live.base_url).toBe(server.base);
  });

  it("tools answer with the server's results and its errors; each session starts from the reset", async () => {
    const domain = loadPackFile(packFile);
    const backend = new LiveBackend({ mode: "live", env });
    const s = createSession(domain, { backend });
    const list = s.call({ name: "listItems", arguments: { category: "jackets" } });
    expect(list.ok).toBe(true);
    expect(list.data).toEqual({ results: await get(server, "/items?category=jackets") });
    expect(s.call({ name: "getItem", arguments: { itemId: "i3" } }).data).toEqual(await get(server, "/items/i3"));
    const missing = s.call({ name: "getItem", arguments: { itemId: "nope" } });
    expect(missing.error).toEqual({ type: "not_found", message: "no item nope", status: 404 });
    const order = s.call({ name: "createOrder", arguments: { item_id: "i5", quantity: 2 } });
    expect(order.data).toEqual({ id: "o1", item_id: "i5", quantity: 2, total: 38, status: "placed" });
    expect(await get(server, "/orders")).toHaveLength(1);
    // The create run's table holds the backend's row too: outcome checks and references see it.
    expect(s.rows("orders")).toEqual([{ id: "o1", item_id: "i5", quantity: 2, total: 38, status: "placed" }]);
    expect(s.writes.map((w) => `${w.op} ${w.table} ${w.key}`)).toEqual(["insert orders o1"]);
    expect(s.call({ name: "createOrder", arguments: { item_id: "i5", quantity: 0 } }).error?.type).toBe("bad_arguments"); // the schema's minimum, before sending
    expect(s.call({ name: "createOrder", arguments: { item_id: "zz" } }).error).toEqual({ type: "not_found", message: "no item zz", status: 404 });
    expect(s.call({ name: "cancelOrder", arguments: { orderId: "o1" } }).data).toMatchObject({ status: "cancelled" });
    expect(s.call({ name: "cancelOrder", arguments: { orderId: "o1" } }).error).toEqual({ type: "conflict", message: "order o1 is already cancelled", status: 409 });
    // The next dialogue's session runs the reset first: no orders left.
    createSession(domain, { backend });
    expect(await get(server, "/orders")).toEqual([]);
  });

  it("read_only refuses act tools without sending them", async () => {
    const domain = loadPackFile(await makePack(server, { read_only: true }));
    const s = createSession(domain, { backend: new LiveBackend({ mode: "live", env }) });
    expect(s.call({ name: "listItems", arguments: {} }).ok).toBe(true);
    const refused = s.call({ name: "createOrder", arguments: { item_id: "i1" } });
    expect(refused.error?.type).toBe("read_only");
    expect(await get(server, "/orders")).toEqual([]);
  });

  it("a 5xx is a server_error with the server's message; a hang is cut at the timeout; no server is unavailable", async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const backend = new LiveBackend({ mode: "live", env });
    const boom = createSession(loadPackFile(opPack(tmp, server.base, { name: "boom", run: { method: "GET", url: "/boom" } })), { backend });
    expect(boom.call({ name: "boom", arguments: {} }).error).toEqual({ type: "server_error", message: "the database is down", status: 500 });
    const slow = createSession(loadPackFile(opPack(tmp, server.base, { name: "slow", run: { method: "GET", url: "/slow", timeout_ms: 300 } })), { backend });
    expect(slow.call({ name: "slow", arguments: {} }).error).toEqual({ type: "timeout", message: "slow did not respond within 0.3 s; try again." });
    const gone = createSession(loadPackFile(opPack(tmp, `http://127.0.0.1:${closedPort}`, { name: "gone", run: { method: "GET", url: "/items" } })), { backend });
    expect(gone.call({ name: "gone", arguments: {} }).error).toMatchObject({ type: "unavailable", message: expect.stringContaining("ECONNREFUSED") });
  });

  it("live.rate_limit paces the calls with the LLM layer's limiter (a second's burst, then an even pace); a replay never waits", () => {
    const cassette = join(tmp, "paced.ndjson");
    // 300 per minute: a burst of 5, then one call every 200 ms, so 15 calls take 2 s at least.
    const file = opPack(tmp, server.base, { name: "items", run: { method: "GET", url: "/items" } }, { rate_limit: { rpm: 300 } });
    const s = createSession(loadPackFile(file), { backend: new LiveBackend({ mode: "record", cassette, env }) });
    const started = performance.now();
    for (let i = 0; i < 15; i++) expect(s.call({ name: "items", arguments: {} }).ok).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1800);
    // Replayed, the same 15 calls are answered from the cassette, with no network and no pace.
    const again = createSession(loadPackFile(file), { backend: new LiveBackend({ mode: "replay", cassette }) });
    for (let i = 0; i < 15; i++) expect(again.call({ name: "items", arguments: {} }).ok).toBe(true);
    expect(() => loadPackFile(opPack(tmp, server.base, { name: "x", run: { method: "GET", url: "/items" } }, { rate_limit: { rpm: 0 } }))).toThrow(/rate_limit/);
  });

  it("secrets: sent to the server, never in a result, a cassette or an error", () => {
    const cassette = join(tmp, "whoami.ndjson");
    const file = opPack(tmp, server.base, { name: "whoami", run: { method: "GET", url: "/whoami" } });
    const s = createSession(loadPackFile(file), { backend: new LiveBackend({ mode: "record", cassette, env }) });
    const me = s.call({ name: "whoami", arguments: {} });
    expect(me.data).toEqual({ key: "[redacted]" }); // the server got the key (else 401) and echoed it
    const text = readFileSync(cassette, "utf8");
    expect(text).toContain('"x-api-key":"{env SHOP_API_KEY}"');
    expect(text).not.toContain(SECRET);
    const unset = createSession(loadPackFile(file), { backend: new LiveBackend({ mode: "live", env: {} }) });
    expect(() => unset.call({ name: "whoami", arguments: {} })).toThrow(MissingSecretError);
    expect(() => unset.call({ name: "whoami", arguments: {} })).toThrow(/environment variable SHOP_API_KEY, which is not set/);
  });

  it("a secret too short to redact is refused before anything is sent", () => {
    // Redacting "k" from every answer would turn "jackets" into "jac[redacted]ets".
    const file = opPack(tmp, server.base, { name: "whoami", run: { method: "GET", url: "/whoami" } });
    const short = createSession(loadPackFile(file), { backend: new LiveBackend({ mode: "live", env: { SHOP_API_KEY: "k" } }) });
    expect(() => short.call({ name: "whoami", arguments: {} })).toThrow(ShortSecretError);
    expect(() => short.call({ name: "whoami", arguments: {} })).toThrow(/SHOP_API_KEY, which holds 1 character: .* at least 8 characters/);
    const long = createSession(loadPackFile(file), { backend: new LiveBackend({ mode: "live", env: { SHOP_API_KEY: "k".repeat(MIN_SECRET_LENGTH) } }) });
    expect(long.call({ name: "whoami", arguments: {} }).error).toBeDefined(); // sent: the server refuses the wrong key
  });

  it("replay answers from the cassette; a request it lacks is a ReplayMissError naming it", () => {
    const cassette = join(tmp, "lib.ndjson");
    const domain = loadPackFile(packFile);
    const rec = createSession(domain, { backend: new LiveBackend({ mode: "record", cassette, env }) });
    const calls = [
      { name: "getItem", arguments: { itemId: "i2" } },
      { name: "createOrder", arguments: { item_id: "i2" } },
      { name: "createOrder", arguments: { item_id: "i2" } },
    ];
    const live = calls.map((c) => rec.call(c).content);
    expect(JSON.parse(live[2]!).id).toBe("o2"); // the same request twice, two answers
    const play = createSession(domain, { backend: new LiveBackend({ mode: "replay", cassette, env: {} }) });
    expect(calls.map((c) => play.call(c).content)).toEqual(live);
    expect(() => play.call({ name: "getItem", arguments: { itemId: "i4" } })).toThrow(ReplayMissError);
    expect(() => play.call({ name: "getItem", arguments: { itemId: "i4" } })).toThrow(`GET ${server.base}/items/i4 (it was never recorded)`);
  });

  it("the loader refuses an http op whose URL names an undeclared argument or has no base", () => {
    const bad = opPack(tmp, server.base, { name: "bad", run: { method: "GET", url: "/items/{itemId}" } });
    expect(() => loadPackFile(bad)).toThrow(PackError);
    expect(() => loadPackFile(bad)).toThrow(/tools\[0\]\.run\.url: argument 'itemId' is not declared/);
    const pack = JSON.parse(readFileSync(bad, "utf8"));
    pack.tools[0].function.parameters.properties = { itemId: { type: "string" } };
    delete pack.live.base_url;
    writeFileSync(bad, JSON.stringify(pack));
    expect(() => loadPackFile(bad)).toThrow(/'\/items\/\{itemId\}' is relative: give the pack live.base_url/);
  });

  it("bar: 200 dialogues against the live server, every tool message the server's answer, then replay with the server stopped is byte-identical", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chatmill-live-bar-"));
    const cassette = `${dir}/run.cassette.ndjson`;
    const tools = (t: string) => `'${node}' '${bin(t)}'`;
    await sh(`${tools("persona-sample")} -n 200 --seed 5 --domain '${packFile}' | ${tools("scenario-gen")} --domain '${packFile}' > '${dir}/scenarios.ndjson'`);
    const sim = (mode: string, out: string, e: NodeJS.ProcessEnv) => sh(`${tools("dialogue-sim")} --domain '${packFile}' --seed 5 --backend ${mode} --cassette '${cassette}' < '${dir}/scenarios.ndjson' > '${dir}/${out}'`, e);
    const recorded = await sim("record", "live.ndjson", env);
    expect(recorded.code, recorded.stderr).toBe(0);
    const dialogues = lines(readFileSync(`${dir}/live.ndjson`, "utf8"));
    expect(dialogues).toHaveLength(200);

    // The cassette in dialogues: each starts at its reset. Within one, the calls made off-screen
    // before the conversation (meta.setup: the booking a cancel refers to) come first, then one
    // answer per tool message the backend saw, in order: that message must be that answer.
    const entries = lines(readFileSync(cassette, "utf8")) as unknown as Array<CassetteEntry & { request: HttpKey }>;
    const groups: Array<typeof entries> = [];
    for (const e of entries) {
      if (e.request.url === `${server.base}/reset`) groups.push([]);
      else groups.at(-1)!.push(e);
    }
    expect(groups).toHaveLength(200);
    let compared = 0;
    dialogues.forEach((d, i) => {
      const sent = (d.messages as Array<Record<string, unknown>>).filter((m) => {
        if (m.role !== "tool") return false;
        // Not sent: arguments the schema refused, an injected timeout or server error (drawn before the call).
        const error = m.error as { type?: string } | undefined;
        const injected = m.injected as string | undefined;
        return error?.type !== "bad_arguments" && injected !== "server_error" && injected !== "timeout";
      });
      const group = groups[i]!;
      const setup = group.slice(0, group.length - sent.length);
      expect(setup.length).toBeGreaterThanOrEqual(((d.meta as { setup?: unknown[] }).setup ?? []).length);
      // The setup makes the booking the task refers to, and cancels it first for a task about a
      // booking cancelled before the dialogue (a failed task by construction).
      for (const e of setup) expect([`POST ${server.base}/orders`, `DELETE ${server.base}/orders/`].some((p) => `${e.request.method} ${e.request.url}`.startsWith(p)), `${e.request.method} ${e.request.url}`).toBe(true);
      sent.forEach((m, j) => {
        const a = group[setup.length + j]!.answer;
        if (m.injected) return; // empty / partial: a real answer, cut on purpose
        if (!("status" in a)) throw new Error(`no answer recorded: ${JSON.stringify(a)}`);
        const body = JSON.parse(a.body);
        const result = JSON.parse(m.content as string);
        if (a.status >= 400) expect(result.error).toMatchObject({ message: body.message ?? body.error?.message, status: a.status });
        else expect(result).toEqual(Array.isArray(body) ? { results: body } : body);
        compared++;
      });
    });
    expect(compared).toBeGreaterThan(300); // 389 with seed 5

    await stopServer(server);
    const replayed = await sim("replay", "replay.ndjson", {});
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(readFileSync(`${dir}/replay.ndjson`, "utf8")).toBe(readFileSync(`${dir}/live.ndjson`, "utf8"));
    for (const text of [readFileSync(`${dir}/live.ndjson`, "utf8"), readFileSync(cassette, "utf8"), recorded.stderr, replayed.stderr]) expect(text).not.toContain(SECRET);

    // audit --backend replay: every call re-runs on the recorded answers, so every tool message
    // checks out and every outcome agrees; re-run over the pack's tables (no --backend), the
    // server's answers are not what the table model says.
    const audit = (flags: string) => sh(`${tools("audit")} -q ${flags} --domain '${packFile}' < '${dir}/live.ndjson'`);
    const onCassette = await audit(`--backend replay --cassette '${cassette}'`);
    expect(onCassette.code, onCassette.stderr).toBe(0);
    const reports = lines(onCassette.stdout);
    expect(reports).toHaveLength(200);
    expect(reports.filter((r) => !r.agrees).map((r) => r.issues)).toEqual([]);
    expect(reports.reduce((n, r) => n + (r.compared as number), 0)).toBeGreaterThan(300);
    const overTables = lines((await audit("")).stdout);
    expect(overTables.reduce((n, r) => n + (r.mismatched as number), 0)).toBeGreaterThan(0);
    // A cassette without the later dialogues: theirs fail as replay_miss, naming the request.
    writeFileSync(`${dir}/head.ndjson`, readFileSync(cassette, "utf8").split("\n").slice(0, 40).join("\n"));
    const partial = await audit(`--backend replay --cassette '${dir}/head.ndjson' --on-error skip --errors '${dir}/audit-errors.ndjson'`);
    expect(partial.code, partial.stderr).toBe(0);
    const missed = lines(readFileSync(`${dir}/audit-errors.ndjson`, "utf8"));
    expect(missed.length).toBeGreaterThan(0); // 76 with seed 5: a dialogue whose requests an earlier one made alike still replays
    expect(missed[0]).toMatchObject({ kind: "replay_miss", reason: expect.stringMatching(/^replay miss: no answer in the cassette/) });
    expect(lines(partial.stdout).length + missed.length).toBe(200);

    // A cassette missing the later dialogues: those records fail as replay_miss (exit 4), naming the request.
    writeFileSync(`${dir}/short.ndjson`, readFileSync(cassette, "utf8").split("\n").slice(0, 3).join("\n"));
    const short = await sh(`${tools("dialogue-sim")} --domain '${packFile}' --seed 5 --backend replay --cassette '${dir}/short.ndjson' --errors '${dir}/errors.ndjson' < '${dir}/scenarios.ndjson' > /dev/null`);
    expect(short.code).toBe(4);
    const dead = lines(readFileSync(`${dir}/errors.ndjson`, "utf8"));
    expect(dead.length).toBeGreaterThan(0);
    expect(dead[0]).toMatchObject({ kind: "replay_miss", reason: expect.stringMatching(/^replay miss: no answer in the cassette '.*short\.ndjson' for (GET|POST|DELETE) http:\/\/127\.0\.0\.1:\d+\//) });
    server = await startServer(); // afterAll stops it
  }, 120_000);

  it("a pack that ships no rows: scenario-gen and dialogue-sim --backend read them from the API; record, then replay gives the same bytes", async () => {
    const file = await makePack(server, {}, false);
    expect(loadPackFile(file).tables.get("items")!.rows).toHaveLength(0);
    const dir = mkdtempSync(join(tmpdir(), "chatmill-live-explore-"));
    const items = (await get(server, "/items")) as Array<{ id: string }>;
    const tools = (t: string) => `'${node}' '${bin(t)}'`;
    await sh(`${tools("persona-sample")} -n 30 --seed 3 --domain '${file}' > '${dir}/personas.ndjson'`);
    const gen = (mode: string, out: string, e: NodeJS.ProcessEnv) => sh(`${tools("scenario-gen")} --domain '${file}' --seed 3 --backend ${mode} --cassette '${dir}/sg.cassette' < '${dir}/personas.ndjson' > '${dir}/${out}'`, e);
    const made = await gen("record", "scenarios.ndjson", env);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toContain(`scenario-gen: read ${items.length} items rows from the backend through listItems`);
    const scenarios = lines(readFileSync(`${dir}/scenarios.ndjson`, "utf8"));
    expect(scenarios).toHaveLength(30);
    // The targets are the server's items: every order a task places is for one of them.
    const ordered = scenarios.flatMap((sc) => ((sc.task as { evaluation: { actions: Array<{ name: string; arguments: { item_id?: string } }> } }).evaluation.actions ?? []).filter((a) => a.name === "createOrder").map((a) => a.arguments.item_id));
    expect(ordered.length).toBeGreaterThan(0);
    for (const id of ordered) expect(items.map((i) => i.id)).toContain(id);

    const sim = (mode: string, out: string, e: NodeJS.ProcessEnv) => sh(`${tools("dialogue-sim")} --domain '${file}' --seed 3 --backend ${mode} --cassette '${dir}/ds.cassette' < '${dir}/scenarios.ndjson' > '${dir}/${out}'`, e);
    const simulated = await sim("record", "live.ndjson", env);
    expect(simulated.code, simulated.stderr).toBe(0);
    expect(simulated.stderr).toContain(`dialogue-sim: read ${items.length} items rows from the backend through listItems`);
    expect(lines(readFileSync(`${dir}/live.ndjson`, "utf8"))).toHaveLength(30);
    const audited = await sh(`${tools("audit")} -q --domain '${file}' --backend replay --cassette '${dir}/ds.cassette' < '${dir}/live.ndjson'`);
    expect(lines(audited.stdout).filter((r) => !r.agrees).map((r) => r.issues)).toEqual([]);

    // Replay: no secret needed, no request sent, the same bytes.
    expect((await gen("replay", "scenarios-again.ndjson", {})).code).toBe(0);
    expect(readFileSync(`${dir}/scenarios-again.ndjson`, "utf8")).toBe(readFileSync(`${dir}/scenarios.ndjson`, "utf8"));
    expect((await sim("replay", "replay.ndjson", {})).code).toBe(0);
    expect(readFileSync(`${dir}/replay.ndjson`, "utf8")).toBe(readFileSync(`${dir}/live.ndjson`, "utf8"));
    // Exploring needs the secret; without it the run stops before any scenario (exit 5).
    const noKey = await sh(`${tools("scenario-gen")} --domain '${file}' --backend live < '${dir}/personas.ndjson'`, {});
    expect(noKey.code).toBe(5);
    expect(noKey.stderr).toContain("SHOP_API_KEY, which is not set");
  }, 120_000);

  it("from-openapi --live refuses what it cannot write: not an http(s) URL, credentials in it, an MCP source", async () => {
    const packBin = `'${node}' '${bin("chatmill-pack", "pack")}'`;
    for (const [args, said] of [
      [`from-openapi '${FIXTURES}shop-api.yaml' --live ftp://host/`, /--live takes an http\(s\) URL/],
      [`from-openapi '${FIXTURES}shop-api.yaml' --live not-a-url`, /--live takes the API's base URL/],
      [`from-openapi '${FIXTURES}shop-api.yaml' --live http://me:pw@127.0.0.1:1/`, /put no credentials in the URL/],
      [`from-mcp --live http://127.0.0.1:1 -- node x.js`, /--live is for from-openapi/],
    ] as const) {
      const r = await sh(`cd '${tmp}' && ${packBin} ${args} --out '${tmp}/refused' --force`);
      expect(r.code, args).toBe(2);
      expect(r.stderr).toMatch(said);
    }
  });

  it("dialogue-sim, scenario-gen and audit: the flags that cannot work are usage errors; a missing secret stops the run (exit 5)", async () => {
    const ds = `'${node}' '${bin("dialogue-sim")}' --domain '${packFile}'`;
    for (const [flags, said] of [
      ["--backend record", /--backend record needs --cassette FILE/],
      ["--cassette x.ndjson", /--cassette needs --backend record/],
      ["--backend replay --cassette /nonexistent.ndjson", /the cassette '\/nonexistent.ndjson' does not exist/],
    ] as const) {
      const r = await sh(`${ds} ${flags} < /dev/null`);
      expect(r.code, flags).toBe(2);
      expect(r.stderr).toMatch(said);
    }
    const gen = `'${node}' '${bin("scenario-gen")}'`;
    for (const [flags, said] of [
      ["--backend live", /--backend explores one pack: give it with --domain/],
      [`--domain '${packFile}' --cassette x.ndjson`, /--cassette needs --backend record \(to write it\) or --backend replay/],
      [`--domain '${packFile}' --backend record`, /--backend record needs --cassette FILE/],
    ] as const) {
      const r = await sh(`${gen} ${flags} < /dev/null`);
      expect(r.code, flags).toBe(2);
      expect(r.stderr).toMatch(said);
    }
    const audit = `'${node}' '${bin("audit")}' --domain '${packFile}'`;
    for (const [flags, said] of [
      ["--backend record --cassette x.ndjson", /--backend/],
      ["--cassette x.ndjson", /--cassette needs --backend replay/],
      ["--backend replay", /--backend replay needs --cassette FILE/],
      ["--backend live --cassette x.ndjson", /--cassette needs --backend replay \(to read it\)/],
    ] as const) {
      const r = await sh(`${audit} ${flags} < /dev/null`);
      expect(r.code, flags).toBe(2);
      expect(r.stderr).toMatch(said);
    }
    const scenarios = await sh(`'${node}' '${bin("persona-sample")}' -n 2 --domain '${packFile}' | '${node}' '${bin("scenario-gen")}' --domain '${packFile}'`);
    const r = await sh(`${ds} --backend live <<'EOF'\n${scenarios.stdout}EOF`);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain("SHOP_API_KEY, which is not set");
  });
});
