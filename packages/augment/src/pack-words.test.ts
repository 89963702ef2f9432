import { loadDomain } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { augmentDialogue } from "./augment-dialogue.js";
import { fieldRenamesOf } from "../../domains/fixtures/renamed-fields.mjs";
import { others, personaFor, renamedPack } from "./augment.test-helper.js";

// With a pack, augment says a pack's own tools in the pack's words (pack-words.ts): what the user
// asks for comes from the tool's declared role and changes and its service's declared words, an
// argument from its field's wording; never from the tool's, table's or category's name.

type Obj = Record<string, any>;
const travel = loadDomain("travel");
const hotel = travel.table("hotel").find((r) => r.area === "north" && r.parking === "yes" && r.stars === "4")!;

const said = (d: Obj, role: "user" | "assistant"): string[] => (d.messages as Obj[]).filter((m) => m.role === role && m.content).map((m) => m.content as string);
const call = (id: string, name: string, args: Obj, ok = true): Obj[] => [
  { role: "assistant", content: null, tool_calls: [{ id, name, arguments: args }] },
  { role: "tool", tool_call_id: id, name, ok, content: "stale" },
];

/** The dialogue with its tool results parsed. */
const parsed = (d: Obj): Obj => ({ ...d, messages: (d.messages as Obj[]).map((m) => (m.role === "tool" ? { ...m, content: JSON.parse(m.content) } : m)) });

/** A travel dialogue of a scenario of `category`, offering `tools`. */
const chat = (id: string, category: string, tools: unknown, messages: Obj[]): Obj => ({
  id,
  scenario: { id: `s-${id}`, domain: "travel", category, persona: { id: "p", name: "John Smith", style: "casual", language: "en" } },
  tools,
  messages,
});

/** A hotel chat: a search, a booking after a yes, thanks; tool and category names by `name`. */
const hotelChat = (name: (n: string) => string, category: string, tools: unknown): Obj =>
  chat("hotel-1", category, tools, [
    { role: "user", content: "Any 4-star place in the north with parking?" },
    ...call("f1", name("find_hotel"), { area: "north", stars: 4, parking: "yes" }),
    { role: "assistant", content: "I found a few. Which day, how many nights and how many people?" },
    { role: "user", content: "friday, 3 nights, 2 people" },
    { role: "assistant", content: "Shall I book it?" },
    { role: "user", content: "yes please" },
    ...call("b1", name("book_hotel"), { hotel_id: hotel.id, day: "friday", stay: 3, people: 2 }),
    { role: "assistant", content: "Booked!" },
    { role: "user", content: "thanks, bye" },
    { role: "assistant", content: "Bye!" },
  ]);

/** A change to a taxi booking that does not exist: the call fails, in the source and on the re-run. */
const taxiChange = (name: (n: string) => string, category: string, tools: unknown): Obj =>
  chat("taxi-1", category, tools, [
    { role: "user", content: "Can you move the pick-up of booking TX-NONE-1 to the station?" },
    ...call("m1", name("modify_taxi_booking"), { booking_id: "TX-NONE-1", departure: "the station" }, false),
    { role: "assistant", content: "I couldn't find that booking." },
    { role: "user", content: "ok, thanks" },
    { role: "assistant", content: "Bye!" },
  ]);

describe("augment with a pack: a pack tool said in the pack's words", () => {
  it("gives the same dialogue when every tool, table, category and field has an opaque name, and says none of those names", () => {
    const opaque = (prefix: string, names: string[]) => Object.fromEntries(names.map((n, i) => [n, `${prefix}${i}q`]));
    const renames = {
      tools: opaque("zzTool", travel.pack.tools.map((t) => t.function.name)),
      tables: opaque("zzTable", Object.keys(travel.pack.database.tables)),
      categories: opaque("zzCat", Object.keys(travel.pack.categories)),
      fields: fieldRenamesOf("travel"),
    };
    const renamed = renamedPack(travel, renames);
    const back = Object.fromEntries([renames.tools, renames.tables, renames.categories, ...Object.values(renames.fields)].flatMap((m) => Object.entries(m).map(([from, to]) => [to, from])));
    const names = /zz(?:Tool|Table|Cat|field)\d+q/g;
    const cases: Array<[typeof hotelChat, string, number]> = [
      [hotelChat, "room_reservation", 1],
      [hotelChat, "room_reservation", 2],
      [taxiChange, "pickup_location", 3],
    ];
    for (const [source, category, seed] of cases) {
      const run = (domain: typeof travel, source: Obj) => augmentDialogue({ source, domain, persona: personaFor(seed), otherName: others(seed), rng: new Rng(`pack-words ${seed}`) }).dialogue as Obj;
      const a = run(travel, source((n) => n, category, travel.pack.tools));
      const b = run(renamed, source((n) => renames.tools[n]!, renames.categories[category]!, renamed.pack.tools));
      for (const role of ["user", "assistant"] as const) expect(said(b, role).join("\n")).not.toMatch(names);
      // A result's JSON lists keys sorted by name, and a renamed field sorts elsewhere: results compare as objects.
      expect(parsed(JSON.parse(JSON.stringify(b).replace(names, (m) => back[m]!))), `${category} ${seed}`).toEqual(parsed(a));
    }
  });

  it("asks for what the pack calls the service, gives arguments in its fields' words, and offers the write in them, whatever the tools are called", () => {
    // Tools named like the wrong verbs and like nothing; the hotel service called "a cosy inn" by the pack.
    const tools = { find_hotel: "update_records", book_hotel: "zzq_h" };
    const inn = renamedPack(travel, { tools }, (pack) => {
      pack.services.find((s) => s.name === "hotel")!.thing = { en: "[a cosy inn|an inn]" };
    });
    const source = hotelChat((n) => tools[n as keyof typeof tools] ?? n, "room_reservation", inn.pack.tools);
    const { dialogue } = augmentDialogue({ source, domain: inn, persona: { ...personaFor(7), verbosity: "moderate" }, otherName: others(7), rng: new Rng("inn") }) as { dialogue: Obj };
    const [first, second] = said(dialogue, "user");
    // The search: the pack's thing, and each filter's value by its field's wording (wording.values.<field>.en, alternatives drawn).
    expect(first).toMatch(/(need|after|get me|like|want|hoping for) (a cosy inn|an inn)/i);
    for (const words of [/in the north( of town| part of town|)/, /(with|rated) 4 stars/, /with (free )?parking|where I can park/]) expect(first).toMatch(words);
    // The booking: a create of a service with a booking is booked (the thing any of its ways; offered the first way); its arguments by their booking kinds and wording.values.stay.arg.
    expect(second).toMatch(/(book|reserve) (a cosy inn|an inn)|get (a cosy inn|an inn) booked/i);
    for (const words of ["on Friday", "3 nights", "for 2 people"]) expect(second).toContain(words);
    expect(said(dialogue, "assistant").join(" ")).toMatch(/(go ahead and|want me to|Should I) book a cosy inn/i);
    expect([...said(dialogue, "user"), ...said(dialogue, "assistant")].join(" ")).not.toMatch(/update|records|zzq/i);
  });

  it("says a bound on the table's declared price with the currency, and a catalog's item by its item noun", () => {
    const retail = loadDomain("retail");
    const source = {
      id: "shop-1",
      tools: retail.pack.tools,
      messages: [
        { role: "user", content: "black hoodies under 60?" },
        ...call("s1", "search_items", { category: "Hoodies & Sweatshirts", color: "black", max_price: 60 }),
        { role: "assistant", content: "Here are some." },
        { role: "user", content: "thanks, bye" },
      ],
    };
    const { dialogue } = augmentDialogue({ source, domain: retail, persona: personaFor(9), otherName: others(9), rng: new Rng("shop") }) as { dialogue: Obj };
    const first = said(dialogue, "user")[0]!;
    // max_price filters items.price (display.price) with op lte; colour and category by their wording.values.<field>.en; the pack names no service thing: offline.item_noun.
    expect(first).toContain("under $60");
    expect(first).toMatch(/in (a nice )?black/);
    expect(first).toMatch(/(from the|in|in the) Hoodies & Sweatshirts/);
    expect(first).toMatch(/a piece/);
    expect(first).not.toMatch(/max price|search|items/i);
  });

  it("names a change by the scenario category's declared label", () => {
    const { dialogue } = augmentDialogue({ source: taxiChange((n) => n, "pickup_location", travel.pack.tools), domain: travel, persona: personaFor(8), otherName: others(8), rng: new Rng("taxi") }) as { dialogue: Obj };
    // pickup_location: label "the pick-up point"; the taxi service is booked, and called "a taxi" (services[].thing).
    expect(said(dialogue, "user")[0]).toMatch(/(change|update|modify) the pick-up point for my booking for a taxi/i);
  });
});
