/**
 * What a scenario category asks the assistant to do, which decides the goal's expected end
 * state. Read from the category's name (…_reservation, …_booking → create; …cancel… → cancel;
 * …modification, …change, seat_selection → modify (a booking that already exists); complaints,
 * refunds, payments, lost and found, feedback, technical support, account management, room
 * service → issue (about a past booking); the rest → info). A pack can
 * override any category in `offline.category_kinds` ({"special_occasion": "create"}).
 */
export type CategoryKind = "create" | "modify" | "cancel" | "info" | "issue";

const RULES: Array<[RegExp, CategoryKind]> = [
  [/cancel/, "cancel"],
  [/modif|change|seat_selection|pickup_location|upgrade|check_in_out|special_meals|pet_transportation/, "modify"],
  [/complaint|refund|payment|lost_and_found|feedback|technical_support|account_management|boarding_pass_issue|insurance|room_service|housekeeping|medical_record/, "issue"],
  [/reservation|booking|special_occasion|dietary_requirements|guided_tour|purchase|buy|order$/, "create"],
];

export function categoryKind(category: string, overrides?: unknown): CategoryKind {
  if (overrides && typeof overrides === "object") {
    const k = (overrides as Record<string, unknown>)[category];
    if (k === "create" || k === "modify" || k === "cancel" || k === "info" || k === "issue") return k;
  }
  for (const [re, kind] of RULES) if (re.test(category)) return kind;
  return "info";
}

/** "dining_reservation" → "dining reservation". */
export function categoryWords(category: string): string {
  return category.replace(/_(general|flight)$/, "").replace(/_/g, " ");
}
