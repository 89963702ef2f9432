import { runCli } from "@chatmill/kit/cli";
import { spec } from "./spec.js";

await runCli(spec, async (args, ctx) => {
  const { sftTransform } = await import("./sft-transform.js");
  // The tokenizers load only when asked for (seconds, and their modules are large).
  const [maxTokens, tokenizer] = [args.values["max-tokens"] as number | undefined, args.values.tokenizer as string | undefined];
  const fitter = maxTokens !== undefined || tokenizer !== undefined ? await (await import("@chatmill/tokens")).fitterFromFlags(maxTokens, tokenizer) : undefined;
  return sftTransform(
    {
      format: args.values.format as string,
      granularity: args.values.granularity as string | undefined,
      system: args.values.system as string | undefined,
      onMistake: args.values["on-mistake"] as string | undefined,
      toolsAs: args.values["tools-as"] as string | undefined,
      checkTemplates: args.values["check-template"] as string[] | undefined,
      serialize: true, fitter,
    },
    ctx,
  );
});
