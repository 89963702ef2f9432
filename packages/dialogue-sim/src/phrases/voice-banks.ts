import type { AssistantAct } from "@chatmill/schema";
import type { Lang } from "./describe.js";
import type { Style } from "./style-banks.js";

/**
 * The neutral lines Voice composes around a turn: acknowledgements of a change, tips, the
 * restated request, "looking at …" while a call runs, the context a verbose user adds, and
 * fillers. No domain's words here: a pack adds its own in its `wording` (the retail pack's
 * stock and sizes, the travel pack's bookings, the ops pack's servers and logs).
 */
type VoiceAct = Extract<AssistantAct, "action_ack" | "tip" | "restate" | `look_${string}`>;

export const VOICE_ASSISTANT: Record<Lang, Record<VoiceAct, string[]>> = {
  en: {
    // Said with a call that changes something: no "good question" here.
    action_ack: ["On it.", "Sorting that now.", "Doing it now.", "One sec, making the change.", "Putting that through.", ""],
    tip: ["Tip: ask me to compare two and I'll lay them side by side.", "Tip: you can narrow it down by adding a detail or a price cap.", "Tip: the details often settle a close call."],
    restate: [
      "[Looking for|Searching for|Checking for] [anything|something] {wants}.",
      "[Okay|Right|Got it|Sure] — [something|anything] {wants}, [coming up|one sec].",
      "{wants}[, noted|, got it|]. [Searching.|Looking.]",
      // Brief, as a person at a desk says it back: the wish, then a word.
      "{wants} — [one sec|on it|checking].",
    ],
    // Each with a brief form that does not say the name again: the user has just said it, and a
    // name said back with every look-up was the most repeated text of the calls (issue #18).
    look_details: ["[Pulling up|Fetching] [the details on|more on] {name}.", "[Sure|Okay|Right], [one sec|one moment|let me look]."],
    look_reviews: ["[Checking|Pulling] [the reviews for|ratings on] {name}.", "[Let me see|One sec,] what people say.", "Reading the reviews[ now|]."],
    look_availability: ["[Seeing what's left of|Checking the options for] {name}.", "[Let me see|Checking] what's available."],
    look_logs: ["[Pulling|Fetching|Grabbing] the [recent|latest] entries [for|on] `{name}`.", "[Reading|Pulling] the [latest|recent] entries[ now|]."],
    look_status: ["[Checking|Looking at] `{name}`[ now|].", "[One sec|Checking now|Let me look]."],
    look_command: ["[Running it on|Executing on] `{name}`.", "[Running it now|Sending it now|Okay, running it]."],
    look_compare: ["[Putting|Lining up] {name} side by side.", "[Comparing them now|Let me compare them|One sec, comparing]."],
  },
  hi: {
    action_ack: [
      "[अभी|फ़ौरन|बस अभी] कर {m:रहा|f:रही} हूँ[, एक पल|]।",
      "[एक पल|ज़रा रुकिए|बस एक मिनट], [बदलाव|यह काम|आपकी बात दर्ज] कर {m:रहा|f:रही} हूँ।",
      "",
      "[ठीक है|जी], [यह काम|यह बदलाव] अभी [निपटा {m:देता|f:देती} हूँ|कर {m:देता|f:देती} हूँ]।",
      "[बस दो सेकंड|ज़रा रुकिए], [भेज {m:रहा|f:रही} हूँ|आगे बढ़ा {m:रहा|f:रही} हूँ]।",
    ],
    tip: [
      "टिप: दो विकल्पों की तुलना माँगिए, मैं आमने-सामने रख {m:दूँगा|f:दूँगी}।",
      "टिप: [कोई एक बात और जोड़ दीजिए|एक और शर्त बता दीजिए], [सूची छोटी हो जाएगी|नतीजे और सटीक आएँगे]।",
    ],
    restate: [
      "{wants} [देख|खोज] {m:रहा|f:रही} हूँ।",
      "[ठीक है|समझ {m:गया|f:गई}] — {wants}, [एक पल|अभी {m:देखता|f:देखती} हूँ]।",
      "[अच्छा|जी], [तो|यानी] {wants} [चाहिए|ढूँढना है]।",
      "{wants}, [नोट कर लिया|समझ {m:गया|f:गई}]।",
    ],
    look_details: [
      "[एक पल|अभी देखते हैं|ज़रा रुकिए]।",
      "{name} [देख|चेक कर] {m:रहा|f:रही} हूँ।",
      "{name} की [पूरी जानकारी|सारी बातें] [निकाल|खोल] {m:रहा|f:रही} हूँ।",
      "[ज़रा|एक पल,] {name} [के बारे में|की डिटेल] [पढ़ लूँ|देख लूँ]।",
    ],
    look_reviews: [
      "[रिव्यू देखते हैं|लोगों की राय देखते हैं]।",
      "{name} [देख|चेक कर] {m:रहा|f:रही} हूँ।",
      "{name} पर लोगों की [राय|बातें] [पढ़|देख] {m:रहा|f:रही} हूँ।",
    ],
    look_availability: [
      "[देखते हैं क्या उपलब्ध है|एक पल, देखते हैं]।",
      "{name} [देख|चेक कर] {m:रहा|f:रही} हूँ।",
      "{name} [में क्या बचा है|अभी मिलेगा या नहीं], [देख {m:रहा|f:रही} हूँ|पता {m:करता|f:करती} हूँ]।",
    ],
    look_logs: [
      "[ताज़ा एंट्री देखते हैं|एक पल, एंट्री खोलते हैं]।",
      "{name} [देख|चेक कर] {m:रहा|f:रही} हूँ।",
      "{name} की [ताज़ा|पिछली] एंट्री [पढ़|खोल] {m:रहा|f:रही} हूँ।",
      "[ठीक है,|अच्छा,] {name} [में हाल में क्या हुआ|की हाल की लाइनें], [देख लेते हैं|{m:निकालता|f:निकालती} हूँ]।",
    ],
    look_status: [
      "[एक पल|अभी देखते हैं]।",
      "{name} [देख|चेक कर] {m:रहा|f:रही} हूँ।",
      "{name} [की नब्ज़|का हाल] [देख|टटोल] {m:रहा|f:रही} हूँ।",
      "[एक मिनट|एक पल], {name} [से पूछ {m:रहा|f:रही} हूँ|की ख़बर ले {m:रहा|f:रही} हूँ]।",
      "[अभी|तुरंत] {name} [की जाँच|का स्टेटस] [कर {m:रहा|f:रही} हूँ|देख {m:रहा|f:रही} हूँ]।",
    ],
    look_command: [
      "[अभी चलाते हैं|एक पल, चला रहे हैं]।",
      "{name} [देख|चेक कर] {m:रहा|f:रही} हूँ।",
      "{name} पर [चला|भेज] {m:रहा|f:रही} हूँ, [एक पल|नतीजा आने दीजिए]।",
      "[ठीक है|जी], {name} पर [अभी {m:चलाता|f:चलाती} हूँ|चला कर {m:बताता|f:बताती} हूँ]।",
    ],
    look_compare: [
      "[दोनों को मिलाकर देखते हैं|एक पल, तुलना करते हैं]।",
      "{name} [देख|चेक कर] {m:रहा|f:रही} हूँ।",
      "{name} को [आमने-सामने रख|मिलाकर देख] {m:रहा|f:रही} हूँ।",
    ],
  },
  mixed: {
    action_ack: [
      "[Abhi|Fauran|Bas abhi] kar {m:raha|f:rahi} hoon[, ek sec|].",
      "[Ek sec|Zara ruko|Bas ek minute], [change|ye kaam|aapki request darj] kar {m:raha|f:rahi} hoon.",
      "",
      "[Ok|Done], [ye kaam|ye change] abhi [kar {m:deta|f:deti} hoon|process {m:karta|f:karti} hoon].",
      "[Bas do sec|Zara ruko], [bhej {m:raha|f:rahi} hoon|aage badha {m:raha|f:rahi} hoon].",
    ],
    tip: [
      "Tip: do options compare karne ko bolo, main side by side rakh {m:dunga|f:dungi}.",
      "Tip: [ek aur detail add kar do|koi aur condition batao], [list chhoti ho jayegi|results aur sahi aayenge].",
    ],
    restate: [
      "{wants} [dekh|search kar] {m:raha|f:rahi} hoon.",
      "[Ok|Samajh {m:gaya|f:gayi}] — {wants}, [ek sec|abhi {m:dekhta|f:dekhti} hoon].",
      "[Accha|Ji], [toh|matlab] {wants} [chahiye|dhoondhna hai].",
      "{wants}, [note kar liya|samajh {m:gaya|f:gayi}].",
    ],
    look_details: [
      "[Ek sec|Abhi dekhte hain|Zara ruko].",
      "{name} [check kar|dekh] {m:raha|f:rahi} hoon.",
      "{name} ki [poori info|saari details] [nikaal|khol] {m:raha|f:rahi} hoon.",
      "[Zara|Ek sec,] {name} [ke baare mein|ki details] [padh loon|dekh loon].",
    ],
    look_reviews: [
      "[Reviews dekhte hain|Logon ki raay dekhte hain].",
      "{name} [check kar|dekh] {m:raha|f:rahi} hoon.",
      "{name} pe logon ka [feedback|opinion] [padh|dekh] {m:raha|f:rahi} hoon.",
    ],
    look_availability: [
      "[Dekhte hain kya available hai|Ek sec, dekhte hain].",
      "{name} [check kar|dekh] {m:raha|f:rahi} hoon.",
      "{name} [mein kya bacha hai|abhi milega ya nahi], [dekh {m:raha|f:rahi} hoon|pata {m:karta|f:karti} hoon].",
    ],
    look_logs: [
      "[Latest entries dekhte hain|Ek sec, entries kholte hain].",
      "{name} [check kar|dekh] {m:raha|f:rahi} hoon.",
      "{name} ki [latest|pichhli] entries [padh|khol] {m:raha|f:rahi} hoon.",
      "[Theek hai,|Accha,] {name} [mein recently kya hua|ki recent lines], [dekh lete hain|{m:nikaalta|f:nikaalti} hoon].",
    ],
    look_status: [
      "[Ek sec|Abhi dekhte hain].",
      "{name} [check kar|dekh] {m:raha|f:rahi} hoon.",
      "{name} [ki health|ka haal] [dekh|check kar] {m:raha|f:rahi} hoon.",
      "[Ek min|Ek sec], {name} [se pooch {m:raha|f:rahi} hoon|ki khabar le {m:raha|f:rahi} hoon].",
      "[Abhi|Turant] {name} [ka status|ki state] [check kar {m:raha|f:rahi} hoon|dekh {m:raha|f:rahi} hoon].",
    ],
    look_command: [
      "[Abhi chalate hain|Ek sec, run kar rahe hain].",
      "{name} [check kar|dekh] {m:raha|f:rahi} hoon.",
      "{name} pe [run kar|bhej] {m:raha|f:rahi} hoon, [ek sec|output aane do].",
      "[Theek hai|Ok], {name} pe [abhi {m:chalata|f:chalati} hoon|run karke {m:batata|f:batati} hoon].",
    ],
    look_compare: [
      "[Dono ko mila ke dekhte hain|Ek sec, compare karte hain].",
      "{name} [check kar|dekh] {m:raha|f:rahi} hoon.",
      "{name} ko [side by side rakh|mila ke dekh] {m:raha|f:rahi} hoon.",
    ],
  },
};

/** Context a verbose user adds after the request (the user act `extra`). */
export const EXTRAS: Record<Lang, string[]> = {
  en: [
    "[it's for|I need it for] [work|the weekend|a project|something next week] [next week|on {weekday}|soon]",
    "[I'm|we're] in {city} [this week|for a few days|until {weekday}]",
    "[last time|the last one] I [got|tried] [didn't work out|was a letdown|was great, so I'm back]",
    "[my budget's a bit tight this month|money's not a big issue|I'd rather not overspend]",
    "[I've been putting this off|been meaning to sort this for ages|a friend recommended you]",
  ],
  hi: ["[यह|ये] [ऑफिस|घर] के काम के लिए चाहिए", "मैं [इस हफ़्ते|कुछ दिनों के लिए] {city} में हूँ"],
  mixed: ["[ye|yeh] [office|ghar] ke kaam ke liye chahiye", "main [is week|kuch din] {city} mein hoon", "[budget thoda tight hai|paisa issue nahi hai]"],
};

/** What a user says before a later turn's content ("ok", "right"), by style. */
export const FILLERS: Record<Lang, Record<Style, string[]>> = {
  en: {
    casual: ["oh", "ok", "hmm ok", "right", "ah", "ooh"],
    senior_engineer: ["ok.", "right.", "fine."],
    stressed: ["ok ok", "quick", "please"],
    learner: ["oh I see!", "interesting,", "ah, ok —"],
    executive: ["ok.", "fine."],
    neutral: ["okay,", "alright,", "I see,", "thanks,"],
  },
  hi: { casual: ["अच्छा", "ठीक"], senior_engineer: ["ठीक।"], stressed: ["जल्दी"], learner: ["अच्छा, {m:समझा|f:समझी} —"], executive: ["ठीक।"], neutral: ["ठीक है,", "अच्छा,"] },
  mixed: { casual: ["accha", "ok", "haan"], senior_engineer: ["ok."], stressed: ["jaldi"], learner: ["accha, {m:samjha|f:samjhi} —"], executive: ["ok."], neutral: ["theek hai,", "accha,"] },
};

/** Said by a frustrated English speaker after their request. */
export const FRUSTRATED: string[] = ["seriously.", "come on.", "this is taking too long."];
