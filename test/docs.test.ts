import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderToolDocs, toolBins } from "../scripts/tool-docs.js";
import { root } from "./helpers/spawn.js";

describe("docs", () => {
  it("docs/tools.md is the tools' real --help (run `npx tsx scripts/tool-docs.ts` after changing a spec)", () => {
    expect(readFileSync(`${root}docs/tools.md`, "utf8")).toBe(renderToolDocs());
  });

  it("the README has a section for every tool, and every flag it mentions exists in that tool's --help", () => {
    const readme = readFileSync(`${root}README.md`, "utf8");
    const docs = readFileSync(`${root}docs/tools.md`, "utf8");
    for (const [tool] of toolBins()) {
      const section = readme.split(/^### /m).find((s) => s.startsWith(`${tool}\n`));
      expect(section, `README.md has no '### ${tool}' section`).toBeDefined();
      const help = docs.split(/^## /m).find((s) => s.startsWith(`${tool}\n`)) ?? "";
      // Only the flags given to this tool count: pipelines in a section call other tools too.
      const segments = section!.split("\n").flatMap((line) => line.split(/\||&&|;/)).map((seg) => seg.trim());
      for (const seg of segments.filter((seg) => seg.split(/\s+/)[0] === tool)) {
        for (const flag of seg.match(/(?<![\w-])--[a-z][a-z0-9-]*/g) ?? []) {
          expect(help, `README mentions ${flag} for ${tool}, but its --help does not`).toContain(flag);
        }
      }
    }
  });
});
