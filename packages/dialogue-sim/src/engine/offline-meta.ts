/** What both offline engines (scenario and task) write first in a dialogue's meta. */
export function offlineMeta(opts: { tool: string; version: string; seed: number; failureRate: number }) {
  return {
    engine: "offline" as const,
    tool: opts.tool,
    version: opts.version,
    seed: opts.seed,
    models: {},
    usage: { prompt_tokens: 0, completion_tokens: 0, requests: 0 },
    failure_rate: opts.failureRate,
  };
}
