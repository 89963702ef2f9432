// The "write your own pack" guide is built and run from its own text (issue #16's bar:
// "the wallet pack of the guide is built by a test from the guide's own text and runs").
// Its blocks are written into an empty folder in order; at the end of every step the pack
// loads with the domains loader; every call shown runs on a fresh session of the pack as
// it stands there and must return what the guide prints; every command shown runs with the
// built tools and must print what the guide prints. Spawns the built bins: build first.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSession, loadPackFile, type LoadedDomain, type TranscriptMessage } from "@chatmill/domains";
import { describe, expect, it } from "vitest";
import { applyBlock, callLines, readGuide, type GuideBlock } from "./helpers/guide.js";
import { root, sh } from "./helpers/spawn.js";

const guide = readFileSync(`${root}docs/write-a-pack.md`, "utf8");
const steps = readGuide(guide);
const packSteps = steps.filter((s) => s.title.startsWith("Step "));
const dir = mkdtempSync(join(tmpdir(), "chatmill-guide-"));

/** Every call of a block on one fresh session; with conversation lines, each call gets the transcript so far. */
function runCalls(domain: LoadedDomain, block: Extract<GuideBlock, { kind: "calls" }>): void {
  const lines = callLines(block.lines);
  const talks = lines.some((l) => l.kind === "say");
  const s = createSession(domain);
  const transcript: TranscriptMessage[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.kind === "say") {
      transcript.push(line.message);
      continue;
    }
    const asked: TranscriptMessage = { role: "assistant", content: null, tool_calls: [{ id: `call_${i}`, name: line.name, arguments: line.args }] };
    const r = talks ? s.call({ name: line.name, arguments: line.args }, { transcript: [...transcript, asked] }) : s.call({ name: line.name, arguments: line.args });
    expect(r.content, line.source).toBe(line.expected);
    transcript.push(asked, { role: "tool", tool_call_id: `call_${i}`, content: r.content, ok: r.ok });
  }
}

describe("docs/write-a-pack.md builds a pack that loads and runs", () => {
  it("has its steps, from an empty folder to the whole pipeline", () => {
    expect(packSteps.length).toBeGreaterThanOrEqual(10);
    const blocks = packSteps.flatMap((s) => s.blocks);
    expect(blocks[0]).toMatchObject({ kind: "file" });
    expect(blocks.filter((b) => b.kind === "calls").length).toBeGreaterThanOrEqual(8);
    const commands = blocks.flatMap((b) => (b.kind === "console" ? b.commands.map((c) => c.command) : []));
    for (const tool of ["chatmill-pack check", "persona-sample", "scenario-gen", "dialogue-sim"]) expect(commands.join("\n")).toContain(tool);
  });

  it("says in the text before each block which file it goes into (renderers do not show a block's header)", () => {
    for (const block of packSteps.flatMap((s) => s.blocks)) {
      if (block.kind !== "file" && block.kind !== "add") continue;
      expect(block.before, `the text before the block for ${block.file}`).toContain(`\`${block.file}\``);
      if (block.kind === "add") expect(block.before, `the text before the block for ${block.file} ${block.place}`).toMatch(new RegExp(`\`(\\S+\\.)?${block.place.split(".").pop()}\``));
    }
  });

  // One test per step, in order (vitest runs a file's tests in order): each continues the folder.
  for (const step of packSteps) {
    it(step.title, async () => {
      for (const block of step.blocks) {
        if (block.kind === "file" || block.kind === "add") applyBlock(dir, block);
        else if (block.kind === "calls") runCalls(loadPackFile(join(dir, "wallet", "pack.json")), block);
        else {
          for (const { command, output } of block.commands) {
            const r = await sh(`cd '${dir}' && ${command}`);
            expect(r.code, `${command}\n${r.stderr}`).toBe(0);
            // Tools print full paths; the guide shows them from the folder holding wallet/.
            expect(r.stdout.replaceAll(`${dir}/`, ""), command).toBe(output);
          }
        }
      }
      // Step 1 writes only the data; from step 2 on, every step leaves a pack that loads.
      if (step === packSteps[0] && !existsSync(join(dir, "wallet", "pack.json"))) return;
      const domain = loadPackFile(join(dir, "wallet", "pack.json"));
      domain.checkTools();
      expect(domain.toolSpecs.size).toBeGreaterThan(0);
    });
  }

  it("ends with the pack the guide describes: every role, money movement and policy part", () => {
    const domain = loadPackFile(join(dir, "wallet", "pack.json"));
    const pack = domain.pack;
    expect(new Set(pack.tools.map((t) => t.role))).toEqual(new Set(["lookup", "act", "handoff"]));
    expect(Object.keys(pack.database.tables).sort()).toEqual(["accounts", "customers", "transactions"]);
    expect(pack.policy?.identity?.tools).toEqual(["find_customer"]);
    expect(pack.policy?.confirm?.tools.length).toBeGreaterThan(0);
    expect(pack.policy?.handoff?.tool).toBe("transfer_to_agent");
    expect(domain.systemPrompt).toContain("Verify the customer by their email");
    // Step 10: its own words for the offline engine, with a Hindi line whose verb follows the persona's gender.
    expect(domain.wording?.en?.assistant?.offer).toEqual(["Want me to check the balance as well?"]);
    expect(domain.wording?.hi?.user?.thanks_done?.[0]).toContain("{m:सकता|f:सकती}");
  });

  it("the mistake step 10 describes is reported as the guide says", async () => {
    const said = /`check` print `([^`]+)` and exit with status (\d)/.exec(guide.replace(/\s+/g, " "));
    expect(said, "step 10 quotes check's message").not.toBeNull();
    const [, message, status] = said!;
    // The guide's mistake: the currency rule of transfer_funds names `currancy`.
    const broken = join(dir, "broken");
    cpSync(join(dir, "wallet"), broken, { recursive: true });
    const pack = JSON.parse(readFileSync(join(broken, "pack.json"), "utf8")) as { tools: { function: { name: string }; run: { require: { check: { eq?: { field?: string }[] } }[] } }[] };
    const transfer = pack.tools.find((t) => t.function.name === "transfer_funds")!;
    const rule = transfer.run.require.find((r) => r.check.eq?.[1]?.field === "currency")!;
    rule.check.eq![1]!.field = "currancy";
    writeFileSync(join(broken, "pack.json"), JSON.stringify(pack));
    const r = await sh(`cd '${dir}' && chatmill-pack check broken`);
    expect(r.code).toBe(Number(status));
    expect(r.stderr.trim().replaceAll(`${dir}/`, "")).toBe(`chatmill-pack: ${message!.replace(/^wallet\//, "broken/")}`);
  });
});

