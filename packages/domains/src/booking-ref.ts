/**
 * How a user names a booking it already has, in English: from the pack's word for what is
 * booked (a service's booking.booked, its first entry: "a table at " → "my table at the Copper
 * Kettle", "a hold on " → "my hold on Dracula"), else "my booking at" a named thing or "for" one
 * described. Shared by scenario-gen's goals and augment's requests, so both say it alike.
 */
export function bookingRef(booked: readonly string[] | undefined, thing: string, named: boolean): string {
  const first = booked?.[0];
  if (first === undefined) return `my booking ${named ? "at" : "for"} ${thing}`;
  const what = withoutArticle(first);
  // "an appointment with the " + "a cardiology department": one article is enough.
  return `my ${what}${what.endsWith("the ") ? thing.replace(/^(a|an|the) /i, "") : thing}`;
}

/**
 * The noun of what a service books, from the first of booking.booked without its article and the
 * word that leads to the place ("a hold on " → "hold", "an appointment with the " → "appointment",
 * "tickets for " → "tickets"); undefined when the pack declares none.
 */
export function bookedNoun(booked: readonly string[] | undefined): string | undefined {
  const first = booked?.[0];
  if (first === undefined) return undefined;
  return withoutArticle(first.trim()).replace(/\s+(at|on|for|with|to|in|of)(\s+the)?$/i, "") || undefined;
}

const withoutArticle = (phrase: string) => phrase.replace(/^(a|an|the|some)\s+/i, "");
