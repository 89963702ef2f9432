import {
  chatMessages,
  checkEpisodeRow,
  checkGrpoRow,
  checkOpenAIRftRow,
  checkTransitionRow,
  stepsOf,
  toolList,
  type Dialogue,
  type RowCheck,
  type RowSink,
} from "@chatmill/export";
import { episodeOf } from "./episode.js";

export const RL_FORMATS = ["transitions", "episodes", "trl-grpo", "openai-rft"] as const;
export type RlFormat = (typeof RL_FORMATS)[number];

export interface RlOptions {
  format: RlFormat;
  system?: string | undefined;
}

export const rlChecks: Record<RlFormat, RowCheck> = {
  transitions: checkTransitionRow,
  episodes: checkEpisodeRow,
  "trl-grpo": checkGrpoRow,
  "openai-rft": checkOpenAIRftRow,
};

export function rlRows(d: Dialogue, opts: RlOptions, sink: RowSink): Iterable<unknown> {
  switch (opts.format) {
    case "transitions":
      return transitions(d, opts, sink);
    case "episodes":
      return episodes(d, opts, sink);
    case "trl-grpo":
    case "openai-rft":
      return promptRows(d, opts, sink);
  }
}

function* transitions(d: Dialogue, opts: RlOptions, sink: RowSink): Generator<unknown> {
  const ep = episodeOf(d, opts.system);
  if (ep.rewardSource === "steps") sink.note("episodes without outcome");
  const n = ep.steps.length;
  for (const s of ep.steps) {
    yield {
      id: `${d.id}#${s.step}`,
      episode_id: d.id,
      step: s.step,
      state: { messages: ep.messages.slice(0, s.stateEnd), db_digest: s.digestBefore },
      action: s.action,
      reward: s.reward,
      next_state: { messages: ep.messages.slice(0, s.nextEnd), db_digest: s.digestAfter },
      done: s.step === n - 1,
    };
  }
}

function* episodes(d: Dialogue, opts: RlOptions, sink: RowSink): Generator<unknown> {
  const ep = episodeOf(d, opts.system);
  if (ep.steps.length === 0) {
    sink.note("episodes without steps");
    return;
  }
  if (ep.rewardSource === "steps") sink.note("episodes without outcome");
  yield {
    id: d.id,
    messages: ep.messages,
    tools: toolList(d) ?? null,
    steps: ep.steps.map((s) => ({ step: s.step, message_index: s.stateEnd, action: s.action, reward: s.reward, quality: s.quality, ok: s.ok, db_digest: s.digestAfter })),
    return: ep.reward,
    outcome: d.outcome ?? null,
    environment: environmentOf(d),
  };
}

function environmentOf(d: Dialogue): string | null {
  return d.domain ?? d.scenario?.domain ?? null;
}

/**
 * Prompt-only rows, one per user message the assistant answered successfully: the
 * conversation up to that message is the prompt; the assistant's successful calls and
 * final reply in that turn are the reference a reward function or grader compares with.
 */
function* promptRows(d: Dialogue, opts: RlOptions, sink: RowSink): Generator<unknown> {
  const openai = opts.format === "openai-rft";
  const { messages, origin } = chatMessages(d, openai ? { args: "string", system: opts.system, emptyContent: null } : { args: "object", system: opts.system, toolName: true, splitParallel: true, emptyContent: "" });
  const steps = stepsOf(d);
  const tools = toolList(d);
  for (let k = 0; k < messages.length; k++) {
    if (messages[k]!.role !== "user") continue;
    const src = origin[k]!.src;
    const turn = steps.filter((s) => s.userIndex === src);
    if (turn.length === 0) {
      sink.note("unanswered user turns");
      continue;
    }
    const good = turn.filter((s) => !s.failed);
    const calls = good.flatMap((s) => s.calls.map((c) => ({ name: c.name, arguments: c.arguments })));
    const last = [...turn].reverse().find((s) => s.calls.length === 0 && s.message.content);
    const reference = {
      reference_tool_calls: calls,
      reference_response: last?.message.content ?? null,
      environment: environmentOf(d),
      dialogue_id: d.id,
    };
    const prompt = messages.slice(0, k + 1);
    if (openai) yield tools ? { messages: prompt, tools, ...reference } : { messages: prompt, ...reference };
    else yield { prompt, tools: tools ?? null, ...reference };
  }
}
