import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { UsageError } from "@chatmill/kit";
import { Ajv2020 } from "ajv/dist/2020.js";
import { Ajv2019 } from "ajv/dist/2019.js";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import * as addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS; under NodeNext its function sits on `.default`.
type AddFormats = (ajv: Ajv | Ajv2019 | Ajv2020) => unknown;
const addFormats = (addFormatsModule as unknown as { default: AddFormats }).default;

export interface Issue {
  /** JSON pointer of the offending value ("" is the whole record). */
  path: string;
  message: string;
  /** What kind of check failed, for --report: keyword at a path with indices folded to '*'. */
  kind: string;
}

export type Check = (value: unknown) => Issue | undefined;

const require = createRequire(import.meta.url);

/** Compiles a JSON Schema once; picks the draft from its `$schema`. */
export function compileSchema(schema: Record<string, unknown>): Check {
  const draft = String(schema.$schema ?? "");
  const opts = { strict: false, allErrors: false, discriminator: true, logger: false as const };
  const ajv = draft.includes("2020-12") ? new Ajv2020(opts) : draft.includes("2019-09") ? new Ajv2019(opts) : new Ajv(opts);
  addFormats(ajv);
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(schema);
  } catch (err) {
    throw new UsageError(`the schema does not compile: ${(err as Error).message}`);
  }
  return (value) => (validate(value) ? undefined : toIssue(validate.errors?.[0]));
}

/** The checker of one of chatmill's record types, from the checked-in JSON Schemas. */
export function recordTypeCheck(type: string): Check {
  const file = require.resolve(`@chatmill/schema/json/${type}.schema.json`);
  return compileSchema(JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>);
}

export function schemaFileCheck(path: string): Check {
  let schema: unknown;
  try {
    schema = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new UsageError(`cannot read the schema file '${path}': ${(err as Error).message}`);
  }
  if (!schema || typeof schema !== "object" || Array.isArray(schema)) {
    throw new UsageError(`the schema file '${path}' does not hold a JSON Schema object`);
  }
  return compileSchema(schema as Record<string, unknown>);
}

function toIssue(err: ErrorObject | undefined): Issue {
  if (!err) return { path: "", message: "does not match the schema", kind: "schema" };
  const params = err.params as Record<string, unknown>;
  let message = err.message ?? "does not match the schema";
  if (err.keyword === "enum") message += ` (${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")})`;
  if (err.keyword === "const") message += ` (${JSON.stringify(params.allowedValue)})`;
  if (err.keyword === "additionalProperties") message += ` ('${String(params.additionalProperty)}')`;
  if (err.keyword === "discriminator" && params.tagValue !== undefined) message += ` (got ${JSON.stringify(params.tagValue)})`;
  const path = err.keyword === "required" ? `${err.instancePath}/${String(params.missingProperty)}` : err.instancePath;
  return { path, message, kind: `${err.keyword} at ${path.replace(/\/\d+(?=\/|$)/g, "/*") || "/"}` };
}
