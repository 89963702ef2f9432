import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { UsageError } from "@chatmill/kit";
import type { Ajv2020 } from "ajv/dist/2020.js";
import type { Ajv2019 } from "ajv/dist/2019.js";
import type { Ajv, ErrorObject, ValidateFunction } from "ajv";

// ajv (CommonJS) is loaded only when a schema is compiled here: the record types'
// validators come precompiled (see recordTypeCheck), and loading ajv's compiler
// is a good part of a start.
type AddFormats = (ajv: Ajv | Ajv2019 | Ajv2020) => unknown;
export interface Issue {
  /** JSON pointer of the offending value ("" is the whole record). */
  path: string;
  message: string;
  /** What kind of check failed, for --report: keyword at a path with indices folded to '*'. */
  kind: string;
}

export type Check = (value: unknown) => Issue | undefined;

const require = createRequire(import.meta.url);

/** The Ajv instance for a schema: the draft from its `$schema`, formats added; `source` keeps the code for precompile. */
export function newAjv(schema: Record<string, unknown>, source = false): Ajv | Ajv2019 | Ajv2020 {
  const draft = String(schema.$schema ?? "");
  const { _ } = require("ajv") as typeof import("ajv");
  const opts = {
    strict: false, allErrors: false, discriminator: true, logger: false as const,
    ...(source ? { code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } } : {}),
  };
  const ajv = draft.includes("2020-12")
    ? new (require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js")).Ajv2020(opts)
    : draft.includes("2019-09")
      ? new (require("ajv/dist/2019.js") as typeof import("ajv/dist/2019.js")).Ajv2019(opts)
      : new (require("ajv") as typeof import("ajv")).Ajv(opts);
  (require("ajv-formats") as { default: AddFormats }).default(ajv);
  return ajv;
}

/** Compiles a JSON Schema once; picks the draft from its `$schema`. */
export function compileSchema(schema: Record<string, unknown>): Check {
  let validate: ValidateFunction;
  try {
    validate = newAjv(schema).compile(schema);
  } catch (err) {
    throw new UsageError(`the schema does not compile: ${(err as Error).message}`);
  }
  return checkWith(validate);
}

function checkWith(validate: ValidateFunction): Check {
  return (value) => (validate(value) ? undefined : toIssue(validate.errors?.[0]));
}

/**
 * The checker of one of chatmill's record types, from the checked-in JSON Schemas: the
 * code the build compiled them to (dist/compiled/, see precompile.ts), so a run neither
 * loads ajv's compiler nor compiles; compiled here when that code is absent (from src).
 */
export function recordTypeCheck(type: string): Check {
  const compiled = fileURLToPath(new URL(`./compiled/${type}.cjs`, import.meta.url));
  if (existsSync(compiled)) return checkWith(require(compiled) as ValidateFunction);
  return compileSchema(recordTypeSchema(type));
}

/** One of chatmill's record types' JSON Schema. */
export function recordTypeSchema(type: string): Record<string, unknown> {
  const file = require.resolve(`@chatmill/schema/json/${type}.schema.json`);
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
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
