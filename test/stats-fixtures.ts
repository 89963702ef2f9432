/** Dialogues, scenarios and personas with known figures, for the stats tests. */
import { Rng } from "@chatmill/kit";

const REGIONS = ["Tokyo", "Delhi", "Lagos", "Paris", "Lima", "Seoul"];
const CATEGORIES = ["search_items", "compare", "return_request", "gift_shopping"];
const EMOTIONS = ["happy", "frustrated", "curious", "anxious"];
const RESOLUTIONS = ["resolved", "failed", "escalated"] as const;
const STYLES = ["casual", "executive", "stressed", "learner"];
const INTENTS_U = ["search", "filter", "compare", "clarify", "farewell"];

const tools = [
  {
    type: "function",
    function: {
      name: "search_items",
      description: "search the catalog",
      parameters: {
        type: "object",
        properties: { query: { type: "string" }, color: { type: "string" }, max_price: { type: "number" } },
        required: ["query"],
        additionalProperties: false,
      },
    },
  },
  {
    type: "function",
    function: { name: "get_reviews", parameters: { type: "object", properties: { item_id: { type: "string" } }, required: ["item_id"] } },
  },
];

export function persona(i: number) {
  return {
    id: `p-${i}`,
    style: STYLES[i % STYLES.length],
    language: i % 3 === 0 ? "hi" : "en",
    age: 20 + (i % 50),
    budget: { max: 50, currency: "USD" },
    preferences: { colors: ["red", "navy"], brands: ["Zara"] },
  };
}

export function scenario(i: number) {
  return {
    id: `s-${i}`,
    persona: persona(i),
    domain: "retail",
    services: i % 4 === 0 ? ["shop", "delivery"] : ["shop"],
    category: CATEGORIES[i % CATEGORIES.length],
    goal: { text: "Find a red dress under $50", constraints: [], end_state: [] },
    region: REGIONS[i % REGIONS.length],
    time: { slot: "evening", at: "2026-03-14T19:30" },
    emotions: { user: EMOTIONS[i % EMOTIONS.length], assistant: "calm" },
    resolution: RESOLUTIONS[i % 3],
    turns: { min: 4, max: 10 },
  };
}

/**
 * Dialogue i: a search (ok) whose result lists two items, a recommendation grounded
 * on one of them; every 3rd dialogue also calls get_reviews, which fails; every 5th
 * has a malformed call (unknown tool).
 */
export function dialogue(i: number, rng = new Rng(`stats-${i}`)) {
  const red = { id: `it-${i}-a`, name: "Red wrap dress", color: "red", brand: "Zara", price: 39, currency: "USD", image: `https://img.example/${i}a.jpg` };
  const blue = { id: `it-${i}-b`, name: "Blue maxi dress", color: "blue", brand: "Mango", price: 89, currency: "USD" };
  const recommended = i % 2 === 0 ? red : blue;
  const messages: unknown[] = [
    { role: "user", content: `Hi, I need a ${rng.pick(["red", "dark red", "crimson"])} dress under fifty dollars for ${rng.pick(["a wedding", "Saturday", "work"])}.`, labels: { intent: INTENTS_U[i % INTENTS_U.length], emotion: "curious" } },
    { role: "assistant", content: null, tool_calls: [{ id: `c-${i}-1`, name: "search_items", arguments: { query: "dress", color: "red", max_price: 50 } }], labels: { intent: "search" } },
    { role: "tool", tool_call_id: `c-${i}-1`, name: "search_items", content: JSON.stringify({ items: [red, blue] }), ok: true },
    { role: "assistant", content: `How about the ${recommended.name} at $${recommended.price}?`, labels: { intent: "recommend" }, grounding: [{ item_id: recommended.id, name: recommended.name }] },
  ];
  if (i % 3 === 0) {
    messages.push({ role: "user", content: "What do the reviews say?", labels: { intent: "clarify", variation: "hesitation" } });
    messages.push({ role: "assistant", content: null, tool_calls: [{ id: `c-${i}-2`, name: "get_reviews", arguments: { item_id: recommended.id } }] });
    messages.push({ role: "tool", tool_call_id: `c-${i}-2`, name: "get_reviews", content: "{\"error\":\"timeout\"}", ok: false, error: { type: "timeout", message: "timed out" } });
    messages.push({ role: "assistant", content: "Sorry, the reviews are not loading right now.", labels: { intent: "clarify" } });
  }
  if (i % 5 === 0) {
    messages.push({ role: "assistant", content: null, tool_calls: [{ id: `c-${i}-3`, name: "buy_now", arguments: { item_id: recommended.id } }] });
  }
  const sc = scenario(i);
  return {
    id: `d-${i}`,
    scenario: sc,
    tools,
    messages,
    outcome: { resolution: i % 4 === 0 ? "failed" : sc.resolution, goal_met: i % 2 === 0, reward: i % 2 === 0 ? 1 : 0.25 },
  };
}
