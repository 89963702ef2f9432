import { z } from "zod";
import { ToolDefinition } from "./common.js";

/**
 * How a tool runs against the pack's database, declaratively, so a user writes a
 * pack without code. The tool runtime (dialogue-sim's issue) interprets `op`.
 */
export const ToolRun = z.looseObject({
  op: z.string().min(1).describe("search, get, compare, similar, availability, list, create, modify, cancel, command, static"),
  table: z.string().optional(),
});

export const DomainTool = ToolDefinition.extend({ run: ToolRun });

export const Service = z.looseObject({
  name: z.string().min(1),
  description: z.string().optional(),
  table: z.string().optional().describe("the database table of this service's venues or items"),
  categories: z.array(z.string().min(1)).min(1),
});

export const Table = z.looseObject({
  key: z.string().min(1).describe("the field that identifies a row"),
  rows: z.array(z.record(z.string(), z.unknown())).optional(),
  file: z.string().optional().describe("rows in a JSON or NDJSON file, relative to the pack"),
});

export const DomainPack = z.looseObject({
  name: z.string().regex(/^[a-z0-9_-]+$/),
  version: z.string().min(1),
  description: z.string().min(1),
  license: z.string().optional(),
  attribution: z.string().optional(),
  services: z.array(Service).min(1),
  general_categories: z.array(z.string().min(1)),
  intents: z.array(z.string().min(1)).min(1),
  tools: z.array(DomainTool).min(1),
  database: z.looseObject({ tables: z.record(z.string(), Table) }),
  persona: z.record(z.string(), z.unknown()).optional().describe("the domain's persona distributions"),
  offline: z.record(z.string(), z.unknown()).optional().describe("what the offline engine needs to speak the domain"),
});
export type DomainPack = z.infer<typeof DomainPack>;
