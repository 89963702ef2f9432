import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { loadPackFile } from "@chatmill/domains";
import { describe, expect, it } from "vitest";
import { describeMcp, listMcpTools } from "./mcp.js";
import { SourceError } from "./source-error.js";
import { writePack } from "./write-pack.js";

const SERVER = fileURLToPath(new URL("../fixtures/mcp-server.mjs", import.meta.url));
const stdio = { command: process.execPath, args: [SERVER] };

describe("MCP import", () => {
  it("lists a stdio server's tools with the SDK and infers roles from their annotations", async () => {
    const listing = await listMcpTools(stdio, 20_000);
    expect(listing.server).toEqual({ name: "ticket-desk", version: "2.0.1" });
    const api = describeMcp(listing, "node mcp-server.mjs");
    expect(api.tools.map((t) => [t.name, t.role, t.change, t.idArg, t.table])).toEqual([
      ["search_tickets", "search", undefined, undefined, "search_tickets"],
      ["get_ticket", "lookup", undefined, "ticket_id", "get_ticket"],
      ["open_ticket", "act", "create", undefined, "open_ticket"],
      ["close_ticket", "act", "cancel", "ticket_id", "close_ticket"],
      ["retag_ticket", "act", "modify", "ticketId", "retag_ticket"],
    ]);
    expect(api.tools.map((t) => t.roleReason)).toEqual([
      "readOnlyHint is true and it takes no id",
      "readOnlyHint is true and it takes an id ('ticket_id')",
      "readOnlyHint is false",
      "readOnlyHint is absent (MCP's default: the tool may change its environment)",
      "readOnlyHint is false",
    ]);
    expect(api.tools[0]!.parameters).toEqual({
      type: "object",
      properties: { query: { type: "string" }, state: { type: "string", enum: ["open", "closed"] } },
      additionalProperties: false,
    });
    expect(api.tools[3]!.changeReason).toBe("read as a cancel of 'close_ticket' because destructiveHint is true and it names a row ('ticket_id'): say which tables it really writes and how");
    expect(api.tools[1]!.source).toEqual({ mcp: { server: "node mcp-server.mjs", tool: "get_ticket", annotations: { readOnlyHint: true, openWorldHint: false } } });

    const file = writePack(api, join(mkdtempSync(join(tmpdir(), "pack-mcp-")), "tickets"));
    const domain = loadPackFile(file);
    domain.checkTools();
    const pack = JSON.parse(readFileSync(file, "utf8"));
    expect(pack.name).toBe("ticket_desk");
    expect(pack.tools.map((t: any) => t.run)).toEqual([
      { op: "search", table: "search_tickets" },
      { op: "get", table: "get_ticket", key_arg: "ticket_id" },
      { op: "create", table: "open_ticket", set: { title: { arg: "title" }, priority: { arg: "priority" } } },
      { op: "cancel", table: "close_ticket", key_arg: "ticket_id" },
      { op: "modify", table: "retag_ticket", key_arg: "ticketId", set: { tags: { arg: "tags" } } },
    ]);
    expect(pack.services).toEqual([
      {
        name: "ticket_desk",
        table: "search_tickets",
        categories: ["ticket_desk_info", "ticket_desk_create", "ticket_desk_modify", "ticket_desk_cancel"],
        booking: { create: "open_ticket", fields: ["title"] },
      },
    ]);
  });

  it("writes each tool's mcp block and the server it was read from in live.mcp (stdio: started where from-mcp ran; HTTP: the URL)", async () => {
    const api = describeMcp(await listMcpTools(stdio, 20_000), "node mcp-server.mjs");
    const base = mkdtempSync(join(tmpdir(), "pack-mcp-live-"));
    const file = writePack(api, join(base, "packs", "desk"), false, undefined, stdio);
    const pack = JSON.parse(readFileSync(file, "utf8"));
    expect(pack.tools.map((t: any) => t.run.mcp)).toEqual(["search_tickets", "get_ticket", "open_ticket", "close_ticket", "retag_ticket"].map((tool) => ({ server: "ticket_desk", tool })));
    expect(pack.tools[1].run).toMatchObject({ op: "get", table: "get_ticket", key_arg: "ticket_id" }); // the declarative part stays
    expect(pack.tools[1].inferred.run).toMatch(/^calls get_ticket on the MCP server 'ticket_desk'/);
    expect(pack.live).toEqual({ mcp: { ticket_desk: { command: process.execPath, args: [SERVER], cwd: relative(join(base, "packs", "desk"), process.cwd()) } } });
    loadPackFile(file).checkTools();

    const overHttp = JSON.parse(readFileSync(writePack(api, join(base, "http"), false, undefined, { url: "http://127.0.0.1:3000/mcp" }), "utf8"));
    expect(overHttp.live).toEqual({ mcp: { ticket_desk: { url: "http://127.0.0.1:3000/mcp" } } });
    expect(() => writePack(api, join(base, "creds"), false, undefined, { url: "http://me:pw@127.0.0.1:3000/mcp" })).toThrow(/put no credentials in the MCP server's URL/);
  });

  it("lists the same tools over streamable HTTP on 127.0.0.1", async () => {
    const child = spawn(process.execPath, [SERVER, "--http"], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).once("line", resolve);
        child.once("exit", (code) => reject(new Error(`fixture server exited ${code}`)));
      });
      const listing = await listMcpTools({ url }, 20_000);
      expect(listing.tools.map((t) => [t.name, t.annotations])).toEqual([
        ["search_tickets", { readOnlyHint: true }],
        ["get_ticket", { readOnlyHint: true, openWorldHint: false }],
        ["open_ticket", { readOnlyHint: false, destructiveHint: false }],
        ["close_ticket", { destructiveHint: true }],
        ["retag_ticket", { readOnlyHint: false, destructiveHint: false, idempotentHint: true }],
      ]);
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("reports a server that exits at once, with what it wrote, and one that is not there", async () => {
    const dying = { command: process.execPath, args: ["-e", "console.error('ticket-desk: no config file'); process.exit(1)"] };
    const err = await listMcpTools(dying, 20_000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as Error).message).toMatch(/closed the connection before listing its tools; it wrote on stderr: ticket-desk: no config file/);
    await expect(listMcpTools({ command: "chatmill-no-such-server", args: [] }, 20_000)).rejects.toThrow(/could not be reached: no such command|closed the connection/);
  });

  it("gives up on a server that does not answer within the timeout", async () => {
    const silent = { command: process.execPath, args: ["-e", "setTimeout(() => {}, 60000)"] };
    await expect(listMcpTools(silent, 300)).rejects.toThrow(/did not answer within 0\.3 s/);
  });
});
