// Every shell example in README.md runs here (jq runs its manual as tests; a README
// example that is not run will rot). Set-up blocks (pnpm) are what CI itself runs.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeLlm, type FakeLlm } from "@chatmill/fake-llm";
import { root, sh } from "./helpers/spawn.js";

const blocks = [...readFileSync(`${root}README.md`, "utf8").matchAll(/```sh\n([\s\S]*?)```/g)]
  .map((m) => m[1]!)
  .filter((code) => !code.includes("pnpm"));

let dir: string;
let server: FakeLlm;

beforeAll(async () => {
  // A folder beside a link to shared/, so paths written relative to the repo work.
  const base = mkdtempSync(join(tmpdir(), "chatmill-readme-"));
  symlinkSync(join(root, "..", "shared"), join(base, "shared"));
  dir = join(base, "work");
  mkdirSync(dir);
  const made = await sh(
    `cd ${dir} && persona-sample -n 8 --domain retail --seed 1 -q > personas.ndjson && scenario-gen -q personas.ndjson > scenarios.ndjson` +
      ` && dialogue-sim -q scenarios.ndjson > dialogues.ndjson && tool-annotate -q dialogues.ndjson > annotated.ndjson`,
  );
  expect(made.code, made.stderr).toBe(0);
  // The README's LLM examples talk to $OPENAI_BASE_URL: here, the project's fake server.
  server = await startFakeLlm({});
}, 300_000);

afterAll(async () => server?.close());

describe("README.md shell examples", () => {
  it("has examples to run", () => expect(blocks.length).toBeGreaterThan(10));
  for (const [i, code] of blocks.entries()) {
    it(`block ${i + 1}: ${code.split("\n")[0]!.slice(0, 70)}`, async () => {
      // As a user types it: `set -e`, no pipefail (`| head` is normal use), and a time limit
      // so a background server left by a failed line cannot hang the test.
      const file = join(dir, `block-${i + 1}.sh`);
      writeFileSync(file, `set -e\n${code}`);
      const r = await sh(`cd ${dir} && set +o pipefail && timeout 100 bash ${file}`, { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: "test-key" });
      expect(r.code, `${code}\n--- stderr:\n${r.stderr}`).toBe(0);
    }, 300_000);
  }
});
