import type { Rng } from "@chatmill/kit";

/**
 * A booking detail by its value's kind (a party, a weekday, a time) as a person says it when
 * asking for the booking, drawn among the ways people say it: "for two of us", "इस शनिवार",
 * "रात 8:15 बजे". describeArg says each one way when it has no rng (the assistant's read-back,
 * augment); the user's own request draws, so one party of four is not said in one mould
 * across a thousand dialogues.
 */
type Lang = "en" | "hi" | "mixed";

const EN_NUM = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const HI_NUM = ["शून्य", "एक", "दो", "तीन", "चार", "पाँच", "छह", "सात", "आठ", "नौ", "दस"];
const MIXED_NUM = ["zero", "ek", "do", "teen", "chaar", "paanch", "chhah", "saat", "aath", "nau", "das"];

/** A party of `n`, said in words up to ten as often as in digits. */
export function partySaid(n: string, lang: Lang, rng: Rng): string {
  const k = Number(n);
  const word = Number.isInteger(k) && k >= 0 && k <= 10 ? { en: EN_NUM, hi: HI_NUM, mixed: MIXED_NUM }[lang][k] : undefined;
  if (k === 1) {
    const one = { en: ["for 1 person", "just for me", "for one person"], hi: ["1 व्यक्ति के लिए", "सिर्फ़ मेरे लिए", "एक व्यक्ति के लिए"], mixed: ["1 person", "sirf mere liye", "ek person ke liye"] };
    return rng.pick(one[lang]);
  }
  const ways = {
    en: [`for ${n} people`, `for ${word ?? n} people`, `for ${n} of us`],
    hi: [`${n} लोगों के लिए`, `${word ?? n} लोगों के लिए`, `हम ${n} लोगों के लिए`],
    mixed: [`${n} log`, `${word ?? n} logon ke liye`, `hum ${n} log`],
  };
  return rng.pick(ways[lang]);
}

/** A weekday (its name in the dialogue's language, capitalised in English and Hinglish). */
export function weekdaySaid(day: string, lang: Lang, rng: Rng): string {
  const ways = {
    en: [`on ${day}`, `this ${day}`, `for ${day}`],
    hi: [`${day} को`, `इस ${day}`, `${day} के दिन`],
    mixed: [`${day} ko`, `is ${day}`, `${day} ke din`],
  };
  return rng.pick(ways[lang]);
}

/** A time "HH:MM" said in Hindi or Hinglish with the part of the day, on the 12-hour clock ("रात 8:15 बजे"), as often as on the 24-hour one. */
export function timeSaid(time: string, lang: Exclude<Lang, "en">, rng: Rng): string {
  const m = /^(\d{1,2}):(\d\d)$/.exec(time);
  const plain = lang === "hi" ? `${time} बजे` : `${time} baje`;
  if (!m || rng.chance(0.5)) return plain;
  const h = Number(m[1]);
  const part = h >= 4 && h < 12 ? 0 : h >= 12 && h < 16 ? 1 : h >= 16 && h < 20 ? 2 : 3;
  const clock = `${h % 12 === 0 ? 12 : h % 12}${m[2] === "00" ? "" : `:${m[2]}`}`;
  return lang === "hi" ? `${["सुबह", "दोपहर", "शाम", "रात"][part]} ${clock} बजे` : `${["subah", "dopahar", "shaam", "raat"][part]} ${clock} baje`;
}
