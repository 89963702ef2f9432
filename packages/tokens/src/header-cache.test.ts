import { beforeAll, describe, expect, it } from "vitest";
import { chatMessages } from "./conversation.js";
import { chatTools } from "./tool-lists.js";
import { CountScope, TokenCounter } from "./token-counter.js";

/** A tool list as an exporter writes it; `says` changes its description (and so its tokens). */
const toolsOf = (says: string) => [
  { type: "function", function: { name: "search_items", description: says, parameters: { type: "object", properties: { query: { type: "string", description: "What to look for." } }, required: ["query"] } } },
];
const text = (says: string) => JSON.stringify(toolsOf(says));
/** The same text as another string object (each row parsed from its own line holds its own). */
const copy = (s: string) => JSON.parse(JSON.stringify(s)) as string;

const row = (tools: unknown, system: string) => ({
  messages: [
    { role: "system", content: system },
    { role: "user", content: "Find a red mug." },
    { role: "assistant", content: "Here is one." },
  ],
  tools,
});

let counter: TokenCounter;
let fresh: TokenCounter;
beforeAll(async () => {
  counter = await TokenCounter.load("qwen2.5");
  fresh = await TokenCounter.load("qwen2.5");
}, 120_000);

/** The count of a row by a counter that remembers nothing. */
const cold = (r: unknown) => {
  fresh.clearCache();
  return fresh.countRow(r)!.tokens;
};

describe("header counts remembered across dialogues, by content", () => {
  it("chatTools gives one list per JSON content, and another when the content differs", () => {
    const t = text("Search the catalogue.");
    expect(chatTools(copy(t))).toBe(chatTools(copy(t)));
    expect(chatTools(toolsOf("Search the catalogue."))).toBe(chatTools(toolsOf("Search the catalogue.")));
    expect(chatTools(text("Search the whole catalogue."))).not.toBe(chatTools(t));
    expect(chatTools(toolsOf("Search the whole catalogue."))).not.toBe(chatTools(toolsOf("Search the catalogue.")));
    expect(chatTools(toolsOf("Search the catalogue."))).toEqual(chatTools(t));
  });

  it("chatTools finds a list equal to a recent one without its JSON text, and tells apart lists whose JSON differs", () => {
    const a = toolsOf("Find a dress.") as Array<Record<string, unknown>>;
    const same = chatTools(a);
    // Copies of a recent list (as each dialogue parses its own): the same converted list.
    for (let k = 0; k < 3; k++) expect(chatTools(structuredClone(a))).toBe(same);
    // The same entries with keys in another order, or a key JSON leaves out: JSON.stringify tells the first apart, not the second.
    const reordered = a.map((e) => Object.fromEntries(Object.entries(e).reverse()));
    expect(chatTools(reordered)).not.toBe(same);
    expect(chatTools(a.map((e) => ({ ...e, extra: undefined })))).toBe(same);
    // Another value deep inside: another list.
    const other = structuredClone(a);
    (other[0] as { function: { name: string } }).function.name = "find_dress_v2";
    expect(chatTools(other)).not.toBe(same);
    expect(chatTools(other)![0]).toMatchObject({ function: { name: "find_dress_v2" } });
  });

  it("the same tools text and system prompt in another dialogue are not counted again", () => {
    counter.clearCache();
    const pieces = () => counter.stats.tokenized + counter.stats.cached;
    counter.countRow(row(copy(text("Search the catalogue.")), "You help shoppers."), new CountScope());
    const before = pieces();
    // Another dialogue (its own scope, its own string objects): only its two turns are looked at.
    const n = counter.countRow(row(copy(text("Search the catalogue.")), copy("You help shoppers.")), new CountScope())!.tokens;
    expect(pieces() - before).toBe(4);
    expect(n).toBe(cold(row(text("Search the catalogue."), "You help shoppers.")));
  });

  it("misses when the tools differ and the system prompt is the same", () => {
    counter.clearCache();
    const a = counter.countRow(row(text("Search the catalogue."), "You help shoppers."), new CountScope())!.tokens;
    const longer = row(text("Search the catalogue of every shop in town, by name or by colour."), "You help shoppers.");
    const b = counter.countRow(longer, new CountScope())!.tokens;
    expect(b).toBeGreaterThan(a);
    expect(b).toBe(cold(longer));
    // The same for lists given as lists (OpenAI rows), and for a row without tools.
    const c = counter.countRow(row(toolsOf("Search the catalogue of every shop in town, by name or by colour."), "You help shoppers."), new CountScope())!.tokens;
    expect(c).toBe(b);
    const none = row(undefined, "You help shoppers.");
    expect(counter.countRow(none, new CountScope())!.tokens).toBe(cold(none));
  });

  it("misses when the system prompt differs and the tools are the same", () => {
    counter.clearCache();
    const a = counter.countRow(row(text("Search the catalogue."), "You help shoppers."), new CountScope())!.tokens;
    const other = row(text("Search the catalogue."), "You help shoppers of the bakery, politely and briefly.");
    const b = counter.countRow(other, new CountScope())!.tokens;
    expect(b).toBeGreaterThan(a);
    expect(b).toBe(cold(other));
    // No system message (the template's default one) is not the same header as an empty one.
    const noSystem = { messages: row(text("Search the catalogue."), "").messages.slice(1), tools: text("Search the catalogue.") };
    const empty = row(text("Search the catalogue."), "");
    expect(counter.countRow(noSystem, new CountScope())!.tokens).toBe(cold(noSystem));
    expect(counter.countRow(empty, new CountScope())!.tokens).toBe(cold(empty));
  });

  it("a row that extends the last one by a tool result counts that result's turn again (the run of results grows)", () => {
    const call = { role: "assistant", content: "", tool_calls: [1, 2].map((k) => ({ type: "function", function: { name: "search_items", arguments: `{"query": "mug ${k}"}` } })) };
    const ms = [{ role: "user", content: "Find mugs." }, call, { role: "tool", content: "red mug" }, { role: "tool", content: "a blue mug and a green one" }];
    const scope = new CountScope();
    // The second row holds the first row's messages and one more result, in the same user turn as the first result.
    const first = { messages: ms.slice(0, 3), tools: text("Search the catalogue.") };
    const second = { messages: ms, tools: first.tools };
    counter.countRow(first, scope);
    expect(counter.countRow(second, scope)!.tokens).toBe(cold(second));
    expect(counter.countRowOver(second, 1, scope)).toBe(cold(second));
  });

  it("a message list converted after another takes over only the same objects", () => {
    const scope = new CountScope();
    const ms = [
      { role: "user", content: "one" },
      { role: "assistant", content: "two" },
    ];
    const a = chatMessages(ms, scope.messages);
    const b = chatMessages([ms[0], { role: "assistant", content: "three" }], scope.messages);
    expect(b[0]).toBe(a[0]);
    expect(b[1]!.content).toBe("three");
  });
});
