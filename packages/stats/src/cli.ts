import { UsageError, runCli } from "@chatmill/kit/cli";
import { spec } from "./spec.js";

await runCli(spec, async (args, ctx) => {
  const { statsTransform } = await import("./stats-records.js");
  const tokenizer = args.values.tokenizer as string | undefined;
  const tokenCounter = tokenizer ? await loadCounter(tokenizer) : undefined;
  return statsTransform(
    { htmlFile: args.values.html as string | undefined, title: args.values.title as string | undefined, pretty: args.values.pretty === true, perDialogueFile: args.values["per-dialogue"] as string | undefined, tokenCounter },
    ctx,
  );
});

async function loadCounter(name: string) {
  const { TokenCounter, findTokenizer, TOKENIZER_NAMES } = await import("@chatmill/tokens");
  if (!findTokenizer(name)) throw new UsageError(`--tokenizer must be one of ${TOKENIZER_NAMES.join(", ")} (or an alias: qwen, llama3, gpt-4o, gpt-4); got '${name}'`);
  return TokenCounter.load(name);
}
