/**
 * How a user states a request it brings in its own words (reserved-request.ts's askFor): in
 * English around the reason's clause, in Hindi and Hinglish about the thing the request names,
 * since the reason is written in English. Lines are short and of several shapes (a person says "Dr Nowak, Friday's
 * booking — can someone from the team call me?" as often as a full sentence), so the
 * conversation's first message is not one skeleton with its slots changed. No first-person
 * verb whose form carries the speaker's gender (these lines are said without the persona).
 * (Saying when the booking it is about was, from the scenario's setup, was tried: its words
 * recur across dialogues, and it lowered distinct-2 in every language.)
 */
import type { Lang } from "../phrases/describe.js";

/** Lines of a request in a language: with the thing it is about, and without. */
export interface RequestLines {
  /** Reserved to a person, about {item}. */
  reserved: string[];
  /** Reserved to a person, about nothing the user can name. */
  reservedPlain: string[];
  /** Not reserved: help with {item}. */
  help: string[];
  /** Not reserved, about nothing the user can name. */
  helpPlain: string[];
  /** What {greet} is in the user's first message, and in a later one ("and", "now"). */
  greet: string;
  later: string;
}

// Hindi parts: who the user wants, what it has, how it asks.
const H_ABOUT = "[{item} के बारे में|{item} को लेकर|{item} के सिलसिले में]";
const H_WHO = "[टीम के किसी व्यक्ति|किसी इंसान|किसी ज़िम्मेदार व्यक्ति|आपकी टीम|किसी सीनियर]";

const hi: RequestLines = {
  reserved: [
    `{greet} [मुझे|हमें] ${H_ABOUT} ${H_WHO} से बात करनी है[, जल्दी हो तो अच्छा|, अभी हो सकती है?|]`,
    `{greet} [मुझे|हमें] ${H_ABOUT} [एक बात|एक गुज़ारिश] [दर्ज करानी है|आगे पहुँचानी है|ऊपर तक पहुँचानी है], [कोई व्यक्ति देखे तो अच्छा|किसी से बात हो सकती है?|कौन सुनेगा?]`,
    `{greet} [मुझे|हमें] ${H_ABOUT} [किसी से सीधे बात करनी है|किसी इंसान से ही बात करनी है], [चैट से बात नहीं बनेगी|मामला थोड़ा उलझा है|मशीन से यह नहीं होगा]`,
    "[मामला {item} का है|बात {item} की है] — [किसी इंसान से बात करा दीजिए|टीम में किसी से मिलवा दीजिए|कोई व्यक्ति देख ले तो बेहतर]",
    "{item} [वाली बात|वाला मामला] [किसी इंसान को ही बताना है|चैट पर नहीं सुलझेगा|टीम तक पहुँचानी है], [जोड़ देंगे?|कोई है?|प्लीज़]",
    "[सीधी बात:|सच कहूँ तो] {item} को लेकर [कुछ कहना है|एक बात करनी है|एक काम है]; [किसी से बात करा दीजिए|कोई सुनेगा?|टीम से जोड़िए]",
    `[एक मिनट,|पहले ही बता दूँ —|] {item} [की बात है|का मामला है]। ${H_WHO} से बात [हो सकती है?|करा दीजिए।|चाहिए।]`,
    "{item} — [इस पर कोई व्यक्ति ध्यान दे|इसे कोई इंसान देखे|इसकी बात टीम तक जाए], [बस इतना चाहिए|यही गुज़ारिश है|इतनी सी बात है]",
  ],
  reservedPlain: [
    `{greet} [मुझे|हमें] [एक मामले में|एक ज़रूरी बात पर|एक दिक्कत को लेकर] ${H_WHO} से बात करनी है[, जल्दी हो तो अच्छा|, अभी हो सकती है?|]`,
    "[एक ज़रूरी बात है|एक उलझा मामला है] — [किसी इंसान से बात करा दीजिए|टीम में किसी से जोड़िए]",
  ],
  help: [
    `{greet} [मुझे|हमें] ${H_ABOUT} [मदद चाहिए|कुछ करवाना है|काम है], [हो पाएगा?|मदद करेंगे?|कैसे करें?]`,
    `{greet} [मुझे|हमें] ${H_ABOUT} [कुछ पूछना है|जानकारी चाहिए|थोड़ा समझना है], [बताइए|ज़रा देखिए|समय हो तो बताइए]`,
    "{item} [का एक काम है|वाली बात पूछनी थी] — [हो जाएगा?|कौन देखेगा?|बता सकते हैं?]",
  ],
  helpPlain: [
    "{greet} [मुझे|हमें] [एक मामले में|एक ज़रूरी बात पर|एक दिक्कत को लेकर] [मदद चाहिए|कुछ करवाना है|काम है], [हो पाएगा?|मदद करेंगे?|कैसे करें?]",
    "{greet} [मुझे|हमें] [एक मामले में|एक ज़रूरी बात पर] [कुछ पूछना है|जानकारी चाहिए|थोड़ा समझना है], [बताइए|ज़रा देखिए|समय हो तो बताइए]",
  ],
  greet: "[नमस्ते,|सुनिए,|नमस्कार जी,|हैलो,|देखिए,|माफ़ कीजिए,|]",
  later: "[और|अब|]",
};

const M_ABOUT = "[{item} ke baare mein|{item} ko lekar|{item} ke silsile mein]";
const M_WHO = "[team ke kisi member|kisi insaan|kisi responsible person|aapki team|kisi senior]";

const mixed: RequestLines = {
  reserved: [
    `{greet} [mujhe|humein] ${M_ABOUT} ${M_WHO} se baat karni hai[, jaldi ho toh accha|, abhi ho sakti hai?|]`,
    `{greet} [mujhe|humein] ${M_ABOUT} [ek baat|ek request] [register karni hai|aage pahunchani hai|upar tak pahunchani hai], [koi person dekhe toh accha|kisi se baat ho sakti hai?|kaun sunega?]`,
    `{greet} [mujhe|humein] ${M_ABOUT} [kisi se seedha baat karni hai|kisi insaan se hi baat karni hai], [chat se baat nahi banegi|matter thoda complicated hai|bot se ye nahi hoga]`,
    "[matter {item} ka hai|baat {item} ki hai] — [kisi insaan se baat karwa do|team mein kisi se connect karo|koi person dekh le toh better]",
    "{item} [wali baat|wala matter] [kisi insaan ko hi batana hai|chat pe solve nahi hoga|team tak pahunchani hai], [connect karoge?|koi hai?|please]",
    "[seedhi baat:|sach bolun toh] {item} ko lekar [kuch kehna hai|ek baat karni hai|ek kaam hai]; [kisi se baat karwa do|koi sunega?|team se connect karo]",
    "[ek min,|pehle hi bata doon —|] {item} [ki baat hai|ka matter hai]. [Team ke kisi member|Kisi insaan|Kisi responsible person|Aapki team|Kisi senior] se baat [ho sakti hai?|karwa do.|chahiye.]",
    "{item} — [ispe koi person dhyan de|ise koi insaan dekhe|iski baat team tak jaye], [bas itna chahiye|yahi request hai|itni si baat hai]",
  ],
  reservedPlain: [
    `{greet} [mujhe|humein] [ek matter mein|ek zaroori baat pe|ek problem ko lekar] ${M_WHO} se baat karni hai[, jaldi ho toh accha|, abhi ho sakti hai?|]`,
    "[ek zaroori baat hai|ek complicated matter hai] — [kisi insaan se baat karwa do|team mein kisi se connect karo]",
  ],
  help: [
    `{greet} [mujhe|humein] ${M_ABOUT} [help chahiye|kuch karwana hai|kaam hai], [ho payega?|help karoge?|kaise karein?]`,
    `{greet} [mujhe|humein] ${M_ABOUT} [poochna tha|info chahiye|thoda samajhna hai], [batao|zara dekho|time ho toh batao]`,
    "{item} [ka ek kaam hai|wali baat poochni thi] — [ho jayega?|kaun dekhega?|bata sakte ho?]",
  ],
  helpPlain: [
    "{greet} [mujhe|humein] [ek matter mein|ek zaroori baat pe|ek problem ko lekar] [help chahiye|kuch karwana hai|kaam hai], [ho payega?|help karoge?|kaise karein?]",
    "{greet} [mujhe|humein] [ek matter mein|ek zaroori baat pe] [poochna tha|info chahiye|thoda samajhna hai], [batao|zara dekho|time ho toh batao]",
  ],
  greet: "[Hello,|Suno,|Namaste ji,|Hi,|Dekho,|Excuse me,|]",
  later: "[Aur|Ab|]",
};

const en: RequestLines = {
  reserved: [],
  reservedPlain: [],
  help: [],
  helpPlain: [],
  greet: "",
  later: "",
};

export const REQUEST_LINES: Record<Lang, RequestLines> = { en, hi, mixed };
