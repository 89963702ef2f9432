/**
 * More neutral lines per act, added to the first banks (assistant-banks.ts, user-banks.ts,
 * voice-banks.ts, style-banks.ts) so that a thousand dialogues do not say the same few sentences
 * (issue #18's variety bars: distinct bigrams, distinct utterances, varied first words). Kept in
 * a file of their own so the first banks stay short to read; PackWording merges the two.
 * Written as people talk and, like every neutral line, with no domain's words: no bookings,
 * stock, sizes, servers or logs — a pack adds those in its own `wording`. Lines start with
 * different words on purpose (the opener-share bar counts the first four words).
 */
import type { AssistantAct, UserAct } from "@chatmill/schema";
import type { Lang } from "./describe.js";
import type { SmallTalk } from "./small-talk.js";
import type { Style } from "./style-banks.js";

type Lines<A extends string> = Partial<Record<A, string[]>>;

/** Extra assistant lines per act (the style-dependent ack, intro and offer are in MORE_STYLE). */
export const MORE_ASSISTANT: Record<Lang, Lines<Exclude<AssistantAct, "ack" | "intro" | "offer">>> = {
  en: {
    small_talk: [
      "[Hi there|Hello|Hey], [and thanks for asking|thanks]! [All fine on my side.|Things are good here.] [What brings you in today?|What are you after today?|Tell me what you need.]",
      "[Not bad at all|Pretty good], [thanks|cheers]. [What's on your list today?|How can I make your day easier?|What shall we sort out?]",
      "[Ha, that's a nice way to start|Love the energy]! [What can I find for you?|Where do we start?]",
    ],
    small_talk_mid: [
      "[Totally|Fair point|Can't argue with that]. [Now,|Okay,|So] {topic} — [shall we pick it back up?|what would you like to know next?|where do you want to go from here?]",
      "[Noted|Heh, true]! [Picking up where we left off with|Coming back to] {topic}[: anything else?|.]",
    ],
    clarify_ask: [
      "[Happy to look|I can do that] — [first, though,|before I search,] [what|which] {field} [would you like|should I go for]?",
      "[Right|Alright], [and|so] {field}: [any thoughts?|do you have one in mind?|anything in particular?]",
      "[Let's narrow it down a bit|One thing would help]: [which|what] {field} [suits you|are you thinking of]?",
      "[Okay|Sounds good]! [Is there|Have you got] any {field} you'd prefer, or [should I show a mix|shall I keep it open]?",
    ],
    none_found: [
      "[No luck|Nothing doing] — [no results|zero results] {wants}. [Could we drop one of those?|Want me to try without the {field}?|Shall I look a little wider?]",
      "[Sadly|Unfortunately], [there's nothing|I'm not seeing anything] {wants}. [A different {field} might help.|Maybe a different {field}?|What if we loosen the {field}?]",
      "[That's a tricky combination|That combination is a tough one] — [nothing|not a single result] {wants}. [Shall I change the {field}?|Want to try again with fewer filters?]",
    ],
    retry_timeout: [
      "[Hmm, no answer yet|That one's taking too long] — [I'll send it again|let me ask again].",
      "[The system timed out|That timed out on me]; [trying it a second time|I'll give it another go].",
    ],
    retry_error: [
      "[Hmm, that came back with an error|Got an error on that one] — [running it again|one more attempt coming].",
      "[That failed on the first try|First attempt failed]; [retrying|let me give it another shot].",
    ],
    retry_empty: ["[Odd, nothing came back|Hmm, an empty answer] — [I'll ask again to be sure|let me double-check]."],
    retry_partial: ["[Only part of the list made it|The list got cut short] — [asking for the rest now|let me get the full list]."],
    alt_tool: ["[Second try didn't work either|Still no luck], so [I'll use a different lookup|let me try another way in]."],
    apologize_ask: [
      "[I'm sorry|So sorry] — [the system keeps failing on me|it's just not answering right now]. [Shall I keep at it, or would you rather try later?|Do you want me to try again?]",
    ],
    still_failing: ["[No luck again|Still no answer from the system] — [sorry about this|apologies]. {next}"],
    booked: [
      "[Great news|All done|There we go] — {summary}. [Your reference:|Reference number:|Keep this reference:] {ref}.",
      "[It's done|Done and confirmed]: {summary}. [The reference is|Note the reference] {ref}.",
      "{summary} — [confirmed|all set]. [Reference|Your ref]: {ref}.",
    ],
    cancelled: [
      "[Okay|Right], {ref} [has been cancelled|is now cancelled]. [Anything else?|Is there anything else I can do?]",
      "{ref} [is cancelled now|has been called off]. [Nothing more you need to do.|That's taken care of.]",
    ],
    modified: [
      "[There you go|All sorted] — {ref} [has been updated|is changed]: {summary}.",
      "{ref} [now reads|is updated to] {summary}. [All good?|Anything else to change?]",
    ],
    action_failed: [
      "[Sorry,|Hmm,] [that was turned down|the system said no]: {reason}. [Shall we try another {field}?|Want to change the {field}?]",
      "[It didn't work|That one failed] — {reason}. [We could try a different {field}.|Want to pick another {field}?]",
    ],
    escalate: [
      "[Okay|Alright], [I'm connecting you with|I'm handing you to] [a member of the team|a specialist|one of my colleagues]. [They'll have the full chat in front of them.|Everything we've said goes with you.]",
      "[Sure thing|No problem] — [a person from the team|someone from support] will [take over from here|join shortly]. [You won't need to explain it again.|They can see everything so far.]",
      "[I hear you|Makes sense]. [Passing you over to|Transferring you to] [the team|a colleague] now — [they'll pick it up from where we are|they'll see what we've done so far].",
      "[Right away|Sure]. [A colleague will continue from here|Someone on the team is taking this over], [and they already have the details|with the whole conversation to hand].",
    ],
    farewell: [
      "[Glad that's sorted|Happy it worked out|Great that we got there]! [Have a lovely {weekday}|Enjoy the rest of your day|Take it easy].",
      "[Thanks for chatting|Thanks for stopping by|Cheers]! [Come back any time.|I'm around if you need me.|See you next time.]",
      "[It was a pleasure|Happy to help|Always a pleasure]. [Bye for now|All the best|Have a good one]!",
      "[Perfect|Lovely|Wonderful] — [glad I could help|happy to be of use]. [Enjoy your {weekday}!|Bye!|Take care!]",
      "[Sure thing|Of course], [that's what I'm here for|any time]. [Have a great rest of the day!|Speak soon!|Good luck with it all!]",
      "[You're very welcome|No trouble at all]. [If anything else comes up, just message me.|Drop me a line if you need more.]",
    ],
    give_up_reply: [
      "[Sorry I couldn't do more|Sorry it didn't work out this time]. [Feel free to come back anytime.|I'll be here if you want to try again.]",
      "[Totally understand|That's fair]. [Good luck with it|Hope you find what you need], and [come back any time|I'm here if you need me].",
      "[Okay|Alright] — [sorry we didn't get there|apologies that I couldn't find it]. [If you change your mind, just say.|Another day might bring better results.]",
    ],
    details: [
      "[Sure|Okay] — {name} [({id})|]: {facts}.",
      "[Here's|This is] {name} [({id})|] — {facts}.",
      "[Quick summary of|A closer look at] {name}: {facts}.",
      "[What I have on|The facts on] {name} [({id})|]: {facts}.",
      "[Okay, so|Alright —] {name} [({id})|] [is|would be] {facts}.",
    ],
    compare: [
      "[Okay, the two side by side|Putting them next to each other]: {lines}",
      "[In short|Briefly]: {lines}",
    ],
    status: ["[Here's|This is] {name}: {facts}.", "[Right now|At the moment], {name}: {facts}."],
    command: ["[Ran|Just ran] `{cmd}` on {name}[ — here it is|]:\n{output}", "`{cmd}` [on|for] {name} [came back with|returned]:\n{output}"],
    reviews: [
      "[Here's what reviewers think of|Reviewers on] {name}: {facts}.",
      "[The reviews for|Feedback on] {name} [say|reads]: {facts}.",
    ],
    availability: [
      "[Yes|Good news] — {name} [comes in|is there in] {facts}.",
      "[For|As for] {name}, [there's|you can get] {facts}.",
    ],
    correction_ack: [
      "[Sure|Right], {c} [instead|then]. [Searching again.|I'll redo the search.]",
      "[Oh, okay|Gotcha] — {c}. [Let me run that again.|Updating now.]",
      "[Thanks for the fix|Noted] — {c}[, checking again|]. [One moment.|Won't be long.]",
    ],
    noted: [
      "[Lovely|Sounds good] — {name}. [Anything else you'd like to know?|Shall we go ahead?]",
      "{name} [is a good call|makes sense]. [Do you want me to go ahead?|Anything else on it?]",
    ],
    confirm_first: [
      "[Before I do that|Before I go ahead]: {what}[. Is that right?|. Okay?| — all correct?]",
      "[So that's|Let me read it back:] {what}. [Shall I confirm it?|Go ahead?]",
    ],
    need_details: [
      "[Of course|Happy to]. [Could you give me|I'll need] the {fields}?",
      "[Sure thing|No problem] — [just tell me|send me] the {fields}[ and I'll take it from there|].",
    ],
    action_ack: [
      "[Okay|Right], [doing that|making the change] [now|for you].",
      "[Give me a moment|One moment] while I [put that in|take care of it].",
      "[Processing that|Working on it] [now|right away].",
      "[Sure|Alright] — [putting it through|sending it off] now.",
    ],
    tip: [
      "Tip: [tell me what matters most to you|name a must-have] and I'll [sort the list by it|put it first].",
      "Tip: [if two look alike|when two look close], ask me [to compare them|for the difference].",
    ],
    restate: [
      "[Alright|Okay], [let me find|I'll look for] [something|options] {wants}.",
      "{ack} [Searching|Looking] for [anything|something] {wants}[ now|].",
      "[Something|Anything] {wants} — [let me see what comes up|checking now|give me a second].",
      "[Got it|Right]: {wants}. [Let me see what there is.|Searching.|One moment.]",
      "[I'll search|Searching] for [options|things] {wants}.",
    ],
    look_details: [
      "[Let me get|Getting] [everything on|the full picture on] {name}.",
      "[Opening up|Looking closer at] {name}[ for you|].",
      "{name}? [Let me check the details.|One sec, pulling it up.]",
    ],
    look_reviews: ["[Let me see|Looking at] [what reviewers said about|the reviews of] {name}.", "[Reviews of|Feedback on] {name} — [one moment|checking]."],
    look_availability: ["[Let me see|Checking] [what's left of|what there is of] {name}.", "{name} — [checking what's available|seeing what's there]."],
    look_logs: ["[Let me see|Checking] the [newest|last few] entries [on|for] `{name}`."],
    look_status: ["[Let me check on|Having a look at] `{name}`.", "`{name}` — [checking now|one sec]."],
    look_command: ["[Running that on|Trying it on] `{name}`[ now|]."],
    look_compare: ["[Comparing|Setting side by side] {name}[ now|].", "[Let me compare|One moment, comparing] {name}."],
  },
  hi: {
    small_talk: [
      "[नमस्ते|हैलो]! [सब ठीक है, शुक्रिया|बढ़िया चल रहा है]। [आज क्या करना है?|बताइए, कैसे मदद करूँ?|किस चीज़ में मदद चाहिए?]",
      "[शुक्रिया पूछने के लिए|आप बहुत अच्छे हैं]! [बताइए, आज क्या देखें?|किस काम से आए हैं?]",
    ],
    small_talk_mid: ["[सही कहा|बिल्कुल]! [अब|चलिए,] {topic} पर [लौटते हैं|वापस आते हैं] — [आगे क्या देखें?|और कुछ जानना है?]"],
    clarify_ask: [
      "[अच्छा|ठीक है], [कौन सा|कैसा] {field} [चलेगा|पसंद है]?",
      "[एक बात बताइए|बस इतना बता दीजिए] — {field} [क्या हो|कैसा हो]?",
      "[ज़रूर देखते हैं|अभी देखते हैं]! [पहले|बस] {field} बता दीजिए?",
    ],
    none_found: [
      "[अफ़सोस|दुख है], {wants} [कुछ नहीं है|कोई नतीजा नहीं आया]। [{field} बदलकर देखें?|थोड़ा बड़ा दायरा रखें?]",
      "{wants} [अभी कुछ उपलब्ध नहीं|कुछ नहीं दिख रहा]। [क्या {field} बदल दें?|कोई शर्त हटा दें?]",
    ],
    retry_timeout: ["[टाइमआउट हो गया|जवाब नहीं आया, सिस्टम धीमा है] — [एक बार और कोशिश करते हैं|दोबारा भेज रहे हैं]।"],
    retry_error: ["[पहली बार में गड़बड़ हुई|एक एरर आया] — [फिर से चलाते हैं|एक और कोशिश]।"],
    retry_empty: ["[अजीब, कुछ नहीं लौटा|खाली जवाब आया] — [पक्का करने के लिए फिर देखते हैं|एक बार और पूछते हैं]।"],
    retry_partial: ["[जवाब अधूरा आया|सिर्फ़ आधी सूची आई] — [बाकी मँगवाते हैं|पूरी सूची लाते हैं]।"],
    alt_tool: ["[दूसरी बार भी नहीं चला|फिर वही हाल], [किसी और तरीके से देखते हैं|दूसरा रास्ता लेते हैं]।"],
    apologize_ask: ["[बहुत माफ़ी|माफ़ कीजिए] — [सिस्टम बार-बार अटक रहा है|अभी जवाब नहीं मिल रहा]। [थोड़ी देर बाद देखें या अभी फिर कोशिश करें?|एक बार और कोशिश करें?]"],
    still_failing: ["[फिर भी नहीं हुआ|अब भी कोई जवाब नहीं] — [माफ़ी चाहते हैं|इसके लिए खेद है]। {next}"],
    status: ["[ये रहा|देखिए,] {name}: {facts}।"],
    command: ["`{cmd}` का नतीजा ({name}):\n{output}"],
    tip: ["टिप: [जो सबसे ज़रूरी है वो बताइए|कोई एक शर्त बताइए], [उसी हिसाब से छाँट दिया जाएगा|नतीजे उसी से छँट जाएँगे]।", "टिप: [दो एक जैसे लगें|तय न हो पाए] तो [फ़र्क पूछिए|तुलना माँगिए]।"],
    look_logs: ["{name} की [ताज़ा|नई] एंट्री [देखते हैं|खोलते हैं]।"],
    look_command: ["{name} पर [चला रहे हैं|चलाकर देखते हैं]।"],
    booked: ["[बढ़िया|सब तय] — {summary}। [आपका रेफ़रेंस|रेफ़रेंस नंबर] {ref} है।", "{summary} — [पक्का हो गया|कन्फ़र्म है]। [रेफ़रेंस|नंबर]: {ref}।"],
    cancelled: ["{ref} [रद्द हो गया है|कैंसल कर दिया गया है]। [और कुछ?|आपको कुछ और नहीं करना है।]"],
    modified: ["{ref} [अब|बदलकर] {summary} [है|हो गया है]।"],
    action_failed: ["[माफ़ कीजिए|अफ़सोस], [यह नहीं हुआ|सिस्टम ने मना कर दिया]: {reason}। [{field} बदलकर देखें?|कोई और विकल्प?]"],
    escalate: [
      "[ठीक है|ज़रूर] — [टीम का कोई साथी|एक विशेषज्ञ] [अब आगे देखेंगे|अभी जुड़ेंगे]। [उनके पास पूरी बातचीत है।|आपको कुछ दोहराना नहीं पड़ेगा।]",
      "[बिल्कुल|समझ सकते हैं] — [आपको टीम से जोड़ा जा रहा है|यह बातचीत टीम को दी जा रही है]; [वे सब देख पाएँगे|उन्हें पूरी जानकारी मिलेगी]।",
    ],
    farewell: [
      "[धन्यवाद|शुक्रिया] [बात करने के लिए|आने के लिए]! [फिर मिलेंगे|कभी भी आइए]।",
      "[ख़ुशी हुई कि काम बन गया|अच्छा लगा कि हो गया]! [आज का दिन अच्छा बीते|दिन शुभ हो]।",
      "[कोई बात नहीं|यह तो मेरा काम है]! [कुछ और चाहिए तो लिखिए।|फिर कभी ज़रूरत हो तो बताइए।]",
      "[बहुत बढ़िया|शानदार] — [मदद करके अच्छा लगा|काम हो गया]। [अपना ध्यान रखिए!|नमस्ते!]",
    ],
    give_up_reply: [
      "[माफ़ कीजिए, इस बार बात नहीं बनी|अफ़सोस है कि कुछ नहीं मिला]। [फिर कभी कोशिश करेंगे।|जब चाहें फिर आइए।]",
      "[समझ सकते हैं|ठीक है] — [शुभकामनाएँ|उम्मीद है कुछ अच्छा मिलेगा]। [मैं यहीं हूँ।|फिर लिखिएगा।]",
    ],
    details: ["[ये रही|देखिए] {name} [({id})|] की जानकारी: {facts}।", "{name}: {facts}।", "[संक्षेप में|मोटे तौर पर], {name} [({id})|] — {facts}।", "{name} [({id})|] के बारे में: {facts}।"],
    compare: ["[दोनों की तुलना|फ़र्क देखिए]: {lines}", "[संक्षेप में|मोटे तौर पर]: {lines}"],
    reviews: ["{name} के बारे में लोग [कहते हैं|लिखते हैं]: {facts}।", "[रिव्यू में|लोगों की राय में] {name}: {facts}।"],
    availability: ["{name} [में ये मिलता है|उपलब्ध है]: {facts}।", "[हाँ|जी हाँ], {name}: {facts}।"],
    correction_ack: ["[अच्छा|ओह], {c} — [दोबारा खोजते हैं|फिर से देखते हैं]।", "[सही किया|ठीक है], {c}। [एक पल।|अभी बदलते हैं।]"],
    noted: ["{name} — [अच्छा चुनाव|सही फ़ैसला]। [आगे बढ़ें?|और कुछ जानना है?]"],
    confirm_first: ["[आगे बढ़ने से पहले|एक बार देख लीजिए]: {what}। [ठीक है?|कर दें?]"],
    need_details: ["[ठीक है|बिल्कुल], [बस|कृपया] {fields} [बताइए|लिख दीजिए]।"],
    action_ack: ["[ठीक है|ज़रूर], अभी [करते हैं|कर देते हैं]।", "[एक पल|बस एक मिनट], [काम हो रहा है|बदलाव हो रहा है]।"],
    restate: ["[ठीक है|अच्छा], {wants} — [देखते हैं|खोजते हैं]।", "{wants}? [एक पल|अभी देखते हैं]।", "{ack} {wants} [खोज|ढूँढ] {m:रहा|f:रही} हूँ।"],
    look_details: ["{name} की [पूरी जानकारी|डिटेल] [ला|देख] {m:रहा|f:रही} हूँ।", "{name}? [एक पल|अभी देखते हैं]।"],
    look_reviews: ["{name} के [रिव्यू|बारे में राय] [देख|पढ़] {m:रहा|f:रही} हूँ।"],
    look_availability: ["{name} [में क्या-क्या है|की उपलब्धता], [देखते हैं|एक पल]।"],
    look_status: ["{name} [का हाल|की स्थिति] [देखते हैं|जाँचते हैं]।"],
    look_compare: ["{name} की तुलना [कर {m:रहा|f:रही} हूँ|करते हैं]।"],
  },
  mixed: {
    small_talk: [
      "[Hello|Hi]! [Sab theek, thanks|Badhiya chal raha hai]. [Aaj kya karna hai?|Batao, kaise help karun?|Kis cheez mein help chahiye?]",
      "[Thanks poochne ke liye|Aap bahut sweet ho]! [Batao, aaj kya dekhein?|Kis kaam se aaye ho?]",
    ],
    small_talk_mid: ["[Sahi baat|Bilkul]! [Ab|Chalo,] {topic} pe [wapas aate hain|lautte hain] — [aage kya dekhein?|aur kuch jaanna hai?]"],
    clarify_ask: [
      "[Accha|Theek hai], [kaunsa|kaisa] {field} [chalega|pasand hai]?",
      "[Ek cheez batao|Bas itna batao] — {field} [kya ho|kaisa ho]?",
      "[Zaroor dekhte hain|Abhi dekhte hain]! [Pehle|Bas] {field} bata do?",
    ],
    none_found: [
      "[Afsos|Sorry yaar], {wants} [kuch nahi hai|koi result nahi aaya]. [{field} change karke dekhein?|Thoda wide search karein?]",
      "{wants} [abhi kuch available nahi|kuch nahi dikh raha]. [Kya {field} badal dein?|Koi filter hata dein?]",
    ],
    retry_timeout: ["[Timeout ho gaya|Response nahi aaya, system slow hai] — [ek baar aur try karte hain|dobara bhej rahe hain]."],
    retry_error: ["[Pehli baar mein error aaya|Ek gadbad hui] — [phir se chalate hain|ek aur try]."],
    retry_empty: ["[Ajeeb, kuch return nahi hua|Khaali response aaya] — [pakka karne ke liye phir dekhte hain|ek baar aur poochte hain]."],
    retry_partial: ["[Result adhoora aaya|Sirf aadhi list aayi] — [baaki mangwate hain|poori list laate hain]."],
    alt_tool: ["[Doosri baar bhi nahi chala|Phir wahi haal], [kisi aur tarike se dekhte hain|doosra route lete hain]."],
    apologize_ask: ["[Sorry yaar|Maafi] — [system baar baar atak raha hai|abhi response nahi mil raha]. [Thodi der baad dekhein ya abhi phir try karein?|Ek baar aur try karein?]"],
    still_failing: ["[Phir bhi nahi hua|Ab bhi koi response nahi] — [sorry for this|iske liye maafi]. {next}"],
    status: ["[Ye raha|Dekho,] {name}: {facts}."],
    command: ["`{cmd}` ka result ({name}):\n{output}"],
    tip: ["Tip: [jo sabse zaroori hai wo batao|koi ek condition batao], [usi hisaab se sort ho jayega|results usi se filter ho jayenge].", "Tip: [do ek jaise lagein|decide na ho paye] toh [difference poocho|comparison maango]."],
    look_logs: ["{name} ki [latest|nayi] entries [dekhte hain|kholte hain]."],
    look_command: ["{name} pe [chala rahe hain|chala ke dekhte hain]."],
    booked: ["[Badhiya|Sab set] — {summary}. [Aapka reference|Reference number] {ref} hai.", "{summary} — [confirm ho gaya|pakka hai]. [Reference|Number]: {ref}."],
    cancelled: ["{ref} [cancel ho gaya hai|cancel kar diya gaya hai]. [Aur kuch?|Aapko kuch aur nahi karna.]"],
    modified: ["{ref} [ab|change hoke] {summary} [hai|ho gaya hai]."],
    action_failed: ["[Sorry|Afsos], [ye nahi hua|system ne mana kar diya]: {reason}. [{field} badal ke dekhein?|Koi aur option?]"],
    escalate: [
      "[Theek hai|Zaroor] — [team ka koi member|ek specialist] [ab aage dekhega|abhi join karega]. [Unke paas poori chat hai.|Aapko kuch repeat nahi karna padega.]",
      "[Bilkul|Samajh sakte hain] — [aapko team se connect kiya ja raha hai|ye chat team ko di ja rahi hai]; [wo sab dekh payenge|unhe poori info milegi].",
    ],
    farewell: [
      "[Thanks|Shukriya] [baat karne ke liye|aane ke liye]! [Phir milte hain|Kabhi bhi aana].",
      "[Khushi hui ki kaam ban gaya|Accha laga ki ho gaya]! [{weekday} accha jaye|Din mast jaye].",
      "[Koi baat nahi|Ye toh mera kaam hai]! [Kuch aur chahiye toh likhna.|Phir kabhi zaroorat ho toh batana.]",
      "[Bahut badhiya|Mast] — [help karke accha laga|kaam ho gaya]. [Take care!|Bye bye!]",
    ],
    give_up_reply: [
      "[Sorry, is baar baat nahi bani|Afsos ki kuch nahi mila]. [Phir kabhi try karenge.|Jab chaho phir aana.]",
      "[Samajh sakte hain|Theek hai] — [all the best|umeed hai kuch accha milega]. [Main yahin hoon.|Phir likhna.]",
    ],
    details: ["[Ye rahi|Dekho] {name} [({id})|] ki details: {facts}.", "{name}: {facts}.", "[Short mein|Mote taur pe], {name} [({id})|] — {facts}.", "{name} [({id})|] ke baare mein: {facts}."],
    compare: ["[Dono ka comparison|Difference dekho]: {lines}", "[Short mein|Mote taur pe]: {lines}"],
    reviews: ["{name} ke baare mein log [kehte hain|likhte hain]: {facts}.", "[Reviews mein|Logon ki raay mein] {name}: {facts}."],
    availability: ["{name} [mein ye milta hai|available hai]: {facts}.", "[Haan|Ji haan], {name}: {facts}."],
    correction_ack: ["[Accha|Oh], {c} — [dobara search karte hain|phir se dekhte hain].", "[Sahi kiya|Theek hai], {c}. [Ek sec.|Abhi update karte hain.]"],
    noted: ["{name} — [acchi choice|sahi decision]. [Aage badhein?|Aur kuch jaanna hai?]"],
    confirm_first: ["[Aage badhne se pehle|Ek baar dekh lo]: {what}. [Theek hai?|Kar dein?]"],
    need_details: ["[Theek hai|Bilkul], [bas|please] {fields} [batao|likh do]."],
    action_ack: ["[Theek hai|Zaroor], abhi [karte hain|kar dete hain].", "[Ek sec|Bas ek minute], [kaam ho raha hai|change ho raha hai]."],
    restate: ["[Theek hai|Accha], {wants} — [dekhte hain|search karte hain].", "{wants}? [Ek sec|Abhi dekhte hain].", "{ack} {wants} [dhoondh|search kar] {m:raha|f:rahi} hoon."],
    look_details: ["{name} ki [poori details|info] [la|dekh] {m:raha|f:rahi} hoon.", "{name}? [Ek sec|Abhi dekhte hain]."],
    look_reviews: ["{name} ke [reviews|baare mein feedback] [dekh|padh] {m:raha|f:rahi} hoon."],
    look_availability: ["{name} [mein kya kya hai|ki availability], [dekhte hain|ek sec]."],
    look_status: ["{name} [ka haal|ki condition] [dekhte hain|check karte hain]."],
    look_compare: ["{name} ka comparison [kar {m:raha|f:rahi} hoon|karte hain]."],
  },
};

/** Extra acknowledgements, intros and offers per style, added to style-banks.ts's. */
export const MORE_STYLE: Record<Lang, Partial<Record<Style, { acks?: string[]; intros?: string[]; offers?: string[] }>>> = {
  en: {
    casual: {
      acks: ["[Ooh|Oh nice], [let's see|let me have a look].", "[Two secs|Hang on], [checking|looking].", "[Yep|Sure], [on the case|digging in now].", "[Coming right up|Let's find out]!"],
      intros: ["[Alright|Okay], [these came up|got a few for you]:", "[Have a look|Take a peek]:", "[Right then|So], [here's the lot|this is what's out there]:", "[Ta-da|Boom|Sweet], [found some|a few here]:"],
      offers: ["[Any of these catch your eye?|Like any of them?]", "[Shall I dig into one?|Want the lowdown on one?]", "[Want to see a few more?|More where that came from — want them?]", "[Pick one|Point at one] and [I'll tell you more|I'll dig in].", "[Not quite it?|None of them?] [Say the word and I'll keep looking.|I can keep digging.]", "[Want|Fancy] [a closer look|the full story] on [the first|the second|one of them]?"],
    },
    senior_engineer: {
      acks: ["Querying.", "Looking.", "Fetching."],
      intros: ["[Output|Returned]:", "[Hits|Rows]:"],
      offers: ["[Filter further?|Narrow it?]", "[Detail on one?|Drill in?]"],
    },
    stressed: {
      acks: ["[Right away|On it now] — [won't be a sec|be right back].", "[Checking as fast as I can|Looking right now]."],
      intros: ["[Quick answer|Fast version]:", "[Right, found some|Here, quickly]:"],
      offers: ["[Want me to just pick one?|Shall I choose for you?]", "[One word and I'll go ahead.|Tell me which and it's done.]"],
    },
    learner: {
      acks: ["[Great question|Nice one] — [let me find out|I'll look it up].", "[Sure thing|Of course] — [searching now|let me check]."],
      intros: ["[Here are a few to compare|A few options, so you can see the range]:", "[These are the closest fits|Here's what matches best]:"],
      offers: ["[Want me to say what sets them apart?|Shall I explain how they differ?]", "[Any questions about one of them?|Want to know more about one?]"],
    },
    executive: {
      acks: ["[Looking|Checking] now.", "Right away."],
      intros: ["[Best options|Top picks]:", "[Shortlist|In brief]:"],
      offers: ["[Go with the first?|Proceed?]", "[Anything else?|Done here?]"],
    },
    neutral: {
      acks: ["[Of course|Certainly] — [let me see|I'll check].", "[One moment|Just a moment] while I [look|check].", "[Let me find that for you|I'll look that up].", "[Sure|Okay], [looking now|searching now].", "[Give me a second|Bear with me] — [checking|having a look]."],
      intros: ["[Here's what came up|Here's what's available]:", "[A few that fit|Some good matches]:", "[These match|These fit] what you asked for:", "[Okay|Right|Alright], [this is what I found|these are the options|here's the list]:", "[So far|For now], [these look closest|the best fits are]:"],
      offers: ["[Shall I tell you more about one?|Want more on one of them?]", "[Would you like to see others?|Want a few more options?]", "[Is one of these right for you?|Does one of these work?]", "[Let me know|Just say] [which one you like|if one stands out][ and I'll take it from there|].", "[Happy to|I can] [look closer at any of them|compare a couple] [if that helps|if you like]."],
    },
  },
  hi: {
    casual: { acks: ["[रुकिए|एक सेकंड], [देखते हैं|खोजते हैं]!", "[हाँ हाँ|अरे ज़रूर], [अभी ढूँढते हैं|बस दो सेकंड]!"], intros: ["[लीजिए|ये देखिए]:", "[वाह|बढ़िया], [कुछ मिल गए|ये रहे]:", "[देखिए तो|ज़रा देखिए], [क्या मिला|ये निकले]:"], offers: ["[कोई पसंद आया?|इनमें से कोई जमा?]", "[किसी एक पर|जो अच्छा लगे उस पर] [उँगली रखिए|बताइए], [और बताऊँ?|डिटेल दूँ?]", "[और चाहिए?|कुछ और दिखाऊँ?]"] },
    senior_engineer: { acks: ["[खोज|देख] {m:रहा|f:रही} हूँ।"], intros: ["[मिले|परिणाम]:"], offers: ["[एक की डिटेल?|और छाँटूँ?]"] },
    stressed: { acks: ["[बस एक पल|तुरंत देखते हैं]।"], intros: ["[जल्दी से|फटाफट], ये रहे:"], offers: ["[एक चुन दूँ?|कहें तो अभी कर दूँ?]"] },
    learner: { acks: ["[अच्छी बात पूछी|ज़रूर] — [अभी पता करते हैं|देखते हैं]।"], intros: ["[तुलना के लिए कुछ विकल्प|कुछ विकल्प देखिए]:"], offers: ["[इनका फ़र्क बताऊँ?|किसी के बारे में और जानना है?]"] },
    executive: { acks: ["[अभी|तुरंत] देखते हैं।"], intros: ["[सबसे अच्छे|चुने हुए]:"], offers: ["[पहला वाला?|आगे बढ़ें?]"] },
    neutral: { acks: ["[ज़रूर|बिल्कुल], [एक पल|अभी देखते हैं]।", "[अभी पता करते हैं|देखते हैं क्या मिलता है]।", "[जी,|हाँ जी,] [खोज शुरू करते हैं|ज़रा देखने दीजिए]।"], intros: ["[ये मिले|ये उपलब्ध हैं]:", "[आपकी बात से मिलते|कुछ अच्छे] विकल्प:", "[ठीक है|अच्छा], [ये रहे नतीजे|यह मिला]:"], offers: ["[किसी के बारे में और बताऊँ?|और विकल्प दिखाऊँ?]", "[इनमें से कोई ठीक लगा?|कोई जँचा?]", "[जो पसंद हो|कोई एक] [बताइए|चुनिए], [आगे मैं देख {m:लूँगा|f:लूँगी}|बाकी मुझ पर छोड़िए]।"] },
  },
  mixed: {
    casual: { acks: ["[Ruko|Ek sec], [dekhte hain|search karte hain]!", "[Haan haan|Arre zaroor], [abhi dhoondhte hain|bas do sec]!"], intros: ["[Lo|Ye dekho]:", "[Wah|Badhiya], [kuch mil gaye|ye rahe]:", "[Dekho toh|Zara dekho], [kya mila|ye nikle]:"], offers: ["[Koi pasand aaya?|Inmein se koi jacha?]", "[Kisi ek pe|Jo accha lage uspe] [point karo|batao], [aur bataun?|detail doon?]", "[Aur chahiye?|Kuch aur dikhaun?]"] },
    senior_engineer: { acks: ["[Search|Check] kar {m:raha|f:rahi} hoon."], intros: ["[Mile|Results]:"], offers: ["[Ek ki detail?|Aur filter karun?]"] },
    stressed: { acks: ["[Bas ek sec|Turant dekhte hain]."], intros: ["[Jaldi se|Fatafat], ye rahe:"], offers: ["[Ek choose kar doon?|Bolo toh abhi kar doon?]"] },
    learner: { acks: ["[Accha sawaal|Zaroor] — [abhi pata karte hain|dekhte hain]."], intros: ["[Compare karne ke liye kuch options|Kuch options dekho]:"], offers: ["[Inka difference bataun?|Kisi ke baare mein aur jaanna hai?]"] },
    executive: { acks: ["[Abhi|Turant] dekhte hain."], intros: ["[Best options|Top picks]:"], offers: ["[Pehla wala?|Aage badhein?]"] },
    neutral: { acks: ["[Zaroor|Bilkul], [ek sec|abhi dekhte hain].", "[Abhi pata karte hain|Dekhte hain kya milta hai].", "[Ji,|Haan ji,] [search start karte hain|zara dekhne do]."], intros: ["[Ye mile|Ye available hain]:", "[Aapki requirement se milte|Kuch acche] options:", "[Theek hai|Accha], [ye rahe results|ye mila]:"], offers: ["[Kisi ke baare mein aur bataun?|Aur options dikhaun?]", "[Inmein se koi theek laga?|Koi jacha?]", "[Jo pasand ho|Koi ek] [batao|choose karo], [aage main dekh {m:lunga|f:lungi}|baaki mujh pe chhod do]."] },
  },
};

/** Extra user lines per act (the first banks are in user-banks.ts and voice-banks.ts's EXTRAS). */
export const MORE_USER: Record<Lang, Lines<UserAct>> = {
  en: {
    small_talk: [
      "[good {weekday} to you|happy {weekday}]! [how's it going on your end|hope it's a quiet one for you]?",
      "[hi|hello], [hope I'm not interrupting|hope you're well][!|.]",
    ],
    small_talk_reply: [
      "[ha, thanks|aw, thanks]. [so|right,] [here's the thing|here's what I'm after]",
      "[not bad, not bad|all good here too]. [anyway|ok]",
    ],
    small_talk_mid: ["[sorry,|oh,] [the doorbell just went|someone just called me], [back now|where were we]"],
    open: [
      "[hoping you can help —|hi, maybe you can help:] [I want|I'm after] {thing} {wants}",
      "[so|ok so] [I've been looking for|I'm on the hunt for] {thing} {wants}[ for a while now|]",
      "[is it possible to get|what are the options for] {thing} {wants}?",
      "[show me|let me see] {thing} {wants}[, please|]",
      "[my plan is to get|I'd love to find] {thing} {wants}[ — can you help?|]",
      "[what do you have|what's there] [in the way of|for] {thing} {wants}?",
    ],
    open_vague: [
      "[I want to look at|show me what you have for] {thing}",
      "[hi, it's about|I have a question about] {thing}",
      "[thinking about|looking into] {thing}[, where do I start?|]",
    ],
    answer_clarify: [
      "[I'd go for|I'm thinking] {wants}",
      "[definitely|probably] {wants}[, thanks|]",
      "{wants} [would be ideal|works best for me|is what I need]",
    ],
    add: [
      "[ideally|if possible] {c}[ too|]",
      "[and I'd prefer|I'd rather have it] {c}",
      "[let's also say|make it] {c}",
      "[one more filter|just to narrow it]: {c}",
    ],
    correct: ["[oh no,|hmm,] [that's wrong|I got that wrong] — {c}[, not {old}|]", "[let me fix that|small fix]: {c}"],
    clarify_q: ["[which would you pick,|honestly,] {item} or {item2}?", "[is there a big difference between|how different are] {item} and {item2}?"],
    details: [
      "[can I see more on|give me the details of|what's the story with] {item}?",
      "[I'm curious about|interested in] {item} — [what's it like?|details?]",
      "[just|quickly,] [tell me about|more on] {item}[ please|]",
    ],
    reviews: ["[what are people saying about|any feedback on] {item}?", "[do people like|how do people rate] {item}?"],
    availability: ["[can I get|is there any] {item}[ {c}|]?", "[is there still|do you still have] {item}[ {c}|]?"],
    compare: ["[how does|how would] {item} [stack up against|compare with] {item2}?", "[help me choose between|I can't decide between] {item} and {item2}"],
    choose: [
      "[I think|I'd say] {item}[ is the one|, yes]",
      "[let's go for|give me] {item}[ then|]",
      "[decision made:|ok, final answer:] {item}",
      "{item}[, definitely|, no question]",
    ],
    change_mind: ["[on reflection|thinking about it], {item2} [makes more sense|is the better pick]"],
    book: [
      "[please|go ahead and] [put it through|make it happen] {details}",
      "[I'm ready,|ok, ready —] [let's confirm|let's do] {item} {details}",
    ],
    thanks_done: [
      "[great, that's everything|brilliant, all done], [thanks so much|many thanks]",
      "[that's exactly it|just what I was after|spot on], [thanks for the help|appreciate it|you're a star][!|.]",
      "[ok, I think I'm done|right, that's me sorted|all good now], [thanks|cheers|thank you][, bye|, have a nice day|]",
      "[you've been a big help|that was quick], [thank you|thanks]!",
      "[cool|lovely], [that sorts it|exactly what I needed]. [bye!|cheers!|thanks!]",
      "[thanks, that's great|thank you, perfect]. [have a good {weekday}|talk soon]",
      "[amazing|super], [appreciate the help|thanks for your help]",
    ],
    give_up: [
      "[ah well|oh well|hmm, ok], [I'll think about it|maybe another time|I'll leave it for today]",
      "[I think I'll pass|I'll pass for now|let's stop here], [thanks for looking|thanks all the same|no hard feelings]",
      "[this isn't quite working for me|we're not getting there], [I'll try again another day|I'll have a think and come back]",
      "[not quite what I'm after|doesn't really fit], [I'll leave it there|I'll keep looking]",
      "[no, that's ok|never mind then], [thanks for trying|I'll sort it another way]",
    ],
    escalate: ["[I'd rather talk to|please put me through to] [a person|someone on your team]", "[is there a human I can talk to|can someone from the team call me]?"],
    complain: ["[still nothing?|why is this so slow?]", "[not again|this is frustrating]"],
    ok_wait: ["[no problem,|alright,] [I'll wait|I can hang on]", "[sure, try again|go on, one more time]"],
    ok_go: ["[yes, that's right|that's correct], [please go ahead|go on]", "[do it|go for it][, thanks|]", "[all correct|right], [yes|thanks]", "[yep|absolutely], [that's it|confirm it]"],
    keep_it: ["[on reflection|thinking about it], [I'll leave it|let's leave it] [as it is|unchanged][ for now|]"],
    cancel: ["[please cancel|I'd like to cancel] {ref}[, something came up|, plans changed|]", "[hi,|hello,] [cancel|I need to call off] {ref} [please|for me]"],
    modify: ["[I'd like to change|can we update] {ref}: {details}", "[small change to|update on] {ref} — {details}[, please|]"],
    logs: ["[what's in|any warnings in] the [recent|newest] entries [for|on] {item}?"],
    status: ["[is|how is] {host} [doing ok|holding up][?| today?]", "[quick check on|any news on] {host}?"],
    command: ["[can I get|need] the output of `{cmd}` on {host}", "[please execute|go ahead and run] `{cmd}` [on|against] {host}"],
    extra: [
      "[it's a bit of a last-minute thing|I'm a little short on time]",
      "[my {weekday} is packed|I've got a lot on this week]",
      "[a friend suggested I ask here|someone told me to try this chat]",
    ],
  },
  hi: {
    small_talk: ["[नमस्ते जी|राम राम]! [सब कैसा चल रहा है|आप ठीक हैं]?", "[नमस्ते|हैलो], [उम्मीद है आप ठीक हैं|आपका दिन अच्छा जा रहा होगा]"],
    small_talk_reply: ["[अच्छा है|बढ़िया], [धन्यवाद|शुक्रिया]। [तो बात यह है|अब काम की बात]"],
    small_talk_mid: ["[माफ़ कीजिए|एक मिनट], [कोई आ गया|फ़ोन आ गया], [अब बताइए|हाँ तो]"],
    open: [
      "[नमस्ते,|सुनिए,] {thing} [देखना है|चाहिए], {wants}",
      "[हम|हम लोग] {thing} [ढूँढ रहे हैं|देख रहे हैं], {wants}",
      "{wants} {thing} [दिखाइए|बताइए]",
      "[क्या|] {thing} [मिल जाएगा|मिल सकता है], {wants}?",
      "[मेरे लिए|मुझे] {wants} {thing} [ढूँढिए|खोज दीजिए]",
    ],
    open_vague: ["{thing} के बारे में [पूछना था|जानना है]", "[मुझे|हमें] {thing} [देखना है|चाहिए], [कहाँ से शुरू करें?|क्या है?]"],
    answer_clarify: ["[मेरे हिसाब से|शायद] {wants}", "{wants} [सबसे अच्छा रहेगा|ठीक रहेगा]", "[ज़्यादा से ज़्यादा|बेहतर हो] {wants}"],
    add: ["[और|साथ ही] {c} [भी|] [हो तो अच्छा|चाहिए]", "[बस|सिर्फ़] {c} [वाले|वाला] [दिखाइए|बताइए]"],
    correct: ["[ओह,|अरे,] [गलत बोल दिया|गलती हुई] — {c}[, {old} नहीं|]"],
    clarify_q: ["{item} [या|और] {item2} — [आप कौन सा लेते|कौन सा ठीक रहेगा]?"],
    details: ["{item} की [पूरी जानकारी|डिटेल] [दीजिए|बताइए]", "[ज़रा|थोड़ा] {item} के बारे में [बताइए|समझाइए]"],
    reviews: ["{item} [को लोग कैसा बताते हैं|की रेटिंग कैसी है]?", "[लोगों ने|ख़रीदने वालों ने] {item} के बारे में [क्या लिखा है|क्या कहा है]?"],
    availability: ["[क्या|] {item}[ {c}|] [मिलेगा|अभी मिल सकता है]?"],
    compare: ["{item} और {item2} में [फ़र्क बताइए|कौन बेहतर है]?"],
    choose: ["[तो|ठीक है,] {item} [ही|] [ठीक रहेगा|लेते हैं]", "[पक्का|फ़ाइनल], {item}"],
    change_mind: ["[दोबारा सोचा तो|नहीं,] {item2} [ज़्यादा ठीक है|बेहतर है]"],
    book: ["[ठीक है,|चलिए,] {item} [कर दीजिए|तय कीजिए] {details}"],
    thanks_done: ["[बहुत अच्छा|काम बन गया], [आपका बहुत धन्यवाद|शुक्रिया]!", "[मज़ा आ गया|वाह], [इतनी जल्दी हो गया|सब आसान था] — [धन्यवाद|शुक्रिया जी]", "[ठीक है|चलिए], [अब सब साफ़ है|बात बन गई]। [नमस्ते|फिर मिलते हैं]!", "[बस यही चाहिए था|बढ़िया], [धन्यवाद|शुक्रिया जी]", "[आपने बहुत मदद की|जल्दी हो गया], [धन्यवाद|शुक्रिया]"],
    give_up: ["[अच्छा छोड़िए|चलिए रहने दीजिए], [फिर कभी|बाद में देखेंगे]", "[यह नहीं जमा|बात नहीं बनी], [धन्यवाद फिर भी|कोई बात नहीं]", "[मुझे कुछ और चाहिए था|यह मेरी ज़रूरत से अलग है], [फिर देखेंगे|कहीं और पूछ लेंगे]"],
    escalate: ["[किसी व्यक्ति से|टीम के किसी सदस्य से] [बात करवा दीजिए|जोड़ दीजिए]", "[अब बस|बहुत हुआ], [किसी असली इंसान से बात करनी है|कोई इंसान देखे इसे]", "[कृपया|प्लीज़] [यह मामला आगे भेजिए|किसी सीनियर से बात कराइए][, जल्दी|]"],
    complain: ["[अभी तक नहीं हुआ?|इतनी देर क्यों?]"],
    ok_wait: ["[ठीक है,|चलिए,] [रुक जाते हैं|एक बार और देखिए]"],
    ok_go: ["[जी|हाँ जी], [बिल्कुल सही|ठीक है], [कर दीजिए|आगे बढ़िए]", "[सही है|हाँ], [पक्का कीजिए|कर दीजिए]", "[बिल्कुल|एकदम ठीक], [यही चाहिए|यही करना है][, कीजिए|]", "[हाँ, चलेगा|ठीक है, चलिए] — [देर मत कीजिए|अभी कर दीजिए]"],
    keep_it: ["[नहीं,|अभी] [जैसा है वैसा रहने दीजिए|कुछ मत बदलिए]"],
    cancel: ["{ref} [रद्द कर दीजिए|कैंसल कर दीजिए], [प्लान बदल गया|कुछ काम आ गया]", "[क्या|] {ref} [रद्द हो सकता है|कैंसल हो जाएगा]?"],
    modify: ["{ref} में [बदलाव चाहिए|थोड़ा बदलना है] — {details}", "[क्या|] {ref} [बदल सकते हैं|अपडेट हो सकता है]? {details}"],
    logs: ["{item} की [नई|ताज़ा] एंट्री [दिखाइए|में क्या है]?", "{item} [की आख़िरी एंट्री|में हाल में क्या हुआ], [बताइए|दिखाइए]"],
    status: ["{host} [कैसा चल रहा है|ठीक है]?", "[ज़रा|एक बार] {host} [देखिए|चेक कीजिए]"],
    command: ["`{cmd}` {host} पर [चलाकर दिखाइए|चलाइए]", "{host} पर [ज़रा|एक बार] `{cmd}` [चला दीजिए|चलाइए]"],
    extra: ["[थोड़ी जल्दी है|समय कम है]", "[एक दोस्त ने यहाँ पूछने को कहा|पहली बार यहाँ पूछ रहे हैं]"],
  },
  mixed: {
    small_talk: ["[Happy {weekday}|Namaste ji]! [Sab kaisa chal raha hai|Aap theek ho]?", "[Hello|Hi], [umeed hai aap theek ho|aapka din accha ja raha hoga]"],
    small_talk_reply: ["[Accha hai|Badhiya], [thanks|shukriya]. [Toh baat ye hai|Ab kaam ki baat]"],
    small_talk_mid: ["[Sorry|Ek min], [koi aa gaya|phone aa gaya], [ab batao|haan toh]"],
    open: [
      "[Hello,|Suno,] {thing} [dekhna hai|chahiye], {wants}",
      "[Hum|Hum log] {thing} [dhoondh rahe hain|dekh rahe hain], {wants}",
      "{wants} {thing} [dikhao|batao]",
      "[Kya|] {thing} [mil jayega|mil sakta hai], {wants}?",
      "[Mere liye|Please] {wants} {thing} [dhoondho|dhoondh do]",
    ],
    open_vague: ["{thing} ke baare mein [poochna tha|jaanna hai]", "[Mujhe|Humein] {thing} [dekhna hai|chahiye], [kahan se start karein?|kya hai?]"],
    answer_clarify: ["[Mere hisaab se|Shayad] {wants}", "{wants} [best rahega|theek rahega]", "[Zyada se zyada|Better ho] {wants}"],
    add: ["[Aur|Saath mein] {c} [bhi|] [ho toh accha|chahiye]", "[Bas|Sirf] {c} [wale|wala] [dikhao|batao]"],
    correct: ["[Oh,|Arre,] [galat bol diya|galti ho gayi] — {c}[, {old} nahi|]"],
    clarify_q: ["{item} [ya|aur] {item2} — [aap kaunsa lete|kaunsa theek rahega]?"],
    details: ["{item} ki [poori info|details] [do|batao]", "[Zara|Thoda] {item} ke baare mein [batao|samjhao]"],
    reviews: ["{item} [ko log kaisa bolte hain|ki rating kaisi hai]?", "[Logon ne|Customers ne] {item} ke baare mein [kya likha hai|kya bola hai]?"],
    availability: ["[Kya|] {item}[ {c}|] [milega|abhi mil sakta hai]?"],
    compare: ["{item} aur {item2} mein [difference batao|kaun better hai]?"],
    choose: ["[Toh|Theek hai,] {item} [hi|] [theek rahega|le lete hain]", "[Pakka|Final], {item}"],
    change_mind: ["[Dobara socha toh|Nahi,] {item2} [zyada theek hai|better hai]"],
    book: ["[Theek hai,|Chalo,] {item} [kar do|fix karo] {details}"],
    thanks_done: ["[Bahut accha|Kaam ban gaya], [bahut thanks|shukriya]!", "[Maza aa gaya|Wah], [itni jaldi ho gaya|sab easy tha] — [thanks|shukriya ji]", "[Theek hai|Chalo], [ab sab clear hai|baat ban gayi]. [Bye|Phir milte hain]!", "[Bas yahi chahiye tha|Badhiya], [thanks|shukriya ji]", "[Aapne bahut help ki|Jaldi ho gaya], [thanks|shukriya]"],
    give_up: ["[Accha chhodo|Chalo rehne do], [phir kabhi|baad mein dekhenge]", "[Ye nahi jacha|Baat nahi bani], [thanks phir bhi|koi baat nahi]", "[Mujhe kuch aur chahiye tha|Ye meri requirement se alag hai], [phir dekhenge|kahin aur pooch lenge]"],
    escalate: ["[Kisi insaan se|Team ke kisi member se] [baat karwa do|connect kar do]", "[Ab bas|Bahut hua], [kisi real insaan se baat karni hai|koi insaan dekhe isko]", "[Please|Plz] [ye matter aage bhejo|kisi senior se baat karao][, jaldi|]"],
    complain: ["[Abhi tak nahi hua?|Itni der kyun?]"],
    ok_wait: ["[Theek hai,|Chalo,] [ruk jaate hain|ek baar aur dekho]"],
    ok_go: ["[Ji|Haan ji], [bilkul sahi|theek hai], [kar do|aage badho]", "[Sahi hai|Haan], [pakka karo|kar do]", "[Bilkul|Ekdum theek], [yahi chahiye|yahi karna hai][, karo|]", "[Haan, chalega|Theek hai, chalo] — [der mat karo|abhi kar do]"],
    keep_it: ["[Nahi,|Abhi] [jaisa hai waisa rehne do|kuch mat badlo]"],
    cancel: ["{ref} [cancel kar do|cancel karna hai], [plan change ho gaya|kuch kaam aa gaya]", "[Kya|] {ref} [cancel ho sakta hai|cancel ho jayega]?"],
    modify: ["{ref} mein [change chahiye|thoda badalna hai] — {details}", "[Kya|] {ref} [change ho sakta hai|update ho sakta hai]? {details}"],
    logs: ["{item} ki [nayi|latest] entries [dikhao|mein kya hai]?", "{item} [ki last entries|mein recently kya hua], [batao|dikhao]"],
    status: ["{host} [kaisa chal raha hai|theek hai]?", "[Zara|Ek baar] {host} [dekho|check karo]"],
    command: ["`{cmd}` {host} pe [chala ke dikhao|chalao]", "{host} pe [zara|ek baar] `{cmd}` [chala do|run karo]"],
    extra: ["[Thodi jaldi hai|Time kam hai]", "[Ek dost ne yahan poochne ko bola|Pehli baar yahan pooch rahe hain]"],
  },
};

/** More small-talk pairs (a user's line and answers that fit it), added to small-talk.ts's. */
export const MORE_OPENING: Record<Lang, SmallTalk[]> = {
  en: [
    {
      user: ["[long week|busy day] [already|so far][, phew|]", "[finally a break|quick breather] [between meetings|before lunch][, so here I am|]"],
      assistant: ["[Sounds like you've earned a break|Phew indeed]! [Let's keep this quick and easy — what do you need?|I'll make this painless. What are we after?]", "[Hope it eases up soon|Hang in there]! [What can I take off your plate?|How can I help today?]"],
    },
    {
      user: ["[good {weekday}|happy {weekday}]! [hope you're well|how's it going]?", "[hi there|hello], [hope it's a good day on your side|how's the day treating you]?"],
      assistant: ["[Very well, thank you|Going nicely, thanks] — [and happy {weekday} to you too|same to you]! [What can I do for you?|What are you looking for?]", "[All good here|Can't complain], [thanks for asking|kind of you to ask]. [What brings you in?|Tell me what you need.]"],
    },
  ],
  hi: [
    { user: ["[लंबा हफ़्ता रहा|आज बहुत काम था], [थक गए|उफ़]"], assistant: ["[आराम से|कोई जल्दी नहीं] — [बताइए, क्या मदद करूँ?|आज क्या देखना है?]"] },
    { user: ["[नमस्ते जी|राम राम], [कैसे हैं आप|सब बढ़िया]?"], assistant: ["[सब बढ़िया, धन्यवाद|बहुत अच्छा, आप सुनाइए]! [क्या मदद करूँ?|बताइए, क्या चाहिए?]"] },
    { user: ["[सुबह-सुबह|आज छुट्टी के दिन] [थोड़ा काम निपटाना है|कुछ ज़रूरी काम है]", "[चाय हाथ में है|कॉफ़ी पीते-पीते], [सोचा यहीं पूछ लें|चलिए शुरू करते हैं]"], assistant: ["[बहुत अच्छा|बढ़िया सोचा]! [जल्दी निपटा देते हैं — बताइए|चलिए, बताइए क्या चाहिए]।", "[वाह|अच्छा है]! [आराम से बताइए, क्या देखना है?|किस चीज़ से शुरू करें?]"] },
    { user: ["[यह चैट सच में काम करती है?|यहाँ जवाब जल्दी मिलता है?]", "[दोस्त ने बताया था|किसी ने कहा था] कि यहाँ [मदद मिल जाती है|जल्दी काम होता है]"], assistant: ["[बिल्कुल|जी हाँ], [आज़माकर देखिए|पूछकर देखिए]! [बताइए, क्या चाहिए?|क्या मदद करूँ?]", "[अच्छा लगा सुनकर|शुक्रिया]! [बताइए, किस काम से आए हैं?|चलिए शुरू करते हैं — क्या चाहिए?]"] },
  ],
  mixed: [
    { user: ["[lamba week raha|aaj bahut kaam tha] [yaar|], [thak gaye|uff]"], assistant: ["[Aaram se|Koi jaldi nahi] — [batao, kya help karun?|aaj kya dekhna hai?]"] },
    { user: ["[namaste ji|hello ji], [kaise ho|sab badhiya]?"], assistant: ["[Sab badhiya, thanks|Ekdum mast, aap sunao]! [Kya help karun?|Batao, kya chahiye?]"] },
    { user: ["[subah subah|aaj chhutti ke din] [thoda kaam niptana hai|kuch zaroori kaam hai]", "[chai haath mein hai|coffee peete peete], [socha yahin pooch lein|chalo start karte hain]"], assistant: ["[Bahut accha|Badhiya socha]! [Jaldi nipta dete hain — batao|Chalo, batao kya chahiye].", "[Wah|Accha hai]! [Aaram se batao, kya dekhna hai?|Kis cheez se start karein?]"] },
    { user: ["[ye chat sach mein kaam karti hai?|yahan reply jaldi milta hai?]", "[dost ne bataya tha|kisi ne kaha tha] ki yahan [help mil jaati hai|kaam jaldi hota hai]"], assistant: ["[Bilkul|Ji haan], [try karke dekho|poochke dekho]! [Batao, kya chahiye?|Kya help karun?]", "[Sunke accha laga|Thanks]! [Batao, kis kaam se aaye ho?|Chalo start karte hain — kya chahiye?]"] },
  ],
};

export const MORE_MIDWAY: Record<Lang, SmallTalk[]> = {
  en: [
    {
      user: ["[sorry,|oh,] [the doorbell just went|my phone rang][, back now|, I'm back]"],
      assistant: ["[Welcome back|No worries at all]! [We were on|Back to] {topic} — [shall we continue?|what's next?]"],
    },
    {
      user: ["[honestly|not gonna lie], [this is easier than I expected|you're making this easy]"],
      assistant: ["[Glad to hear it|That's the idea]! [So,|Right,] {topic}: [anything else you'd like to know?|shall we keep going?]"],
    },
  ],
  hi: [{ user: ["[माफ़ कीजिए|एक मिनट], [फ़ोन आ गया|कोई आ गया]"], assistant: ["[कोई बात नहीं|आराम से]! {topic} पर [लौटें?|आगे बढ़ें?]"] }],
  mixed: [{ user: ["[sorry|ek min], [phone aa gaya|koi aa gaya]"], assistant: ["[Koi baat nahi|Aaram se]! {topic} pe [wapas aayein?|aage badhein?]"] }],
};
