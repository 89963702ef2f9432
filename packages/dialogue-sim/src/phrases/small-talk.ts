/**
 * Small talk as pairs: what the user says and answers that fit it, so the assistant never
 * answers "first time here?" with "doing well, thanks". {topic} is what the dialogue is about.
 */
export interface SmallTalk {
  user: string[];
  assistant: string[];
}

type Lang = "en" | "hi" | "mixed";

export const OPENING: Record<Lang, SmallTalk[]> = {
  en: [
    {
      user: ["[hi|hey|hello] [there|]! [how's your day going|how are you doing today|how are you]?", "[morning|hello]! [hope your day's going well|hope you're having a good one]"],
      assistant: ["[Doing well, thanks for asking|All good here, thanks|Can't complain]! [What can I do for you?|What are we looking for today?|How can I help?]", "[Pretty good, thanks|Great, thanks]! [And you — what brings you here?|What can I help with?]"],
    },
    {
      user: ["[it's pouring here in {city}|lovely weather in {city} today|it's freezing in {city}][, honestly|, not gonna lie|]", "[hello|hi] from {city}, [where it's way too hot|where it hasn't stopped raining|where it's finally sunny]"],
      assistant: ["[Ha, {city} weather has a mind of its own|Sounds like quite a day in {city}]! [What can I do for you?|Let's get you sorted — what do you need?]", "[Stay dry|Enjoy it while it lasts|Hope it clears up]! [What can I help with today?|What are we looking for?]"],
    },
    {
      user: ["[hi|hey], [first time using this chat|never tried this chat before][, so bear with me|, be gentle|]", "[hello|hi], [not sure how this works|I'm new here], [hope that's ok|]"],
      assistant: ["[Welcome|Glad you're here]! [Just tell me what you need in your own words.|Ask me anything — I'll handle the searching.]", "[No problem at all|Happy to help], [just say what you're after and I'll take it from there.|tell me what you need and I'll do the legwork.]"],
    },
    {
      user: ["[hey|hi], [is it just me or is|isn't] {weekday} [always so slow|the longest day]?", "[happy|long] {weekday}[!|, right?]"],
      assistant: ["[Ha, {weekday}s can drag|It's not just you]! [Let's make it a good one — what do you need?|What can I do to help?]", "[Ha, hang in there|Almost there]! [What can I help with?|What are we looking for?]"],
    },
  ],
  hi: [
    { user: ["[नमस्ते|हैलो]! [आप कैसे हैं|आज का दिन कैसा चल रहा है]?"], assistant: ["[मैं ठीक हूँ, पूछने के लिए धन्यवाद|सब बढ़िया|सब अच्छा चल रहा है]! [बताइए, क्या मदद करूँ?|आज क्या ढूँढ रहे हैं?|किस काम से आना हुआ?]", "[दिन अच्छा जा रहा है, शुक्रिया|बहुत बढ़िया, आप सुनाइए]! [कहिए, क्या करना है?|आज किस चीज़ में मदद चाहिए?]"] },
    { user: ["{city} में [आज बहुत गर्मी है|आज बारिश हो रही है|मौसम अच्छा है]"], assistant: ["[अरे, ध्यान रखिए|मौसम का मज़ा लीजिए|{city} का मौसम भी कमाल है]! [बताइए, क्या मदद करूँ?|चलिए, काम की बात करें?|कहिए, आज क्या देखना है?]", "[पानी पीते रहिए|छाता साथ रखिए|ऐसे मौसम में चाय बनती है], [हा हा|]! [अब बताइए, क्या चाहिए?|किस चीज़ से शुरू करें?]"] },
    { user: ["[हैलो|नमस्ते], [पहली बार यह चैट इस्तेमाल कर {m:रहा|f:रही} हूँ|मैं यहाँ {m:नया|f:नई} हूँ]"], assistant: ["[स्वागत है|आपका स्वागत है|बहुत-बहुत स्वागत]! [बस बताइए क्या चाहिए|अपनी बात अपने शब्दों में लिखिए], [बाकी मुझ पर छोड़ दीजिए|खोजने का काम मेरा]।", "[कोई बात नहीं|चिंता मत कीजिए], [यहाँ सब आसान है|कुछ सीखना नहीं पड़ेगा] — [बस लिखिए क्या चाहिए|जो चाहिए, सीधे बताइए]।"] },
  ],
  mixed: [
    { user: ["[hi|hello|hey]! [kaise ho|aaj ka din kaisa chal raha hai|sab badhiya]?"], assistant: ["[Main badhiya, thanks for asking|Sab mast|Sab accha chal raha hai]! [Batao, kya help karun?|Aaj kya dhoondh rahe ho?|Kis kaam se aana hua?]", "[Din accha ja raha hai, thanks|Ekdum badhiya, aap sunao]! [Bolo, kya karna hai?|Aaj kis cheez mein help chahiye?]"] },
    { user: ["{city} mein [aaj bahut garmi hai|aaj baarish ho rahi hai|mausam mast hai] [yaar|]"], assistant: ["[Arre, dhyan rakhna|Mausam enjoy karo|{city} ka mausam bhi kamaal hai]! [Batao, kya help karun?|Chalo, kaam ki baat karein?|Bolo, aaj kya dekhna hai?]", "[Paani peete raho|Chhata saath rakhna|Aise mausam mein toh chai banti hai], [haha|]! [Ab batao, kya chahiye?|Kis cheez se start karein?]"] },
    { user: ["[hello|hi], [pehli baar ye chat use kar {m:raha|f:rahi} hoon|main yahan {m:naya|f:nayi} hoon]"], assistant: ["[Welcome|Swagat hai|Bahut bahut welcome]! [Bas batao kya chahiye|Apni baat apne words mein likho], [baaki mujh pe chhod do|search ka kaam mera].", "[Koi baat nahi|Tension mat lo], [yahan sab easy hai|kuch seekhna nahi padega] — [bas likho kya chahiye|jo chahiye, seedha batao]."] },
  ],
};

export const MIDWAY: Record<Lang, SmallTalk[]> = {
  en: [
    {
      user: ["[btw|by the way|side note], [you're|this is] [way faster than|nicer than|less painful than] [calling|the website|the app][, honestly|]"],
      assistant: ["[Ha, glad to hear it|That's what I'm here for]! [Back to|So, about] {topic} — [anything else you want to know?|want to go ahead?]"],
    },
    {
      user: ["[haha|ha] [sorry|oops], [my cat just walked over the keyboard|got distracted for a sec|had to grab a coffee]"],
      assistant: ["[No rush at all|Happens to the best of us]! [Back to|Right,] {topic}: [what's next?|shall we carry on?]"],
    },
    {
      user: ["[random question|off topic] — [are you a bot|do you ever get tired|is it busy today]?"],
      assistant: ["[Ha — I'm the assistant here, and I don't get tired|Ha, never too busy for you]. [Back to|So,] {topic} — [where were we?|what would you like next?]"],
    },
  ],
  hi: [{ user: ["[वैसे|एक बात], [आप काफ़ी तेज़ हैं|यह ऐप से आसान है]"], assistant: ["[धन्यवाद|ख़ुशी हुई|यह सुनकर अच्छा लगा]! [तो|अच्छा], {topic} — [आगे बढ़ें?|और कुछ?|अब क्या देखें?]"] }],
  mixed: [{ user: ["[btw|waise], [aap kaafi fast ho|ye app se easy hai]"], assistant: ["[Thanks|Khushi hui|Sunke accha laga]! [Toh|Accha], {topic} — [aage badhein?|aur kuch?|ab kya dekhein?]"] }],
};
