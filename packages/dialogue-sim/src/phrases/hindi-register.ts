/**
 * The familiar register of Hindi requests: a casual writer to a support chat says "बुक कर दो",
 * "बता दो", "ज़रा देख लो" where the banks, written in the polite register, say "कर दीजिए",
 * "बता दीजिए", "देख लीजिए". Only imperatives in this list change ("के लिए", "चाहिए" and other
 * words ending the same way are not imperatives), so a line keeps its meaning and its "आप".
 */
const FAMILIAR: Readonly<Record<string, string>> = {
  दीजिए: "दो",
  दीजिएगा: "देना",
  कीजिए: "करो",
  कीजिएगा: "करना",
  करिए: "करो",
  लीजिए: "लो",
  लीजिएगा: "लेना",
  बताइए: "बताओ",
  बताइएगा: "बताना",
  दिखाइए: "दिखाओ",
  सुझाइए: "सुझाओ",
  समझाइए: "समझाओ",
  सुनिए: "सुनो",
  देखिए: "देखो",
  बढ़िए: "बढ़ो",
  बढ़ाइए: "बढ़ाओ",
  चलिए: "चलो",
  रुकिए: "रुको",
  ढूँढिए: "ढूँढो",
  खोजिए: "खोजो",
  जोड़िए: "जोड़ो",
  रखिए: "रखो",
  छोड़िए: "छोड़ो",
  भेजिए: "भेजो",
  मिलवाइए: "मिलवाओ",
  करवाइए: "करवाओ",
};

// "माफ़ कीजिए" is said "माफ़ करना" in the familiar register, not "माफ़ करो" (an order); "कृपया"
// (bookish beside "कर दो") is said "प्लीज़", as casual writers do.
const SORRY = /माफ़ कीजिए/g;
const PLEASE = /कृपया/g;
const WORD = new RegExp(`(?<![\\p{L}\\p{M}])(${Object.keys(FAMILIAR).sort((a, b) => b.length - a.length).join("|")})(?![\\p{L}\\p{M}])`, "gu");

/** A Hindi line in the familiar register: its polite imperatives said as a casual writer says them. */
export function familiarHindi(text: string): string {
  return text.replace(SORRY, "माफ़ करना").replace(PLEASE, "प्लीज़").replace(WORD, (w) => FAMILIAR[w] ?? w);
}

/**
 * The polite register of Hinglish requests: a formal writer says "kar dijiye", "bataiye", "help
 * karenge?" where the banks, written casually, say "kar do", "batao", "help karoge?". A bare "do"
 * is "two" as often as "give", so only "do" after a verb stem in this list changes.
 */
const POLITE: Readonly<Record<string, string>> = {
  karo: "kijiye",
  batao: "bataiye",
  dikhao: "dikhaiye",
  dekho: "dekhiye",
  suno: "suniye",
  chalo: "chaliye",
  ruko: "rukiye",
  dhoondho: "dhoondhiye",
  rakho: "rakhiye",
  bhejo: "bhejiye",
  badhao: "badhaiye",
  samjhao: "samjhaiye",
  karoge: "karenge",
  doge: "denge",
  bataoge: "batayenge",
};
const POLITE_WORD = new RegExp(`\\b(${Object.keys(POLITE).join("|")})\\b`, "gi");
const STEM_DO = /\b(kar|karke|de|bata|dikha|dhoondh|karwa|bhej|jod|rakh|nikaal|samjha|hata|badha|milwa|kara|suna) do\b/gi;
const STEM_LO = /\b(dekh|le|likh|rakh|samajh|soch) lo\b/gi;
const SAKTE_HO = /\bsakte ho\b/gi;

/** Keeps a capital on the first letter ("Batao" → "Bataiye"). */
const like = (said: string, as: string): string => (/^[A-Z]/.test(as) ? said.charAt(0).toUpperCase() + said.slice(1) : said);

/** A Hinglish line in the polite register: its familiar imperatives and questions said as a formal writer says them. */
export function politeHinglish(text: string): string {
  return text
    .replace(STEM_DO, (_m, stem: string) => `${stem} dijiye`)
    .replace(STEM_LO, (_m, stem: string) => `${stem} lijiye`)
    .replace(SAKTE_HO, (m) => like("sakte hain", m))
    .replace(POLITE_WORD, (w) => like(POLITE[w.toLowerCase()]!, w));
}
