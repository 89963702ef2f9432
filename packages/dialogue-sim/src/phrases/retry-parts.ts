/**
 * The parts a retry is composed from (engine/offline/recovery.ts): what went wrong, then what the
 * assistant does next, drawn separately so the few retries of a dialogue are not the same few
 * sentences across a thousand. Every "what went wrong" names the problem as the act banks do (a
 * timeout says timeout or no answer, an empty answer says so), and reads before any "next".
 * No first-person verb in Hindi or Hinglish ("we" forms), so no part depends on the assistant's gender.
 */
import type { Lang } from "./describe.js";

export type RetryKind = "retry_timeout" | "retry_error" | "retry_empty" | "retry_partial";

export interface RetryParts {
  /** Said before what went wrong, or nothing. */
  lead: string;
  happened: Record<RetryKind, string>;
  /** What the assistant does next: ask again, or (a cut-short list) fetch the rest. */
  again: string;
  rest: string;
}

export const RETRY_PARTS: Record<Lang, RetryParts> = {
  en: {
    lead: "[Hmm, |Ah, |Oops, |Right, |||]",
    happened: {
      retry_timeout: "[that timed out|the lookup timed out|no answer came back in time|that took too long and timed out|the system didn't answer in time|that request hung]",
      retry_error: "[that errored|the system threw an error|I hit an error there|something broke on the backend|that came back with an error|the service hiccuped]",
      retry_empty: "[nothing came back, which is odd|that came back empty|an empty answer, which looks wrong]",
      retry_partial: "[only part of the list came back|the list got cut short|that answer was cut short]",
    },
    again: "[trying again|retrying now|one more go|let me run it again|sending it again|giving it another shot|I'll ask again]",
    rest: "[fetching the rest|asking for the full list|getting the rest now]",
  },
  hi: {
    lead: "[अरे, |ओह, |अच्छा, |||]",
    happened: {
      retry_timeout: "[टाइमआउट हो गया|जवाब नहीं आया|सिस्टम से समय पर जवाब नहीं आया|टाइमआउट, कोई जवाब नहीं आया]",
      retry_error: "[कुछ गड़बड़ हुई|एक एरर आ गया|सर्विस ने एरर दिया|बीच में कुछ अटक गया]",
      retry_empty: "[नतीजा खाली आया|कुछ नहीं लौटा, अजीब है]",
      retry_partial: "[जवाब अधूरा आया|सिर्फ़ आधी सूची आई]",
    },
    again: "[फिर से कोशिश करते हैं|दोबारा भेजते हैं|एक बार और देखते हैं|दोबारा चलाते हैं|फिर से पूछते हैं]",
    rest: "[बाकी मँगवाते हैं|पूरी सूची लाते हैं]",
  },
  mixed: {
    lead: "[Arre, |Oh, |Hmm, |||]",
    happened: {
      retry_timeout: "[timeout ho gaya|response nahi aaya|time pe response nahi aaya|timeout, koi response nahi aaya]",
      retry_error: "[kuch gadbad hui|ek error aa gaya|service ne error diya|beech mein kuch atak gaya]",
      retry_empty: "[result khaali aaya|kuch return nahi hua, ajeeb hai]",
      retry_partial: "[result adhoora aaya|sirf aadhi list aayi]",
    },
    again: "[phir se try karte hain|dobara bhejte hain|ek baar aur dekhte hain|dobara chalate hain|phir se poochte hain]",
    rest: "[baaki mangwate hain|poori list laate hain]",
  },
};
