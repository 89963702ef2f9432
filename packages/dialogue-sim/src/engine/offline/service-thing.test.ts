import { mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSession, loadDomain, loadPackFile } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { sampleScenarios } from "../../testing/scenarios.js";
import { offlineDialogue } from "../dialogue.js";

const travel = loadDomain("travel");
const opts = { failureRate: 0, createSession, tool: "dialogue-sim", version: "test", seed: 1 };

/** The travel pack with the restaurant service's thing replaced. */
function withThing(thing: Record<string, string> | undefined) {
  const dir = mkdtempSync(join(tmpdir(), "chatmill-thing-"));
  for (const f of readdirSync(travel.dir)) if (f !== "pack.json") symlinkSync(join(travel.dir, f), join(dir, f));
  const pack = structuredClone(travel.pack);
  const restaurant = pack.services.find((s) => s.name === "restaurant")!;
  if (thing) restaurant.thing = thing;
  else delete restaurant.thing;
  writeFileSync(join(dir, "pack.json"), JSON.stringify(pack));
  return loadPackFile(join(dir, "pack.json"));
}

function userText(domain: ReturnType<typeof loadPackFile>, language: string): string {
  const mix = new Map([["language", new Map([[language, 1]])]]);
  return sampleScenarios("travel", 120, 3, mix)
    .filter((s) => s.services[0] === "restaurant")
    .flatMap((s) => offlineDialogue(s, domain, Rng.for(1, s.id, "dialogue"), opts).dialogue.messages)
    .filter((m) => m.role === "user")
    .map((m) => String(m.content))
    .join("\n");
}

describe("what the user calls what it wants from a service (services[].thing)", () => {
  it("is the pack's words in the user's language, not words the code keeps for a service name", () => {
    const own = withThing({ en: "[a zqx eatery|a zqx canteen]", hi: "ज़क्स भोजनालय", mixed: "zqx dhaba" });
    expect(userText(own, "en")).toMatch(/a zqx (eatery|canteen)/);
    expect(userText(own, "hi")).toContain("ज़क्स भोजनालय");
    expect(userText(own, "mixed")).toContain("zqx dhaba");
    // Without it the user asks for "something", in every language; never "a restaurant" from code.
    expect(userText(travel, "en")).toMatch(/somewhere to eat|a place for dinner|a table somewhere/);
    const none = userText(withThing(undefined), "en");
    expect(none).not.toMatch(/a zqx|somewhere to eat|a place for dinner|a table somewhere/);
  });
});
