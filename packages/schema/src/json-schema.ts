import { z } from "zod";
import { CallAnnotation } from "./annotation.js";
import { AnnotatedDialogue, Dialogue } from "./dialogue.js";
import { DomainPack } from "./domain-pack.js";
import { Persona } from "./persona.js";
import { Scenario } from "./scenario.js";

export const SCHEMA_BASE = "https://chatmill.dev/schemas/";

/** The record types `validate --type` knows, and the zod definition of each. */
export const recordSchemas = {
  persona: { schema: Persona, title: "chatmill Persona" },
  scenario: { schema: Scenario, title: "chatmill Scenario" },
  dialogue: { schema: Dialogue, title: "chatmill Dialogue" },
  "annotated-dialogue": { schema: AnnotatedDialogue, title: "chatmill Dialogue after tool-annotate" },
  "call-annotation": { schema: CallAnnotation, title: "chatmill tool-call annotation (grade and alternatives)" },
  "domain-pack": { schema: DomainPack, title: "chatmill domain pack" },
} as const;

export type RecordType = keyof typeof recordSchemas;
export const recordTypes = Object.keys(recordSchemas) as RecordType[];

export function schemaFileName(type: string): string {
  return `${type}.schema.json`;
}

/** The JSON Schema of one record type, as checked in under schemas/. */
export function jsonSchemaOf(type: RecordType): Record<string, unknown> {
  const { schema, title } = recordSchemas[type];
  const generated = z.toJSONSchema(schema, { target: "draft-2020-12", unrepresentable: "any", io: "input" }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: `${SCHEMA_BASE}${schemaFileName(type)}`, title, ...markDiscriminators(rest) };
}

/**
 * Adds OpenAPI's `discriminator` beside a `oneOf` whose branches are told apart by
 * one constant property (messages by `role`). Validators that know it (ajv with
 * `discriminator: true`) check one branch instead of all and report that branch's
 * error; others ignore it as an annotation.
 */
function markDiscriminators<T>(node: T): T {
  if (Array.isArray(node)) return node.map(markDiscriminators) as T;
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = markDiscriminators(v);
  const branches = out.oneOf;
  if (Array.isArray(branches) && branches.length > 1) {
    const tag = commonConstProperty(branches as Array<Record<string, unknown>>);
    if (tag) out.discriminator = { propertyName: tag };
  }
  return out as T;
}

function commonConstProperty(branches: Array<Record<string, unknown>>): string | undefined {
  const first = branches[0]?.properties as Record<string, { const?: unknown }> | undefined;
  if (!first) return undefined;
  return Object.keys(first).find((key) =>
    branches.every((b) => {
      const props = b.properties as Record<string, { const?: unknown }> | undefined;
      return typeof props?.[key]?.const === "string" && (b.required as string[] | undefined)?.includes(key);
    }),
  );
}

export function allJsonSchemas(): Record<string, Record<string, unknown>> {
  return Object.fromEntries(recordTypes.map((t) => [schemaFileName(t), jsonSchemaOf(t)]));
}
