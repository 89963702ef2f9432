import type { JsonSchema } from "./skeleton.js";

/** OpenAPI keywords that are not JSON Schema, or say nothing a tool's caller needs. */
const DROP = new Set(["example", "examples", "xml", "externalDocs", "discriminator", "nullable"]);

/**
 * A plain JSON Schema from an OpenAPI schema with its `$ref`s already resolved: a copy that
 * can be written as JSON. `nullable: true` becomes a `"null"` type; OpenAPI-only keywords go;
 * in a request, read-only properties (an `id` the server assigns) are not arguments. A schema
 * that contains itself (a tree) is cut where it recurs, to an unconstrained `{}`.
 */
export function cleanSchema(schema: unknown, mode: "request" | "response", seen: object[] = []): JsonSchema {
  if (!schema || typeof schema !== "object" || Array.isArray(schema)) return {};
  if (seen.includes(schema)) return {};
  const inner = [...seen, schema];
  const src = schema as Record<string, unknown>;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(src)) {
    if (DROP.has(k) || k.startsWith("x-")) continue;
    if (k === "properties" && v && typeof v === "object") {
      const props: Record<string, JsonSchema> = {};
      for (const [name, p] of Object.entries(v as Record<string, unknown>)) {
        if (mode === "request" && (p as { readOnly?: boolean } | null)?.readOnly === true) continue;
        if (mode === "response" && (p as { writeOnly?: boolean } | null)?.writeOnly === true) continue;
        props[name] = cleanSchema(p, mode, inner);
      }
      out.properties = props;
    } else if (["items", "additionalProperties", "not"].includes(k) && v && typeof v === "object") {
      out[k] = cleanSchema(v, mode, inner);
    } else if (["allOf", "anyOf", "oneOf"].includes(k) && Array.isArray(v)) {
      out[k] = v.map((s) => cleanSchema(s, mode, inner));
    } else {
      out[k] = structuredClone(v);
    }
  }
  if (src.nullable === true && typeof out.type === "string") out.type = [out.type, "null"];
  if (Array.isArray(out.required) && out.properties) {
    const props = out.properties as Record<string, unknown>;
    const req = (out.required as unknown[]).filter((r) => typeof r === "string" && r in props);
    if (req.length > 0) out.required = req;
    else delete out.required;
  }
  return out;
}

/** The array of rows a result holds: itself, or the one array-of-objects property of a page (`{items: [...], total}`). */
function listOf(schema: JsonSchema): JsonSchema | undefined {
  if (schema.type === "array") return schema;
  const props = schema.properties as Record<string, JsonSchema> | undefined;
  if (!props) return undefined;
  const arrays = Object.values(props).filter((p) => p.type === "array" && (p.items as JsonSchema | undefined)?.type === "object");
  return arrays.length === 1 ? arrays[0] : undefined;
}

/** Whether a result schema is a list of rows. */
export function isList(schema: JsonSchema): boolean {
  return listOf(schema) !== undefined;
}

/** The schema of one row of a list result. */
export function listItem(schema: JsonSchema): JsonSchema | undefined {
  return listOf(schema)?.items as JsonSchema | undefined;
}
