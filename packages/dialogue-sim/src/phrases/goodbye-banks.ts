/**
 * The parts the assistant's goodbyes and hand-offs are composed from (engine/offline/goodbye.ts):
 * a short reply to the user's thanks, a closing wish, and for a hand-off what happens and what
 * the colleague will have. Drawn separately, so a thousand goodbyes are not the same twenty
 * sentences, and short, as people are when they part ("You're welcome! Have a good Friday.").
 * Every part reads on its own and after any other. Neutral: no domain's words; a pack's own
 * goodbyes (wording.<lang>.assistant.farewell) are said as they are written. In Hindi and
 * Hinglish the assistant's first-person forms carry its gender ({m:…|f:…}).
 * Slots: {weekday} (the day, in the language's own word), {part} (morning, evening, … likewise),
 * {name} (the item the dialogue settled on), {req} (the user's request, said back, English),
 * {item} (what a hand-off is about, as the user named it).
 */
import type { Lang } from "./describe.js";

export interface GoodbyeParts {
  /** The reply to the user's thanks. */
  reply: string[];
  /** A wish to part on, about the day or coming back. */
  closer: string[];
  /** A sympathetic word when the user leaves without what it came for. */
  sorry: string[];
  /** Before a hand-off: the assistant has heard the user. */
  handoffAck: string[];
  /** The hand-off itself, about "this" or (`handoffAbout`) about {item}. */
  handoff: string[];
  handoffAbout: string[];
  /** The hand-off said as the user's own request ({req}); English only, where the request is said back. */
  handoffReq: string[];
  /** The hand-off the user has just said yes to (the offer said who handles it): connecting, and little more. */
  handoffNow: string[];
  /** What the colleague will have, or how long it takes; with {item} in `handoffTailAbout`. */
  handoffTail: string[];
  handoffTailAbout: string[];
}

const en: GoodbyeParts = {
  reply: [
    "[You're welcome|You're very welcome|You're most welcome][!|.]",
    "[Any time|Anytime|Any time at all][!|.]",
    "[My pleasure|A pleasure|The pleasure's mine][!|.]",
    "[Glad I could help|Happy to help|Glad to help|Happy I could help][!|.]",
    "[No problem|No problem at all|Not a problem|No trouble at all][!|.]",
    "[Not at all|Don't mention it|Of course|Sure thing][!|.]",
    "[Great|Perfect|Brilliant|Lovely|Excellent|Wonderful][!|.]",
    "[Glad that worked out|Glad we got there|Good to have that done|Nice, that's done][!|.]",
    "[Thank you too|Thanks to you as well|And thanks for your patience][!|.]",
  ],
  closer: [
    "[Take care|Take it easy|Look after yourself|Stay well][!|.]",
    "Have a [good|great|lovely|nice] {weekday}[!|.]",
    "[Enjoy|Enjoy the rest of] your {weekday}[!|.]",
    "Have a [good|great|lovely|nice] {part}[!|.]",
    "[Enjoy the rest of your|Hope you have a good] {part}[!|.]",
    "[Bye for now|Bye|Goodbye|See you|Cheers][!|.]",
    "[See you next time|Talk soon|Speak soon|Until next time|Catch you later][!|.]",
    "[Come back any time|I'm here if you need me|Message me any time|Just come back if anything comes up][!|.]",
    "[All the best|Best wishes|Good luck with everything][!|.]",
  ],
  sorry: [
    "[Sorry it didn't work out|Sorry I couldn't do more|Sorry we didn't find it|A shame it didn't come together][.|!]",
    "[Understood|Fair enough|No worries|That's okay|Totally fine][.|!]",
    "[I understand|Makes sense|No hard feelings|Your call, of course][.|!]",
    "[Sorry about that|Apologies it didn't work|Too bad it didn't work out this time][.|!]",
  ],
  handoffAck: ["[Understood|Of course|Sure|Okay|Right|No problem|Fair enough|Got it|Absolutely|Certainly][.|!]", ""],
  handoff: [
    "[I'm passing|I'm handing|I've passed] this to [a colleague|someone on the team|one of my colleagues|a specialist].",
    "[A colleague|Someone from the team|A specialist|A person on our team] will [take this on|pick this up|take it] from here.",
    "[I've asked|I'm asking] [a colleague|someone on the team] to [take over|step in].",
    "[Connecting you|Putting you through] to [a colleague|the team|someone who can help] [now|right away].",
    "[Connecting you now|Putting you through now|Transferring you now|Handing you over now|One moment, connecting you][.|!]",
  ],
  handoffAbout: [
    "[I'm passing|I've passed] your [question|request] about {item} to [a colleague|someone on the team|one of my colleagues].",
    "[A colleague|Someone from the team|A specialist] will look into {item} [from here|with you].",
    "[I've asked|I'm asking] [a colleague|someone on the team] to look into {item} [for you|with you].",
  ],
  handoffReq: [
    "[A colleague|Someone on the team|A specialist] will help you {req}[ from here|].",
    "[I'm connecting you with|I'm putting you through to|You'll be with] [a colleague|someone on the team] who can help you {req}.",
  ],
  handoffNow: [
    "[Connecting you now|Putting you through now|Transferring you now|Handing you over now|One moment, connecting you|Bringing a colleague in now][.|!]",
    "[A colleague|Someone from the team] [will join in a moment|is on the way|will pick it up shortly|will be with you shortly].",
    "[Passing you over|Handing this over] now[ — it won't be long| — they'll be with you shortly|].",
  ],
  handoffTail: [
    "[They'll see our chat|They'll have the whole chat|They can see what we've covered|You won't need to repeat anything][.|!]",
    "[It shouldn't be long|They'll be with you shortly|Hang on a moment|Won't be long][.|!]",
    "",
  ],
  handoffTailAbout: [
    "[They'll have|They can see] the details [on|of|about] {item}.",
    "I've shared the details [on|of|about] {item} with them.",
    "[They'll have|They can see] our chat about {item}.",
  ],
};

const hi: GoodbyeParts = {
  reply: [
    "[आपका स्वागत है|स्वागत है आपका][!|।]",
    "[कोई बात नहीं|अरे, कोई बात नहीं|इसमें धन्यवाद कैसा][!|।]",
    "[ख़ुशी हुई|मेरी ख़ुशी|बड़ी ख़ुशी हुई][!|।]",
    "[मदद करके अच्छा लगा|आपकी मदद करके ख़ुशी हुई|काम आ {m:सका|f:सकी}, अच्छा लगा][!|।]",
    "[बढ़िया|बहुत बढ़िया|वाह|शानदार][!|।]",
    "[चलिए, काम बन गया|अच्छा हुआ कि बात बन गई|चलिए, सब निपट गया][!|।]",
    "[आपका भी शुक्रिया|धन्यवाद आपका भी|शुक्रिया, आपने साथ दिया][!|।]",
    "[जी, ज़रूर|जी बिल्कुल|हाँ जी][!|।]",
    "[यह तो मेरा काम है|इतना तो बनता है|अरे, यह तो कुछ भी नहीं][!|।]",
    "[सब हो गया|काम पूरा हुआ|लीजिए, हो गया][!|।]",
    "[आपसे बात करके अच्छा लगा|बढ़िया बातचीत रही|आपने सब आसान कर दिया][!|।]",
    "[धन्यवाद कहने की ज़रूरत नहीं|अरे, शुक्रिया की क्या बात है|यह तो हमारा फ़र्ज़ है][!|।]",
  ],
  closer: [
    "[ध्यान रखिए|अपना ख़याल रखिए|अपना ध्यान रखिए][!|।]",
    "[फिर मिलेंगे|फिर मिलते हैं|जल्द फिर बात होगी][!|।]",
    "[नमस्ते|नमस्कार|चलिए, नमस्ते][!|।]",
    "आपका {weekday} [अच्छा बीते|शुभ हो|बढ़िया रहे][!|।]",
    "[आपकी|] {part} [अच्छी बीते|शुभ हो|आराम से बीते][!|।]",
    "[कभी भी लिखिए|ज़रूरत हो तो फिर लिखिए|कुछ और हो तो बताइए|मैं यहीं हूँ][!|।]",
    "[आगे का दिन अच्छा रहे|दिन शुभ हो|बाकी दिन बढ़िया रहे][!|।]",
    "[फिर कभी काम पड़े तो याद कीजिए|जब चाहें लौट आइए|दरवाज़ा हमेशा खुला है][!|।]",
    "[आराम कीजिए|सब अच्छा रहे|ख़ुश रहिए][!|।]",
    "[जब भी मदद चाहिए, हाज़िर हूँ|कोई सवाल हो तो बेझिझक पूछिए|अगली बार भी यहीं मिलेंगे][!|।]",
    "[आपका {weekday} मंगलमय हो|{weekday} का बाकी दिन अच्छा गुज़रे][!|।]",
  ],
  sorry: [
    "[माफ़ कीजिए, इस बार बात नहीं बनी|अफ़सोस है कि काम नहीं हो पाया|माफ़ी {m:चाहता|f:चाहती} हूँ, इस बार मदद नहीं हो पाई][।|!]",
    "[कोई बात नहीं|समझ {m:सकता|f:सकती} हूँ|ठीक है जी|आपका फ़ैसला सही है][।|!]",
    "[काश कुछ ढंग का मिल जाता|मुझे भी अफ़सोस है|बुरा लगा कि बात नहीं बनी][।|!]",
    "[जैसी आपकी मर्ज़ी|बिल्कुल ठीक|ज़रूर, कोई दबाव नहीं][।|!]",
    "[अगली बार शायद किस्मत साथ दे|शायद अगली बार कुछ मिल जाए|फिर कभी कोशिश करेंगे][।|!]",
  ],
  handoffAck: ["[ठीक है|जी|ज़रूर|बिल्कुल|समझ {m:गया|f:गई}|अवश्य][।|!]", ""],
  handoff: [
    "आपको टीम के [एक साथी|किसी सदस्य|एक विशेषज्ञ] से [जोड़ रहे हैं|जोड़ा जा रहा है]।",
    "[यह मामला|आपकी बात] [टीम को|एक साथी को|एक विशेषज्ञ को] [सौंप {m:रहा|f:रही} हूँ|भेज {m:रहा|f:रही} हूँ]।",
    "[टीम के एक साथी|एक विशेषज्ञ] [अब आगे देखेंगे|यहाँ से सँभालेंगे|आपकी मदद करेंगे]।",
    "[अभी जोड़ते हैं|बस जोड़ ही रहे हैं|लीजिए, जोड़ दिया|आपको आगे भेज रहे हैं][।|!]",
  ],
  handoffAbout: [
    "{item} [का मामला|वाली बात] [टीम को|एक साथी को|एक विशेषज्ञ को] [सौंप {m:रहा|f:रही} हूँ|भेज {m:रहा|f:रही} हूँ]।",
    "{item} [का मामला|की बात] अब [टीम के एक साथी|एक विशेषज्ञ] [देखेंगे|सँभालेंगे]।",
  ],
  handoffReq: [],
  handoffNow: [
    "[अभी जोड़ते हैं|बस जोड़ ही रहे हैं|लीजिए, जोड़ दिया|आपको आगे भेज रहे हैं][।|!]",
    "[टीम के एक साथी|एक विशेषज्ञ] [बस आ ही रहे हैं|थोड़ी देर में जुड़ेंगे|जल्द ही जवाब देंगे][।|!]",
  ],
  handoffTail: [
    "[उन्हें पूरी बातचीत दिखेगी|सारी जानकारी उनके पास होगी|आपको कुछ दोहराना नहीं पड़ेगा|वे यह चैट पढ़कर ही जुड़ेंगे]।",
    "[धैर्य के लिए शुक्रिया|इंतज़ार के लिए माफ़ी|आपकी बात सही जगह पहुँच रही है]।",
    "[बस थोड़ी देर|ज़्यादा देर नहीं लगेगी|वे जल्द ही जुड़ेंगे]।",
    "",
  ],
  handoffTailAbout: ["{item} की [पूरी जानकारी|सारी बात] उनके पास [होगी|रहेगी]।"],
};

const mixed: GoodbyeParts = {
  reply: [
    "[Welcome|You're welcome|Most welcome][!|.]",
    "[Koi baat nahi|Arre, koi baat nahi|Thanks kis baat ka][!|.]",
    "[Khushi hui|My pleasure|Badi khushi hui][!|.]",
    "[Help karke accha laga|Kaam aa {m:saka|f:saki}, accha laga|Madad karke khushi hui][!|.]",
    "[Badhiya|Mast|Perfect|Wah][!|.]",
    "[Chalo, kaam ban gaya|Accha hua baat ban gayi|Chalo, sab set ho gaya][!|.]",
    "[Aapka bhi thanks|Thanks aapka bhi|Shukriya, aapne patience rakha][!|.]",
    "[Anytime|Bilkul|Haan ji][!|.]",
    "[Ye toh mera kaam hai|Itna toh banta hai|Arre, ye toh kuch bhi nahi][!|.]",
    "[Sab ho gaya|Kaam poora hua|Lo, ho gaya][!|.]",
    "[Aapse baat karke accha laga|Badhiya baat-cheet rahi|Aapne sab easy kar diya][!|.]",
    "[Thanks bolne ki zaroorat nahi|Arre, shukriya ki kya baat hai|Ye toh hamara kaam hai][!|.]",
  ],
  closer: [
    "[Take care|Apna khayal rakhna|Khayal rakhna][!|.]",
    "[Phir milte hain|Milte hain|Jaldi phir baat hogi][!|.]",
    "[Bye|Bye bye|Chalo, bye][!|.]",
    "[Aapka|] {weekday} [accha jaye|badhiya rahe|mast jaye][!|.]",
    "[Aapki|] {part} [acchi beete|badhiya rahe][!|.]",
    "[Kabhi bhi ping karna|Zaroorat ho toh phir likhna|Kuch aur ho toh batana|Main yahin hoon][!|.]",
    "[Baaki din accha rahe|Din badhiya rahe|Aage ka din smooth rahe][!|.]",
    "[Kabhi kaam pade toh yaad karna|Jab chaho wapas aana|Darwaza hamesha khula hai][!|.]",
    "[Aaram karo|Sab accha rahe|Khush raho][!|.]",
    "[Jab bhi help chahiye, main hoon|Koi sawaal ho toh bejhijhak poochna|Next time bhi yahin milenge][!|.]",
    "[Enjoy your {weekday}|{weekday} ka baaki din accha guzre][!|.]",
  ],
  sorry: [
    "[Sorry, is baar baat nahi bani|Afsos hai kaam nahi ho paya|Sorry, is baar help nahi ho payi][.|!]",
    "[Koi baat nahi|Samajh {m:sakta|f:sakti} hoon|Theek hai ji|Aapka decision sahi hai][.|!]",
    "[Kaash kuch accha mil jata|Mujhe bhi afsos hai|Bura laga ki baat nahi bani][.|!]",
    "[Jaisi aapki marzi|Bilkul theek|Zaroor, koi pressure nahi][.|!]",
    "[Next time shayad luck saath de|Shayad agli baar kuch mil jaye|Phir kabhi try karenge][.|!]",
  ],
  handoffAck: ["[Theek hai|Ji|Zaroor|Bilkul|Samajh {m:gaya|f:gayi}|Sure][.|!]", ""],
  handoff: [
    "Aapko team ke [ek member|kisi colleague|ek specialist] se [connect kar rahe hain|connect kiya ja raha hai].",
    "[Ye matter|Aapki baat] [team ko|ek colleague ko|ek specialist ko] [hand over kar {m:raha|f:rahi} hoon|bhej {m:raha|f:rahi} hoon].",
    "[Team ke ek member|Ek specialist] [ab aage dekhenge|yahan se sambhalenge|aapki help karenge].",
    "[Abhi connect karte hain|Bas connect kar hi rahe hain|Lo, connect kar diya|Aapko aage bhej rahe hain][.|!]",
  ],
  handoffAbout: [
    "{item} [ka matter|wali baat] [team ko|ek colleague ko|ek specialist ko] [hand over kar {m:raha|f:rahi} hoon|bhej {m:raha|f:rahi} hoon].",
    "{item} [ka matter|ki baat] ab [team ke ek member|ek specialist] [dekhenge|sambhalenge].",
  ],
  handoffReq: [],
  handoffNow: [
    "[Abhi connect karte hain|Bas connect kar hi rahe hain|Lo, connect kar diya|Aapko aage bhej rahe hain][.|!]",
    "[Team ke ek member|Ek specialist] [bas aa hi rahe hain|thodi der mein join karenge|jaldi reply karenge][.|!]",
  ],
  handoffTail: [
    "[Unhe poori chat dikhegi|Saari details unke paas hongi|Aapko kuch repeat nahi karna padega|Wo ye chat padh ke hi join karenge].",
    "[Patience ke liye thanks|Wait ke liye sorry|Aapki baat sahi jagah pahunch rahi hai].",
    "[Bas thodi der|Zyada time nahi lagega|Wo jaldi join karenge].",
    "",
  ],
  handoffTailAbout: ["{item} ki [poori details|saari baat] unke paas [hogi|rahegi]."],
};

export const GOODBYE: Record<Lang, GoodbyeParts> = { en, hi, mixed };

/** The parts of the day and the weekdays in each language's own words (Hinglish says English weekdays, Hindi parts of day). */
export const DAY_WORDS: Record<Lang, { parts: Record<"morning" | "afternoon" | "evening" | "night", string>; weekdays?: Record<string, string> }> = {
  en: { parts: { morning: "morning", afternoon: "afternoon", evening: "evening", night: "night" } },
  hi: {
    parts: { morning: "सुबह", afternoon: "दोपहर", evening: "शाम", night: "रात" },
    weekdays: { Sunday: "रविवार", Monday: "सोमवार", Tuesday: "मंगलवार", Wednesday: "बुधवार", Thursday: "गुरुवार", Friday: "शुक्रवार", Saturday: "शनिवार" },
  },
  mixed: { parts: { morning: "subah", afternoon: "dopahar", evening: "shaam", night: "raat" } },
};
