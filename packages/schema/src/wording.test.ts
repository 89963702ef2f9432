import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ASSISTANT_ACT_SLOTS, USER_ACT_SLOTS, Wording, templateError } from "./wording.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("wording templates", () => {
  it("accepts alternatives, the act's slots, the common slots and gender forms", () => {
    expect(templateError("[Done|All set]! {summary}[ Ref|, ref] {ref} on {weekday}.", ["summary", "ref"])).toBeUndefined();
    expect(templateError("मैं {item} {m:लूँगा|f:लूँगी}", ["item"])).toBeUndefined();
    expect(templateError("[main {m:raha|f:rahi|n:rahe} hoon|]", [])).toBeUndefined();
  });

  it("names what is wrong and what to write instead", () => {
    expect(templateError("[a|b", [])).toBe("1 '[' never closed");
    expect(templateError("a]", [])).toContain("closes no '['");
    expect(templateError("{name", ["name"])).toContain("never closed");
    expect(templateError("{reference}", ["ref"])).toMatch(/unknown slot \{reference\}: .*\{ref\}, \{city\}, \{weekday\}/);
    expect(templateError("{m:lunga|lungi}", [])).toContain("not a gender form");
    expect(templateError("{m:[a|b]|f:c}", [])).toContain("plain text only");
  });

  it("rejects an unknown act with the list of acts, and accepts a pack that uses every act", () => {
    const bad = Wording.safeParse({ en: { user: { opne: ["hi"] } } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toMatch(/unknown user act 'opne': the user acts are small_talk, .*open,/);
    const all = {
      en: {
        assistant: Object.fromEntries(Object.keys(ASSISTANT_ACT_SLOTS).map((a) => [a, ["ok"]])),
        user: Object.fromEntries(Object.keys(USER_ACT_SLOTS).map((a) => [a, ["ok"]])),
      },
    };
    expect(Wording.safeParse(all).success).toBe(true);
  });
});

describe("packages/schema/README.md documents the wording", () => {
  it("has a row for every assistant and user act, with its slots", () => {
    for (const [table, acts] of [["Assistant acts", ASSISTANT_ACT_SLOTS], ["User acts", USER_ACT_SLOTS]] as const) {
      const section = readme.split(`### ${table}`)[1]!.split("###")[0]!;
      for (const [act, slots] of Object.entries(acts)) {
        const row = section.split("\n").find((l) => l.startsWith(`| \`${act}\` |`));
        expect(row, `${table}: ${act}`).toBeDefined();
        for (const s of slots as readonly string[]) expect(row, `${act} {${s}}`).toContain(`\`{${s}}\``);
      }
    }
  });

  it("describes every field of the wording section", () => {
    const fieldsColumn = readme.split("\n").filter((l) => l.startsWith("| `")).map((l) => l.split(" | ")[0]!);
    for (const field of Object.keys(Wording.shape)) expect(fieldsColumn.some((c) => new RegExp(`\`${field}[\`.]`).test(c)), field).toBe(true);
  });
});
