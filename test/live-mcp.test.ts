// Tools that run on an MCP server (issue #21): the `mcp` op's results and errors, a hung call
// cut at the timeout, per-dialogue reset (an MCP tool) and read-only mode, record → replay with
// no server, secrets, a server that does not start, the streamable HTTP transport, and the
// whole path `chatmill-pack from-mcp` → scenario-gen → dialogue-sim record/replay → to-sft.
// The server is packages/pack/fixtures/mcp-server.mjs (built with the official SDK): over stdio
// the session's worker starts it; over HTTP the test runs it as a child process on 127.0.0.1
// (the tool runtime blocks this thread while a call is out, so the server cannot share it).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { createSession, LiveBackend, loadPackFile, McpServerError, MissingSecretError, PackError, ReplayMissError, type CassetteEntry, type McpAnswer } from "@chatmill/domains";
import { bin, lines, root, sh } from "./helpers/spawn.js";
import { confirmDeskPack } from "../packages/pack/fixtures/desk-pack.mjs";

const SECRET = "desk-token-5c81e0a7";
const SERVER = `${root}packages/pack/fixtures/mcp-server.mjs`;
const node = process.execPath;
const env = { DESK_TOKEN: SECRET };
const stdio = { command: node, args: [SERVER], env: { DESK_TOKEN: { env: "DESK_TOKEN" } } };

const str = { type: "string" };
/** The desk's tools as a pack declares them, each a bare `mcp` op (name → [role, parameters, extra run fields]). */
const TOOLS: Record<string, [string, Record<string, unknown>, Record<string, unknown>?]> = {
  search_tickets: ["search", { query: str, state: { type: "string", enum: ["open", "closed"] } }],
  get_ticket: ["lookup", { ticket_id: str }],
  open_ticket: ["act", { title: str, priority: { type: "integer" } }],
  close_ticket: ["act", { ticket_id: str }],
  whoami: ["lookup", {}],
  stall: ["lookup", { ms: { type: "integer" } }, { timeout_ms: 300 }],
  crash: ["lookup", {}],
  // The pack's name for a tool the server calls `search_tickets`, whose `words` argument is the server's `query`.
  find: ["search", { words: str }, { tool: "search_tickets", args: { query: "words" } }],
  missing_tool: ["lookup", {}, { tool: "no_such_tool" }],
};

/** A pack whose tools run on the MCP server `desk`; `live` adds to (or replaces) its live section. */
function deskPack(dir: string, server: Record<string, unknown>, live: Record<string, unknown> = {}, name = "desk"): string {
  const file = join(dir, `${name}.json`);
  const pack = {
    name: "desk",
    version: "1",
    description: "a ticket desk on an MCP server",
    services: [{ name: "desk", categories: ["c"] }],
    general_categories: [],
    intents: ["ask"],
    categories: { c: { task: "info" } },
    database: { tables: { tickets: { key: "id", rows: [] } } },
    live: { mcp: { desk: server }, reset: { server: "desk", tool: "reset_desk" }, ...live },
    tools: Object.entries(TOOLS).map(([tool, [role, properties, run]]) => ({
      type: "function",
      function: { name: tool, parameters: { type: "object", properties, additionalProperties: false } },
      role,
      ...(role === "act" ? { changes: [{ table: "tickets", change: "create" }] } : {}),
      run: { op: "mcp", server: "desk", tool, ...run },
    })),
  };
  writeFileSync(file, JSON.stringify(pack));
  return file;
}

/** Starts the desk over streamable HTTP; resolves with its URL once it prints it. */
function startHttpServer(): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [SERVER, "--http"], { env: { ...process.env, DESK_TOKEN: SECRET }, stdio: ["ignore", "pipe", "inherit"] });
    child.on("error", reject);
    child.once("exit", (code) => reject(new Error(`the MCP server exited (${code}) before printing its URL`)));
    createInterface({ input: child.stdout! }).once("line", (url) => resolve({ child, url }));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

const content = (r: { content: string }) => JSON.parse(r.content);

describe("the mcp op (stdio server)", () => {
  const tmp = mkdtempSync(join(tmpdir(), "chatmill-mcp-"));
  const packFile = deskPack(tmp, stdio);
  const backend = new LiveBackend({ mode: "live", env });
  afterAll(() => backend.close());

  it("tools answer with the server's results and its errors; each session starts from the reset tool", () => {
    const domain = loadPackFile(packFile);
    const s = createSession(domain, { backend });
    // structuredContent is the result as it is.
    const open = s.call({ name: "search_tickets", arguments: { state: "open" } });
    expect(open.ok).toBe(true);
    expect(open.data).toEqual({
      results: [
        { id: "t1", title: "Printer jams on tray 2", state: "open", priority: 2, tags: ["hardware"] },
        { id: "t2", title: "VPN drops every hour", state: "open", priority: 1, tags: ["network"] },
      ],
    });
    // A text part that is JSON is parsed; `args` renames an argument and `tool` names the server's tool.
    expect(s.call({ name: "get_ticket", arguments: { ticket_id: "t3" } }).data).toEqual({ id: "t3", title: "Reset my password", state: "closed", priority: 3, tags: ["account"] });
    expect(s.call({ name: "find", arguments: { words: "vpn" } }).data).toEqual({ results: [{ id: "t2", title: "VPN drops every hour", state: "open", priority: 1, tags: ["network"] }] });
    // isError: the type and message from the content, or tool_error with the text.
    expect(s.call({ name: "get_ticket", arguments: { ticket_id: "t9" } }).error).toEqual({ type: "tool_error", message: "no ticket t9" });
    expect(s.call({ name: "close_ticket", arguments: { ticket_id: "t9" } }).error).toEqual({ type: "not_found", message: "no ticket t9" });
    expect(s.call({ name: "close_ticket", arguments: { ticket_id: "t3" } }).error).toEqual({ type: "conflict", message: "ticket t3 is already closed" });
    // A JSON-RPC error (the server has no such tool) is an error result with its code.
    expect(s.call({ name: "missing_tool", arguments: {} }).error).toEqual({ type: "bad_arguments", message: "Tool no_such_tool not found", code: -32602 });
    // State on the server: a ticket opened stays until the next dialogue's reset.
    expect(s.call({ name: "open_ticket", arguments: { title: "Monitor flickers" } }).data).toEqual({ id: "t4", title: "Monitor flickers", state: "open", priority: 2, tags: [] });
    expect(s.call({ name: "get_ticket", arguments: { ticket_id: "t4" } }).ok).toBe(true);
    const next = createSession(domain, { backend });
    expect(next.call({ name: "get_ticket", arguments: { ticket_id: "t4" } }).error?.type).toBe("tool_error");
    expect(next.call({ name: "open_ticket", arguments: { title: "Again" } }).data).toMatchObject({ id: "t4" });
  });

  it("a hung call is cut at the tool's timeout and becomes a timeout result; the connection stays usable", () => {
    const s = createSession(loadPackFile(packFile), { backend });
    const t0 = Date.now();
    expect(s.call({ name: "stall", arguments: { ms: 60_000 } }).error).toEqual({ type: "timeout", message: "stall did not respond within 0.3 s; try again." });
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(s.call({ name: "get_ticket", arguments: { ticket_id: "t1" } }).ok).toBe(true);
  });

  it("a server that exits mid-run makes that call unavailable; the next call starts it again", () => {
    // Its own server (other settings, so another connection): the other tests' server stays up.
    const s = createSession(loadPackFile(deskPack(tmp, { ...stdio, env: { ...stdio.env, DESK_ROLE: "crash-test" } }, {}, "crash")), { backend });
    expect(s.call({ name: "open_ticket", arguments: { title: "Lost with the server" } }).ok).toBe(true);
    const crashed = s.call({ name: "crash", arguments: {} }).error;
    expect(crashed?.type).toBe("unavailable");
    // What it wrote on stderr follows when it arrived before the exit (the usual case).
    expect(crashed?.message).toMatch(/^crash could not reach its backend \(the server closed the connection( \(it wrote on stderr: desk: crashed on purpose\))?\); try again later\.$/);
    expect(s.call({ name: "get_ticket", arguments: { ticket_id: "t4" } }).error?.type).toBe("tool_error"); // a new server, with the first three tickets
    expect(s.call({ name: "get_ticket", arguments: { ticket_id: "t1" } }).ok).toBe(true);
  });

  it("read_only refuses act tools without calling the server; no backend, no call", () => {
    const s = createSession(loadPackFile(deskPack(tmp, stdio, { read_only: true }, "ro")), { backend });
    expect(s.call({ name: "open_ticket", arguments: { title: "Should not exist" } }).error).toEqual({
      type: "read_only",
      message: "open_ticket changes data, and this backend is read-only for dialogues (the pack's live.read_only); nothing was sent.",
    });
    expect(content(s.call({ name: "search_tickets", arguments: {} })).results).toHaveLength(3); // nothing was opened
    const none = createSession(loadPackFile(packFile));
    expect(none.call({ name: "get_ticket", arguments: { ticket_id: "t1" } }).error?.type).toBe("no_backend");
  });

  it("secrets: sent to the server as its environment, never in a result, a cassette or an error", () => {
    const cassette = join(tmp, "whoami.ndjson");
    const rec = new LiveBackend({ mode: "record", cassette, env });
    const me = createSession(loadPackFile(packFile), { backend: rec }).call({ name: "whoami", arguments: {} });
    expect(me.data).toEqual({ token: "[redacted]" }); // the server got the token and echoed it
    expect(readFileSync(cassette, "utf8")).not.toContain(SECRET);
    // Another server (its own settings): the variable is read when it starts.
    const unset = new LiveBackend({ mode: "live", env: {} });
    const other = deskPack(tmp, { ...stdio, env: { DESK_TOKEN: { env: "DESK_TOKEN_UNSET" } } }, {}, "unset");
    expect(() => createSession(loadPackFile(other), { backend: unset })).toThrow(MissingSecretError);
    expect(() => createSession(loadPackFile(other), { backend: unset })).toThrow(/variable DESK_TOKEN takes its value from the environment variable DESK_TOKEN_UNSET, which is not set/);
  });

  it("a server that does not start stops with McpServerError, saying why (what it wrote on stderr, no such command)", () => {
    const dying = deskPack(tmp, { command: node, args: ["-e", `console.error('desk: no config file; token ' + process.env.DESK_TOKEN); process.exit(1)`], env: { DESK_TOKEN: { env: "DESK_TOKEN" } } }, {}, "dying");
    const err = (() => {
      try {
        createSession(loadPackFile(dying), { backend });
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(McpServerError);
    expect(err!.message).toMatch(/^the MCP server 'desk' \(.* -e .*\) could not be reached: .*; it wrote on stderr: desk: no config file; token \[redacted\]; check live\.mcp\.desk in the pack$/);
    expect(err!.message).not.toContain(SECRET);
    // A server that starts and never answers the handshake is cut at live.timeout_ms.
    const silent = deskPack(tmp, { command: node, args: ["-e", "setTimeout(() => {}, 60000)"] }, { timeout_ms: 300 }, "silent");
    expect(() => createSession(loadPackFile(silent), { backend })).toThrow(/^the MCP server 'desk' \(.*\) could not be reached: .*timed out/);
    const nowhere = deskPack(tmp, { command: "chatmill-no-such-server" }, {}, "nowhere");
    expect(() => createSession(loadPackFile(nowhere), { backend })).toThrow(/could not be reached: no such command \(chatmill-no-such-server: ENOENT\)/);
  });

  it("record, then replay byte-identical with no server (its command gone); a call it lacks is a ReplayMissError naming it", () => {
    const cassette = join(tmp, "run.ndjson");
    const calls = [
      { name: "search_tickets", arguments: { state: "open" } },
      { name: "open_ticket", arguments: { title: "Laptop fan loud", priority: 1 } },
      { name: "search_tickets", arguments: { state: "open" } }, // the same call, another answer
      { name: "close_ticket", arguments: { ticket_id: "t3" } },
      { name: "stall", arguments: { ms: 60_000 } },
    ];
    const rec = new LiveBackend({ mode: "record", cassette, env });
    const dialogues = [0, 1].map(() => {
      const s = createSession(loadPackFile(packFile), { backend: rec });
      return calls.map((c) => s.call(c).content);
    });
    expect(dialogues[1]).toEqual(dialogues[0]); // each dialogue started from the reset
    expect(content({ content: dialogues[0]![2]! }).results).toHaveLength(3);
    rec.close();
    const entries = lines(readFileSync(cassette, "utf8")) as unknown as CassetteEntry[];
    expect(entries).toHaveLength(12);
    expect(entries[0]).toMatchObject({ request: { mcp: "desk", tool: "reset_desk", arguments: {} }, after: "start", n: 1, answer: { result: { content: [{ type: "text", text: "reset" }] } } });
    expect(entries[5]!.answer).toEqual({ error: "timeout" });

    const gone = deskPack(tmp, { command: "/nonexistent/mcp-server" }, {}, "gone");
    const play = new LiveBackend({ mode: "replay", cassette, env: {} });
    const s = createSession(loadPackFile(gone), { backend: play });
    expect(calls.map((c) => s.call(c).content)).toEqual(dialogues[0]);
    expect(() => s.call({ name: "get_ticket", arguments: { ticket_id: "t2" } })).toThrow(ReplayMissError);
    expect(() => s.call({ name: "get_ticket", arguments: { ticket_id: "t2" } })).toThrow(`for the MCP call get_ticket on server desk with arguments {"ticket_id":"t2"} (it was never recorded)`);
  });

  it("the loader refuses an mcp tool naming an undeclared server or argument, and a reset on an undeclared server", () => {
    const pack = JSON.parse(readFileSync(packFile, "utf8"));
    const write = (p: unknown) => {
      const f = join(tmp, "bad.json");
      writeFileSync(f, JSON.stringify(p));
      return f;
    };
    const badServer = structuredClone(pack);
    badServer.tools[0].run.server = "desks";
    expect(() => loadPackFile(write(badServer))).toThrow(PackError);
    expect(() => loadPackFile(write(badServer))).toThrow(/tools\[0\]\.run\.server: no MCP server 'desks' in live\.mcp \(it has: desk\)/);
    const badArg = structuredClone(pack);
    badArg.tools[6].run.args = { query: "text" };
    expect(() => loadPackFile(write(badArg))).toThrow(/tools\[6\]\.run\.args\.query: argument 'text' is not declared/);
    const both = structuredClone(pack);
    both.tools[1].run = { op: "get", table: "tickets", key_arg: "ticket_id", mcp: { server: "desk", tool: "get_ticket" }, http: { method: "GET", url: "http://127.0.0.1:1/t" } };
    expect(() => loadPackFile(write(both))).toThrow(/tools\[1\]\.run\.mcp: a run sends its call to one backend/);
    const badReset = structuredClone(pack);
    badReset.live.reset.server = "other";
    expect(() => loadPackFile(write(badReset))).toThrow(/live\.reset\.server: no MCP server 'other'/);
  });
});

describe("the mcp op over streamable HTTP (127.0.0.1, port 0)", () => {
  it("calls, reset and secret headers over HTTP; replay is identical with the server stopped", async () => {
    const tmp = mkdtempSync(join(tmpdir(), "chatmill-mcp-http-"));
    const { child, url } = await startHttpServer();
    try {
      const packFile = deskPack(tmp, { url, headers: { Authorization: { env: "DESK_TOKEN" } } });
      // The server refuses a request without the token: the secret header is sent.
      const wrong = deskPack(tmp, { url, headers: { Authorization: "not-the-token" } }, {}, "wrong");
      expect(() => createSession(loadPackFile(wrong), { backend: new LiveBackend({ mode: "live", env }) })).toThrow(/could not be reached: .*401/);
      const cassette = join(tmp, "http.ndjson");
      const rec = new LiveBackend({ mode: "record", cassette, env });
      const calls = [
        { name: "open_ticket", arguments: { title: "Badge reader dead" } },
        { name: "get_ticket", arguments: { ticket_id: "t4" } },
        { name: "close_ticket", arguments: { ticket_id: "t4" } },
        { name: "close_ticket", arguments: { ticket_id: "t4" } },
      ];
      const runs = [0, 1].map(() => {
        const s = createSession(loadPackFile(packFile), { backend: rec });
        return calls.map((c) => s.call(c));
      });
      expect(runs[0]!.map((r) => r.ok)).toEqual([true, true, true, false]);
      expect(runs[0]![3]!.error).toEqual({ type: "conflict", message: "ticket t4 is already closed" });
      expect(runs[1]!.map((r) => r.content)).toEqual(runs[0]!.map((r) => r.content)); // the reset ran over HTTP too
      rec.close();
      await stop(child);
      const play = new LiveBackend({ mode: "replay", cassette, env: {} });
      const s = createSession(loadPackFile(packFile), { backend: play });
      expect(calls.map((c) => s.call(c).content)).toEqual(runs[0]!.map((r) => r.content));
      // With the server stopped, a live call has no server to reach.
      const live = new LiveBackend({ mode: "live", env });
      expect(() => createSession(loadPackFile(packFile), { backend: live })).toThrow(/the MCP server 'desk' \(http:\/\/127\.0\.0\.1:\d+\/mcp\) could not be reached/);
      expect(readFileSync(cassette, "utf8")).not.toContain(SECRET);
    } finally {
      await stop(child);
    }
  });
});

describe("from-mcp → scenario-gen → dialogue-sim record/replay → to-sft (spawned)", () => {
  it("every tool message is the server's answer; replay with no server is byte-identical; the rows export", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chatmill-mcp-bar-"));
    const tool = (t: string, pkg = t) => `'${node}' '${bin(t, pkg)}'`;
    const made = await sh(`cd '${dir}' && ${tool("chatmill-pack", "pack")} from-mcp --out desk -- '${node}' '${SERVER}'`);
    expect(made.code, made.stderr).toBe(0);
    const file = `${dir}/desk/pack.json`;
    const pack = JSON.parse(readFileSync(file, "utf8"));
    // What from-mcp wrote: each tool calls its namesake on the server it read, started from here.
    expect(pack.tools.map((t: { run: { mcp: unknown } }) => t.run.mcp)).toEqual(["search_tickets", "get_ticket", "open_ticket", "close_ticket", "retag_ticket"].map((t) => ({ server: "ticket_desk", tool: t })));
    expect(pack.live).toEqual({ mcp: { ticket_desk: { command: node, args: [SERVER], cwd: ".." } } });
    // What the user fills in: one table of tickets (rows like the server's, for the engines to
    // plan with), the booking's modify and cancel, the reset tool.
    const search = await sh(`cd '${dir}' && ${tool("chatmill-pack", "pack")} check desk`);
    expect(search.code, search.stderr).toBe(0);
    writeFileSync(file, JSON.stringify(confirmDeskPack(pack), null, 2));

    const n = 60;
    const cassette = `${dir}/run.cassette.ndjson`;
    const gen = await sh(`${tool("persona-sample")} -n ${n} --seed 7 --domain '${file}' | ${tool("scenario-gen")} --domain '${file}' > '${dir}/scenarios.ndjson'`);
    expect(gen.code, gen.stderr).toBe(0);
    const sim = (mode: string, out: string, domain = file) => sh(`${tool("dialogue-sim")} --domain '${domain}' --seed 7 --backend ${mode} --cassette '${cassette}' < '${dir}/scenarios.ndjson' > '${dir}/${out}'`);
    const recorded = await sim("record", "live.ndjson");
    expect(recorded.code, recorded.stderr).toBe(0);
    const dialogues = lines(readFileSync(`${dir}/live.ndjson`, "utf8"));
    expect(dialogues).toHaveLength(n);

    // The cassette in dialogues (each starts at its reset): the setup calls made before the
    // conversation come first, then one answer per tool message the server saw, in order.
    const entries = lines(readFileSync(cassette, "utf8")) as unknown as Array<CassetteEntry & { answer: McpAnswer }>;
    const groups: Array<typeof entries> = [];
    for (const e of entries) {
      if ("mcp" in e.request && e.request.tool === "reset_desk") groups.push([]);
      else groups.at(-1)!.push(e);
    }
    expect(groups).toHaveLength(n);
    let compared = 0;
    dialogues.forEach((d, i) => {
      const sent = (d.messages as Array<Record<string, unknown>>).filter((m) => {
        if (m.role !== "tool") return false;
        const error = m.error as { type?: string; message?: string } | undefined;
        const injected = m.injected as string | undefined;
        const before = injected === "server_error" || (injected === "timeout" && /did not respond within/.test(error?.message ?? ""));
        return error?.type !== "bad_arguments" && !before;
      });
      const group = groups[i]!;
      const setup = group.slice(0, group.length - sent.length);
      expect(setup.length).toBeGreaterThanOrEqual(((d.meta as { setup?: unknown[] }).setup ?? []).length);
      sent.forEach((m, j) => {
        const e = group[setup.length + j]!;
        expect((e.request as { tool: string }).tool).toBe(m.name);
        if (m.injected) return; // empty / partial: a real answer, cut on purpose
        if (!("result" in e.answer)) throw new Error(`no result recorded: ${JSON.stringify(e.answer)}`);
        const r = e.answer.result;
        const said = r.structuredContent ?? JSON.parse((r.content[0] as { text: string }).text);
        const result = JSON.parse(m.content as string);
        if (r.isError) expect(result.error.message).toBe(said.message ?? said.error?.message ?? said);
        else expect(result).toEqual(said);
        compared++;
      });
    });
    expect(compared).toBeGreaterThan(n);

    // Replay: no server (its command gone from the pack), the same bytes.
    pack.live.mcp.ticket_desk.command = "/nonexistent/mcp-server";
    writeFileSync(`${dir}/desk/gone.json`, JSON.stringify(pack));
    const replayed = await sim("replay", "replay.ndjson", `${dir}/desk/gone.json`);
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(readFileSync(`${dir}/replay.ndjson`, "utf8")).toBe(readFileSync(`${dir}/live.ndjson`, "utf8"));

    // Live with no server to start: the run stops at once (exit 5) with the reason, no stack trace.
    const dead = await sh(`${tool("dialogue-sim")} --domain '${dir}/desk/gone.json' --seed 7 --backend live < '${dir}/scenarios.ndjson' > /dev/null`);
    expect(dead.code).toBe(5);
    expect(dead.stderr).toMatch(/the MCP server 'ticket_desk' \(\/nonexistent\/mcp-server .*\) could not be reached: no such command/);
    expect(dead.stderr).not.toMatch(/^\s+at /m);

    const sft = await sh(`${tool("to-sft")} < '${dir}/replay.ndjson'`);
    expect(sft.code, sft.stderr).toBe(0);
    const rows = lines(sft.stdout);
    expect(rows).toHaveLength(n);
    expect(rows.some((r) => JSON.stringify(r).includes("Printer jams on tray 2"))).toBe(true);
  }, 180_000);
});
