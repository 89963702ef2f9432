// chatmill-pack as a user runs it: the built bin, its flags, its exit statuses, against the
// OpenAPI fixtures and the SDK-built MCP fixture server (stdio, and streamable HTTP on 127.0.0.1).
import { spawn } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { loadPackFile } from "@chatmill/domains";
import { bin, root, run, sh } from "./helpers/spawn.js";

const PACK = bin("chatmill-pack", "pack");
const FIXTURES = `${root}packages/pack/fixtures/`;
const PETSTORE = `${FIXTURES}petstore.yaml`;
const MCP_SERVER = `${FIXTURES}mcp-server.mjs`;
const node = process.execPath;

/** Runs chatmill-pack in `cwd` (a fresh folder by default). */
function pack(args: string[], cwd = mkdtempSync(join(tmpdir(), "chatmill-pack-"))) {
  const quoted = args.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  return sh(`cd '${cwd}' && '${node}' '${PACK}' ${quoted}`).then((r) => ({ ...r, cwd }));
}

const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at /m);

describe("chatmill-pack (spawned)", () => {
  it("--help names the subcommands and flags; --version", async () => {
    const h = await pack(["--help"]);
    expect(h.code).toBe(0);
    for (const word of ["from-openapi SPEC", "from-mcp", "check", "--out DIR", "--timeout S", "--force", "--json", "inferred"]) expect(h.stdout).toContain(word);
    expect((await pack(["--version"])).stdout).toMatch(/^chatmill-pack \d+\.\d+\.\d+\n$/);
  });

  it("bad usage exits 2 with what to do", async () => {
    for (const [args, said] of [
      [[], /give a subcommand: from-openapi, from-mcp, check/],
      [["import", "x"], /unknown subcommand 'import'/],
      [["from-openapi"], /from-openapi takes one document/],
      [["from-mcp"], /from-mcp takes a URL \(streamable HTTP\) or '-- CMD ARGS...'/],
      [["check", "a", "b"], /check takes one pack/],
      [["from-mcp", "--timeout", "soon", "http://127.0.0.1:9/mcp"], /--timeout expects a number, got 'soon'/],
      [["from-openapi", PETSTORE, "--", "node"], /'--' and a command are for from-mcp only/],
      [["from-mcp", "my-server.js"], /'my-server\.js' is not an http\(s\) URL; for a server started over stdio, give its command after '--'/],
    ] as Array<[string[], RegExp]>) {
      const r = await pack(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(said);
      expect(r.stderr).toContain("Try 'chatmill-pack --help'");
    }
  });

  it("from-openapi writes ./NAME/pack.json by default, prints its path and a summary; the loader loads it", async () => {
    const r = await pack(["from-openapi", PETSTORE]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("pet_store/pack.json\n");
    expect(r.stderr).toBe("chatmill-pack: wrote pet_store/pack.json: 4 tools (1 search, 1 lookup, 2 act), 1 service; roles, changes, services and categories are inferred: run 'chatmill-pack check pet_store' for what to confirm and fill in\n");
    const domain = loadPackFile(join(r.cwd, "pet_store/pack.json"));
    expect(domain.pack.tools.map((t) => `${t.function.name}:${t.role}`)).toEqual(["listPets:search", "createPet:act", "getPet:lookup", "delete_pets_by_petId:act"]);
    // A second import does not overwrite a pack being filled in, unless --force; -q leaves stderr empty.
    const again = await pack(["from-openapi", PETSTORE], r.cwd);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/'pet_store' is not empty; pass another --out, or --force/);
    const forced = await pack(["from-openapi", PETSTORE, "--force", "-q"], r.cwd);
    expect([forced.code, forced.stderr]).toEqual([0, ""]);
    // The skeleton is a pack the generators run on as it is.
    const run = await sh(`cd '${r.cwd}' && persona-sample -q -n 3 --domain pet_store | scenario-gen -q --domain pet_store | dialogue-sim -q --domain pet_store | wc -l`);
    expect([run.code, run.stdout.trim(), run.stderr]).toEqual([0, "3", ""]);
  });

  it("from-openapi reports an invalid document or an unreadable one with the reason, exit 3, no stack trace", async () => {
    const bad = await pack(["from-openapi", `${FIXTURES}invalid.yaml`]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/^chatmill-pack: '.*invalid\.yaml' is not a valid OpenAPI document: REQUIRED must have required property 'responses' at paths\["\/things"\]\.get/);
    expect(bad.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    const notYaml = await pack(["from-openapi", `${root}README.md`]);
    expect(notYaml.code).toBe(3);
    expect(notYaml.stderr).toMatch(/README\.md' is not (a valid OpenAPI|an OpenAPI) document/);
    const missing = await pack(["from-openapi", "nope.yaml"]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toBe("chatmill-pack: cannot read 'nope.yaml': ENOENT\n");
    for (const r of [bad, notYaml, missing]) noStack(r.stderr);
  });

  it("from-mcp -- CMD starts a stdio server, --out names the folder", async () => {
    const r = await pack(["from-mcp", "--out", "tickets", "--", node, MCP_SERVER]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("tickets/pack.json\n");
    expect(r.stderr).toContain("5 tools (1 search, 1 lookup, 3 act), 1 service");
    const pack_ = JSON.parse(readFileSync(join(r.cwd, "tickets/pack.json"), "utf8"));
    expect(pack_.tools.map((t: { role: string }) => t.role)).toEqual(["search", "lookup", "act", "act", "act"]);
    expect(pack_.source).toEqual({ mcp: `${node} ${MCP_SERVER}`, server: { name: "ticket-desk", version: "2.0.1" } });
  });

  it("from-mcp URL lists a streamable-HTTP server's tools", async () => {
    const child = spawn(node, [MCP_SERVER, "--http"], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const url = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once("line", resolve));
      const r = await pack(["from-mcp", url, "-o", "desk"]);
      expect(r.code, r.stderr).toBe(0);
      const written = JSON.parse(readFileSync(join(r.cwd, "desk/pack.json"), "utf8"));
      expect(written.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual(["search_tickets", "get_ticket", "open_ticket", "close_ticket", "retag_ticket"]);
      expect(written.source.mcp).toBe(url);
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("from-mcp: a server that exits at once, is missing or stays silent past --timeout is reported, exit 3, nothing written", async () => {
    const dies = await pack(["from-mcp", "--", node, "-e", "console.error('desk: missing DESK_URL'); process.exit(2)"]);
    expect(dies.code).toBe(3);
    expect(dies.stderr).toMatch(/^chatmill-pack: the MCP server .* closed the connection before listing its tools; it wrote on stderr: desk: missing DESK_URL\n$/);
    const missing = await pack(["from-mcp", "--", "chatmill-no-such-server"]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/chatmill-pack: the MCP server chatmill-no-such-server (could not be reached|closed the connection)/);
    const silent = await pack(["from-mcp", "--timeout", "0.5", "--", node, "-e", "setTimeout(() => {}, 60000)"]);
    expect(silent.code).toBe(3);
    expect(silent.stderr).toMatch(/did not answer within 0\.5 s\n$/);
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const refused = await pack(["from-mcp", `http://127.0.0.1:${port}/mcp`]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toBe(`chatmill-pack: the MCP server http://127.0.0.1:${port}/mcp could not be reached: fetch failed (ECONNREFUSED)\n`);
    for (const r of [dies, missing, silent, refused]) {
      noStack(r.stderr);
      expect(r.stdout).toBe("");
    }
  });

  it("check prints findings as FILE: PATH: message (or NDJSON with --json), exit 0 when the pack loads, 3 when it does not", async () => {
    const made = await pack(["from-openapi", PETSTORE, "-o", "pets"]);
    const text = await pack(["check", "pets"], made.cwd);
    expect(text.code).toBe(0);
    const lines = text.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(14);
    expect(lines[0]).toMatch(/^.*\/pets\/pack\.json: inferred\.services: services were made by the importer/);
    expect(text.stderr).toMatch(/pets\/pack\.json loads \(4 tools, 1 service\); 14 findings\n$/);
    const json = await pack(["check", "--json", "-q", "pets/pack.json"], made.cwd);
    const findings = json.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { kind: string; path: string; file: string });
    expect(findings.map((f) => f.kind).filter((k) => k !== "inferred")).toEqual(["empty_table", "no_search_fields"]);
    expect(findings[12]).toMatchObject({ path: "database.tables.pets", kind: "empty_table" });
    expect(json.stderr).toBe("");

    const broken = join(made.cwd, "broken");
    mkdirSync(broken);
    const p = JSON.parse(readFileSync(join(made.cwd, "pets/pack.json"), "utf8"));
    p.tools[0].run.table = "petz";
    writeFileSync(join(broken, "pack.json"), JSON.stringify(p));
    const r = await pack(["check", "broken"], made.cwd);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^chatmill-pack: .*broken\/pack\.json: tools\[0\]\.run\.table: no table 'petz' in database\.tables \(it has: pets\)\n$/);
    expect(r.stdout).toBe("");
    const none = await pack(["check", "no-such-pack"], made.cwd);
    expect(none.code).toBe(3);
    expect(none.stderr).toMatch(/unknown domain 'no-such-pack'/);
  });

  describe("call: a pack's tools by hand", () => {
    const LIBRARY = `${root}test/fixtures/packs/library`;
    const lines = (stdout: string) => stdout.trim().split("\n").map((l) => JSON.parse(l) as { name: string; ok: boolean; result: Record<string, unknown> });

    it("one call: the tool's JSON result on stdout", async () => {
      const r = await run(PACK, ["call", LIBRARY, "get_book", '{"book_id": "B01"}']);
      expect(r.code).toBe(0);
      expect(lines(r.stdout)).toEqual([{ name: "get_book", arguments: { book_id: "B01" }, ok: true, result: expect.objectContaining({ id: "B01", title: "Pride and Prejudice" }) }]);
    });

    it("NDJSON calls in order on one session: a hold placed, cancelled, then refused as already cancelled; a bad line is named and skipped (exit 3)", async () => {
      const place = await run(PACK, ["call", LIBRARY, "place_hold", '{"book_id": "B01", "pickup_branch": "Central Library", "patron_name": "Ana"}']);
      const id = lines(place.stdout)[0]!.result.id as string;
      expect(id).toMatch(/^H/);
      // The id a fresh session gives its first hold is the same: the session starts from the pack's data each time.
      const cancel = JSON.stringify({ name: "cancel_hold", arguments: { hold_id: id } });
      const input = [JSON.stringify({ function: { name: "place_hold", arguments: JSON.stringify({ book_id: "B01", pickup_branch: "Central Library", patron_name: "Ana" }) } }), cancel, "not a call", cancel].join("\n");
      const r = await run(PACK, ["call", LIBRARY], input);
      expect(r.code).toBe(3);
      const out = lines(r.stdout);
      expect(out.map((c) => [c.name, c.ok])).toEqual([["place_hold", true], ["cancel_hold", true], ["cancel_hold", false]]);
      expect(out[2]!.result).toMatchObject({ error: { type: "invalid_state", status: "cancelled" } });
      expect(r.stderr).toContain("line 3: not JSON");
      expect(r.stderr).toContain("3 calls run, 1 answered with an error; 1 line not a call");
    });

    it("arguments that are not JSON, and a pack that is not there, say what to do", async () => {
      const bad = await run(PACK, ["call", LIBRARY, "get_book", "B01"]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/the arguments of 'get_book' must be a JSON object/);
      const none = await run(PACK, ["call", "./no-such-pack", "get_book", "{}"]);
      expect(none.code).toBe(3);
      noStack(none.stderr);
    });
  });
});
