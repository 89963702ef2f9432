/**
 * Why a write was refused, as the assistant says it in the `{reason}` of action_failed: by the
 * error's type (not_found, invalid_state, unavailable, bad_arguments), never by quoting the
 * tool's message — that is English, and names the pack's tables and fields. `{what}` is the
 * reference or item the write was about; `{state}` the state a closed record is in, as the data
 * writes it ("cancelled"). Neutral words only: no pack's nouns.
 */
import type { Lang } from "./describe.js";

export type RefusalKind = "not_found" | "closed" | "exists" | "unavailable" | "bad_arguments" | "other";

export const REFUSALS: Record<Lang, Record<RefusalKind, string[]>> = {
  en: {
    not_found: ["[I can't find|the system has no record of|there's nothing on file under] {what}"],
    closed: ["{what} is already {state}[, so it can't be changed| and can't be changed any more|]"],
    exists: ["{what} [already exists|is already in the system]"],
    unavailable: ["{what} [isn't available for that|can't be had for that|is fully taken for that]", "[there's no space left|it's full] [for that|then]"],
    bad_arguments: ["[the system didn't accept those details|some of those details weren't accepted]"],
    other: ["[the system turned it down|it was refused on the other end]"],
  },
  hi: {
    not_found: ["[{what} का कोई रिकॉर्ड नहीं मिला|{what} सिस्टम में नहीं है]"],
    closed: ["{what} पहले से {state} है[, इसे बदला नहीं जा सकता|]"],
    exists: ["{what} [पहले से मौजूद है|सिस्टम में पहले से है]"],
    unavailable: ["{what} [उस समय के लिए उपलब्ध नहीं है|के लिए जगह नहीं बची]", "[उस समय कोई जगह नहीं बची|वह पूरा भर चुका है]"],
    bad_arguments: ["[सिस्टम ने ये जानकारी नहीं मानी|कुछ जानकारी स्वीकार नहीं हुई]"],
    other: ["[सिस्टम ने मना कर दिया|दूसरी तरफ़ से मना हो गया]"],
  },
  mixed: {
    not_found: ["[{what} ka koi record nahi mila|{what} system mein nahi hai]"],
    closed: ["{what} pehle se {state} hai[, ise change nahi kar sakte|]"],
    exists: ["{what} [pehle se hai|already system mein hai]"],
    unavailable: ["{what} [us time ke liye available nahi hai|ke liye jagah nahi bachi]", "[us time koi jagah nahi bachi|wo poora full hai]"],
    bad_arguments: ["[system ne ye details accept nahi ki|kuch details accept nahi hui]"],
    other: ["[system ne mana kar diya|doosri taraf se reject ho gaya]"],
  },
};
