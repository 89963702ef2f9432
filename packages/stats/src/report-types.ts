// The shape of `stats`' report (its JSON output, and what the HTML report draws).

export type Counts = Record<string, number>;
export interface StatsReport {
  records: Counts & { total: number };
  dialogues: {
    count: number;
    success: { with_outcome: number; goal_met: number; rate: number | null; mean_reward: number | null };
    resolution: { reached: Counts; planned: Counts; planned_reached_agreement: number | null };
    turns: { mean: number | null; min: number | null; max: number | null; p50: number | null; p90: number | null; histogram: Counts };
    tools: {
      calls: number; per_dialogue: number | null; dialogues_with_calls: number | null; results: number; failures: number;
      failure_rate: number | null; by_name: Record<string, { calls: number; failures: number; failure_rate: number | null }>;
      /** Tools the dialogues offered (their `tools`) that no dialogue called, by name. */
      never_called: string[];
    };
    tool_format: { calls_checked: number; valid: number; accuracy: number | null; problems: Counts; written_as_text: number };
    context_retention: { dialogues_measured: number; mean: number | null; kept: number; dropped: number; reasked: number; method: string };
    persona_adaptation: { dialogues_measured: number; pairs: number; mean: number | null; formality: number | null; energy: number | null; length: number | null; method: string };
    intents: { user: Counts; assistant: Counts };
    user_emotions: Counts;
    variations: Counts;
    vocabulary: VocabularyReport & { by_role: { user: VocabularyReport; assistant: VocabularyReport }; method: string };
    persona_alignment: {
      recommendations: number; with_item_details: number;
      budget: { checked: number; within: number; rate: number | null };
      preferences: { checked: number; matched: number; rate: number | null };
      aligned: { checked: number; aligned: number; rate: number | null };
    };
    multimodal_grounding: { recommendations: number; with_image: number; rate: number | null; assistant_turns: number; assistant_turns_with_grounding: number };
  };
  scenarios: {
    count: number;
    grid: {
      dimensions: Record<string, { distinct: number; values: Counts }>;
      cells_observed: number; cells_possible: number; coverage: number | null; entropy_bits: number;
      normalized_entropy: number | null; capped: boolean;
    };
  };
  personas: { count: number; style: Counts; language: Counts; age: Counts };
}
export interface VocabularyReport {
  tokens: number; distinct_1: number | null; distinct_2: number | null; unique_unigrams: number; unique_bigrams: number;
}
