/**
 * More of what a Hindi or Hinglish user says when it asks about one thing or two (details,
 * reviews, availability, a comparison, what sets them apart) and when it says thanks or leaves
 * (issue #18's user distinct-2: these acts had two or three lines where English has a dozen, so
 * "{item} के बारे में बताइए" came back in every dialogue). Each line says why the user asks or
 * what it will do next ("लेने से पहले जान लूँ"), as people do, in shapes of its own. Neutral like
 * every default line: no domain's words — {item} is a piece of clothing, a hotel, a host or a
 * dentist — and no verb that agrees with {item} where a line can do without one. First-person forms carry {m:…|f:…}.
 * Added to user-banks.ts's, variety-banks.ts's and user-variety-banks.ts's lines by PackWording.
 */
import type { UserAct } from "@chatmill/schema";
import type { Lang } from "./describe.js";

type Lines = Partial<Record<UserAct, string[]>>;

const hi: Lines = {
  details: [
    "{item} के बारे में [तय करने से पहले|आगे बढ़ने से पहले] [थोड़ा जान लूँ|एक बार पूरी बात समझ लूँ]",
    "[अच्छा,|हम्म,|] {item} पर नज़र [गई है|टिकी है] — [क्या ख़ास है?|और क्या बता सकते हैं?|थोड़ा और बताइए]",
    "{item} की [ख़ास बातें|अच्छी-बुरी बातें|ख़ूबियाँ और कमियाँ] [क्या हैं|गिनाइए]?",
    "[किसी ने|एक दोस्त ने] {item} का सुझाव दिया है — [आप क्या कहेंगे?|पूरी बात बताइए]",
    "मैं {item} पर [विचार कर {m:रहा|f:रही} हूँ|सोच {m:रहा|f:रही} हूँ] — [कुछ बताइए|राय दीजिए|क्या जानना चाहिए]?",
    "[मेरा मन|मन तो] {item} पर [है|आ गया है], [पर|लेकिन] [पहले पूरी बात जाननी है|थोड़ा और जानना है]",
    "[छोटे में|सीधे-सीधे] बताइए, {item} [से क्या मिलेगा|में क्या-क्या है]?",
  ],
  reviews: [
    "{item} [आज़माने वालों|लेने वालों] का क्या कहना है?",
    "[किसी ने|लोगों ने] {item} की [तारीफ़ की है|शिकायत की है] क्या?",
    "{item} से लोग [ख़ुश हैं|संतुष्ट हैं] या नहीं?",
    "[सुना है|किसी ने बताया था कि] {item} का [नाम अच्छा है|काम बढ़िया है] — [रिव्यू भी यही कहते हैं|लोग भी यही मानते हैं]?",
    "{item} को कितने स्टार मिले हैं? [भरोसा करने से पहले|पैसे लगाने से पहले] [देख लूँ|जान लूँ]",
  ],
  availability: [
    "[ज़रा देखिए,|एक बार चेक कीजिए,] {item}[ {c}|] [उपलब्ध है|मिलेगा] क्या?",
    "{item}[ {c}|] — [है या नहीं|मिलेगा या नहीं]? [बस यही जानना है|इसी पर सब टिका है]",
    "[अगर|] {item}[ {c}|] अभी [मिल सके|उपलब्ध हो] तो [बताइए|बढ़िया रहेगा]",
    "{item}[ {c}|] [मिल जाएगा ना|हाथ लगेगा]? [देर न हो जाए|कहीं ख़त्म न हो जाए]",
  ],
  compare: [
    "{item} लूँ या {item2}? [आप होते तो क्या करते|आपकी राय क्या है]?",
    "मैं {item} और {item2} के बीच {m:उलझा|f:उलझी} हूँ — [मदद कीजिए|आप बताइए]",
    "{item} और {item2} को [साथ रखकर|आमने-सामने] [दिखाइए|देखिए] — [तभी तय होगा|फ़र्क साफ़ हो जाएगा]",
    "[दोनों में से|इन दोनों में] कौन [आगे है|ज़्यादा काम का है] — {item} या {item2}?",
  ],
  clarify_q: [
    "{item} और {item2} में [सबसे बड़ा फ़र्क|असल अंतर] क्या है?",
    "[एक बात समझ नहीं आई —|ज़रा समझाइए,] {item} {item2} से [अलग कैसे है|बेहतर क्यों है]?",
    "{item} [की जगह|के बजाय] {item2} [क्यों लें|लेने में क्या फ़ायदा]?",
  ],
  thanks_done: [
    "[बस|चलिए], [इतना ही|यही] [था|चाहिए था]। [शुक्रिया|धन्यवाद]!",
    "[शुक्रिया|धन्यवाद], [काम हो गया|मदद मिल गई]",
    "[ठीक है,|अच्छा,] समझ {m:गया|f:गई}, [धन्यवाद|शुक्रिया]",
    "[बहुत काम आया|अब तसल्ली है|अब बेफ़िक्र हूँ] — [धन्यवाद|शुक्रिया जी]",
  ],
};

const mixed: Lines = {
  details: [
    "{item} ke baare mein [decide karne se pehle|aage badhne se pehle] [thoda jaan loon|ek baar poori baat samajh loon]",
    "[Accha,|Hmm,|] {item} pe nazar [gayi hai|ruki hai] — [kya khaas hai?|aur kya bata sakte ho?|thoda aur batao]",
    "{item} ke [plus-minus|pros aur cons|khaas points] [kya hain|batao]?",
    "[Kisi ne|Ek dost ne] {item} suggest kiya hai — [aap kya kahoge?|poori baat batao]",
    "Main {item} [consider kar {m:raha|f:rahi} hoon|pe soch {m:raha|f:rahi} hoon] — [kuch batao|raay do|kya jaanna chahiye]?",
    "[Mera mann|Mann toh] {item} pe [hai|aa gaya hai], [par|lekin] [pehle poori baat jaanni hai|thoda aur jaanna hai]",
    "[Short mein|Seedha] batao, {item} [se kya milega|mein kya kya hai]?",
  ],
  reviews: [
    "{item} [try karne walon|lene walon] ka kya kehna hai?",
    "[Kisi ne|Logon ne] {item} ki [taareef ki hai|complaint ki hai] kya?",
    "{item} se log [khush hain|satisfied hain] ya nahi?",
    "[Suna hai|Kisi ne bataya tha ki] {item} ka [naam accha hai|kaam badhiya hai] — [reviews bhi yahi kehte hain|log bhi yahi maante hain]?",
    "{item} ko kitne star mile hain? [Bharosa karne se pehle|Paise lagane se pehle] [dekh loon|jaan loon]",
  ],
  availability: [
    "[Zara dekho,|Ek baar check karo,] {item}[ {c}|] [available hai|milega] kya?",
    "{item}[ {c}|] — [hai ya nahi|milega ya nahi]? [Bas yahi jaanna hai|Isi pe sab tika hai]",
    "[Agar|] {item}[ {c}|] abhi [mil sake|available ho] toh [batao|badhiya rahega]",
    "{item}[ {c}|] [mil jayega na|haath lagega]? [Thodi jaldi hai|Kahin khatam na ho jaye]",
  ],
  compare: [
    "{item} loon ya {item2}? [Aap hote toh kya karte|Aapki raay kya hai]?",
    "Main {item} aur {item2} ke beech {m:uljha|f:uljhi} hoon — [help karo|aap batao]",
    "{item} aur {item2} ko [saath rakh ke|aamne-saamne] [dikhao|dekho] — [tabhi decide hoga|farak clear ho jayega]",
    "[Dono mein se|In dono mein] kaun [aage hai|zyada kaam ka hai] — {item} ya {item2}?",
  ],
  clarify_q: [
    "{item} aur {item2} mein [sabse bada farak|asli difference] kya hai?",
    "[Ek baat samajh nahi aayi —|Zara samjhao,] {item} {item2} se [alag kaise hai|better kyun hai]?",
    "{item} [ki jagah|ke bajaye] {item2} [kyun lein|lene mein kya fayda]?",
  ],
  thanks_done: [
    "[Bas|Chalo], [itna hi|yahi] [tha|chahiye tha]. [Thanks|Shukriya]!",
    "[Shukriya|Thanks], [kaam ho gaya|help mil gayi]",
    "[Theek hai,|Accha,] [samajh {m:gaya|f:gayi}|clear hai], [thanks|shukriya]",
    "[Bahut kaam aaya|Ab tasalli hai|Ab koi fikr nahi] — [thanks|shukriya ji]",
  ],
};

export const USER_LOCAL: Record<Lang, Lines> = { en: {}, hi, mixed };
