import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allJsonSchemas } from "@chatmill/schema";
import { root } from "./helpers/spawn.js";

describe("schemas/", () => {
  it("matches the zod definitions (run `pnpm gen:schemas` after changing them)", () => {
    const generated = allJsonSchemas();
    for (const [name, schema] of Object.entries(generated)) {
      const onDisk = JSON.parse(readFileSync(`${root}schemas/${name}`, "utf8"));
      expect(onDisk, `schemas/${name} is stale: run pnpm gen:schemas`).toEqual(schema);
    }
  });

  it("gives every schema file an $id", () => {
    for (const file of readdirSync(`${root}schemas`).filter((f) => f.endsWith(".json"))) {
      const schema = JSON.parse(readFileSync(`${root}schemas/${file}`, "utf8"));
      expect(schema.$id, file).toMatch(/^https:\/\/chatmill\.dev\/schemas\//);
    }
  });
});
