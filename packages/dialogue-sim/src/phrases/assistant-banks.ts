/**
 * What the assistant says, by language and act (AJ's voice, seed 004: no robotic phrasing,
 * one apology at most, follow-up offers). Style-specific openings live in style-banks.ts.
 */
import type { AssistantAct } from "@chatmill/schema";

export type { AssistantAct };

/**
 * The acts whose neutral lines are elsewhere: those that depend on the persona's style
 * (style-banks.ts) and those Voice composes around a turn (voice-banks.ts).
 */
export type ElsewhereAct = "ack" | "intro" | "offer" | "action_ack" | "tip" | "restate" | `look_${string}`;

type Bank = Record<Exclude<AssistantAct, ElsewhereAct>, string[]>;

const en: Bank = {
  small_talk: [
    "[Doing well, thanks for asking|All good here, thanks|Can't complain]! [What can I do for you?|What are we looking for today?|How can I help?]",
    "[Ha, I hear you|Ha, fair]! [Let's make it a good one —|Well, let's get you sorted —] what do you need?",
    "[Sounds like quite a day|Oh no, stay dry|Nice] [— I'm here to make the rest easier|]. What can I help with?",
  ],
  small_talk_mid: [
    "[Ha|Haha], [fair|I'll take that|happens to the best of us]! [Anyway, back to|So, about] {topic} —[ anything else you want to know?| where were we?| want to go ahead?]",
    "[Ha, noted|Ha, I hear you]. [Back to|Right,] {topic}: [what's next?|shall we carry on?]",
  ],
  clarify_ask: [
    "[Sure|Happy to help|Can do]! [What|Which] {field} [are you after|did you have in mind|works for you]?",
    "[Got it|Okay]. [To narrow it down,|Quick question so I get it right:] any preference on {field}?",
    "[Sure thing|Of course] — [any|do you have some] {field} in mind?",
  ],
  none_found: [
    "[Hmm, nothing|Sorry, nothing] [matches|fits] {wants} [right now|at the moment]. [Want me to loosen one of those?|Shall I widen the search?|Want to try a different {field}?]",
    "[I couldn't find anything|Nothing came up] {wants}. [Should I relax the {field}?|Want me to try something close?]",
  ],
  // A retry names what went wrong: a timeout is not an empty answer.
  retry_timeout: [
    "[That timed out|The lookup didn't answer in time|That request hung] — [trying again|giving it another go|one more try].",
    "[No answer from the system that time|That took too long to come back]; [retrying now|let me run it again].",
  ],
  retry_error: [
    "[Hit a hiccup on that one|The service hiccuped|That errored on their side]; [retrying now|let me run it again|trying once more].",
    "[Something went wrong on the backend|The system threw an error] — [giving it another go|one more try].",
  ],
  retry_empty: [
    "[Nothing came back, which is odd|That came back empty, which doesn't look right] — [checking again|let me re-run it].",
  ],
  retry_partial: [
    "[Only part of the list came back|That answer looks cut short] — [fetching the rest|let me run it again for the full list].",
  ],
  alt_tool: [
    "[Still not cooperating|Same problem again], so [let me come at it another way|I'll try a different route].",
    "[That one's being stubborn|No joy there] — [switching to another lookup|trying it a different way].",
  ],
  apologize_ask: [
    "Sorry about that — [the system is being slow right now|our lookup is having trouble]. [Want me to keep trying, or come back to it in a bit?|Shall I try once more?]",
    "[Apologies,|Sorry,] [that's not working on my end just now|the service isn't responding]. [Okay if I give it another shot?|Want me to retry?]",
  ],
  still_failing: [
    "[It's still down|That's still failing] [on my side|]. [I'd rather not keep you waiting — |]{next}",
  ],
  booked: [
    "[Done|All set]! {summary}[. Your reference is|, reference] {ref}.",
    "[That's confirmed|Sorted|Confirmed] — {summary}. Reference: {ref}.",
  ],
  cancelled: [
    "[Done|All done] — {ref} is cancelled.",
    "[Cancelled|That's cancelled]: {ref}. [Nothing else to do on your side.|You're all set.]",
  ],
  modified: [
    "[Updated|Done] — {ref} is now {summary}.",
    "[Changed it|All changed]: {ref}, {summary}.",
  ],
  action_failed: [
    "[That didn't go through|I couldn't complete that]: {reason}. [Want to try a different {field}?|Shall we try another option?]",
  ],
  escalate: [
    "[Understood|Fair enough] — I'm [passing this to|bringing in] [a colleague|someone from the team|a human agent] who can [take it from here|sort this out]. They'll see [everything we've covered|this whole conversation], so you won't have to repeat yourself.",
    "[Got it|Of course]. I've [escalated this|flagged this for a specialist]; [someone will pick it up shortly|a person will be with you soon] with [the full context|all the details so far].",
  ],
  farewell: [
    "[Anytime|My pleasure|Glad I could help]! [Enjoy|Have a great {weekday}|Take care].",
    "[You're welcome|No problem at all][!|.] [Shout if you need anything else.|I'm here if anything else comes up.]",
  ],
  give_up_reply: [
    "[No problem|Understood|Fair enough] — [sorry this one didn't work out|I get it]. [If anything changes, I'm here.|Happy to look again anytime.]",
  ],
  details: [
    "{name} [({id})|] — {facts}.",
    // No "it's"/"is" before the facts: a person is not "it", and "is phone 0161 …" is no sentence.
    "[Here's the rundown on|About] {name}: {facts}.",
    "{name} [({id})|], [in brief|briefly]: {facts}.",
  ],
  compare: [
    "[Side by side|Quick comparison]: {lines}",
    "[Here's how they stack up|Comparing the two]: {lines}",
    "[The main difference|What sets them apart]: {lines}",
  ],
  reviews: [
    "[Reviews for|What people say about] {name}: {facts}.",
  ],
  availability: [
    "[Good news|Yes] — {name} is available in {facts}.",
    "{name} is available in {facts}.",
    "[I checked|Just checked]: {name} comes in {facts}.",
  ],
  correction_ack: [
    "[No problem|Got it|Ah, okay] — {c} [it is|then]. [Updating the search.|Let me re-check.]",
    "[Easy fix|No worries] — changing it: {c}.",
  ],
  status: [
    "{name}: {facts}.",
  ],
  command: [
    // Each lead-in whole: "Here's what `df -h` on cache-01:" and "Output of `free -m` says on web-02:" were the cross-product of two halves.
    "[Here's the output from|Output of] `{cmd}` on {name}:\n{output}",
    "Here's what `{cmd}` [says|prints|shows] on {name}:\n{output}",
  ],
  explain: [
    "[Good question|Sure thing]: {topic} [depends on|comes down to] [what you need|the details] — [tell me a bit more|say what you have in mind] and I'll [look into it|check it for you].",
    "[Happy to help with that|Sure thing]. [What would you like to know|Which part matters most to you] about {topic}?",
  ],
  confirm_first: ["[Just to confirm|Quick check|Let me make sure I have this right]: {what}[ — shall I go ahead?|? Good to go?|, correct?]", "[Okay|Got it] — {what}. [Want me to go ahead?|Shall I?]"],
  noted: ["[Good pick|Nice|Okay] — {name} [it is|then]. [Anything else before we wrap up?|Want me to check anything else on it?]", "{name}, [got it|noted]. [Shall I go ahead?|Anything else?]"],
  need_details: [
    "[Sure|Happy to] — [I just need|what's] the {fields}[, and I'll set it up|]?",
  ],
};

const hi: Bank = {
  small_talk: ["[मैं ठीक हूँ, पूछने के लिए धन्यवाद|सब बढ़िया]! [बताइए, क्या मदद करूँ?|आज क्या ढूँढ रहे हैं?]"],
  small_talk_mid: ["[हाहा|अच्छा]! तो, {topic} — [आगे बढ़ें?|और कुछ?]"],
  clarify_ask: ["[ज़रूर|बिल्कुल|हाँ जी]! {field} [कैसा चाहिए|के बारे में कोई पसंद|को लेकर कुछ सोचा है]?", "[ठीक है|समझ {m:गया|f:गई}|अच्छा]। {field} [क्या रखें|बताइए|क्या चलेगा]?"],
  none_found: ["[माफ़ कीजिए,|अभी|फ़िलहाल] {wants} [कुछ नहीं मिला|कोई विकल्प नहीं है|कुछ नज़र नहीं आया]। [कोई शर्त ढीली करूँ?|कुछ और देखूँ?|{field} बदलकर देखें?]"],
  retry_timeout: ["[जवाब नहीं आया|टाइमआउट हो गया|समय पर जवाब नहीं आया] — [फिर से कोशिश कर {m:रहा|f:रही} हूँ|एक बार और {m:देखता|f:देखती} हूँ|दोबारा भेज {m:रहा|f:रही} हूँ]।"],
  retry_error: ["[कुछ गड़बड़ हुई|सर्विस में दिक्कत आई|एक एरर आ गया]; [दोबारा चला {m:रहा|f:रही} हूँ|फिर से {m:देखता|f:देखती} हूँ|एक बार और {m:आज़माता|f:आज़माती} हूँ]।"],
  retry_empty: ["[नतीजा खाली आया, अजीब है|कुछ नहीं लौटा, यह ठीक नहीं लगता] — [फिर से {m:देखता|f:देखती} हूँ|दोबारा चला {m:रहा|f:रही} हूँ]।"],
  retry_partial: ["[सिर्फ़ आधी सूची आई|जवाब अधूरा लगता है] — [बाकी मँगवा {m:रहा|f:रही} हूँ|पूरी सूची के लिए फिर चला {m:रहा|f:रही} हूँ]।"],
  alt_tool: ["[अब भी दिक्कत है|फिर वही समस्या], [दूसरे तरीके से {m:देखता|f:देखती} हूँ|दूसरा रास्ता {m:आज़माता|f:आज़माती} हूँ]।"],
  apologize_ask: ["माफ़ कीजिए — [सिस्टम अभी धीमा है|सेवा जवाब नहीं दे रही]। [फिर से कोशिश करूँ?|थोड़ी देर बाद देखूँ?]"],
  still_failing: ["[अब भी नहीं चल रहा|अभी भी फेल हो रहा है]। {next}"],
  booked: ["[हो गया|पक्का हो गया|दर्ज हो गया]! {summary}। [रेफ़रेंस|आपका नंबर]: {ref}।"],
  cancelled: ["[हो गया|रद्द कर दिया|काम हो गया] — {ref} [कैंसल है|अब रद्द है]।"],
  modified: ["[बदल दिया|अपडेट हो गया|नया हिसाब दर्ज है] — {ref}: {summary}।"],
  action_failed: ["[यह नहीं हो पाया|यह पूरा नहीं हुआ]: {reason}। [कोई और विकल्प देखें?|दूसरा {field} आज़माएँ?]"],
  escalate: ["[समझ {m:गया|f:गई}|ठीक है|जी] — मैं यह [किसी सहकर्मी|सपोर्ट टीम|टीम के एक साथी] को [सौंप {m:रहा|f:रही} हूँ|भेज {m:रहा|f:रही} हूँ]; [उन्हें पूरी बातचीत दिखेगी|सारी बात उनके सामने होगी], [आपको दोहराना नहीं पड़ेगा|शुरू से बताने की ज़रूरत नहीं]।"],
  farewell: ["[आपका स्वागत है|ख़ुशी हुई|मेरी ख़ुशी]! [ध्यान रखिए|दिन अच्छा रहे|फिर मिलेंगे]।", "[कोई बात नहीं|स्वागत है|इसमें धन्यवाद कैसा]! [और कुछ हो तो बताइए।|मैं यहीं हूँ।|कभी भी पुकार लीजिए।]"],
  give_up_reply: ["[कोई बात नहीं|समझ {m:सकता|f:सकती} हूँ|ठीक है जी] — [माफ़ कीजिए, इस बार नहीं हो पाया|अफ़सोस कि बात नहीं बनी|]। [कभी भी फिर पूछिए।|मैं यहीं हूँ।|जब चाहें लौट आइए।]"],
  details: ["{name} ({id}) — {facts}।", "[ज़रा देखिए|यह रहा ब्योरा]: {name} — {facts}।"],
  compare: ["[तुलना|आमने-सामने|दोनों साथ रखकर]: {lines}"],
  reviews: ["{name} के [रिव्यू|बारे में राय]: {facts}।"],
  availability: ["{name}: {facts}।", "{name} [अभी|इस समय] [इन विकल्पों में उपलब्ध है|इनमें उपलब्ध है]: {facts}।"],
  correction_ack: ["[ठीक है|समझ {m:गया|f:गई}|अच्छा, सुधार लिया] — {c}। [फिर से {m:देखता|f:देखती} हूँ।|सर्च अपडेट कर {m:रहा|f:रही} हूँ।|नए सिरे से खोजते हैं।]"],
  status: ["{name}: {facts}।"],
  command: ["{name} पर `{cmd}` का [आउटपुट|नतीजा][:| यह रहा:]\n{output}"],
  explain: ["[अच्छा सवाल|ज़रूर]! {topic} आपकी ज़रूरत पर निर्भर करता है — [बताइए क्या चाहिए|थोड़ा और बताइए], मैं देख {m:लूँगा|f:लूँगी}।"],
  confirm_first: ["[पक्का कर लूँ|एक बार जाँच लूँ|एक बार दोहरा दूँ]: {what} — [आगे बढ़ूँ?|सही है?|यही चाहिए न?]"],
  noted: ["[ठीक है|बढ़िया|नोट कर लिया] — {name}। [और कुछ?|आगे बढ़ूँ?|कुछ और जानना है?]"],
  need_details: ["[ज़रूर|बिल्कुल|हो जाएगा] — [बस|सिर्फ़] {fields} बता दीजिए?"],
};

const mixed: Bank = {
  small_talk: ["[Main badhiya, thanks for asking|Sab mast]! [Batao, kya help karun?|Aaj kya dhoondh rahe ho?]"],
  small_talk_mid: ["[Haha|Accha]! Toh, {topic} — [aage badhein?|aur kuch?]"],
  clarify_ask: ["[Sure|Bilkul|Haan ji]! {field} [kaisa chahiye|ka koi preference|ko leke kuch socha hai]?", "[Ok|Samajh {m:gaya|f:gayi}|Accha]. {field} [kya rakhein|batao|kya chalega]?"],
  none_found: ["[Sorry,|Abhi|Filhaal] {wants} [kuch nahi mila|koi option nahi hai|kuch nazar nahi aaya]. [Koi filter loose karun?|Kuch aur try karein?|{field} badal ke dekhein?]"],
  retry_timeout: ["[Timeout ho gaya|Response nahi aaya|Time pe response nahi aaya] — [phir se try kar {m:raha|f:rahi} hoon|ek baar aur {m:dekhta|f:dekhti} hoon|dobara bhej {m:raha|f:rahi} hoon]."],
  retry_error: ["[Kuch gadbad hui|Service mein issue aaya|Ek error aa gaya]; [dobara chala {m:raha|f:rahi} hoon|phir se check {m:karta|f:karti} hoon|ek baar aur try {m:karta|f:karti} hoon]."],
  retry_empty: ["[Result khaali aaya, ajeeb hai|Kuch return nahi hua, theek nahi lag raha] — [phir se check {m:karta|f:karti} hoon|dobara chala {m:raha|f:rahi} hoon]."],
  retry_partial: ["[Sirf aadhi list aayi|Result adhoora lag raha hai] — [baaki mangwa {m:raha|f:rahi} hoon|poori list ke liye phir chala {m:raha|f:rahi} hoon]."],
  alt_tool: ["[Abhi bhi issue hai|Phir wahi problem], [doosre tarike se {m:dekhta|f:dekhti} hoon|another route try {m:karta|f:karti} hoon]."],
  apologize_ask: ["Sorry — [system abhi slow hai|service respond nahi kar rahi]. [Phir se try karun?|Thodi der baad dekhein?]"],
  still_failing: ["[Abhi bhi nahi chal raha|Still fail ho raha hai]. {next}"],
  booked: ["[Ho gaya|Confirm ho gaya|Darj ho gaya]! {summary}. [Reference|Aapka number]: {ref}."],
  cancelled: ["[Ho gaya|Cancel kar diya|Kaam ho gaya] — {ref} [cancel hai|ab cancelled hai]."],
  modified: ["[Update ho gaya|Change kar diya|Naya hisaab save hai] — {ref}: {summary}."],
  action_failed: ["[Ye nahi ho paya|Ye complete nahi hua]: {reason}. [Koi aur option dekhein?|Doosra {field} try karein?]"],
  escalate: ["[Samajh {m:gaya|f:gayi}|Theek hai|Ji] — main ye [colleague|support team|team ke ek member] ko [hand over kar {m:raha|f:rahi} hoon|bhej {m:raha|f:rahi} hoon]; [unhe poori baat dikhegi|saari baat unke saamne hogi], [aapko repeat nahi karna padega|shuru se batane ki zaroorat nahi]."],
  farewell: ["[Welcome|Khushi hui|My pleasure]! [Take care|Din accha rahe|Phir milenge].", "[Koi baat nahi|Anytime|Isme thanks kaisa]! [Aur kuch ho toh batana.|Main yahin hoon.|Kabhi bhi ping karna.]"],
  give_up_reply: ["[Koi baat nahi|Samajh {m:sakta|f:sakti} hoon|Theek hai ji] — [sorry, is baar nahi ho paya|afsos ki baat nahi bani|]. [Kabhi bhi phir poochna.|Main yahin hoon.|Jab chaho wapas aana.]"],
  details: ["{name} ({id}) — {facts}.", "[Zara dekho|Ye rahi details]: {name} — {facts}."],
  compare: ["[Comparison|Side by side|Dono saath rakh ke]: {lines}"],
  reviews: ["{name} ke [reviews|baare mein raay]: {facts}."],
  availability: ["{name}: {facts}.", "{name} [abhi|is time] [in options mein available hai|inmein available hai]: {facts}."],
  correction_ack: ["[Ok|Samajh {m:gaya|f:gayi}|Accha, sudhaar liya] — {c}. [Phir se {m:dekhta|f:dekhti} hoon.|Search update kar {m:raha|f:rahi} hoon.|Naye sire se search karte hain.]"],
  status: ["{name}: {facts}."],
  command: ["{name} pe `{cmd}` ka [output|result][:| ye raha:]\n{output}"],
  explain: ["[Bilkul|Sure], dekho: {topic} aapki zaroorat pe depend karta hai — [batao kya chahiye|thoda aur batao], main check kar {m:lunga|f:lungi}."],
  confirm_first: ["[Confirm kar loon|Ek baar check kar loon|Ek baar repeat kar doon]: {what} — [aage badhun?|sahi hai?|yahi chahiye na?]"],
  noted: ["[Theek hai|Badhiya|Note kar liya] — {name}. [Aur kuch?|Aage badhun?|Kuch aur jaanna hai?]"],
  need_details: ["[Sure|Bilkul|Ho jayega] — [bas|sirf] {fields} bata do?"],
};

export const ASSISTANT: Record<"en" | "hi" | "mixed", Bank> = { en, hi, mixed };
