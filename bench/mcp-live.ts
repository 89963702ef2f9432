// The `mcp` op against the test MCP server (packages/pack/fixtures/mcp-server.mjs, stdio, built
// with the official SDK), in one run:
//  1. the pipeline: chatmill-pack from-mcp → persona-sample | scenario-gen → dialogue-sim
//     --backend record, every tool message checked against the server's result in the cassette
//     (count), then --backend replay with no server (its command removed) compared byte for byte;
//  2. the cost of a call: a session's tool call through the op (synchronous, via the worker
//     thread) against a direct SDK client's callTool on its own server, the same tool and
//     arguments, calls one after another; time per call and the ratio.
// Run: npx pnpm build && npx tsx bench/mcp-live.ts [dialogues=100] [calls=500]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { createSession, LiveBackend, loadPackFile, type CassetteEntry, type McpAnswer } from "@chatmill/domains";
import { confirmDeskPack } from "../packages/pack/fixtures/desk-pack.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
// The SDK is a dependency of the packages, not of the workspace root: the baseline takes the same copy.
const fromDomains = createRequire(`${root}packages/domains/package.json`);
interface SdkClient {
  connect(transport: unknown): Promise<void>;
  callTool(params: { name: string; arguments: Record<string, unknown> }): Promise<{ isError?: boolean }>;
  close(): Promise<void>;
}
const { Client } = (await import(fromDomains.resolve("@modelcontextprotocol/sdk/client/index.js"))) as { Client: new (info: { name: string; version: string }) => SdkClient };
const { StdioClientTransport } = (await import(fromDomains.resolve("@modelcontextprotocol/sdk/client/stdio.js"))) as { StdioClientTransport: new (params: { command: string; args: string[]; stderr: "ignore" }) => unknown };
const SERVER = `${root}packages/pack/fixtures/mcp-server.mjs`;
const node = process.execPath;
const n = Number(process.argv[2] ?? 100);
const calls = Number(process.argv[3] ?? 500);
const dir = mkdtempSync(join(tmpdir(), "chatmill-bench-mcp-"));
const bin = (tool: string, pkg = tool) => `${root}packages/${pkg}/bin/${tool}.js`;
const run = (tool: string, args: string[], input?: string, pkg = tool) => execFileSync(node, [bin(tool, pkg), ...args], { cwd: dir, input, maxBuffer: 1 << 28, stdio: ["pipe", "pipe", "ignore"] }).toString("utf8");
const ndjson = (text: string) => text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);

// 1. The pipeline. The pack as from-mcp writes it, with what a user fills in: one table of
// tickets like the server's, the booking's modify and cancel, the reset tool.
run("chatmill-pack", ["from-mcp", "--out", "desk", "--", node, SERVER], undefined, "pack");
const file = `${dir}/desk/pack.json`;
const pack = JSON.parse(readFileSync(file, "utf8"));
writeFileSync(file, JSON.stringify(confirmDeskPack(pack), null, 2));

const scenarios = run("scenario-gen", ["--domain", file], run("persona-sample", ["-n", String(n), "--seed", "11", "--domain", file]));
const cassette = `${dir}/run.cassette.ndjson`;
let t = process.hrtime.bigint();
const live = run("dialogue-sim", ["--domain", file, "--seed", "11", "--backend", "record", "--cassette", cassette], scenarios);
const recordSeconds = Number(process.hrtime.bigint() - t) / 1e9;
const dialogues = ndjson(live);
const entries = ndjson(readFileSync(cassette, "utf8")) as unknown as Array<CassetteEntry & { answer: McpAnswer }>;
const groups: Array<typeof entries> = [];
for (const e of entries) {
  if ("mcp" in e.request && e.request.tool === "reset_desk") groups.push([]);
  else groups.at(-1)!.push(e);
}
let toolMessages = 0;
let equal = 0;
let injectedCut = 0;
dialogues.forEach((d, i) => {
  const sent = (d.messages as Array<Record<string, unknown>>).filter((m) => {
    if (m.role !== "tool") return false;
    const error = m.error as { type?: string; message?: string } | undefined;
    const before = m.injected === "server_error" || (m.injected === "timeout" && /did not respond within/.test(error?.message ?? ""));
    return error?.type !== "bad_arguments" && !before;
  });
  const group = groups[i]!;
  const setup = group.length - sent.length;
  sent.forEach((m, j) => {
    toolMessages++;
    if (m.injected) return void injectedCut++;
    const a = group[setup + j]!.answer;
    if (!("result" in a)) return;
    const said = a.result.structuredContent ?? JSON.parse((a.result.content[0] as { text: string }).text);
    const got = JSON.parse(m.content as string);
    const same = a.result.isError ? got.error?.message === (said.message ?? said.error?.message ?? said) : JSON.stringify(got) === JSON.stringify(sortKeys(said));
    if (same && m.name === (group[setup + j]!.request as { tool: string }).tool) equal++;
  });
});
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}
pack.live.mcp.ticket_desk.command = "/nonexistent/mcp-server";
writeFileSync(`${dir}/desk/gone.json`, JSON.stringify(pack));
t = process.hrtime.bigint();
const replay = run("dialogue-sim", ["--domain", `${dir}/desk/gone.json`, "--seed", "11", "--backend", "replay", "--cassette", cassette], scenarios);
const replaySeconds = Number(process.hrtime.bigint() - t) / 1e9;

console.log(`pipeline: ${dialogues.length} dialogues against the stdio test server, ${entries.length} MCP calls recorded (${groups.length} resets), record ${recordSeconds.toFixed(2)} s, replay with no server ${replaySeconds.toFixed(2)} s`);
console.log(`tool messages the server answered: ${toolMessages}; equal to its result in the cassette: ${equal}; cut on purpose by --failure-rate (empty/partial): ${injectedCut}; other: ${toolMessages - equal - injectedCut}`);
console.log(`replay byte-identical: ${replay === live} (${Buffer.byteLength(live)} bytes)`);

// 2. The cost of a call, op vs a direct SDK client (each with its own server, connected first).
const domain = loadPackFile(file);
const backend = new LiveBackend({ mode: "live" });
const session = createSession(domain, { backend });
const call = { name: "get_ticket", arguments: { ticket_id: "t2" } };
session.call(call); // connected by the reset already; one call to warm up
t = process.hrtime.bigint();
for (let i = 0; i < calls; i++) if (!session.call(call).ok) throw new Error("the op's call failed");
const opUs = Number(process.hrtime.bigint() - t) / 1e3 / calls;
backend.close();

const client = new Client({ name: "bench", version: "0" });
await client.connect(new StdioClientTransport({ command: node, args: [SERVER], stderr: "ignore" }));
await client.callTool({ name: "get_ticket", arguments: { ticket_id: "t2" } });
t = process.hrtime.bigint();
for (let i = 0; i < calls; i++) if ((await client.callTool({ name: "get_ticket", arguments: { ticket_id: "t2" } })).isError) throw new Error("the SDK's call failed");
const sdkUs = Number(process.hrtime.bigint() - t) / 1e3 / calls;
await client.close();
console.log(`per call (get_ticket, ${calls} calls one after another): mcp op ${opUs.toFixed(0)} µs, direct SDK client ${sdkUs.toFixed(0)} µs, ratio ${(opUs / sdkUs).toFixed(2)}x`);
if (replay !== live || equal + injectedCut !== toolMessages) process.exitCode = 1;
