/**
 * How each communication style colours a turn (seed 004's persona table): what a user of that
 * style puts before and after what they ask, and how the assistant answers them.
 * Styles a pack adds (its own) fall back to the closest built-in one by name.
 */
export type Style = "casual" | "senior_engineer" | "stressed" | "learner" | "executive" | "neutral";

export function styleOf(style: string | undefined): Style {
  const s = (style ?? "").toLowerCase();
  if (s.includes("casual") || s.includes("friendly") || s.includes("chatty") || s.includes("enthusiast") || s.includes("backpacker")) return "casual";
  if (s.includes("senior") || s.includes("engineer") || s.includes("expert") || s.includes("technical")) return "senior_engineer";
  if (s.includes("stress") || s.includes("oncall") || s.includes("on_call") || s.includes("urgent") || s.includes("anxious")) return "stressed";
  if (s.includes("learn") || s.includes("curious") || s.includes("novice") || s.includes("student") || s.includes("indecisive")) return "learner";
  if (s.includes("exec") || s.includes("manager") || s.includes("busy") || s.includes("director")) return "executive";
  return "neutral";
}

interface UserStyle {
  openers: string[];
  closers: string[];
}

type Lang = "en" | "hi" | "mixed";

export const USER_STYLE: Record<Lang, Record<Style, UserStyle>> = {
  en: {
    casual: { openers: ["yo", "hey", "ok so", "soo", "right", "hiya", "hey hey"], closers: ["thx", "cheers", "lol", "if that's cool", "no rush"] },
    senior_engineer: { openers: ["", "quick one:", "need this:", "fyi"], closers: ["", "thanks", "ta"] },
    stressed: { openers: ["HELP", "urgent:", "please, quick", "I'm in a rush —", "asap:"], closers: ["please hurry", "need it asap", "running out of time here", "please"] },
    learner: { openers: ["hi! I'm new to this —", "hello, quick question:", "sorry if this is basic, but", "hi there,"], closers: ["how does that work?", "thanks for explaining", "is that the right way to ask?", "thank you!"] },
    executive: { openers: ["", "quick:", "need:", "status:"], closers: ["keep it short", "short answer?", "", "thanks"] },
    neutral: { openers: ["hi,", "hello,", "good morning,", "hi there,"], closers: ["thanks", "thank you", "thanks in advance"] },
  },
  hi: {
    casual: { openers: ["अरे", "सुनो", "हाय"], closers: ["धन्यवाद", "ठीक है?"] },
    senior_engineer: { openers: ["", "जल्दी से:"], closers: ["", "धन्यवाद"] },
    stressed: { openers: ["जल्दी कीजिए,", "बहुत ज़रूरी है,", "मदद कीजिए,"], closers: ["जल्दी प्लीज़", "समय कम है"] },
    learner: { openers: ["नमस्ते, मैं इसमें {m:नया|f:नई} हूँ —", "एक सवाल है:"], closers: ["यह कैसे काम करता है?", "समझाने के लिए धन्यवाद"] },
    executive: { openers: ["", "संक्षेप में:"], closers: ["संक्षेप में बताइए", ""] },
    neutral: { openers: ["नमस्ते,", "नमस्कार,"], closers: ["धन्यवाद", "कृपया"] },
  },
  mixed: {
    casual: { openers: ["arre", "yaar", "bhai", "sun na", "hey"], closers: ["thanks yaar", "bas", "chill"] },
    senior_engineer: { openers: ["", "quick:"], closers: ["", "thanks"] },
    stressed: { openers: ["jaldi please,", "urgent hai,", "help karo,"], closers: ["jaldi karo please", "time nahi hai"] },
    learner: { openers: ["hi, main {m:naya|f:nayi} hoon isme —", "ek question hai:"], closers: ["ye kaise kaam karta hai?", "samjhane ke liye thanks"] },
    executive: { openers: ["", "short mein:"], closers: ["short mein batao", ""] },
    neutral: { openers: ["hello,", "namaste,"], closers: ["thanks", "please"] },
  },
};

/** What a user says before the real content when unsure (variation: hesitation). */
export const HEDGES: Record<Lang, string[]> = {
  en: ["hmm", "um", "uh, let me think", "not sure, but", "hmm, maybe", "I guess", "well…", "let me think…", "erm"],
  hi: ["हम्म", "पता नहीं, पर", "सोचने दीजिए…", "शायद"],
  mixed: ["hmm", "pata nahi, but", "sochne do…", "shayad", "umm"],
};

interface AssistantStyle {
  /** Said with a tool call, before the result is in. */
  acks: string[];
  /** Introduces results. */
  intros: string[];
  /** Follow-up offers. */
  offers: string[];
}

export const ASSISTANT_STYLE: Record<Lang, Record<Style, AssistantStyle>> = {
  en: {
    casual: {
      acks: ["On it!", "On it! Let me see what's up…", "Sure thing, one sec.", "Let me dig into this.", "Gotcha, checking.", "Ooh, good one — looking now."],
      intros: ["Here's what I found:", "Okay, got some:", "Check these out:", "Found a few:", "Nice, here you go:"],
      offers: ["Want me to check the others too?", "Want more like these?", "Should I narrow it down?", "Want the details on any of them?", "Fancy a closer look at one?"],
    },
    senior_engineer: {
      acks: ["Running it.", "Checking.", "On it.", ""],
      intros: ["Here's the breakdown:", "Results:", "Here's what came back:", "Matches:"],
      offers: ["Want the full output?", "Need it filtered further?", "Want me to drill into one?", ""],
    },
    stressed: {
      acks: ["Got it — checking now. Hang tight.", "On it right now.", "Got it, looking immediately.", "Understood — checking now."],
      intros: ["Okay, here's what we've got:", "Good news, found these:", "Here you go:", "Right, quickly:"],
      offers: ["Want me to go with the first one right away?", "I can take it from here if that helps.", "Say the word and I'll sort it."],
    },
    learner: {
      acks: ["Good question — let me look that up.", "Sure! Let me search for that.", "Happy to help, checking now."],
      intros: ["Here's what I found, with a bit of context:", "Here are some options:", "These match what you described:"],
      offers: ["Want me to explain the differences?", "Shall I compare two of them for you?", "Want me to walk you through one of them?"],
    },
    executive: {
      acks: ["On it.", "Checking.", ""],
      intros: ["Top matches:", "The short list:", "Best fits:", "Here they are:"],
      offers: ["Want me to go with the top one?", "Shall I go ahead?", "Need anything else?"],
    },
    neutral: {
      acks: ["Let me check that for you.", "Sure, one moment.", "Let me look into it.", "Happy to help — checking now."],
      intros: ["Here's what I found:", "Here are a few options:", "These look like a good fit:", "I found these:"],
      offers: ["Would you like more details on any of them?", "Want me to compare two of them?", "Want me to look for something similar?", "Anything you'd like me to narrow down?"],
    },
  },
  hi: {
    casual: { acks: ["[अभी|फटाफट|लो जी, अभी] {m:देखता|f:देखती} हूँ!", "[एक सेकंड|दो सेकंड|ज़रा रुकिए], [देख|ढूँढ|खोज] {m:रहा|f:रही} हूँ।"], intros: ["[ये मिले|ये निकले|हाथ लगे]:", "[देखिए|ज़रा देखिए|ये रहे]:"], offers: ["[और दिखाऊँ?|और ढूँढूँ?|कुछ और लाऊँ?]", "[किसी की डिटेल चाहिए?|किसी एक को खोलकर दिखाऊँ?]"] },
    senior_engineer: { acks: ["[चेक|क्वेरी|जाँच] कर {m:रहा|f:रही} हूँ।", ""], intros: ["[नतीजे|रिज़ल्ट]:", "[ये रहे|ये आए]:"], offers: ["[और फ़िल्टर करूँ?|और छाँटूँ?]", ""] },
    stressed: { acks: ["[समझ {m:गया|f:गई}|जी, समझ सकते हैं] — [अभी|फ़ौरन] देख {m:रहा|f:रही} हूँ, [बस एक पल|घबराइए मत]।", "[अभी|इसी वक़्त|तुरंत] [चेक|पता] कर {m:रहा|f:रही} हूँ।"], intros: ["[ये रहे|लीजिए]:", "[अच्छी ख़बर|राहत की बात], [ये मिले|कुछ हैं]:"], offers: ["[पहला वाला ले लूँ?|सबसे ऊपर वाला कर दूँ?]", "[कहें तो|हाँ कहें तो] [तुरंत कर दूँ।|अभी निपटा दूँ।]"] },
    learner: { acks: ["[अच्छा सवाल|बढ़िया सवाल|सही पूछा] — [{m:देखता|f:देखती} हूँ|पता {m:करता|f:करती} हूँ]।", "[ज़रूर|बिल्कुल]! [खोज|ढूँढ] {m:रहा|f:रही} हूँ[, फिर {m:समझाता|f:समझाती} हूँ|]।"], intros: ["[ये विकल्प मिले|ये कुछ विकल्प हैं]:", "आपकी ज़रूरत से [मिलते|मेल खाते] ये हैं:"], offers: ["टिप: आप बजट या कोई और शर्त बताकर नतीजे कम कर सकते हैं।", "फ़र्क समझाऊँ?"] },
    executive: { acks: ["[अभी|जी,|] [देख|जाँच|पता कर] {m:रहा|f:रही} हूँ[, एक पल|]।", ""], intros: ["[मुख्य|ख़ास] विकल्प:", "[ये रहे सबसे अच्छे|सबसे काम के ये हैं]:"], offers: ["[पहला वाला पक्का कर दूँ?|पहले वाले से आगे बढ़ें?]", "[और कुछ?|बस इतना?]"] },
    neutral: { acks: ["मैं आपके लिए [{m:देखता|f:देखती} हूँ|पता {m:करता|f:करती} हूँ]।", "[एक पल|बस एक मिनट], [देख|खोज] {m:रहा|f:रही} हूँ।"], intros: ["[ये विकल्प मिले|ये मिला]:", "[मुझे ये मिले|खोज में ये आए]:"], offers: ["क्या किसी की [और जानकारी|पूरी डिटेल] चाहिए?", "[कुछ मिलता-जुलता देखूँ?|इनसे मिलते-जुलते भी दिखाऊँ?]"] },
  },
  mixed: {
    casual: { acks: ["[Abhi|Fatafat|Lo ji, abhi] {m:dekhta|f:dekhti} hoon!", "[Ek sec|Do sec|Zara ruko], [check kar|dhoondh] {m:raha|f:rahi} hoon.", "[On it yaar!|Ho jayega yaar!]"], intros: ["[Ye mile|Ye nikle]:", "[Dekho|Zara dekho]:", "Ye rahe [options|kuch options]:"], offers: ["[Aur dikhaun?|Aur dhoondhun?]", "[Kisi ki detail chahiye?|Kisi ek ko khol ke dikhaun?]"] },
    senior_engineer: { acks: ["[Check|Query|Verify] kar {m:raha|f:rahi} hoon.", ""], intros: ["[Results|Output]:", "[Ye rahe|Ye aaye]:"], offers: ["[Aur filter karun?|Aur narrow karun?]", ""] },
    stressed: { acks: ["[Samajh {m:gaya|f:gayi}|Ji, samajh sakte hain] — [abhi|fauran] check kar {m:raha|f:rahi} hoon, [hang tight|ghabrao mat].", "[Abhi|Isi waqt|Turant] dekh {m:raha|f:rahi} hoon."], intros: ["[Ye rahe|Lo]:", "[Good news|Raahat ki baat], [ye mile|kuch hain]:"], offers: ["[Pehla wala le loon?|Sabse upar wala kar doon?]", "[Bolo toh|Haan bolo toh] [turant kar doon.|abhi nipta doon.]"] },
    learner: { acks: ["[Accha question|Badhiya sawaal|Sahi poocha] — [{m:dekhta|f:dekhti} hoon|pata {m:karta|f:karti} hoon].", "[Zaroor|Bilkul]! [Search kar|Dhoondh] {m:raha|f:rahi} hoon."], intros: ["[Ye options mile|Ye kuch options hain]:", "Aapki requirement se ye [match karte hain|mel khaate hain]:"], offers: ["Tip: budget ya koi aur condition bataoge toh results aur kam ho jayenge.", "Difference samjhaun?"] },
    executive: { acks: ["[Abhi|Ji,|] [dekh|check kar|pata kar] {m:raha|f:rahi} hoon[, ek sec|].", ""], intros: ["[Short mein|Seedhi baat]:", "[Top options|Best picks]:"], offers: ["[Top wala final kar doon?|Pehle wale se aage badhein?]", "[Aur kuch?|Bas itna?]"] },
    neutral: { acks: ["Main aapke liye [check {m:karta|f:karti} hoon|pata {m:karta|f:karti} hoon].", "[Ek minute|Bas ek pal], [dekh|search kar] {m:raha|f:rahi} hoon."], intros: ["[Ye options mile|Ye mila]:", "[Mujhe ye mile|Search mein ye aaye]:"], offers: ["Kisi ki [aur detail|poori info] chahiye?", "[Kuch milta-julta dekhun?|Inse milte-julte bhi dikhaun?]"] },
  },
};
