// Build step, run after tsc (`node dist/precompile.js`): compiles each record type's JSON
// Schema to standalone validation code in dist/compiled/<type>.cjs. A run then loads that
// code instead of ajv's compiler and compiling the schema, which took 0.3–1 s of every
// start (a third of validate's time on 50 MB of input).
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import * as standaloneModule from "ajv/dist/standalone/index.js";
import { newAjv, recordTypeSchema } from "./validator.js";

type Standalone = (ajv: ReturnType<typeof newAjv>, validate: unknown) => string;
const standaloneCode = (standaloneModule as unknown as { default: Standalone }).default;

const require = createRequire(import.meta.url);
const schemaDir = dirname(require.resolve("@chatmill/schema/json/dialogue.schema.json"));
const out = fileURLToPath(new URL("./compiled/", import.meta.url));
mkdirSync(out, { recursive: true });
for (const file of readdirSync(schemaDir).filter((f) => f.endsWith(".schema.json"))) {
  const type = file.slice(0, -".schema.json".length);
  const schema = recordTypeSchema(type);
  const ajv = newAjv(schema, true);
  writeFileSync(`${out}${type}.cjs`, standaloneCode(ajv, ajv.compile(schema)));
}
