import { RecordError, mapConcurrent, stableId, type InputRecord, type RunContext, type Transform } from "@chatmill/kit";
import { LlmError, type ChatMessage, type Llm } from "@chatmill/llm";
import type { z } from "zod";
import { Template } from "./template.js";

export interface LlmMapOptions {
  prompt: string;
  system?: string | undefined;
  /** Field of the record that receives the answer. */
  field: string;
  /** LLM role whose settings the calls use. */
  role: string;
  /** Structured answers: the zod schema to validate, and the JSON Schema to send. */
  schema?: { zod: z.ZodType<unknown>; json: Record<string, unknown>; name: string } | undefined;
  /** Write the calls' usage into meta.llm (default true). */
  meta?: boolean;
}

/**
 * llm-map as a transform: each record's prompt goes to the model, the answer (text, or
 * the parsed object with a schema) goes into `field`. Records whose calls keep failing
 * go to the dead letters with the reason; the others come out in input order (or as
 * they finish, with --emit finished).
 */
export function llmMapTransform(opts: LlmMapOptions, llm: Llm, ctx: RunContext): Transform {
  const prompt = new Template(opts.prompt);
  const system = opts.system !== undefined ? new Template(opts.system) : undefined;
  // The first error that stops the run (a refused key…) ends the map; the same error
  // from the other records in flight must not surface again as unhandled rejections.
  let stopped = false;
  return async function* llmMap(input: AsyncIterable<InputRecord>) {
    const results = mapConcurrent(input, (rec) => mapOne(rec), { concurrency: llm.concurrency, ordered: llm.ordered });
    for await (const out of results) if (out !== undefined) yield out;
  };

  async function mapOne(rec: InputRecord): Promise<Record<string, unknown> | undefined> {
    const value = rec.value;
    const id = typeof value.id === "string" || typeof value.id === "number" ? String(value.id) : stableId("line", rec.raw);
    let messages: ChatMessage[];
    try {
      messages = [...(system ? [{ role: "system" as const, content: system.render(value) }] : []), { role: "user", content: prompt.render(value) }];
    } catch (err) {
      if (err instanceof RecordError) {
        ctx.reject(rec, err.message, err.kind, err.path);
        return undefined;
      }
      throw err;
    }
    try {
      const answer = opts.schema
        ? await llm.json(opts.role, messages, opts.schema.zod, { recordId: id, jsonSchema: opts.schema.json, name: opts.schema.name })
        : (await llm.chat(opts.role, { messages }, { recordId: id })).content;
      const meta = llm.takeMeta(id);
      const out: Record<string, unknown> = { ...value, [opts.field]: answer };
      if (opts.meta !== false && meta) {
        const prior = value.meta && typeof value.meta === "object" && !Array.isArray(value.meta) ? (value.meta as Record<string, unknown>) : {};
        out.meta = { ...prior, llm: meta };
      }
      return out;
    } catch (err) {
      llm.takeMeta(id);
      if (err instanceof LlmError) {
        ctx.fail(rec, err.message, err.kind);
        return undefined;
      }
      if (stopped) return undefined;
      stopped = true;
      throw err;
    }
  }
}
