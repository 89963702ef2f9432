import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { formatSchemas } from "./format-schemas.js";

const dir = join(import.meta.dirname, "..", "schemas");

describe("format JSON Schemas", () => {
  it("are checked in and up to date (regenerate: pnpm --filter @chatmill/export gen:schemas)", () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".schema.json")).sort();
    expect(files).toEqual(formatSchemas.map(([n]) => `${n}.schema.json`).sort());
    for (const [name, schema] of formatSchemas) {
      expect(readFileSync(join(dir, `${name}.schema.json`), "utf8")).toBe(`${JSON.stringify(schema, null, 2)}\n`);
    }
  });
  it("compile in strict mode", () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    for (const [, schema] of formatSchemas) expect(() => ajv.compile(schema)).not.toThrow();
  });
});
