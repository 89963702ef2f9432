/**
 * The user's lines composed from parts (issue #18's user variety bars: distinct bigrams,
 * distinct utterances, varied first words). Each line below is built from shared part banks
 * (how people say yes, thanks, "never mind", a reason to leave, a softener…), so every
 * seeded choice multiplies the others: a thousand dialogues rarely say the same sentence and
 * their first four words spread. Added to user-banks.ts's and variety-banks.ts's lines by
 * PackWording. Neutral like every default line: no domain's words (a pack adds its own in
 * `wording`). Hindi and Hinglish first-person forms carry {m:…|f:…}, so they agree with the
 * persona's gender; lines without one use forms that carry no gender (हम, चाहिए, दीजिए).
 */
import type { UserAct } from "@chatmill/schema";
import type { Lang } from "./describe.js";
import type { Style } from "./style-banks.js";

type Lines = Partial<Record<UserAct, string[]>>;

// --- English parts -----------------------------------------------------------------------------
const THANKS = "[thanks|thank you|cheers|thanks a lot|many thanks|thanks a million|much appreciated|ta very much|thank you kindly]";
const GOOD = "[perfect|great|brilliant|lovely|excellent|nice|fantastic|wonderful|spot on|superb|grand|sweet]";
const DONE = "[that's everything|that's all for today|that covers it|that's me done|I'm all set|that's sorted|that settles it|I've got what I came for|nothing else for now|we're done here]";
const BYE = "[bye|bye for now|take care|have a good one|have a nice {weekday}|talk later|see you|catch you later|enjoy your day|all the best]";
const YES = "[yes|yep|yeah|sure|ok|okay|alright|right|correct|exactly|absolutely|definitely|of course|sounds right]";
const GO = "[go ahead|go for it|please do|do it|carry on|make it so|proceed|let's do it|fire away|I'm happy with that]";
const SOFT = "[hmm|well|honestly|to be fair|in the end|thinking about it|on balance|look|so]";
const LEAVE = "[I'll leave it there|I'll leave it for now|I'll try again later|I'll come back another time|I'll think it over|I'll sleep on it|I'll ask around first|I'll keep looking on my own|let's park it|maybe next time]";
const NOFIT = "[that's not what I had in mind|none of that quite fits|it's not really right for me|it doesn't match what I need|that's not going to work|it's not what I'm after|none of these suit me|that misses the mark for me]";
const PERSON = "[a person|a real person|someone on your team|a human|somebody who can sort it|one of your colleagues|a supervisor|a team lead]";
const WANT = "[I'd like|I'd love|I want|I'm hoping for|I'm after|I'm keen on|I need|I was hoping for]";
const ASKFIND = "[can you find|could you look for|would you dig up|can you pull up|could you check for|would you look up|can you search for|could you hunt down]";
// A request in three parts (lead-in, ask, tail): each multiplies the others.
const LEADIN = "[so|ok|right|alright|well|hey|hello|hi again|good news first:|first things first:|here's the deal:|straightforward one:|bit of a long shot, but|I wonder if you can help —|you might know this:]";
const ASKFOR = "[I'm on the lookout for|I'm shopping around for|I'd be grateful for|I've got my eye out for|I'm trying to track down|I'm interested in getting|I'm out to find|it'd be great to get|I'm weighing up|I'm in need of|I'm keen to find|what I really want is]";
const TAIL = "[|, if you've got any|, nothing fancy|, whatever's best|, fairly soon|, for a change|, ideally today|, if that exists|, that's the main thing|, cheers|, thanks in advance|, if it's not too much trouble]";
const MORE = "[anything else about|what more is there on|fill me in on|talk me through|tell me a bit more about|what's special about|what are the highlights of|give me the lowdown on|I'd like to hear about|what should I know about|how would you describe]";
const OPINE = "[to be honest|if I'm honest|personally|for what it's worth|from my side|in my case|frankly|truthfully]";

const en: Lines = {
  small_talk: [
    "[hi|hello|hey|morning|afternoon|evening][!|,] [hope {weekday}'s treating you well|hope you're having a decent {weekday}|how's {weekday} going on your side|anything exciting happening this {weekday}]?",
    "[greetings from|hello from|hi from] {city}[!|,] [the traffic was awful today|it's been a hectic morning|I've finally got a quiet minute|just got back from a walk]",
    "[ok,|right,|so,] [I've got five minutes before my next call|I'm on my lunch break|I'm finally sitting down after a long day][, let's see|, here goes|]",
    "[hello|hi], [I hope this is the right place|somebody pointed me here|I've been meaning to ask about something][, fingers crossed|]",
    "[hey there|hi again|hello]! [long {weekday} so far|what a week it's been|I've got a free moment at last][, so here I am|, finally|]",
    "[morning|hi], [coffee in hand|just back from lunch|between two meetings][, let's get this done|, hope you're well|]",
  ],
  small_talk_reply: [
    "[ha|haha|heh], [good to know|love that|glad someone's having a good day]. [right|ok|anyway], [to business|back to it|let's get going]",
    "[thanks for asking|kind of you], [all fine here|surviving|can't complain]. [so|ok|right]",
  ],
  small_talk_mid: [
    "[sorry,|apologies,|oops,] [just had to answer the door|my kid needed something|the kettle boiled|a colleague stopped by][, I'm back|, where were we|, ok]",
    "[just saying,|by the way,|fun fact:] [this beats waiting on hold|this is quicker than I thought|you're calmer than I'd be][ ha|]",
  ],
  open: [
    `${LEADIN} ${ASKFIND} {thing} {wants}${TAIL}?`,
    `${ASKFOR} {thing} {wants}${TAIL}`,
    `${LEADIN} ${ASKFOR} {thing} {wants}${TAIL}`,
    `[${WANT}|${ASKFIND}] {thing} {wants}[?|, if there's any|, please|]`,
    "[any luck finding|do you happen to have|is there anything like|would you have] {thing} {wants}?",
    "[help me out —|quick question —|here's one for you:|got a tricky one:] [I'm looking for|I need|I'm after|I'm hunting for] {thing} {wants}",
    "[what's available in terms of|what can you offer for|what options are there for|what have you got for] {thing} {wants}?",
    "[I've been searching for|I keep looking for|I've been trying to get] {thing} {wants}[, no luck so far|, can you help|]",
    "[do you have|is there] [anything like|such a thing as] {thing} {wants}[?| by any chance?]",
    "[I'd appreciate some help finding|could you help me find|I'm trying to find] {thing} {wants}[, please|, thanks|]",
    "[my plan is to find|the goal today is|today's mission:] {thing} {wants}",
  ],
  open_vague: [
    `${LEADIN} ${ASKFOR} {thing}${TAIL}`,
    "[I'm interested in|I'm curious about|I'd like to ask about|I was wondering about] {thing}[, where do we start?|, can you help?|]",
    "[can you sort me out with|can you help me with|I could use some help with] {thing}?",
    "[so,|right,|ok,] {thing} — [what's out there?|what are my choices?|where do I begin?]",
  ],
  answer_clarify: [
    `${OPINE}, {wants}[ matters most| is what counts| is key|]`,
    `[${SOFT},|oh,|ah,|] {wants}[ would suit me| would be my pick| please| I think| for sure|]`,
    "[let's go with|put me down for|I'd settle for|make it|I'd take] {wants}",
    "[in that case|if I have to choose|to narrow it down|to be specific], {wants}",
    "[hmm,|well,|ok,] [I'd say|probably|let's say] {wants}",
  ],
  add: [
    `[${OPINE}, |][one extra thing:|small detail:|I almost forgot:] {c}`,
    `${OPINE}, [I'd want it|it should be|I need it] {c}`,
    "[also|plus|oh, and|one more detail:|another thing:|on top of that,] [ideally|if you can|preferably|if possible|] {c}",
    "[could you keep it to|can we stick to|let's limit it to|only show me things] {c}[?|, please|]",
    "[I should add|I forgot to say|I meant to mention|it matters that] [it has to be|it's got to be|I need it] {c}",
    "[actually,|oh,|also,] [can it be|I'd prefer it|make sure it's] {c}[?|, please|]",
    "[and|but] [only|just] {c}[, please|, if possible|]",
  ],
  correct: [
    "[whoops|oh dear|argh|hold on|wait a sec|one second], [I got that wrong|that came out wrong|I misspoke|I mixed it up][ —|:] {c}[, not {old}|]",
    "[sorry, not {old}|scrap {old}|forget {old}] — [I meant|it's|make it] {c}",
  ],
  clarify_q: [
    "[what separates|what's the real difference between|why would I pick one over the other,] {item} [and|or] {item2}?",
    "[if you were me, would you take|between the two, do you prefer|which would you trust more,] {item} or {item2}?",
  ],
  details: [
    `[${OPINE},|hmm,|ok,|] {item} [looks decent|might be it|appeals to me|has my attention] — ${MORE} it?`,
    `${MORE} {item}[?|, please|, if you would|]`,
    "[I'd like the full picture on|can you walk me through|what else should I know about|give me the rundown on] {item}[?|, please|]",
    "[hmm,|ooh,|right,|] {item} [caught my eye|stands out|sounds promising] — [what else can you tell me|anything I should know|more about it]?",
    "[so,|ok,|right,|] [what's the story with|what's the deal with|what can you tell me about] {item}?",
    "[could you|can you] [describe|run me through|break down] {item} [for me|a bit][?|, please]",
    "[I'm curious about|I keep coming back to|I'm drawn to] {item} — [what's it like?|is it any good?|tell me more]",
  ],
  reviews: [
    `${OPINE}, [I care what others think —|reviews matter to me —] [how is|how's] {item} rated?`,
    "[how well liked is|what's the verdict on|any opinions out there on|are people happy with] {item}?",
    "[before I decide,|just to be safe,] [what do others think of|how do people find] {item}?",
    "[have people|have others] [liked|rated|said good things about] {item}?",
    "[what are people saying about|is there feedback on|any reviews for] {item}[?| at all?]",
  ],
  availability: ["[would|will] {item} [be ready for me|be there for me|be on offer][ {c}|]?", "[could I actually get|am I able to get] {item}[ {c}|]?"],
  compare: [
    "[set|line] {item} [against|next to] {item2}[ for me|, please|]",
    "[what are the pros and cons of|weigh up] {item} [versus|and] {item2}[?|, please]",
    "[how does|how would] {item} [compare with|stack up against|measure up to] {item2}?",
    "[I'm torn between|I can't decide between|help me choose between] {item} and {item2}",
  ],
  choose: [
    `${OPINE}, {item} [is the best fit|feels right|suits me|will do nicely]`,
    `[${YES},|ok then,|right then,|fine,] [I'll take|I'll have|I'm going with|put me down for|I choose] {item}`,
    "{item} [sounds like the one|ticks the boxes|is my pick|wins|gets my vote|it is, then]",
    "[I've decided:|my choice is|let's settle on|I'll go for] {item}[, thanks|, please|]",
    "[alright,|ok,|fine,|] {item} [will do|is good enough for me|gets it][, thanks|]",
    "[you've convinced me —|that settles it —|decision made:] {item}",
  ],
  change_mind: [
    "[hmm,|actually,|wait,|no,] [I've changed my mind —|second thoughts —|let me switch —] {item2} [instead|after all|suits me better]",
  ],
  book: [
    `[${OPINE}, |]{item} [suits me|is the one|works] — [set it up|get it arranged|put it in place] {details}`,
    `${LEADIN} [let's make|I'm ready to make|can we make] it official with {item} {details}${TAIL}`,
    `[${YES},|ok,|good,] [lock it in|confirm it|put it through|sort it out|make it official][ for me|] {details}`,
    "[I'm ready to go ahead with|please finalise|let's finalise] {item} {details}",
  ],
  thanks_done: [
    `[${GOOD}|${THANKS}] — [I'll be back next time|I'll tell my friends about this|I'll remember this chat|that made my {weekday}][. ${BYE}|]`,
    `${LEADIN} ${DONE}[,|.] ${THANKS}[. ${BYE}|!|]`,
    `${OPINE}, [that went better than expected|you've been great|that was painless][. ${THANKS}|, ${THANKS}]`,
    `${GOOD}[,|!|.] ${DONE}[,|.] ${THANKS}[!|.]`,
    `${THANKS}[,|!|.] ${DONE}[. ${BYE}|]`,
    `${DONE}[,|.] ${THANKS}[ for your help| for sorting it| for bearing with me| for being so quick|][. ${BYE}|!]`,
    `[that's|this is] [exactly what I needed|just the job|really helpful|a weight off my mind][,|!|.] ${THANKS}`,
    `${GOOD}[, ${THANKS}|] — [you've saved me a lot of time|made that easy|been really helpful|been a star][. ${BYE}|]`,
    `[lovely|cheers|great stuff], [that's all I needed|you've sorted me out|that answers it][. ${BYE}|!|.]`,
    `[ok|right|alright], [I think that's it|that'll do|that's plenty] [for today|for now][, ${THANKS}|. ${THANKS}]`,
    `[you've been|that was] [super helpful|a great help|really quick][, ${THANKS}|! ${THANKS}][. ${BYE}|]`,
    `[perfect timing|that's a relief|good to know], ${THANKS}. [I'll get on with my day|back to work for me|that's me off]`,
    `[brilliant, that|great, that|ok, that] [does the trick|clears it up|settles it][ for me|]. [${BYE}|${THANKS}|speak soon]`,
  ],
  give_up: [
    `${LEADIN} ${NOFIT}[,|.] ${LEAVE}[, ${THANKS}|]`,
    `${OPINE}, ${NOFIT}[. ${LEAVE}|, so ${LEAVE}]`,
    `${SOFT}, ${NOFIT}[,|.] ${LEAVE}`,
    `[forget it|never mind|no matter|it's fine|don't worry about it|let it go], ${LEAVE}[, ${THANKS}|, thanks for trying|]`,
    `${NOFIT}[ — | ]${LEAVE}[, ${THANKS}|]`,
    `[I don't think this is going to work out|we're going in circles|I'm not finding what I want here], ${LEAVE}`,
    `[sorry,|ugh,|meh,|] [this isn't getting us anywhere|we're stuck|it's just not working], ${LEAVE}`,
    `[no luck then|oh well|shame]. ${LEAVE}[, ${THANKS}|]`,
    `[I appreciate the effort|thanks for looking], [but|though] ${NOFIT}[. ${LEAVE}|]`,
    `[you tried|fair play for trying|I know you did your best], [but|still,] ${NOFIT}. ${LEAVE}`,
  ],
  escalate: [
    `${OPINE}, [I'd rather|I'd prefer to] [explain this to|sort this with] ${PERSON}`,
    `${LEADIN} [I'd like to talk to|can I be put through to|could you get me] ${PERSON}[ about this| now|]`,
    `[I'd really prefer|can I please get|please find me|I need] ${PERSON}[ to deal with this| for this| on this one|]`,
    `[this needs|I think this needs|honestly this needs] ${PERSON}[, please|, not a chat|]`,
    `[could you pass me to|can you connect me with|is it possible to reach] ${PERSON}[?|, please?]`,
    `[look,|listen,|honestly,|] [I've had enough of this|I'm going round in circles|this is going nowhere] — [put me through to|let me speak to|get me] ${PERSON}[, please|]`,
    `[is there|can I get] ${PERSON} [I can talk to|who can look at this|available right now][?| today?]`,
    `[I'd feel better talking to|I really want to speak with|it'd be easier with] ${PERSON}[, if that's ok| on this|]`,
  ],
  complain: [
    "[what's going on?|why is this taking so long?|is this ever going to work?|is it broken again?|really, another error?|how long does this take?]",
    "[this is getting annoying|I haven't got all day|that's not great|hmm, that's a bit rubbish][, to be honest|, sorry|]",
    "[ugh|hmm|oh come on|seriously], [still nothing?|what's the hold-up?|it's been ages.|is it stuck?]",
    "[I've been waiting a while|this is taking longer than I hoped|I was told this would be quick][, to be honest|, what's happening?|]",
  ],
  ok_wait: [
    `[${YES},|fine,|no problem,] [have another go|try one more time|give it a minute|I'll hold on|I can wait a bit]`,
  ],
  ok_go: [
    `[${OPINE}, |]${YES}, [that all checks out|those details are right|you read it back correctly][. ${GO}|]`,
    `[${YES}, |]${GO} [whenever you're ready|when you can|straight away|now][, ${THANKS}|]`,
    `${GO}[ —|,] [I'm happy with that|that all looks fine|no changes from me|that's exactly it][, ${THANKS}|]`,
    `[${YES}, |][that's what I asked for|you've got it right|that's the one|all the details match|nothing to add|I've checked it over][,|.|] ${GO}`,
    `${YES}[,|!|.] ${GO}`,
    `[that's right|that's all correct|all good|that matches|looks correct|nothing to change][,|.] ${GO}`,
    `${GO}[, ${THANKS}|]`,
    `[yep, that's it|spot on|that's the one][ —|,] [go on|please go ahead|do it][, ${THANKS}|]`,
    `[sounds good|fine by me|works for me][,|.] [you can go ahead|carry on|let's do it]`,
  ],
  keep_it: [
    "[let's hold off|I'll hold off|let's not touch it|I'd rather leave it|no changes after all][ for now| for the moment|], [I need to double-check something|I want to ask someone first|I'm not ready yet|I'll decide later]",
  ],
  cancel: [
    "[I have to cancel|I've got to cancel|I'm afraid I must cancel|please call off] {ref}[, sorry| — change of plans|, something's come up|]",
  ],
  modify: [
    "[can we change|I'd like to adjust|please amend|could we tweak] {ref}: {details}[?|, please|]",
  ],
  logs: ["[could you show me|I'd like to see|let me have a look at] the [newest|latest|most recent] entries [for|on] {item}[?|, please|]"],
  status: [
    "[how is|what's the state of|any problems with|how are things with] {host}[ at the moment| right now| today|]?",
    "[a quick check on|a status update on|an update on] {host}[, please|?]",
    "[would you say|do you think] {host} [is fine|is behaving|is in good shape][?| right now?]",
  ],
  command: [
    "[please try|could you try|I'd like you to run|let's try] `{cmd}` on {host}[, please|?|]",
    "[what comes back from|what do we get from] `{cmd}` on {host}?",
  ],
  extra: [
    "[no rush, though|it's not urgent|I've got a bit of time|take your time]",
    "[it's my first time doing this|I've done this before but it's been a while|I usually do this myself]",
    "[my colleague|my partner|a friend] [asked me to sort it|is waiting on me|recommended this chat]",
  ],
};

// --- Hindi parts --------------------------------------------------------------------------------
const H_THANKS = "[धन्यवाद|शुक्रिया|बहुत धन्यवाद|बहुत-बहुत शुक्रिया|आपका आभार|शुक्रिया जी|धन्यवाद जी]";
const H_GOOD = "[बढ़िया|बहुत अच्छा|शानदार|बिल्कुल सही|वाह|कमाल है|एकदम ठीक|ठीक है]";
const H_DONE = "[बस इतना ही काम था|आज के लिए इतना ही|सब हो गया|काम हो गया|और कुछ नहीं चाहिए|सब साफ़ हो गया|बात पूरी हो गई]";
const H_BYE = "[नमस्ते|फिर मिलेंगे|अपना ध्यान रखिए|आपका दिन शुभ हो|फिर बात होगी]";
// No "पक्का" here: the lines after a yes may say "पक्का कर दीजिए" ("पक्का। पक्का कर दो" said the word twice).
const H_YES = "[हाँ|जी हाँ|जी|ठीक है|हाँ जी|बिल्कुल|सही है]";
const H_GO = "[कर दीजिए|आगे बढ़िए|हो जाने दीजिए|पक्का कर दीजिए|कीजिए|शुरू कीजिए]";
const H_NOFIT = "[यह मेरे काम का नहीं|यह वैसा नहीं जैसा चाहिए था|इनमें से कुछ नहीं जमा|यह ज़रूरत से मेल नहीं खाता|बात नहीं बन रही]";
const H_LEAVE = "[बाद में देखेंगे|फिर कभी कोशिश करेंगे|अभी रहने देते हैं|सोचकर बताएँगे|घर पर पूछकर आएँगे|कहीं और पूछ लेंगे]";
const H_PERSON = "[किसी व्यक्ति|टीम के किसी साथी|किसी अधिकारी|किसी सीनियर|किसी असली इंसान]";

// A Hindi request in three parts (lead-in, what, tail).
const H_LEAD = "[अच्छा,|सुनिए,|नमस्ते,|देखिए,|एक काम है —|मदद चाहिए —|बात यह है कि|सीधी सी बात है —|ज़रा सुनिए,|हाँ तो,|]";
const H_ASK = "[ढूँढ दीजिए|दिखा दीजिए|खोज दीजिए|बता दीजिए|सुझाइए|निकाल दीजिए|देख लीजिए]";
const H_TAIL = "[|, जल्दी हो तो अच्छा|, कोई जल्दी नहीं|, जो सबसे अच्छा हो|, अगर मिल जाए|, मेहरबानी होगी|, धन्यवाद]";
const H_MORE = "[की पूरी बात बताइए|के बारे में विस्तार से बताइए|में क्या ख़ास है|की ख़ूबियाँ बताइए|के बारे में कुछ और बताइए|का ब्योरा दीजिए]";

const hi: Lines = {
  small_talk: [
    "[नमस्ते|नमस्कार|हैलो|प्रणाम][!|,] [{weekday} कैसा जा रहा है|आज आपका दिन कैसा है|सब कुशल मंगल|उम्मीद है सब ठीक है]?",
    "{city} से [नमस्ते|हैलो][!|,] [आज तो बहुत भीड़ थी|सुबह से भागदौड़ है|अभी थोड़ी फ़ुर्सत मिली है]",
    "[अरे नमस्ते|हैलो जी], [बहुत दिनों बाद आना हुआ|आज फिर आपकी ज़रूरत पड़ गई]",
    "[शुभ संध्या|गुड मॉर्निंग], [उम्मीद है आज ज़्यादा भीड़ नहीं है|आज आप फ़्री हैं ना]?",
    "[नमस्ते|हैलो], {city} में [आज मौसम बड़ा सुहाना है|आज बहुत उमस है]",
  ],
  small_talk_reply: ["[अच्छा लगा सुनकर|यह तो बढ़िया है|हाँ, सही कहा], [अब काम की बात करें|तो चलिए शुरू करें|चलिए आगे बढ़ें]", "[हाहा, शुक्रिया|आप भी अच्छे रहिए], [अब असली काम पर आते हैं|तो सुनिए]"],
  small_talk_mid: ["[माफ़ कीजिए|एक सेकंड], [बच्चे ने बुलाया था|चाय बन रही थी|कोई दरवाज़े पर था], [अब बोलिए|हाँ, आगे]", "[वैसे|सच कहूँ तो], [आप बड़े धैर्य से जवाब देते हैं|आपसे बात करके काम आसान लग रहा है]", "[रुकिए ज़रा|एक पल], [दरवाज़े पर कोई था|पानी लेने गए थे], [अब बोलिए|हाँ, तो]"],
  open: [
    `${H_LEAD} [मुझे|हमें] {thing} [चाहिए|की ज़रूरत है], {wants}${H_TAIL}`,
    `${H_LEAD} {wants} {thing} ${H_ASK}${H_TAIL}`,
    "[नमस्ते,|सुनिए,|] मैं {wants} {thing} [ढूँढ|खोज|देख] {m:रहा|f:रही} हूँ[, मदद करेंगे?|, कुछ है?|]",
    "[मुझे|हमें] {thing} [की तलाश है|चाहिए|{tm:देखना|tf:देखनी} है], {wants}[ — कुछ मिलेगा?| — मदद करेंगे?|]",
    "[ज़रा|एक बार] {wants} {thing} [खोजकर बताइए|दिखाइए|ढूँढ दीजिए]",
    "[सुनिए,|नमस्ते जी,|एक मदद चाहिए —] {wants} {thing} [है क्या|मिल {tm:सकता|tf:सकती} है क्या|उपलब्ध है]?",
    "{thing} [के लिए क्या विकल्प हैं|में क्या-क्या है|में क्या मिलेगा], {wants}?",
  ],
  open_vague: [
    `${H_LEAD} {thing} ${H_ASK}${H_TAIL}`,"[{thing} के बारे में कुछ पूछना है|{thing} देखना चाहते हैं]", "[क्या आप|आप ज़रा] {thing} [में मदद कर सकते हैं|के बारे में बता सकते हैं]?"],
  answer_clarify: [
    `${H_LEAD} {wants}${H_TAIL}`,
    "[मैं सोच {m:रहा था|f:रही थी}|मैं {m:चाहता|f:चाहती} हूँ कि] {wants} [हो|मिले]","[देखिए,|असल में,|तो,|] {wants} [चाहिए|रहे तो अच्छा|ही ठीक {tm:रहेगा|tf:रहेगी}|{tm:होना|tf:होनी} ज़रूरी है]", "[मेरी पसंद|पहली पसंद|ज़रूरत] — {wants}"],
  add: ["[एक और बात|ध्यान रहे|और सुनिए|इसके अलावा], {c} [{tm:होना|tf:होनी} चाहिए|चाहिए|ज़रूरी है|हो तो बेहतर]", "[सिर्फ़|केवल] {c} [दिखाइए|बताइए|ही देखिए]"],
  correct: ["[अरे नहीं|ओह|माफ़ कीजिए], [गलत बता दिया|ग़लती हो गई|उलटा बोल दिया] — {c}[, {old} नहीं|]", "{old} नहीं, {c} [चाहिए|सही है|समझिए]"],
  clarify_q: ["{item} [और|या] {item2} में [असली अंतर क्या है|किसे चुनना चाहिए|कौन ज़्यादा अच्छा है]?"],
  details: [
    `${H_LEAD} {item} ${H_MORE}`,"{item} के बारे में [सब कुछ बताइए|और जानकारी चाहिए|थोड़ा विस्तार से बताइए]", "[ज़रा|एक बार] {item} [की जानकारी दिखाइए|का ब्योरा दीजिए]"],
  reviews: ["{item} के बारे में [दूसरे लोगों की राय क्या है|लोग क्या सोचते हैं|रेटिंग क्या कहती है]?"],
  availability: ["{item}[ {c}|] [अभी मिल जाएगा|उपलब्ध रहेगा|मिल सकता है] क्या?"],
  compare: ["{item} और {item2} [को आमने-सामने रखिए|की तुलना दिखाइए|में फ़र्क समझाइए]"],
  choose: [
    "[सोच लिया,|तय कर लिया,] मैं {item} [{m:लूँगा|f:लूँगी}|ही {m:चुनूँगा|f:चुनूँगी}]",`[${H_YES},|तो,|ठीक है तो,] {item} [ही चाहिए|ले लेते हैं|पक्का कीजिए|फ़ाइनल है]`, "[मेरी पसंद|तय रहा] — {item}"],
  change_mind: ["[नहीं,|रुकिए,|सोचा तो] {item2} [ही ठीक रहेगा|ज़्यादा सही लग रहा है|लेना बेहतर है]"],
  book: [`[${H_YES},|चलिए,] {item} [पक्का कीजिए|तय कर दीजिए|फ़ाइनल कर दीजिए] {details}`],
  thanks_done: [
    `${H_LEAD} ${H_DONE}[,|।] ${H_THANKS}[। ${H_BYE}|!|]`,
    `${H_GOOD}, [अब कोई चिंता नहीं|अब मैं आराम से {m:बैठूँगा|f:बैठूँगी}], ${H_THANKS}`,
    `${H_GOOD}[,|!|।] ${H_DONE}[,|।] ${H_THANKS}[!|।]`,
    `${H_THANKS}[,|!] ${H_DONE}[। ${H_BYE}|]`,
    `${H_DONE}[,|।] [आपने बहुत मदद की|सब बहुत जल्दी हो गया|आपका साथ अच्छा रहा], ${H_THANKS}`,
    "[बहुत-बहुत शुक्रिया|धन्यवाद जी], [आपने तो मिनटों में काम कर दिया|इतनी जल्दी की उम्मीद नहीं थी]",
    "[चलिए|अच्छा जी], [अब मैं निश्चिंत {m:हुआ|f:हुई}|दिमाग़ से बोझ उतरा], [धन्यवाद|शुक्रिया]!",
    "[सब समझ आ गया|सारी बात साफ़ हो गई], [बहुत मेहरबानी|आपका आभार]। [नमस्ते|अब {m:चलता|f:चलती} हूँ]",
  ],
  give_up: [
    `${H_LEAD} ${H_NOFIT}[,|।] ${H_LEAVE}`,
    `[ठीक है,|छोड़िए,|रहने दीजिए,] ${H_NOFIT}, मैं [कहीं और पूछ|बाद में देख|ख़ुद ढूँढ] {m:लूँगा|f:लूँगी}`,`[छोड़िए|रहने दीजिए|कोई बात नहीं|ठीक है], ${H_NOFIT}[,|।] ${H_LEAVE}`, `${H_NOFIT}[ —|,] ${H_LEAVE}[, ${H_THANKS}|]`,
    "[जाने दीजिए|छोड़िए भी], [आज किस्मत ख़राब है|आज बात नहीं बनी], [फिर आएँगे|फिर कभी सही]"],
  escalate: [
    `मैं ${H_PERSON} से बात करना {m:चाहता|f:चाहती} हूँ[, कृपया|, अभी|]`,`[कृपया|प्लीज़|अब] ${H_PERSON} से [बात करवाइए|जोड़िए|मिलवाइए][, यह ज़रूरी है|, जल्दी|]`, `[यह मामला|इसे] ${H_PERSON} [तक पहुँचाइए|को दिखाइए][, प्लीज़|]`,
    "[यह बात ऐसे नहीं बनेगी|यह मामला थोड़ा पेचीदा है], [किसी इंसान से बात कराइए|कोई जानकार देखे तो बेहतर]",
    "[मुझे|हमें] [सीधे टीम से|किसी ज़िम्मेदार व्यक्ति से] बात करनी है[, प्लीज़|, अभी|]"],
  complain: ["[यह क्या हो रहा है?|इतनी देर?|फिर से गड़बड़?|कब तक लगेगा?|कुछ ठीक नहीं चल रहा]", "[अभी भी लोड हो रहा है?|कुछ हुआ या नहीं?|इतना समय क्यों लग रहा है?|यह तो अटक गया लगता है]"],
  ok_wait: [
    "[ठीक है,|कोई बात नहीं,] मैं [रुक {m:सकता|f:सकती} हूँ|इंतज़ार {m:करूँगा|f:करूँगी}|यहीं {m:बैठा|f:बैठी} हूँ]",`[${H_YES},|कोई बात नहीं,] [एक बार और कोशिश कीजिए|थोड़ा रुक जाते हैं|फिर से देखिए]`,
    "[चलिए|अच्छा], [कोई जल्दी नहीं|आराम से], [एक बार और देखिए|फिर से भेजिए]"],
  ok_go: [
    `${H_GO}[,|।] [जल्दी से|अभी|बिना देर किए][, ${H_THANKS}|]`,
    `[${H_YES}, |][सब सही है|आपने ठीक समझा|यही माँगा था|कुछ नहीं बदलना][,|।] ${H_GO}`,`${H_YES}[,|!|।] ${H_GO}`, `[सब सही है|यही चाहिए था|बात पक्की], ${H_GO}`,
    "[हाँ हाँ|जी बिल्कुल|हाँ जी, बिल्कुल], [यही था|सब ठीक है|यही चाहिए था], [देर किस बात की|चलिए कर डालिए|अब कर ही दीजिए]",
    "[मंज़ूर है|बिल्कुल मंज़ूर|मुझे मंज़ूर है|हाँ, मंज़ूर], [आगे बढ़ाइए|हो जाने दीजिए|कर दीजिए|पक्का कीजिए]"],
  keep_it: ["[अभी रहने दीजिए|अभी कुछ मत कीजिए], [पहले घर पर बात करनी है|बाद में तय करेंगे|थोड़ा सोचना है]"],
  cancel: ["[हमें|कृपया] {ref} [रद्द करना है|रद्द कर दीजिए], [योजना बदल गई|अब ज़रूरत नहीं]"],
  modify: ["{ref} [में थोड़ा बदलाव करना है|बदलवाना है]: {details}"],
  logs: ["{item} की [ताज़ा|पिछली|हाल की] एंट्री [में क्या है|दिखाइए|बताइए]?", "{item} की [आख़िरी|ताज़ा] एंट्री [में कुछ अजीब है क्या|पढ़कर बताइए]?"],
  status: ["{host} [की हालत कैसी है|में कोई दिक्कत है|ठीक चल रहा है]?", "[ज़रा|एक बार] {host} का [हाल|स्टेटस] [बताइए|देखिए]", "{host} [का क्या हाल है|ठीक-ठाक है ना]? [ज़रा बताइए|एक नज़र डालिए]", "[अभी|इस वक़्त] {host} [किस हालत में है|कैसा दिख रहा है]?", "{host} [पर सब ठीक है|में कुछ गड़बड़ तो नहीं]? [पक्का करना था|मन नहीं मान रहा]"],
  command: ["{host} पर `{cmd}` [चलाकर बताइए|चला दीजिए|एक बार चलाइए]", "[ज़रा|प्लीज़] {host} पर `{cmd}` [चला कर दिखाइए|डाल कर देखिए]"],
  extra: ["[कोई जल्दी नहीं है|आराम से देखिए|थोड़ा समय है]", "[घर वाले|दोस्त] [इंतज़ार कर रहे हैं|ने पूछने को कहा]"],
};

// --- Hinglish parts -----------------------------------------------------------------------------
const M_THANKS = "[thanks|thank you|shukriya|thanks yaar|bahut thanks|thanks a lot|dhanyavaad|thanku]";
const M_GOOD = "[perfect|badhiya|mast|zabardast|ekdum sahi|great|sahi hai|wah]";
const M_DONE = "[bas itna hi tha|aaj ke liye itna hi|sab ho gaya|kaam ho gaya|aur kuch nahi chahiye|sab clear ho gaya|ho gaya kaam]";
const M_BYE = "[bye|chalo bye|milte hain|take care|phir baat karte hain|good day]";
const M_YES = "[haan|haan ji|ji|ok|theek hai|bilkul|sahi hai|pakka|done]";
const M_GO = "[kar do|aage badho|ho jaane do|confirm kar do|karo|start karo|go ahead]";
const M_NOFIT = "[ye mere kaam ka nahi|ye waisa nahi jo chahiye tha|inmein se kuch nahi jacha|ye requirement se match nahi karta|baat nahi ban rahi]";
const M_LEAVE = "[baad mein dekhenge|phir kabhi try karenge|abhi rehne dete hain|soch ke batayenge|ghar pe pooch ke aayenge|kahin aur pooch lenge]";
const M_PERSON = "[kisi insaan|team ke kisi member|kisi manager|kisi senior|kisi real person]";

// A Hinglish request in three parts (lead-in, what, tail).
const M_LEAD = "[accha,|suno,|hello,|dekho,|ek kaam hai —|help chahiye —|baat ye hai ki|simple si baat hai —|zara suno,|haan toh,|yaar,|]";
const M_ASK = "[dhoondh do|dikha do|talaash karke do|bata do|suggest karo|nikaal do|dekh lo]";
const M_TAIL = "[|, jaldi ho toh accha|, koi jaldi nahi|, jo best ho|, agar mil jaye|, meherbani hogi|, thanks]";
const M_MORE = "[ki poori baat batao|ke baare mein detail mein batao|mein kya khaas hai|ki khoobiyan batao|ke baare mein kuch aur batao|ki details do]";

const mixed: Lines = {
  small_talk: [
    "[hello|hi|namaste|hey][!|,] [{weekday} kaisa ja raha hai|aaj aapka din kaisa hai|sab theek thaak|umeed hai sab badhiya hai]?",
    "{city} se [hello|hi][!|,] [aaj toh bahut traffic tha|subah se bhaag daud hai|abhi thoda free hua]",
    "[arre namaste|hello ji], [bahut dino baad aana hua|aaj phir aapki zaroorat pad gayi]",
    "[good evening|good morning], [umeed hai aaj zyada rush nahi hai|aaj aap free ho na]?",
    "[namaste|hello], {city} mein [aaj mausam bada suhana hai|aaj bahut humidity hai]",
  ],
  small_talk_reply: ["[accha laga sunke|ye toh badhiya hai|haan, sahi kaha], [ab kaam ki baat karein|toh chalo start karein|chalo aage badhte hain]", "[haha, thanks|aap bhi acche raho], [ab asli kaam pe aate hain|toh suno]"],
  small_talk_mid: ["[sorry|ek sec], [bachche ne bulaya tha|chai ban rahi thi|koi door pe tha], [ab bolo|haan, aage]", "[waise|sach bolun toh], [aap bade patience se reply karte ho|aapse baat karke kaam easy lag raha hai]", "[ruko zara|ek sec], [door pe koi tha|paani lene gaye the], [ab bolo|haan, toh]"],
  open: [
    `${M_LEAD} [mujhe|humein] {thing} [chahiye|ki zaroorat hai], {wants}${M_TAIL}`,
    `${M_LEAD} {wants} {thing} ${M_ASK}${M_TAIL}`,
    "[hello,|suno,|] main {wants} {thing} [dhoondh|talaash kar|dekh] {m:raha|f:rahi} hoon[, help karoge?|, kuch hai?|]",
    "[mujhe|humein] {thing} [ki talaash hai|chahiye|{tm:dekhna|tf:dekhni} hai], {wants}[ — kuch milega?| — help karoge?|]",
    "[zara|ek baar] {wants} {thing} [dhoondh ke batao|dikhao|dhoondh do]",
    "[suno,|hello ji,|ek help chahiye —] {wants} {thing} [hai kya|mil {tm:sakta|tf:sakti} hai kya|available hai]?",
    "{thing} [ke liye kya options hain|mein kya kya hai|mein kya milega], {wants}?",
  ],
  open_vague: [
    `${M_LEAD} {thing} ${M_ASK}${M_TAIL}`,"[{thing} ke baare mein kuch poochna hai|{thing} dekhna chahte hain]", "[kya aap|aap zara] {thing} [mein help kar sakte ho|ke baare mein bata sakte ho]?"],
  answer_clarify: [
    `${M_LEAD} {wants}${M_TAIL}`,
    "[main soch {m:raha tha|f:rahi thi}|main {m:chahta|f:chahti} hoon ki] {wants} [ho|mile]","[dekho,|actually,|toh,|] {wants} [chahiye|rahe toh accha|hi theek {tm:rahega|tf:rahegi}|{tm:hona|tf:honi} zaroori hai]", "[meri choice|pehli pasand|requirement] — {wants}"],
  add: ["[ek aur baat|dhyan rakhna|aur suno|iske alawa], {c} [{tm:hona|tf:honi} chahiye|chahiye|zaroori hai|ho toh better]", "[sirf|bas] {c} [dikhao|batao|hi dekho]"],
  correct: ["[arre nahi|oh|sorry], [galat bata diya|galti ho gayi|ulta bol diya] — {c}[, {old} nahi|]", "{old} nahi, {c} [chahiye|sahi hai|samjho]"],
  clarify_q: ["{item} [aur|ya] {item2} mein [asli difference kya hai|kisko choose karun|kaun zyada accha hai]?"],
  details: [
    `${M_LEAD} {item} ${M_MORE}`,"{item} ke baare mein [sab kuch batao|aur info chahiye|thoda detail mein batao]", "[zara|ek baar] {item} [ki info dikhao|ki details do]"],
  reviews: ["{item} ke baare mein [dusre logon ki rai kya hai|log kya sochte hain|rating kya kehti hai]?"],
  availability: ["{item}[ {c}|] [abhi mil jayega|available rahega|mil sakta hai] kya?"],
  compare: ["{item} aur {item2} [side by side rakho|ka comparison dikhao|mein farak samjhao]"],
  choose: [
    "[soch liya,|decide kar liya,] main {item} [{m:lunga|f:lungi}|hi {m:chununga|f:chunungi}]",`[${M_YES},|toh,|theek hai toh,] {item} [hi chahiye|le lete hain|pakka karo|final hai]`, "[meri choice|tay raha] — {item}"],
  change_mind: ["[nahi,|ruko,|socha toh] {item2} [hi theek rahega|zyada sahi lag raha hai|lena better hai]"],
  book: [`[${M_YES},|chalo,] {item} [pakka karo|fix kar do|final kar do] {details}`],
  thanks_done: [
    `${M_LEAD} ${M_DONE}[,|.] ${M_THANKS}[. ${M_BYE}|!|]`,
    `${M_GOOD}, [main bahut khush hoon|ab main tension free hoon|ab main aaram se {m:baithunga|f:baithungi}], ${M_THANKS}`,
    `${M_GOOD}[,|!|.] ${M_DONE}[,|.] ${M_THANKS}[!|.]`,
    `${M_THANKS}[,|!] ${M_DONE}[. ${M_BYE}|]`,
    `${M_DONE}[,|.] [aapne bahut help ki|sab bahut jaldi ho gaya|aapke saath accha raha], ${M_THANKS}`,
    "[bahut bahut thanks|dhanyavaad ji], [aapne toh minutes mein kaam kar diya|itni jaldi ki umeed nahi thi]",
    "[chalo|accha ji], [ab main tension-free {m:hua|f:hui}|dimaag se bojh utra], [thanks|shukriya]!",
    "[sab samajh aa gaya|saari baat clear ho gayi], [bahut meherbani|thanks a lot]. [bye|ab {m:chalta|f:chalti} hoon]",
  ],
  give_up: [
    `${M_LEAD} ${M_NOFIT}[,|.] ${M_LEAVE}`,
    `[theek hai,|chhodo,|rehne do,] ${M_NOFIT}, main [kahin aur pooch|baad mein dekh|khud dhoondh] {m:lunga|f:lungi}`,`[chhodo|rehne do|koi baat nahi|theek hai], ${M_NOFIT}[,|.] ${M_LEAVE}`, `${M_NOFIT}[ —|,] ${M_LEAVE}[, ${M_THANKS}|]`,
    "[jaane do|chhodo bhi], [aaj kismat kharab hai|aaj baat nahi bani], [phir aayenge|phir kabhi sahi]"],
  escalate: [
    `main ${M_PERSON} se baat karna {m:chahta|f:chahti} hoon[, please|, abhi|]`,`[please|plz|ab] ${M_PERSON} se [baat karwao|connect karo|milwao][, ye zaroori hai|, jaldi|]`, `[ye matter|isko] ${M_PERSON} [tak pahunchao|ko dikhao][, please|]`,
    "[ye baat aise nahi banegi|ye matter thoda complicated hai], [kisi insaan se baat karao|koi expert dekhe toh better]",
    "[mujhe|humein] [seedha team se|kisi responsible person se] baat karni hai[, please|, abhi|]"],
  complain: ["[ye kya ho raha hai?|itni der?|phir se gadbad?|kab tak lagega?|kuch theek nahi chal raha]", "[abhi bhi load ho raha hai?|kuch hua ya nahi?|itna time kyun lag raha hai?|ye toh atak gaya lagta hai]"],
  ok_wait: [
    "[theek hai,|koi baat nahi,] main [ruk {m:sakta|f:sakti} hoon|wait {m:karunga|f:karungi}|yahin {m:baitha|f:baithi} hoon]",`[${M_YES},|koi baat nahi,] [ek baar aur try karo|thoda ruk jaate hain|phir se dekho]`,
    "[chalo|accha], [koi jaldi nahi|aaram se], [ek baar aur dekho|phir se bhejo]"],
  ok_go: [
    `${M_GO}[,|.] [jaldi se|abhi|bina der kiye][, ${M_THANKS}|]`,
    `[${M_YES}, |][sab sahi hai|aapne theek samjha|yahi maanga tha|kuch nahi badalna][,|.] ${M_GO}`,`${M_YES}[,|!|.] ${M_GO}`, `[sab sahi hai|yahi chahiye tha|baat pakki], ${M_GO}`,
    "[haan haan|ji bilkul|haan ji, bilkul], [yahi tha|sab theek hai|yahi chahiye tha], [der kis baat ki|chalo kar daalo|ab kar hi do]",
    "[manzoor hai|done deal|mujhe manzoor hai|haan, manzoor], [aage badhao|ho jaane do|kar do|pakka karo]"],
  keep_it: ["[abhi rehne do|abhi kuch mat karo], [pehle ghar pe baat karni hai|baad mein decide karenge|thoda sochna hai]"],
  cancel: ["[humein|please] {ref} [cancel karna hai|cancel kar do], [plan badal gaya|ab zaroorat nahi]"],
  modify: ["{ref} [mein thoda change karna hai|badalwana hai]: {details}"],
  logs: ["{item} ki [fresh|pichhli|recent] entries [mein kya hai|dikhao|batao]?", "{item} ki [last|latest] entries [mein kuch ajeeb hai kya|padh ke batao]?"],
  status: ["{host} [ki haalat kaisi hai|mein koi dikkat hai|theek chal raha hai]?", "[zara|ek baar] {host} ka [haal|status] [batao|dekho]", "{host} [ka kya haal hai|theek-thaak hai na]? [zara batao|ek nazar daalo]", "[abhi|is waqt] {host} [kis haal mein hai|kaisa dikh raha hai]?", "{host} [pe sab theek hai|mein kuch gadbad toh nahi]? [confirm karna tha|mann nahi maan raha]"],
  command: ["{host} pe `{cmd}` [chala ke batao|chala do|ek baar chalao]", "[zara|please] {host} pe `{cmd}` [chala ke dikhao|daal ke dekho]"],
  extra: ["[koi jaldi nahi hai|aaram se dekho|thoda time hai]", "[ghar wale|dost] [wait kar rahe hain|ne poochne ko bola]"],
};

export const USER_VARIETY: Record<Lang, Lines> = { en, hi, mixed };

/**
 * More of what a user of each style puts before and after a request (added to style-banks.ts's
 * USER_STYLE), so the first words of a first message vary with who is talking.
 */
export const MORE_USER_STYLE: Record<Lang, Partial<Record<Style, { openers: string[]; closers: string[] }>>> = {
  en: {
    casual: { openers: ["heya", "hey you", "alright,", "so um", "okie,", "sup,", "hey, quick q:"], closers: ["ta", "much love", "you're the best", "no stress", "whenever", "cool?"] },
    senior_engineer: { openers: ["fwiw:", "context:", "request:", "straight to it:"], closers: ["that's it", "no frills please", "just the facts"] },
    stressed: { openers: ["please help,", "sorry, in a hurry —", "quick please:", "I'm panicking a bit —", "need help fast:"], closers: ["as fast as you can", "sorry for rushing", "quickly please", "time's short"] },
    learner: { openers: ["hello! first time here —", "hi, apologies if this is obvious:", "good day! I'm a bit lost —", "hi, could you guide me?"], closers: ["I'm still learning", "please explain as you go", "does that make sense?", "thanks for bearing with me"] },
    executive: { openers: ["brief:", "bottom of it:", "priority:", "one thing:"], closers: ["brief answer please", "essentials only", "headline only"] },
    neutral: { openers: ["good afternoon,", "good evening,", "hello there,", "excuse me,", "hi again,"], closers: ["much appreciated", "thanks very much", "thank you kindly", "grateful for the help"] },
  },
  hi: {
    casual: { openers: ["अरे भाई", "सुनिए ना", "हैलो जी", "अच्छा सुनिए", "हैलो हैलो", "यार"], closers: ["शुक्रिया", "बस इतना ही", "ठीक?", "ठीक है ना?", "जल्दी नहीं है"] },
    stressed: { openers: ["जल्दी में हूँ,", "प्लीज़ मदद कीजिए,", "प्लीज़ जल्दी,", "बहुत अर्जेंट है,"], closers: ["जल्दी कीजिए", "देर मत कीजिए", "अभी चाहिए", "जल्दी बताइए"] },
    learner: { openers: ["नमस्ते, यह पहली बार है —", "एक सवाल पूछना है:", "माफ़ कीजिए, मुझे ज़्यादा नहीं पता —", "नमस्ते, अभी सीख {m:रहा|f:रही} हूँ —"], closers: ["समझाकर बताइए", "धीरे-धीरे समझाइए", "ठीक से समझाइएगा", "मैं सही पूछ {m:रहा|f:रही} हूँ ना?"] },
    neutral: { openers: ["सुनिए,", "प्रणाम,", "जी नमस्ते,", "नमस्ते जी,", "जी,"], closers: ["आपका आभार", "बहुत धन्यवाद", "मेहरबानी", "धन्यवाद जी"] },
  },
  mixed: {
    casual: { openers: ["arre yaar", "hello bhai", "suno na", "accha suno", "hello hello", "yaar sun"], closers: ["thanks bro", "bas itna hi", "theek?", "theek hai na?", "jaldi nahi hai"] },
    stressed: { openers: ["jaldi mein hoon,", "please help karo,", "please jaldi,", "bahut urgent hai,"], closers: ["jaldi karo", "late mat karo", "abhi chahiye", "jaldi batao"] },
    learner: { openers: ["hi, pehli baar hai —", "ek cheez poochni thi:", "sorry, mujhe zyada nahi pata —", "hi, abhi seekh {m:raha|f:rahi} hoon —"], closers: ["samjha ke batao", "thoda explain karo", "theek se samjhana", "main sahi pooch {m:raha|f:rahi} hoon na?"] },
    neutral: { openers: ["suniye,", "namaskar,", "ji hello,", "namaste ji,", "ji,"], closers: ["bahut thanks", "dhanyavaad", "meherbani", "thanks ji"] },
  },
};

/** More of what an unsure user says first (added to style-banks.ts's HEDGES). */
export const MORE_HEDGES: Record<Lang, string[]> = {
  en: ["hmm, good question", "ooh, let me see", "not a hundred percent sure, but", "off the top of my head", "thinking out loud here", "I suppose", "probably", "if I had to say", "let me think about that", "gosh, um", "right, so", "mm, maybe"],
  hi: ["सोचने दीजिए", "ठीक से पता नहीं, पर", "शायद ऐसा", "मेरे ख़याल से", "अम्म", "एक मिनट सोचकर"],
  mixed: ["sochne do", "pakka nahi pata, but", "shayad aisa", "mere khayal se", "umm", "ek min soch ke"],
};
