/**
 * What the simulated user says, by language and act. Each line is a template of the phrase
 * grammar (see grammar.ts): alternatives in [a|b], slots in {braces}. Style comes from the
 * openers and closers composed around the core (style-banks.ts), not from separate copies.
 */
import type { UserAct } from "@chatmill/schema";

export type { UserAct };

type Bank = Record<Exclude<UserAct, "extra">, string[]>;

const en: Bank = {
  small_talk: [
    "[hi|hey|hello] [there|]! [how's your day going|how are you doing today|hope your day's going well]?",
    "[hey|hi], [quick one before we start|before anything else] — [is it just me or is|isn't] {weekday} [always so slow|the longest day]?",
    "[morning|hello]! [it's pouring here in {city}|lovely weather in {city} today|it's freezing in {city}], [honestly|not gonna lie|]",
    "[hi|hey], [first time using this chat|never tried this chat before], [so bear with me|be gentle|]",
  ],
  small_talk_mid: [
    "[btw|by the way|side note], [you're|this is] [way faster than|nicer than|less painful than] [calling|the website|the app][, honestly|]",
    "[haha|ha] [sorry|oops], [my cat just walked over the keyboard|got distracted for a sec|coffee break]",
    "[random question|off topic] — [do you ever get tired|are you a bot|is it busy today]?",
    "[it's|it is] [so hot|pouring|freezing] in {city} [today|right now], [honestly|not gonna lie|]",
  ],
  small_talk_reply: [
    "[haha|ha|lol] [fair enough|true|same here]. [anyway|ok so|right]",
    "[thanks|cheers], [you too|same to you]! [anyway|so]",
    "[good to hear|nice]. [ok, down to business|right, let's get to it]",
  ],
  open: [
    "[I'm|i'm] [looking for|after|trying to find|hunting for|in the market for] {thing}[,|] {wants}",
    "[can you|could you|would you] [help me find|find me|look for] {thing} {wants}?",
    "[I need|i need|I want|need] {thing} {wants}",
    "[do you have|got|have you got|anything in] {thing} {wants}?",
    "[any chance you could find|is there a way to find|could you track down] {thing} {wants}?",
    "{thing}, {wants} — [what have you got|what are my options|any ideas]?",
  ],
  open_vague: [
    "[I'm|i'm] [looking for|after|trying to find] {thing}",
    "[can you help me|could you help me] [with|find] {thing}?",
    "[I need|need] {thing}[, not sure where to start|, any suggestions?|]",
    "[I'd like|i want|I'm after] {thing}",
  ],
  answer_clarify: [
    "{wants}[, please|, ideally|, if possible|]",
    "[hmm,|ok,|well,|] [something|preferably|ideally] {wants}",
    "[let's say|I'd say|say] {wants}",
    "[oh right —|right,|sorry, should've said —] {wants}",
  ],
  add: [
    "[oh, and|and|also,|one more thing —] [it should be|I'd like it|preferably|ideally] {c}",
    "[can it be|could it be|any of those] {c}?",
    "[forgot to mention|should have said], [it needs to be|I want it] {c}",
    "[only|just] [the ones|ones|options] {c}[, please|]",
    "[what about|how about|and] {c}?",
  ],
  correct: [
    "[sorry|oops|wait], I meant {c}[, not {old}|]",
    "[actually|no wait|hang on], [make that|I meant|it should be] {c}[ — my bad|, sorry|]",
    "[ugh, typo|my mistake] — {c}, not {old}",
    "[correction|scratch that]: {c}",
  ],
  clarify_q: [
    "what's the difference between {item} and {item2}?",
    "how do {item} and {item2} compare?",
    "[sorry, what do you mean|not sure I follow] — [which one is|what makes] {item} [better|different]?",
    "[how does that work|why those ones|what's the catch with {item}]?",
  ],
  details: [
    "[tell me more about|what can you tell me about|more on|details on] {item}[?|, please]",
    "[what about|and] {item} — [what's it like|any details|is it any good]?",
    "[ooh|oh nice|hmm], {item} [looks interesting|could work|sounds good]. [more info|tell me more|details]?",
  ],
  reviews: [
    "[what do people say about|any reviews for|how are the reviews on] {item}?",
    "is {item} [actually any good|worth it|well reviewed]?",
  ],
  availability: [
    "[is|do you have] {item} available[ {c}|]?",
    "[can I still get|any left of] {item}[ {c}|]?",
  ],
  compare: [
    "[can you compare|compare|put side by side] {item} and {item2}[?|, please]",
    "{item} [or|vs] {item2} — [which is better|what would you pick|help me decide]?",
  ],
  choose: [
    "[I'll take|I'll go with|let's go with|I like] {item}",
    "{item} [it is|sounds perfect|works for me|looks right]",
    "[ok,|alright,|yeah,] [the|] {item}[, please|]",
  ],
  change_mind: [
    "[actually|hmm, on second thought|wait], [I think|maybe] {item2} [is better|would suit me more|looks nicer]",
    "[changed my mind|scratch that] — [let's do|I'd rather have] {item2}",
  ],
  book: [
    "[please go ahead with it|let's do it|can you set that up|go ahead] {details}",
    "[go ahead and|please|can you] [set up|arrange|confirm] {item} {details}",
    "[yes,|great,|ok] [confirm|set up] [it|that] {details}[, please|]",
  ],
  thanks_done: [
    "[perfect|great|awesome|brilliant|that's it], [thanks|thank you|cheers][!|.]",
    "[that's all I needed|that works], [thanks a lot|thank you so much|appreciate it]",
    "[nice one|sorted], [thanks|ta]. [bye|have a good one|that's everything]",
  ],
  give_up: [
    "[hmm,|ok,|honestly,] [none of these work for me|that's not really what I wanted|I'll look elsewhere then]",
    "[forget it|never mind], [I'll try somewhere else|it's not working out]",
    "[that doesn't help|this isn't working], [thanks anyway|I'll leave it]",
  ],
  escalate: [
    "[can I|could I] [talk to|speak with] [a real person|a human|someone from support|a manager][?|, please]",
    "[this isn't getting anywhere|I've had enough of this] — [get me a human|I want to speak to someone]",
    "[please|just] [escalate this|pass me to a person], [I need this sorted|it's urgent]",
  ],
  complain: [
    "[ugh|seriously|come on], [that's slow|again?|this keeps failing]",
    "[hmm,|] [that took a while|is something broken?|is the system down?]",
  ],
  ok_wait: [
    "[sure|ok|fine|no worries], [go ahead|try again|take your time]",
    "[yeah,|ok,] [give it another go|try once more]",
  ],
  keep_it: [
    "[actually|on second thought|wait], [leave it as it is|let's not change anything|don't touch it][ for now|], [I'll sort it out myself later|I need to check with my partner first|I'm not sure yet]",
    "[hmm, no|no, wait], [never mind|forget it] — [keep it as it is|leave it alone][, thanks|]",
  ],
  ok_go: ["[yes|yep|yeah|correct|that's right][, go ahead|, please|, do it|]", "[sounds good|perfect|exactly], [go for it|thanks|please]", "[yes please|go ahead]"],
  cancel: [
    "[I need to|I want to|please] cancel {ref}",
    "[can you|could you] cancel {ref}? [plans changed|something came up]",
  ],
  modify: [
    "[can I|could you] [change|move|update] {ref} so it's {details}?",
    "[I need to|please] [change|amend] {ref}: {details}",
  ],
  logs: [
    "[anything odd in|can you pull|mind pulling] the [recent entries|latest entries] [on|for] {item}?",
    "[show me|what are] the [recent|latest] entries [for|on] {item}[?|]",
  ],
  status: [
    "[how's|what's up with|what's going on with] {host}[?| looking?| today?]",
    "[check|can you check|could you look at|take a look at] {host}[ for me| real quick|]",
    "[status on|status of] {host}?",
    "[give me|I need] [a status|the numbers] [on|for] {host}",
  ],
  command: [
    "[run|can you run|please run|could you run|fire off] `{cmd}` on {host}[ for me|]",
    "`{cmd}` on {host}[ please|, thx|]",
    "[what does|show me what] `{cmd}` [say|says|shows] on {host}[?|]",
    "[let's see|let me see|check] `{cmd}` [on|for] {host}",
  ],
};

const hi: Bank = {
  small_talk: [
    "[नमस्ते|हैलो|नमस्कार]! [आप कैसे हैं|आज का दिन कैसा चल रहा है]?",
    "[नमस्ते|हैलो], {city} में [आज बहुत गर्मी है|आज बारिश हो रही है|मौसम अच्छा है]",
    "[हैलो|नमस्ते], [पहली बार यह चैट इस्तेमाल कर {m:रहा|f:रही} हूँ|मैं यहाँ {m:नया|f:नई} हूँ]",
  ],
  small_talk_mid: ["[वैसे|एक बात], [आप काफ़ी तेज़ हैं|यह ऐप से आसान है]", "{city} में [आज बहुत गर्मी है|बारिश हो रही है]"],
  small_talk_reply: ["[हाहा|अच्छा], [सही बात है|आपको भी]। [चलिए|तो]", "[धन्यवाद|शुक्रिया]! [तो|अच्छा]"],
  open: [
    "[मुझे {thing} चाहिए|मैं {thing} ढूँढ {m:रहा|f:रही} हूँ], {wants}",
    "[क्या आप|आप] {wants} {thing} [ढूँढ सकते हैं|दिखा सकते हैं]?",
    "{wants} {thing} [{tm:मिलेगा|tf:मिलेगी}|मिल {tm:सकता|tf:सकती} है] [क्या|]?",
  ],
  open_vague: ["[मुझे|मुझको] {thing} [चाहिए|{tm:ढूँढना|tf:ढूँढनी} है]", "[क्या आप|आप] {thing} [ढूँढने में मदद करेंगे|ढूँढ देंगे]?"],
  answer_clarify: ["{wants}[, कृपया|, अगर हो सके|]", "[हम्म,|ठीक है,|] {wants} [{tm:चलेगा|tf:चलेगी}|{tm:होना|tf:होनी} चाहिए]"],
  add: ["[और हाँ|एक बात और|साथ में], [वो|] {c} [{tm:होना|tf:होनी} चाहिए|चाहिए]", "[क्या|] {c} [{tm:मिलेगा|tf:मिलेगी}|हो {tm:सकता|tf:सकती} है]?"],
  correct: ["[माफ़ कीजिए|सॉरी|रुकिए], मेरा मतलब था {c}[, {old} नहीं|]", "[नहीं,|गलती से कहा,] {c} [चाहिए|सही है]"],
  clarify_q: ["{item} और {item2} में [क्या फ़र्क है|कौन बेहतर है]?", "[यह कैसे काम करता है|इनमें से कौन सा अच्छा है]?"],
  details: ["{item} के बारे में [और बताइए|थोड़ा और बताइए|जानकारी दीजिए]", "{item} [कैसा है|अच्छा है क्या]?"],
  reviews: ["{item} के [रिव्यू कैसे हैं|बारे में लोग क्या कहते हैं]?"],
  availability: ["[क्या|] {item} उपलब्ध है[ {c}|]?"],
  compare: ["{item} और {item2} की [तुलना कीजिए|तुलना करके बताइए]", "{item} या {item2}, [कौन सा लूँ|आप क्या सुझाएँगे]?"],
  choose: ["[मैं {item} {m:लूँगा|f:लूँगी}|मुझे {item} चाहिए]", "{item} [ठीक है|बढ़िया है|ले लेते हैं]"],
  change_mind: ["[वैसे|रुकिए], [{m:सोचता|f:सोचती} हूँ|लगता है] {item2} [बेहतर रहेगा|ज़्यादा अच्छा है]"],
  book: ["[कृपया|] [कर दीजिए|पक्का कर दीजिए] {details}", "{item} [पक्का कर दीजिए|तय कर दीजिए] {details}"],
  thanks_done: ["[बहुत बढ़िया|बिल्कुल सही|ठीक है|वाह, बढ़िया], [धन्यवाद|शुक्रिया|बहुत मेहरबानी][!|, आपने बड़ी मदद की!|, दिन बन गया!]", "[बस इतना ही चाहिए था|हो गया|काम बन गया], [बहुत धन्यवाद|शुक्रिया|थैंक यू][, नमस्ते|, फिर मिलेंगे|]"],
  give_up: ["[रहने दीजिए|कोई बात नहीं|छोड़िए फिर], [मैं कहीं और देख {m:लूँगा|f:लूँगी}|यह मेरे काम का नहीं है|मैं ख़ुद देख {m:लूँगा|f:लूँगी}]", "[इनमें से कुछ भी ठीक नहीं|यह नहीं चलेगा|इनमें से कोई नहीं जँचा], [धन्यवाद|रहने दीजिए|फिर कभी देखेंगे]"],
  escalate: ["[क्या मैं [किसी इंसान से|किसी अधिकारी से|सपोर्ट टीम से] बात कर {m:सकता|f:सकती} हूँ?|मुझे [किसी इंसान से|किसी अधिकारी से|सपोर्ट टीम से] बात करनी है]", "[यह नहीं हो रहा|बहुत हो गया], [किसी से बात कराइए|मैनेजर से बात कराइए]"],
  complain: ["[उफ़|अरे|हे भगवान], [फिर से?|बहुत समय लग रहा है|यह बार-बार फेल हो रहा है|कब तक इंतज़ार करें?]"],
  ok_wait: ["[ठीक है|कोई बात नहीं|हाँ, चलेगा], [फिर से कोशिश कीजिए|आराम से कीजिए|मैं {m:रुका|f:रुकी} हूँ]"],
  keep_it: ["[रहने दीजिए|रुकिए], [अभी कुछ मत बदलिए|जैसी है वैसी रहने दीजिए], [मैं बाद में देख {m:लूँगा|f:लूँगी}|पहले घर पर पूछ लूँ]"],
  ok_go: ["[हाँ|जी हाँ|सही है|हाँ बिल्कुल], [कर दीजिए|आगे बढ़िए|हो जाए]"],
  cancel: ["[मुझे {ref} कैंसल करवाना है|कृपया {ref} रद्द कर दीजिए]"],
  modify: ["{ref} [बदलना है|में बदलाव करना है]: {details}"],
  logs: ["{item} की हाल की एंट्री में [कोई गड़बड़ है|क्या दिख रहा है]?"],
  status: ["{host} [का हाल क्या है|ठीक है क्या|का स्टेटस बताइए]?"],
  command: ["{host} पर `{cmd}` [चलाइए|चला दीजिए]"],
};

const mixed: Bank = {
  small_talk: [
    "[hi|hello|hey]! [kaise ho|aaj ka din kaisa chal raha hai|sab badhiya]?",
    "[hey|hi], {city} mein [aaj bahut garmi hai|aaj baarish ho rahi hai|mausam mast hai] [yaar|]",
    "[hello|hi], [pehli baar ye chat use kar {m:raha|f:rahi} hoon|main yahan {m:naya|f:nayi} hoon]",
  ],
  small_talk_mid: ["[btw|waise], [aap kaafi fast ho|ye app se easy hai]", "{city} mein [aaj bahut garmi hai|baarish ho rahi hai] [yaar|]"],
  small_talk_reply: ["[haha|accha], [sahi baat hai|aapko bhi]. [chalo|toh]", "[thanks|shukriya]! [toh|accha]"],
  open: [
    "[mujhe|mereko] {thing} [chahiye|{tm:dhoondhna|tf:dhoondhni} hai], {wants}",
    "[kya aap|aap] {wants} {thing} [dhoondh sakte ho|dikha sakte ho]?",
    "{thing} [chahiye|dekh {m:raha|f:rahi} hoon] {wants}[, kuch hai kya?|]",
    "[bhai|yaar|hi], {thing} [mil {tm:jayega|tf:jayegi}|{tm:milega|tf:milegi} kya] {wants}?",
  ],
  open_vague: ["[mujhe|mereko] {thing} [chahiye|{tm:dhoondhna|tf:dhoondhni} hai]", "[kya aap|aap] {thing} [dhoondhne mein help karoge|dhoondh doge]?"],
  answer_clarify: ["{wants}[, please|, ho sake toh|]", "[hmm,|ok,|] {wants} [{tm:chalega|tf:chalegi}|{tm:hona|tf:honi} chahiye]"],
  add: ["[aur haan|ek aur cheez|plus], {c} [{tm:hona|tf:honi} chahiye|chahiye]", "[kya|] {c} [{tm:milega|tf:milegi}|ho {tm:sakta|tf:sakti} hai]?"],
  correct: ["[sorry|oops|ruko], mera matlab tha {c}[, {old} nahi|]", "[nahi,|galti se bola,] {c} [chahiye|sahi hai]"],
  clarify_q: ["{item} aur {item2} mein [kya difference hai|kaun better hai]?", "[ye kaise kaam karta hai|inmein se kaunsa accha hai]?"],
  details: ["{item} ke baare mein [aur batao|thoda detail do|info do]", "{item} [kaisa hai|accha hai kya]?"],
  reviews: ["{item} ke [reviews kaise hain|baare mein log kya bolte hain]?"],
  availability: ["[kya|] {item} available hai[ {c}|]?"],
  compare: ["{item} aur {item2} [compare karo|ka comparison do]", "{item} ya {item2}, [kaunsa loon|aap kya suggest karoge]?"],
  choose: ["[main {item} {m:lunga|f:lungi}|mujhe {item} chahiye]", "{item} [theek hai|badhiya hai|le lete hain]"],
  change_mind: ["[waise|ruko], [lagta hai|socha] {item2} [better rahega|zyada accha hai]"],
  book: ["[please|] [kar do|confirm kar do] {details}", "{item} [confirm kar do|final kar do] {details}"],
  thanks_done: ["[perfect|badhiya|mast|wah, badhiya], [thanks|shukriya|thank you][!|, badi help ki!|, din ban gaya!]", "[bas itna hi chahiye tha|ho gaya|kaam ban gaya], [thanks yaar|bahut shukriya|thanku][, bye|, milte hain|]"],
  give_up: ["[rehne do|koi baat nahi|chhodo phir], [main kahin aur dekh {m:lunga|f:lungi}|ye mere kaam ka nahi|main khud dekh {m:lunga|f:lungi}]", "[inmein se kuch bhi theek nahi|ye nahi chalega|inmein se koi nahi jacha], [thanks anyway|rehne do|phir kabhi dekhenge]"],
  escalate: ["[kya main [kisi insaan se|kisi manager se|support team se] baat kar {m:sakta|f:sakti} hoon?|mujhe [kisi insaan se|kisi manager se|support team se] baat karni hai]", "[ye nahi ho raha|bahut ho gaya], [kisi se baat karao|manager se baat karao]"],
  complain: ["[uff|arre|hey bhagwan], [phir se?|bahut time lag raha hai|ye baar baar fail ho raha hai|kab tak wait karein?]"],
  ok_wait: ["[theek hai|no problem|haan, chalega], [phir se try karo|aaram se karo|main {m:ruka|f:ruki} hoon]"],
  keep_it: ["[rehne do|ruko], [abhi kuch mat badlo|jaisi hai waisi rehne do], [main baad mein dekh {m:lunga|f:lungi}|pehle ghar pe pooch loon]"],
  ok_go: ["[haan|ha|sahi hai|haan bilkul], [kar do|go ahead|ho jaye]"],
  cancel: ["[mujhe {ref} cancel karwana hai|please {ref} cancel kar do]"],
  modify: ["{ref} [change karna hai|update kar do]: {details}"],
  logs: ["{item} ki recent entries mein [koi error hai|kya dikh raha hai]?"],
  status: ["{host} [ka kya haal hai|theek hai kya|ka status batao]?"],
  command: ["{host} pe `{cmd}` [chalao|run karo]"],
};

export const USER: Record<"en" | "hi" | "mixed", Bank> = { en, hi, mixed };
