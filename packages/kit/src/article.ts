/**
 * "a" or "an" before an English phrase, chosen by the sound its first word starts with, not its
 * first letter: "an hour", "a one-way ticket", "a user", "a European", "an SUV", "an 8-hour
 * shift", "a USB cable". Every generator that puts an article before a value it did not write
 * (a slot, a catalog word, a persona's job) uses this one function.
 */
export function article(phrase: string): "a" | "an" {
  const word = /[\p{L}\p{N}]+/u.exec(phrase)?.[0] ?? "";
  if (word === "") return "a";
  if (/^\d/.test(word)) return numberTakesAn(word) ? "an" : "a";
  if (isInitialism(word) || /^[a-z]$/.test(word)) return LETTER_WITH_VOWEL_SOUND.has(word[0]!.toUpperCase()) ? "an" : "a";
  const w = word.toLowerCase();
  if (/^[aeiou]/.test(w)) return YOU_OR_WON_SOUND.test(w) ? "a" : "an";
  return SILENT_H.test(w) ? "an" : "a";
}

/** The phrase with its article: "an orange", "a unique find". */
export function withArticle(phrase: string): string {
  return `${article(phrase)} ${phrase}`;
}

/**
 * Letters whose spoken name starts with a vowel sound: "an F", "an M", "an X-ray", "an SUV", "an MRI",
 * "a U-turn". Single letters (sizes M, L, S) and initialisms (XL, SUV) are read letter by letter.
 */
const LETTER_WITH_VOWEL_SOUND = new Set("AEFHILMNORSX");

/** Upper-case words read as words, not letter by letter: "a NASA probe", "a SIM card". */
const READ_AS_WORDS = new Set(["NASA", "NATO", "UNESCO", "UNICEF", "SIM", "PIN", "RAM", "ROM", "GIF", "JPEG", "LASER", "SCUBA", "OLED", "AIDS", "ASAP", "FAQ", "IKEA", "SKU"]);

function isInitialism(word: string): boolean {
  if (!/^[A-Z][A-Z0-9]*$/.test(word)) return false;
  if (READ_AS_WORDS.has(word)) return false;
  // A one-letter word, or a short run of capitals with no vowel to read it by (SUV has one, yet
  // is read S-U-V): capitals up to four letters are read letter by letter, longer ones as words.
  return word.length <= 4;
}

/**
 * Vowel letters that sound like "you" or "won": a unique, a university, a user, a usual, a utility,
 * a urinal, a European, a ewe, a one-off, a once-only.
 * Not: an uninstall, an unimportant, an usher, an utter, an urban, an urgent, an onerous.
 */
const YOU_OR_WON_SOUND = /^(?:uni(?!n|mp|dentif)|us(?:e|u|a)|ut(?!t|m)|ur[aeiy]|ubiq|uk|unesco|eu|ewe|one(?!r)|once|ouija)/;

/** Words whose h is not sounded: an hour, an honest, an honour, an heir, an herbal (US) is left out. */
const SILENT_H = /^(?:hour|honest|hono(?:u)?r|heir)/;

/** Numbers said with a vowel sound first: 8, 11, 18, 80–89, 800…, 8,000…, 11,000, 18,500. */
function numberTakesAn(digits: string): boolean {
  if (digits.startsWith("8")) return true;
  // 11 and 18 are said "eleven", "eighteen" when they lead a group: 11, 18, 11000 (eleven thousand), 18500.
  return /^1[18](?:\d{3})*$/.test(digits);
}
