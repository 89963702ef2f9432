import { describe, expect, it } from "vitest";
import { articleErrors, consecutiveAssistant, firstPersonGender, genderAgreement, htmlEntities, NameFinder, startsWithVowelSound } from "./checks.js";

describe("assistant messages in a row", () => {
  it("finds two assistant messages with no tool or user message between", () => {
    const msgs = [
      { role: "system", content: "policy" },
      { role: "user", content: "find a tee" },
      { role: "assistant", content: null, tool_calls: [{ name: "search_items" }] },
      { role: "tool", content: "{}" },
      { role: "assistant", content: "Here you go." },
      { role: "assistant", content: "Anything else?" },
      { role: "user", content: "no" },
      { role: "assistant", content: "Switching to red." },
      { role: "assistant", content: null, tool_calls: [{ name: "search_items" }] },
    ];
    expect(consecutiveAssistant(msgs)).toEqual([4, 7]);
  });

  it("finds nothing in a well-formed transcript", () => {
    expect(consecutiveAssistant([{ role: "user" }, { role: "assistant", tool_calls: [{ name: "x" }] }, { role: "tool" }, { role: "assistant" }])).toEqual([]);
  });
});

describe("HTML entities", () => {
  it("finds named, decimal and hex references", () => {
    expect(htmlEntities("Helios EverCool&trade; Tee, 5 &#8482; and &#x2122; &amp; more")).toEqual(["&trade;", "&#8482;", "&#x2122;", "&amp;"]);
  });
  it("leaves a bare ampersand and decoded text alone", () => {
    expect(htmlEntities("Black & Brown Slipper — EverCool™ Tee; R&D")).toEqual([]);
  });
});

describe("a / an", () => {
  it("flags a before a vowel sound and an before a consonant sound", () => {
    expect(articleErrors("is there a architecture tour?").map((e) => e.word)).toEqual(["architecture"]);
    expect(articleErrors("do you have a area in mind? an table for two").map((e) => `${e.article} ${e.word}`)).toEqual(["a area", "an table"]);
    expect(articleErrors("A hour later").map((e) => e.word)).toEqual(["hour"]);
    expect(articleErrors("an unique piece").map((e) => e.word)).toEqual(["unique"]);
  });

  it("accepts the exceptions: a one, a user, a unique, a university, a European, an hour, an honest, an SUV, an 8", () => {
    const ok = "a one-off, a user, a unique tee, a university, a European trip, an hour, an honest answer, an SUV, an MRI, a UFO, an 8-seater, an 11:00 slot, a 1-star hotel, an FAQ";
    expect(articleErrors(ok)).toEqual([]);
  });

  it("reads initialisms letter by letter", () => {
    expect(startsWithVowelSound("SUV")).toBe(true);
    expect(startsWithVowelSound("BBQ")).toBe(false);
    expect(articleErrors("a SUV").map((e) => e.word)).toEqual(["SUV"]);
  });

  it("skips letters used as names and commands, but reads an article before code", () => {
    expect(articleErrors("1. A and B Guest House (0); run `ip -br a` on ci-01; size a")).toEqual([]);
    expect(articleErrors("run a `uptime` on web-01").map((e) => e.word)).toEqual(["uptime"]);
  });
});

describe("first-person verb gender", () => {
  it("finds Hindi masculine and feminine first-person forms", () => {
    expect(firstPersonGender("मैं देख रहा हूँ").masculine).toEqual(["रहा हूँ"]);
    expect(firstPersonGender("मैं dentist ढूँढ रही हूँ").feminine).toEqual(["रही हूँ"]);
    expect(firstPersonGender("मुझे एक jacket चाहती हूं")).toEqual({ masculine: [], feminine: ["चाहती हूं"] });
    expect(firstPersonGender("रहने दीजिए, मैं कहीं और देख लूँगा").masculine).toEqual(["लूँगा"]);
    expect(firstPersonGender("मैं कल आऊँगी").feminine).toEqual(["आऊँगी"]);
    expect(firstPersonGender("मैं वहाँ गया था").masculine).toEqual(["गया था"]);
    expect(firstPersonGender("नमस्ते, मैं इसमें नया हूँ").masculine).toEqual(["नया हूँ"]);
  });

  it("ignores Hindi forms that are not first person or not gendered", () => {
    // Third person, no मैं; an ergative मैंने; a neutral adjective; plural/honorific.
    expect(firstPersonGender("वो कल गया था")).toEqual({ masculine: [], feminine: [] });
    expect(firstPersonGender("मैंने ऑर्डर किया था")).toEqual({ masculine: [], feminine: [] });
    expect(firstPersonGender("मैं बहुत दुखी हूँ")).toEqual({ masculine: [], feminine: [] });
    expect(firstPersonGender("हम देख रहे हैं, मैं Bangalore में हूँ")).toEqual({ masculine: [], feminine: [] });
  });

  it("finds Hinglish masculine and feminine first-person forms", () => {
    expect(firstPersonGender("pehli baar ye chat use kar raha hoon").masculine).toEqual(["raha hoon"]);
    expect(firstPersonGender("Main ek jacket dhundh rahi hoon").feminine).toEqual(["rahi hoon"]);
    expect(firstPersonGender("main chahta hu ki").masculine).toEqual(["chahta hu"]);
    expect(firstPersonGender("main kar sakti hoon")).toEqual({ masculine: [], feminine: ["sakti hoon"] });
    expect(firstPersonGender("Rehne do, main kahin aur dekh lunga").masculine).toEqual(["lunga"]);
    expect(firstPersonGender("kal booking karungi").feminine).toEqual(["karungi"]);
    expect(firstPersonGender("main wahan gayi thi").feminine).toEqual(["gayi thi"]);
  });

  it("ignores Hinglish lines without a first-person gendered form", () => {
    expect(firstPersonGender("main ready hoon, ek lungi dikhao")).toEqual({ masculine: [], feminine: [] });
    expect(firstPersonGender("wo gaya tha")).toEqual({ masculine: [], feminine: [] });
    expect(firstPersonGender("hum dekh rahe hain")).toEqual({ masculine: [], feminine: [] });
  });

  it("judges agreement with the persona's gender", () => {
    const m = { masculine: ["raha hoon"], feminine: [] };
    const f = { masculine: [], feminine: ["rahi hoon"] };
    expect(genderAgreement(m, "male")).toBe("agrees");
    expect(genderAgreement(m, "female")).toBe("disagrees");
    expect(genderAgreement(f, "female")).toBe("agrees");
    expect(genderAgreement({ masculine: ["lunga"], feminine: ["rahi hoon"] }, "female")).toBe("disagrees");
    expect(genderAgreement(m, "non_binary")).toBeNull();
    expect(genderAgreement({ masculine: [], feminine: [] }, "male")).toBeNull();
  });
});

describe("raw field and category names", () => {
  const finder = new NameFinder(["on_sale", "general_inquiry", "account_id", "size", "status", "performance_fabric"], ["find {thing} on sale", "Cocona® performance fabric"]);

  it("checks only names with an underscore", () => {
    expect(finder.size).toBe(4);
    expect(finder.find("what size and status?")).toEqual([]);
  });

  it("finds a name raw, or with spaces when the pack never says it that way", () => {
    expect(finder.find("ठीक on_sale yes")).toEqual([{ name: "on_sale", found: "on_sale" }]);
    expect(finder.find("how does general inquiry work?")).toEqual([{ name: "general_inquiry", found: "general inquiry" }]);
    expect(finder.find("with account id C1")).toEqual([{ name: "account_id", found: "account id" }]);
  });

  it("checks tool names raw only: said with spaces they are ordinary phrases", () => {
    const tools = new NameFinder([], [], ["find_train"]);
    expect(tools.find("can you find train tickets to Ely?")).toEqual([]);
    expect(tools.find("use find_train please")).toEqual([{ name: "find_train", found: "find_train" }]);
  });

  it("lets a spaced name pass when the pack's wording or data says it so", () => {
    expect(finder.find("a jacket on sale, please")).toEqual([]);
    expect(finder.find("in cocona® performance fabric")).toEqual([]);
    // Inside a longer word it is not the name.
    expect(finder.find("reason_sale_x and mygeneral inquiryx")).toEqual([]);
  });
});
