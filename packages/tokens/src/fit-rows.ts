import { UsageError } from "@chatmill/kit";
import { RowFitter } from "./fit.js";
import { TOKENIZER_NAMES, findTokenizer } from "./registry.js";
import { TokenCounter } from "./token-counter.js";

/** --max-tokens N --tokenizer NAME as the exporters take them: both or neither. */
export async function fitterFromFlags(maxTokens: number | undefined, tokenizer: string | undefined): Promise<RowFitter | undefined> {
  if (maxTokens === undefined && tokenizer === undefined) return undefined;
  if (maxTokens === undefined) throw new UsageError("--tokenizer is used with --max-tokens N (stats --tokenizer reports lengths)");
  if (!(Number.isInteger(maxTokens) && maxTokens > 0)) throw new UsageError(`--max-tokens must be a whole number of tokens above 0; got ${maxTokens}`);
  if (tokenizer === undefined) throw new UsageError(`--max-tokens needs --tokenizer NAME to count with: one of ${TOKENIZER_NAMES.join(", ")}`);
  if (!findTokenizer(tokenizer)) throw new UsageError(`--tokenizer must be one of ${TOKENIZER_NAMES.join(", ")} (or an alias: qwen, llama3, gpt-4o, gpt-4); got '${tokenizer}'`);
  return new RowFitter(await TokenCounter.load(tokenizer), maxTokens);
}
