import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { UsageError, errorMessage, runCli } from "@chatmill/kit/cli";
import { spec } from "./spec.js";

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? errorMessage(err)}`);
  }
}

await runCli(spec, async (args, ctx) => {
  const v = args.values;
  if (v.prompt !== undefined && v["prompt-file"] !== undefined) throw new UsageError("give --prompt or --prompt-file, not both");
  const prompt = (v.prompt as string | undefined) ?? (v["prompt-file"] ? readText(v["prompt-file"] as string, "--prompt-file") : undefined);
  if (prompt === undefined || prompt.trim() === "") throw new UsageError("no prompt: pass --prompt 'TEMPLATE' (e.g. --prompt 'Summarise: {{text}}') or --prompt-file FILE");
  if (v.engine === "offline") throw new UsageError("llm-map has no offline engine: use --engine openai (the default), or --cache DIR --cache-only to replay a run offline");
  const { createLlm, withBatch } = await import("@chatmill/llm");
  const { llmMapTransform } = await import("./llm-map.js");
  let schema;
  if (typeof v["json-schema"] === "string") {
    const { z } = await import("zod");
    const path = v["json-schema"];
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(readText(path, "--json-schema")) as Record<string, unknown>;
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw new UsageError(`--json-schema ${path} is not valid JSON: ${errorMessage(err)}`);
    }
    let zod;
    try {
      zod = z.fromJSONSchema(json);
    } catch (err) {
      throw new UsageError(`--json-schema ${path} is not a JSON Schema zod can check: ${errorMessage(err)}`);
    }
    schema = { zod, json, name: basename(path).replace(/\.(schema\.)?json$/, "") };
  }
  const role = v.role as string;
  const llm = createLlm(v, ctx, { defaultEngine: "openai", roles: [role] });
  const opts = { prompt, system: v.system as string | undefined, field: v.field as string, role, schema, meta: v["no-meta"] !== true };
  // --batch / --batch-dir: the same transform, run in rounds whose requests go out as batches.
  return withBatch((c) => llmMapTransform(opts, llm, c), llm, ctx);
});
