/**
 * Default distributions of generated personas. The seeds give the fields (MUSe v2, seed 000:
 * age range, occupation, lifestyle, budget, traits; MUSE, seed 001: age, gender, location,
 * income level, language en/hi/mixed with 35/25/40 in its Indian data) but not these weights;
 * they are our choice, documented in the README, and every one can be overridden with --mix.
 */
export const AGE_RANGES: Readonly<Record<string, [number, number]>> = {
  "18-24": [18, 24],
  "25-34": [25, 34],
  "35-44": [35, 44],
  "45-54": [45, 54],
  "55-64": [55, 64],
  "65+": [65, 84],
};
export const AGE_RANGE_WEIGHTS: Readonly<Record<string, number>> = { "18-24": 16, "25-34": 26, "35-44": 22, "45-54": 16, "55-64": 12, "65+": 8 };

export const GENDER_WEIGHTS: Readonly<Record<string, number>> = { female: 48, male: 48, non_binary: 4 };

export const INCOME_LEVELS = ["low", "lower_middle", "middle", "upper_middle", "high"] as const;
export const INCOME_WEIGHTS: Readonly<Record<string, number>> = { low: 15, lower_middle: 22, middle: 33, upper_middle: 20, high: 10 };

/** Budget per purchase or booking in USD by income level, when the domain gives none. */
export const DEFAULT_BUDGET_USD: Readonly<Record<string, [number, number]>> = {
  low: [15, 60],
  lower_middle: [30, 120],
  middle: [60, 250],
  upper_middle: [120, 500],
  high: [300, 1500],
};

/** Seed 001's language split, used for personas in Indian cities; elsewhere "en". */
export const LANGUAGE_WEIGHTS_INDIA: Readonly<Record<string, number>> = { en: 35, hi: 25, mixed: 40 };

export const FORMALITIES = ["casual", "neutral", "formal"] as const;
export const VERBOSITIES = ["terse", "moderate", "verbose"] as const;

/** Occupations by income level, so an income and a job agree. */
export const OCCUPATIONS: Readonly<Record<string, string[]>> = {
  low: ["student", "delivery rider", "retail assistant", "barista", "warehouse worker", "part-time tutor", "security guard", "retiree"],
  lower_middle: ["bus driver", "nurse", "call-centre agent", "electrician", "receptionist", "primary school teacher", "junior accountant", "chef"],
  middle: ["software developer", "secondary school teacher", "pharmacist", "graphic designer", "civil engineer", "marketing coordinator", "journalist", "physiotherapist", "sysadmin"],
  upper_middle: ["senior software engineer", "product manager", "architect", "doctor", "university lecturer", "site reliability engineer", "lawyer", "data scientist"],
  high: ["company director", "surgeon", "startup founder", "investment banker", "chief technology officer", "partner at a law firm"],
};

export const TRAITS: readonly string[] = [
  "curious", "impatient", "detail-oriented", "budget-conscious", "adventurous", "cautious", "friendly", "skeptical",
  "decisive", "indecisive", "organised", "spontaneous", "loyal to brands", "eco-conscious", "tech-savvy", "easily distracted",
  "polite", "blunt", "trend-aware", "practical", "health-conscious", "punctual", "chatty", "reserved", "demanding", "easy-going",
];
