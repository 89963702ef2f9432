import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { dereference, validate } from "@readme/openapi-parser";
import { cleanSchema, isList, listItem } from "./schema-tools.js";
import { SourceError } from "./source-error.js";
import { slug, toolName, uniqueNames, type ImportedApi, type ImportedChange, type ImportedTool, type JsonSchema } from "./skeleton.js";


type Obj = Record<string, any>;
const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const CHANGE_OF: Record<string, ImportedChange> = { post: "create", put: "modify", patch: "modify", delete: "cancel" };

/**
 * Reads an OpenAPI 3.x or Swagger 2.0 document (JSON or YAML), validates it, resolves its
 * `$ref`s and describes each operation as an imported tool. Throws SourceError with the
 * parser's reason when the document cannot be read or does not validate.
 */
export async function importOpenApi(file: string): Promise<ImportedApi> {
  try {
    readFileSync(file);
  } catch (err) {
    throw new SourceError(`cannot read '${file}': ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let result;
  try {
    result = await validate(file, { validate: { errors: { colorize: false } } });
  } catch (err) {
    throw new SourceError(`'${file}' is not an OpenAPI document: ${firstLine((err as Error).message)}`);
  }
  if (!result.valid) {
    const reasons = result.errors.map((e) => validationReason(e.message)).join("; ");
    const more = result.additionalErrors > 0 ? ` (and ${result.additionalErrors} more)` : "";
    throw new SourceError(`'${file}' is not a valid ${result.specification ?? "OpenAPI"} document: ${reasons}${more}`);
  }
  const doc = (await dereference(file)) as Obj;
  return describeApi(doc, basename(file));
}

/**
 * The parser's reason without its code frame (whose line numbers are those of the document
 * re-serialised as JSON, not of the user's file): the first line, where it is (the keys that
 * open the objects around the marked line, as far as the frame shows them) and the marker's note.
 */
export function validationReason(message: string): string {
  const lines = message.split("\n");
  const head = lines[0]!.trim();
  const mark = lines.findIndex((l) => /^\s*\|\s*\^/.test(l));
  if (mark < 1) return head;
  const note = lines[mark]!.replace(/^\s*\|\s*\^\s*/, "").trim();
  const keys: string[] = [];
  let indent = Infinity;
  for (let i = mark - 1; i >= 0; i--) {
    const m = /^[>\s]*\d+ \|( *)"((?:[^"\\]|\\.)*)":\s*[[{]/.exec(lines[i]!);
    if (!m || m[1]!.length >= indent) continue;
    indent = m[1]!.length;
    keys.unshift(JSON.parse(`"${m[2]}"`) as string);
  }
  const at = keys.map((k, i) => (/^[A-Za-z_$][\w$]*$/.test(k) ? (i ? `.${k}` : k) : `[${JSON.stringify(k)}]`)).join("");
  return `${head}${at ? ` at ${at}` : ""}${note ? ` (${note})` : ""}`;
}

function firstLine(text: string): string {
  return text.trim().split("\n").map((l) => l.trim()).filter(Boolean).join(" ").slice(0, 500);
}

interface Operation {
  method: string;
  path: string;
  op: Obj;
  pathParams: Obj[];
}

function describeApi(doc: Obj, sourceName: string): ImportedApi {
  const swagger2 = typeof doc.swagger === "string";
  const title = String(doc.info?.title ?? sourceName);
  const apiName = slug(title);
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Obj>)) {
    for (const method of METHODS) if (item[method]) ops.push({ method, path, op: item[method], pathParams: item.parameters ?? [] });
  }
  const toolNames = uniqueNames(ops.map((o) => toolName(o.op.operationId ?? nameFromPath(o.method, o.path))));
  const described = ops.map((o, i) => describeOperation(o, toolNames[i]!, swagger2, apiName));
  const tools = described.map((d) => d.tool);
  // The table's key: `id`, unless the rows a tool returns by its id argument lack `id` and hold that argument.
  const keys: Record<string, string> = {};
  for (const { tool: t, item } of described) {
    const props = (item?.properties ?? {}) as Record<string, unknown>;
    if (keys[t.table] === undefined && t.idArg && !("id" in props) && t.idArg in props) keys[t.table] = t.idArg;
  }
  const serviceDescriptions: Record<string, string> = {};
  for (const tag of (doc.tags ?? []) as Obj[]) if (tag.name && tag.description) serviceDescriptions[slug(tag.name)] = String(tag.description);
  const description = String(doc.info?.description ?? doc.info?.summary ?? `Tools of ${title}, imported from ${sourceName}`).trim();
  return { name: apiName, description, source: { [swagger2 ? "swagger" : "openapi"]: sourceName, title, version: String(doc.info?.version ?? "") }, tools, keys, serviceDescriptions };
}

/** `GET /pets/{petId}/visits` → `get_pets_by_petId_visits`. */
function nameFromPath(method: string, path: string): string {
  const parts = path.split("/").filter(Boolean).map((p) => (/^\{.+\}$/.test(p) ? `by_${p.slice(1, -1)}` : p));
  return [method, ...parts].join("_");
}

/** The table a path's rows live in: its last segment that is not a parameter (`/pets/{id}` → pets). */
function tableOf(path: string, fallback: string): string {
  const parts = path.split("/").filter((p) => p && !/^\{.+\}$/.test(p));
  return slug(parts.at(-1) ?? fallback, fallback);
}

/** The tool an operation is, and the schema of one row of what it returns (for the table's key). */
function describeOperation(o: Operation, name: string, swagger2: boolean, apiName: string): { tool: ImportedTool; item: JsonSchema | undefined } {
  const { method, path, op } = o;
  const params = mergeParams(o.pathParams, op.parameters ?? []);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const where: Record<string, string> = {};
  for (const p of params) {
    if (!["path", "query", "header"].includes(p.in)) continue;
    const schema = paramSchema(p, swagger2);
    properties[p.name] = p.description && !schema.description ? { ...schema, description: String(p.description) } : schema;
    where[p.name] = p.in;
    if (p.required || p.in === "path") required.push(p.name);
  }
  const body = requestBody(op, params, swagger2);
  if (body) {
    const props = body.schema.properties as Record<string, JsonSchema> | undefined;
    const clash = props ? Object.keys(props).some((k) => k in properties) : true;
    if (body.schema.type === "object" && props && !clash) {
      for (const [k, v] of Object.entries(props)) {
        properties[k] = v;
        where[k] = "body";
      }
      for (const r of (body.schema.required ?? []) as string[]) if (r in props) required.push(r);
    } else {
      properties.body = body.schema;
      where.body = "body";
      if (body.required) required.push("body");
    }
  }
  const parameters: JsonSchema = { type: "object", properties, ...(required.length > 0 ? { required: [...new Set(required)] } : {}), additionalProperties: false };

  const result = responseSchema(op, swagger2);
  const list = result ? isList(result) : false;
  const item = result ? (list ? listItem(result) : result) : undefined;
  const lastSegment = path.split("/").filter(Boolean).at(-1) ?? "";
  const pathId = /^\{(.+)\}$/.exec(lastSegment)?.[1];
  const anyPathParam = params.find((p) => p.in === "path")?.name as string | undefined;
  const upper = `${method.toUpperCase()} ${path}`;
  const itemProps = (item?.properties ?? {}) as Record<string, unknown>;
  const base = {
    name,
    ...(op.summary || op.description ? { description: String(op.description ?? op.summary).trim() } : {}),
    parameters,
    table: tableOf(path, name),
    service: slug(String(op.tags?.[0] ?? apiName)),
    source: { openapi: { method: method.toUpperCase(), path, ...(op.operationId ? { operationId: op.operationId } : {}), in: where } },
  };
  if (method === "get") {
    const filterArgs = params.filter((p) => p.in === "query" && p.name in itemProps).map((p) => p.name as string);
    const read = (tool: ImportedTool) => ({ tool, item });
    if (list && !anyPathParam) return read({ ...base, role: "search", roleReason: `${upper} returns a list and takes no id`, filterArgs });
    if (!list && pathId) return read({ ...base, role: "lookup", roleReason: `${upper} takes an id ('${pathId}') and returns one object`, idArg: pathId, single: true });
    if (list) return read({ ...base, role: "lookup", roleReason: `${upper} returns a list about the row its id ('${anyPathParam}') names`, idArg: anyPathParam!, filterArgs });
    return read({ ...base, role: "lookup", roleReason: `${upper} reads and takes no id: a lookup of what it returns`, filterArgs });
  }
  const change = CHANGE_OF[method]!;
  const idArg = change === "create" ? undefined : pathId;
  const act: ImportedTool = {
    ...base,
    role: "act",
    roleReason: `${upper}: ${method.toUpperCase()} changes data`,
    change: idArg ? change : "create",
    changeReason: idArg
      ? `${method.toUpperCase()} of one row ('${idArg}') read as a ${change} of '${base.table}': say which tables it really writes and how`
      : `${method.toUpperCase()} read as a create in '${base.table}': say which tables it really writes and how`,
    ...(idArg ? { idArg } : {}),
  };
  return { tool: act, item };
}

/** Path-level parameters, overridden by the operation's own of the same name and place. */
function mergeParams(pathLevel: Obj[], own: Obj[]): Obj[] {
  const key = (p: Obj) => `${p.in}\u0000${p.name}`;
  const ownKeys = new Set(own.map(key));
  return [...pathLevel.filter((p) => !ownKeys.has(key(p))), ...own];
}

const SWAGGER2_PARAM_KEYS = ["type", "format", "items", "enum", "default", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "multipleOf"];

function paramSchema(p: Obj, swagger2: boolean): JsonSchema {
  if (!swagger2) {
    const schema = p.schema ?? (Object.values(p.content ?? {})[0] as Obj | undefined)?.schema ?? {};
    return cleanSchema(schema, "request");
  }
  const s: JsonSchema = {};
  for (const k of SWAGGER2_PARAM_KEYS) if (p[k] !== undefined) s[k] = p[k];
  return cleanSchema(s, "request");
}

function requestBody(op: Obj, params: Obj[], swagger2: boolean): { schema: JsonSchema; required: boolean } | undefined {
  if (swagger2) {
    const body = params.find((p) => p.in === "body");
    if (body) return { schema: cleanSchema(body.schema ?? {}, "request"), required: body.required === true };
    const form = params.filter((p) => p.in === "formData");
    if (form.length === 0) return undefined;
    const properties = Object.fromEntries(form.map((p) => [p.name, paramSchema(p, true)]));
    const required = form.filter((p) => p.required).map((p) => p.name);
    return { schema: { type: "object", properties, ...(required.length ? { required } : {}) }, required: required.length > 0 };
  }
  const rb = op.requestBody as Obj | undefined;
  if (!rb?.content) return undefined;
  const media = pickMedia(rb.content);
  if (!media?.schema) return undefined;
  return { schema: cleanSchema(media.schema, "request"), required: rb.required === true };
}

function responseSchema(op: Obj, swagger2: boolean): JsonSchema | undefined {
  const responses = (op.responses ?? {}) as Record<string, Obj>;
  const code = Object.keys(responses).sort().find((c) => /^2(\d\d|XX)$/i.test(c)) ?? (responses.default ? "default" : undefined);
  if (!code) return undefined;
  const r = responses[code]!;
  const schema = swagger2 ? r.schema : pickMedia(r.content ?? {})?.schema;
  return schema ? cleanSchema(schema, "response") : undefined;
}

/** The JSON media type of a content map (application/json first), else its first entry. */
function pickMedia(content: Record<string, Obj>): Obj | undefined {
  const types = Object.keys(content);
  const json = types.find((t) => t === "application/json") ?? types.find((t) => /json/i.test(t)) ?? types[0];
  return json ? content[json] : undefined;
}
