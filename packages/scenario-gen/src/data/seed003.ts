/**
 * Facts of seed 003 (the MultiWOZ-based dialogue_generation.py pipeline): the core services,
 * the service-combination weights, logical combinations, user and assistant emotions,
 * resolution statuses and their weights, time slots and turn budgets. The 54 regions are in
 * @chatmill/persona-sample (data/cities.ts). Where the seed names only examples (the logical
 * combinations, the time slots), the full lists here are ours, built around its examples.
 */

/** CORE_SERVICES. */
export const CORE_SERVICES = ["hotel", "restaurant", "train", "attraction", "taxi", "bus", "hospital", "flight"] as const;

/** SERVICE_WEIGHTS: how many services a scenario involves. */
export const SIZE_WEIGHTS: Readonly<Record<string, number>> = { single: 30, double: 35, triple: 25, quadruple: 10 };
export const SIZE_OF: Readonly<Record<string, number>> = { single: 1, double: 2, triple: 3, quadruple: 4 };
export const SIZE_NAME: readonly string[] = ["", "single", "double", "triple", "quadruple"];

/**
 * LOGICAL_COMBINATIONS: services that go together in one trip. The seed's examples are
 * hospital+taxi, flight+hotel, restaurant+taxi; hospital+taxi+hotel, flight+train+taxi;
 * flight+train+hotel+taxi. The first service of a combination is not privileged: scenario-gen
 * shuffles the order and the first after shuffling is the primary one.
 */
export const LOGICAL_COMBINATIONS: Readonly<Record<"double" | "triple" | "quadruple", ReadonlyArray<readonly string[]>>> = {
  double: [
    ["hospital", "taxi"], ["flight", "hotel"], ["restaurant", "taxi"], ["hotel", "restaurant"], ["hotel", "taxi"],
    ["train", "hotel"], ["attraction", "restaurant"], ["attraction", "taxi"], ["train", "taxi"], ["flight", "taxi"],
    ["bus", "hotel"], ["bus", "attraction"], ["train", "attraction"], ["hotel", "attraction"], ["hospital", "hotel"],
  ],
  triple: [
    ["hospital", "taxi", "hotel"], ["flight", "train", "taxi"], ["hotel", "restaurant", "taxi"], ["flight", "hotel", "taxi"],
    ["train", "hotel", "restaurant"], ["attraction", "restaurant", "taxi"], ["hotel", "attraction", "restaurant"],
    ["bus", "hotel", "attraction"], ["train", "hotel", "attraction"], ["flight", "hotel", "restaurant"],
  ],
  quadruple: [
    ["flight", "train", "hotel", "taxi"], ["hotel", "restaurant", "attraction", "taxi"], ["flight", "hotel", "restaurant", "taxi"],
    ["train", "hotel", "attraction", "restaurant"], ["bus", "hotel", "restaurant", "attraction"], ["hospital", "taxi", "hotel", "train"],
  ],
};

/** USER_EMOTION_LIST (Appendix B). */
export const USER_EMOTIONS = [
  "frustrated", "angry", "confused", "worried", "disappointed", "happy", "anxious", "impatient", "skeptical", "desperate",
  "overwhelmed", "hopeful", "satisfied", "stressed", "suspicious", "tired", "excited", "indifferent", "grateful", "demanding",
] as const;

/** ASSISTANT_EMOTION_LIST (Appendix B). */
export const ASSISTANT_EMOTIONS = [
  "professional", "informative", "reassuring", "diplomatic", "patient", "efficient", "accommodating", "solution-focused",
  "methodical", "proactive", "analytical", "composed", "detail-oriented", "responsive", "thorough", "systematic", "precise",
  "objective", "resourceful", "knowledgeable",
] as const;

/** Resolution statuses and their probabilities (Appendix C). */
export const RESOLUTION_WEIGHTS: Readonly<Record<string, number>> = { resolved: 40, failed: 30, escalated: 30 };

/**
 * travel_time_slots: the seed names "Early Morning" and "Afternoon" among "various periods";
 * the slots and their hours are ours. [start hour, end hour) on a 24-hour clock.
 */
export const TIME_SLOTS: Readonly<Record<string, { label: string; hours: [number, number] }>> = {
  early_morning: { label: "early morning", hours: [5, 8] },
  morning: { label: "morning", hours: [8, 12] },
  afternoon: { label: "afternoon", hours: [12, 17] },
  evening: { label: "evening", hours: [17, 21] },
  night: { label: "night", hours: [21, 24] },
  late_night: { label: "late at night", hours: [0, 5] },
};
/** Slot weights: people book and ask during the day more than at 3 am. Ours; --mix slot=… overrides. */
export const SLOT_WEIGHTS: Readonly<Record<string, number>> = { early_morning: 10, morning: 25, afternoon: 25, evening: 25, night: 10, late_night: 5 };

/** --min_turns 5 10 and --max_turns 7 20: the ranges each scenario's budget is drawn from. */
export const MIN_TURNS: readonly [number, number] = [5, 10];
export const MAX_TURNS: readonly [number, number] = [7, 20];
