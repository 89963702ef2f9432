import { StateDigest, chatMessages, denseRewards, stepQuality, stepsOf, type ChatMessage, type Dialogue, type Step } from "@chatmill/export/rows";

export interface Action {
  tool_calls: Array<{ tool: string; args: Record<string, unknown> }>;
  response: string | null;
}

export interface EpisodeStep {
  step: number;
  /** Messages before the action are messages[0, stateEnd); after it, [0, nextEnd). */
  stateEnd: number;
  nextEnd: number;
  digestBefore: string;
  digestAfter: string;
  action: Action;
  quality: number;
  reward: number;
  ok: boolean;
}

export interface Episode {
  messages: ChatMessage[];
  steps: EpisodeStep[];
  /** The episode's outcome reward; the steps' rewards add up to it exactly. */
  reward: number;
  rewardSource: "outcome" | "steps";
}

/**
 * The dialogue as an RL episode: one step per assistant message (its calls and/or its
 * text), the state before it (conversation so far + digest of the tool results so far),
 * and a dense reward per step that sums to the outcome reward (see rewards in
 * @chatmill/export). Without an outcome, the episode's reward is the mean step quality.
 */
export function episodeOf(d: Dialogue, system: string | undefined): Episode {
  const { messages, origin } = chatMessages(d, { args: "object", system, toolName: true, emptyContent: null });
  // Output index where each source message starts, to cut states at step boundaries.
  const startOf = new Map<number, number>();
  origin.forEach((o, k) => {
    if (!startOf.has(o.src)) startOf.set(o.src, k);
  });
  const at = (src: number) => startOf.get(src) ?? messages.length;
  const steps = stepsOf(d);
  const qualities = steps.map(stepQuality);
  const R = d.outcome?.reward ?? (qualities.length ? qualities.reduce((a, b) => a + b, 0) / qualities.length : 0);
  const rewards = denseRewards(qualities, R);
  const digest = new StateDigest();
  const out: EpisodeStep[] = steps.map((s: Step, i) => {
    const before = digest.current;
    for (let k = s.index + 1; k < s.end; k++) {
      const m = d.messages[k]!;
      if (m.role === "tool") digest.add(m);
    }
    return {
      step: i,
      stateEnd: at(s.index),
      nextEnd: at(s.end),
      digestBefore: before,
      digestAfter: digest.current,
      action: { tool_calls: s.calls.map((c) => ({ tool: c.name, args: c.arguments })), response: s.message.content || null },
      quality: qualities[i]!,
      reward: rewards[i]!,
      ok: !s.failed,
    };
  });
  return { messages, steps: out, reward: R, rewardSource: d.outcome ? "outcome" : "steps" };
}
