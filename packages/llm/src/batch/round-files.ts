import { join } from "node:path";

/** --batch-dir: a round's files for the user's own runner (DIR/round-NNNN.input|output|errors.jsonl). */
export function roundPath(dir: string, round: number, what: "input" | "output" | "errors"): string {
  return join(dir, `round-${String(round).padStart(4, "0")}.${what}.jsonl`);
}

/** What a run that stops for a round's answers tells the user to do next. */
export function waitingMessage(dir: string, round: number, count: number, model: string): string {
  const input = roundPath(dir, round, "input");
  const output = roundPath(dir, round, "output");
  return (
    `batch round ${round} waits for its answers: run the ${count} requests of ${input} with an OpenAI-batch runner, ` +
    `write its output to ${output} (errors may go to ${roundPath(dir, round, "errors")}), then run this same command again. ` +
    `With vLLM: python -m vllm.entrypoints.openai.run_batch -i ${input} -o ${output} --model ${model}`
  );
}
