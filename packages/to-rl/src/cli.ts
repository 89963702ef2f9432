import { runCli } from "@chatmill/kit/cli";
import { spec } from "./spec.js";

await runCli(spec, async (args, ctx) => {
  const { rlTransform } = await import("./rl-transform.js");
  // The tokenizers load only when asked for (seconds, and their modules are large).
  const [maxTokens, tokenizer] = [args.values["max-tokens"] as number | undefined, args.values.tokenizer as string | undefined];
  const fitter = maxTokens !== undefined || tokenizer !== undefined ? await (await import("@chatmill/tokens")).fitterFromFlags(maxTokens, tokenizer) : undefined;
  return rlTransform({ format: args.values.format as string, system: args.values.system as string | undefined, toolsAs: args.values["tools-as"] as string | undefined, serialize: true, fitter }, ctx);
});
