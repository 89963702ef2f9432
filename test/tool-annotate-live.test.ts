// tool-annotate --backend replay|live --cassette FILE (issue #21): dialogues simulated against the
// shop API (packages/pack/fixtures/shop-api.mjs, started here on 127.0.0.1) with a pack that ships
// no rows, as the openapi example makes it. Over the pack's own tables their creates and cancels
// name rows the tables never held (not_found); on the backend's recorded answers they are graded
// as the API answered, the same with the server stopped as against it live.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeShopPack, startShopApi, stopShopApi, type ShopServer } from "./helpers/shop-api.js";
import { bin, lines, sh } from "./helpers/spawn.js";

const KEY = "sk-annotate-93be01";
const env = { SHOP_API_KEY: KEY };
const tool = (t: string) => `'${process.execPath}' '${bin(t)}'`;

type Alternative = { ok: boolean; call?: { name: string; arguments: Record<string, unknown> }; error?: { type: string } };
type Call = { id: string; inferred?: boolean; name: string; arguments: Record<string, unknown>; grade: { ok: boolean; notes?: string[] }; alternatives: Alternative[] };
type Message = { role: string; tool_calls?: Call[]; tool_call_id?: string; ok?: boolean; injected?: string; content?: unknown };

/** Every graded call the dialogue made (not one tool-annotate inferred) with the tool message it recorded. */
function gradedCalls(dialogues: Array<Record<string, unknown>>): Array<{ call: Call; recorded: Message | undefined }> {
  return dialogues.flatMap((d) => {
    const messages = d.messages as Message[];
    return messages.flatMap((m) => (m.tool_calls ?? []).filter((call) => !call.inferred).map((call) => ({ call, recorded: messages.find((t) => t.role === "tool" && t.tool_call_id === call.id) })));
  });
}

const notFound = (c: Call) => (c.grade.notes ?? []).some((n) => n.startsWith("not_found"));
const writes = (c: Call) => c.name === "createOrder" || c.name === "cancelOrder";

describe("tool-annotate --backend", () => {
  let server: ShopServer;
  let pack: string;
  const dir = mkdtempSync(join(tmpdir(), "chatmill-annotate-live-"));
  const cassette = `${dir}/run.cassette.ndjson`;
  const annotate = (flags: string, e: NodeJS.ProcessEnv = {}, input = `${dir}/live.ndjson`) => sh(`${tool("tool-annotate")} --domain '${pack}' ${flags} < '${input}'`, e);

  beforeAll(async () => {
    server = await startShopApi(KEY);
    pack = await makeShopPack(server, {}, false);
    // Scenarios planned over the items the API lists; dialogues against the API, recorded.
    const made = await sh(
      `${tool("persona-sample")} -n 60 --seed 11 --domain '${pack}' | ${tool("scenario-gen")} --domain '${pack}' --seed 11 --backend record --cassette '${dir}/plan.cassette.ndjson' > '${dir}/scenarios.ndjson' && ${tool("dialogue-sim")} --domain '${pack}' --seed 11 --backend record --cassette '${cassette}' < '${dir}/scenarios.ndjson' > '${dir}/live.ndjson'`,
      env,
    );
    expect(made.code, made.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await stopShopApi(server);
  });

  it("graded on the backend's answers: creates and cancels as the API answered them, live and replayed (server stopped) alike; over the tables they are not_found, with a warning", async () => {
    const dialogues = lines(readFileSync(`${dir}/live.ndjson`, "utf8"));
    expect(dialogues).toHaveLength(60);

    // Over the pack's tables (no --backend): the live creates and cancels are not_found, and it is said.
    const overTables = await annotate("");
    expect(overTables.code, overTables.stderr).toBe(0);
    expect(overTables.stderr).toMatch(/warning: pack '.*' answers from a live backend, and no --backend was given: its calls are graded over the pack's own tables/);
    expect(overTables.stderr).toContain("live dialogues over the pack's tables 60");
    const before = gradedCalls(lines(overTables.stdout));
    expect(before.filter((c) => writes(c.call) && notFound(c.call)).length).toBeGreaterThan(5);

    const live = await annotate("--backend live", env);
    expect(live.code, live.stderr).toBe(0);
    expect(live.stderr).toMatch(/tool-annotate: read 5 items rows from the backend through listItems/);
    expect(live.stderr).not.toContain("warning");

    await stopShopApi(server);
    const replayed = await annotate(`--backend replay --cassette '${cassette}'`);
    expect(replayed.code, replayed.stderr).toBe(0);
    // Replayed with no server and no key: the same grades, byte for byte.
    expect(replayed.stdout).toBe(live.stdout);
    const annotated = lines(replayed.stdout);
    expect(annotated).toHaveLength(60);

    const after = gradedCalls(annotated);
    expect(after.length).toBe(before.length);
    // Every call the backend answered is graded as it answered: ok exactly when the API's answer was.
    let answered = 0;
    for (const { call, recorded } of after) {
      if (!recorded || recorded.injected === "timeout" || recorded.injected === "server_error") continue;
      expect(call.grade.ok, `${call.name} ${JSON.stringify(call.arguments)}: ${call.grade.notes?.[0]}`).toBe(recorded.ok !== false);
      answered++;
    }
    expect(answered).toBeGreaterThan(100);
    expect(after.filter((c) => notFound(c.call))).toEqual([]);
    const okWrites = (name: string) => after.filter((c) => c.call.name === name && c.call.grade.ok).length;
    expect(okWrites("createOrder")).toBeGreaterThan(0);
    expect(okWrites("cancelOrder")).toBeGreaterThan(0);
    // A cancel names the order by the backend's id ("o1"), which the pack's tables never made.
    for (const { call } of after.filter((c) => c.call.name === "cancelOrder")) expect(String(call.arguments.orderId)).toMatch(/^o\d+$/);
    // Alternatives run over the tables on the state the backend was in (its items, explored; its
    // orders, under its ids), never sent: each item of the API they name is found.
    const alternatives = after.flatMap((c) => c.call.alternatives);
    const itemReads = alternatives.filter((a) => a.call?.name === "getItem" && /^i[1-5]$/.test(String(a.call.arguments.itemId)));
    expect(itemReads.length).toBeGreaterThan(5);
    expect(itemReads.filter((a) => !a.ok)).toEqual([]);
    expect(alternatives.filter((a) => a.error?.type === "no_backend")).toEqual([]);
  }, 120_000);

  it("a request the cassette lacks fails that dialogue as replay_miss, naming the request (dead letters), not the run", async () => {
    // The cassette's first lines only: the exploring read and the first dialogues.
    const head = `${dir}/head.cassette.ndjson`;
    writeFileSync(head, readFileSync(cassette, "utf8").split("\n").slice(0, 30).join("\n"));
    const r = await annotate(`--backend replay --cassette '${head}' --on-error skip --errors '${dir}/dead.ndjson'`);
    expect(r.code, r.stderr).toBe(0);
    const dead = lines(readFileSync(`${dir}/dead.ndjson`, "utf8"));
    expect(dead.length).toBeGreaterThan(0);
    expect(dead[0]).toMatchObject({ kind: "replay_miss", reason: expect.stringMatching(/^replay miss: no answer in the cassette '.*head\.cassette\.ndjson' for (GET|POST|DELETE) http:\/\/127\.0\.0\.1:\d+\/\S+/) });
    expect(lines(r.stdout).length + dead.length).toBe(60);
    expect(r.stderr).toMatch(/failed \d+ \(replay_miss: \d+\)/);
    // Without --on-error skip a failed record is the run's exit status 4, as in every tool.
    const strict = await annotate(`--backend replay --cassette '${head}' --errors '${dir}/dead2.ndjson'`);
    expect(strict.code).toBe(4);
  }, 60_000);

  it("the flags that cannot work are usage errors (exit 2); a missing secret stops the run (exit 5)", async () => {
    for (const [flags, said] of [
      ["--backend record --cassette x.ndjson", /--backend/],
      ["--cassette x.ndjson", /--cassette needs --backend replay \(to read it\)/],
      ["--backend replay", /--backend replay needs --cassette FILE/],
      ["--backend live --cassette x.ndjson", /--cassette needs --backend replay \(to read it\)/],
      ["--backend replay --cassette /nonexistent.ndjson", /the cassette '\/nonexistent.ndjson' does not exist: record it first with dialogue-sim --backend record/],
    ] as const) {
      const r = await annotate(flags, {}, "/dev/null");
      expect(r.code, flags).toBe(2);
      expect(r.stderr).toMatch(said);
    }
    // Live with no key: exploring the pack cannot send its first request.
    const r = await annotate("--backend live", { SHOP_API_KEY: "" });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain("SHOP_API_KEY, which is not set");
  }, 60_000);
});
