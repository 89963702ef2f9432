import { describe, expect, it } from "vitest";
import { builtinPacks, loadDomain } from "./load.js";

// A category's label is said inside sentences ("how does {label} work?", "a question about
// {label}", "sort out {label} for …"), so it must be a noun phrase: the name "how_it_works" said
// as it is gave "can you explain how how it works works?".
describe.each(builtinPacks)("built-in pack %s", (name) => {
  it("calls each category by a noun phrase, not a clause or a command", () => {
    const domain = loadDomain(name);
    const clauses = Object.keys(domain.pack.categories)
      .map((c) => domain.labelOf(c))
      .filter((label) => /^(how|what|why|when|where|which|explain|ask|check|get|find|see|make)\b/i.test(label) || /\b(\w+) \1\b/i.test(`explain how ${label} works`));
    expect(clauses).toEqual([]);
  });
});
