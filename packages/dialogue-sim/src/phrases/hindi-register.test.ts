import { createSession, loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { sampleScenarios } from "../testing/scenarios.js";
import { offlineDialogue } from "../engine/dialogue.js";
import { familiarHindi, politeHinglish } from "./hindi-register.js";

describe("the familiar register of Hindi requests", () => {
  it("says the listed polite imperatives familiarly and leaves every other word", () => {
    expect(familiarHindi("कृपया बुक कर दीजिए, 2 लोगों के लिए")).toBe("प्लीज़ बुक कर दो, 2 लोगों के लिए");
    expect(familiarHindi("सुनिए, होटल चाहिए — ज़रा देख लीजिए और बताइएगा")).toBe("सुनो, होटल चाहिए — ज़रा देख लो और बताना");
    expect(familiarHindi("माफ़ कीजिए, पक्का कीजिए")).toBe("माफ़ करना, पक्का करो");
    expect(familiarHindi("मेरे लिए किए गए काम के लिए शुक्रिया")).toBe("मेरे लिए किए गए काम के लिए शुक्रिया");
  });

  it("is how casual users write in the offline engine, and only they", () => {
    const domain = loadDomain("travel");
    const opts = { failureRate: 0, createSession, tool: "test", version: "0", seed: 0 };
    const said = (style: string, formality: "casual" | "formal") =>
      sampleScenarios("travel", 60, 5)
        .map((s) => offlineDialogue({ ...s, persona: { ...s.persona, language: "hi", style, formality } }, domain, Rng.for(1, s.id, "dialogue"), opts).dialogue)
        .flatMap((d) => (d.messages as Array<{ role: string; content?: unknown }>).filter((m) => m.role === "user" && typeof m.content === "string").map((m) => m.content as string))
        .join("\n");
    const casual = said("casual", "casual");
    expect(casual).toMatch(/कर दो|बता दो|करो/);
    expect(casual).not.toMatch(/दीजिए|कीजिए|बताइए/);
    expect(said("professional", "formal")).toMatch(/दीजिए|कीजिए|बताइए/);
  });

  it("says a formal Hinglish writer's imperatives and questions politely, a number 'do' left as it is", () => {
    expect(politeHinglish("Batao, do log ke liye booking kar do — help karoge?")).toBe("Bataiye, do log ke liye booking kar dijiye — help karenge?");
    expect(politeHinglish("dekh lo, kya aap dhoondh sakte ho? chalo")).toBe("dekh lijiye, kya aap dhoondh sakte hain? chaliye");
    expect(politeHinglish("Sunday ko, 2 raat aur do logon ke liye")).toBe("Sunday ko, 2 raat aur do logon ke liye");
  });
});
