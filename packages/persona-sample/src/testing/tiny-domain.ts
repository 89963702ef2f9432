import type { Domain, Row } from "@chatmill/domains";
import type { CategoryTask, DomainPack } from "@chatmill/schema";

/**
 * A small Domain that follows the contract, for unit tests of the generic parts
 * (no pack files, no loader): a bookable "cafe" with a table, a "cab" with no table,
 * and a "shop" catalog that is found, not booked.
 */
export function tinyDomain(): Domain {
  const tables: Record<string, { key: string; rows: Row[] }> = {
    cafes: {
      key: "id",
      rows: [
        { id: "c1", name: "blue door", area: "centre", food: "italian", pricerange: "cheap" },
        { id: "c2", name: "the crane", area: "north", food: "thai", pricerange: "expensive" },
        { id: "c3", name: "olive tree", area: "south", food: "greek", pricerange: "moderate" },
        { id: "c4", name: "closed place", area: "east", food: "?", pricerange: "?", status: "closed" },
      ],
    },
    goods: {
      key: "sku",
      rows: [
        { sku: "g1", title: "Trail Jacket", colors: ["Red", "Black"], sizes: ["M", "L"], price: 80, category: "jackets" },
        { sku: "g2", title: "City Tee", colors: ["White"], sizes: ["S"], price: 15, category: "tees" },
      ],
    },
  };
  const tools = [
    { type: "function" as const, function: { name: "book_cafe", parameters: { type: "object", properties: { cafe_id: { type: "string" }, day: { type: "string" }, time: { type: "string" }, people: { type: "integer" } } } } },
    { type: "function" as const, function: { name: "book_cab", parameters: { type: "object", properties: { departure: { type: "string" }, destination: { type: "string" }, leave_at: { type: "string" } } } } },
  ];
  const categories: Record<string, CategoryTask> = {
    cafe_reservation: "create",
    cafe_cancellation: "cancel",
    menu_inquiry: "info",
    ride_booking: "create",
    fare_inquiry: "info",
    product_search: "info",
    complaint: "issue",
    general_inquiry: "info",
  };
  return {
    name: "tiny",
    // The one piece of a pack the generic parts read here: what the cafe's create tool demands of the cafe it books (not a closed one).
    pack: { name: "tiny", tools: [{ ...tools[0]!, role: "act", run: { op: "create", table: "cafe_bookings", ref: { table: "cafes", arg: "cafe_id", where: [{ field: "status", op: "ne", value: "closed" }] } } }] } as unknown as DomainPack,
    services: [
      { name: "cafe", table: "cafes", categories: ["cafe_reservation", "cafe_cancellation", "menu_inquiry"], searchFields: ["area", "food", "pricerange", "name"], booking: { create: "book_cafe", cancel: "cancel_cafe", modify: "modify_cafe", fields: ["day", "time", "people"], values: { day: { kind: "weekday" }, time: { kind: "time", hours: [11, 21] }, people: { kind: "party" } } } },
      { name: "cab", categories: ["ride_booking", "fare_inquiry"], searchFields: [], booking: { create: "book_cab", fields: ["departure", "destination", "leave_at"], values: { departure: { kind: "place", end: "from", among: ["cafes"] }, destination: { kind: "place", end: "to", among: ["cafes"] }, leave_at: { kind: "time", hours: [6, 22] } } } },
      { name: "shop", table: "goods", categories: ["product_search"], searchFields: ["colors", "sizes", "price", "category"] },
    ],
    generalCategories: ["complaint", "general_inquiry"],
    intents: ["book", "find", "cancel", "complain"],
    tools,
    table: (name) => tables[name]?.rows ?? [],
    keyOf: (name) => tables[name]?.key ?? "id",
    titleOf: () => undefined,
    persona: {
      preferences: [
        { key: "cuisines", values: ["italian", "thai", "greek"], pick: [1, 2] },
        { key: "areas", values: ["centre", "north"], pick: [1, 1] },
      ],
      styles: ["night_owl"],
      budget: { currency: "GBP", byIncome: { low: [10, 30], lower_middle: [20, 50], middle: [30, 80], upper_middle: [50, 150], high: [100, 400] } },
    },
    // The goods' price is money (display.price); the cafes have a field called price-something that is not.
    offline: { combinations: [["cafe", "cab"], ["shop", "cab"], ["cafe", "shop", "cab"]], city: "Testville", display: { goods: { title: "title", price: "price" } } },
    // How its fields are said in a goal and as facts: the pack's wording, as the built-in packs declare theirs.
    wording: {
      values: {
        area: { goal: { say: "in the {value}", words: { center: "centre" } }, fact: { say: "in the {value}" } },
        food: { goal: { place: "before", form: "title" } },
        pricerange: { goal: { place: "before", words: { moderate: "moderately priced", expensive: "upmarket" } }, fact: { say: "{value} price range" } },
        name: { goal: { place: "noun", form: "name" } },
        day: { goal: { say: "on {value}", form: "title" } },
        departure: { goal: { say: "from {value}", form: "title" } },
        destination: { goal: { say: "to {value}", form: "title" } },
        leave_at: { goal: { say: "leaving at {value}" }, arg: { en: "leaving {value}" } },
        colors: { goal: { place: "before", form: "lower" }, fact: { say: "in {value}", form: "lower", list: "or" } },
        sizes: { goal: { say: "in size {value}", cases: [{ match: "one size", say: "in one size" }] } },
        category: { goal: { place: "noun", form: "item_noun" }, fact: { say: "from the {value} range", form: "lower" } },
      },
    },
    category: (name) => (categories[name] ? { task: categories[name] } : undefined),
    taskOf: (name) => categories[name],
    labelOf: (name) => name.replace(/_/g, " "),
    roleOf: () => undefined,
    toolsWithRole: () => [],
    systemPrompt: undefined,
    handoffTool: undefined,
    needsConfirmation: () => false,
  };
}
