/**
 * Whether a JSON Schema `pattern` is a 24-hour clock time as packs write it
 * ("^([01][0-9]|2[0-3]):[0-5][0-9]$" and the like): it accepts 18:00 and 09:30 and refuses 1800.
 * The engines fill such an argument with a time of day, knowing it from the schema, not from the
 * argument's name. A pattern that is no valid regular expression is no clock.
 */
export function isClockPattern(pattern: string): boolean {
  let re: RegExp;
  try {
    re = new RegExp(pattern);
  } catch {
    return false;
  }
  return re.test("18:00") && re.test("09:30") && !re.test("1800");
}
