// Test records for the benchmarks: valid chatmill Dialogues, small (~1.65 KB each) and large (~28 KB).
import { createWriteStream } from "node:fs";
import { Rng } from "../../packages/kit/src/index.js";

const words =
  "the a red blue dress shirt under budget size medium large small price delivery store order cancel hotel taxi train centre north moderate cheap expensive booking table tonight tomorrow please thanks could you find me something similar cotton linen jacket shoes review rating stock available colour black white green warm light summer winter office party".split(
    " ",
  );

function sentence(rng: Rng, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.pick(words));
  const s = out.join(" ");
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

export function dialogueRecord(i: number): Record<string, unknown> {
  const rng = Rng.for(0, `bench-${i}`);
  const callId = `call_${i}`;
  return {
    id: `bench-${i}`,
    domain: "retail",
    tools: [],
    messages: [
      { role: "system", content: "You are a helpful shopping assistant." },
      { role: "user", content: sentence(rng, 18), labels: { intent: "search", emotion: "neutral" } },
      { role: "assistant", content: null, tool_calls: [{ id: callId, name: "search_items", arguments: { query: sentence(rng, 3), max_price: rng.int(20, 200) } }] },
      {
        role: "tool",
        tool_call_id: callId,
        name: "search_items",
        ok: true,
        content: JSON.stringify({ items: [{ id: `it-${rng.int(1, 9999)}`, name: sentence(rng, 4), price: rng.int(10, 99) }, { id: `it-${rng.int(1, 9999)}`, name: sentence(rng, 4), price: rng.int(10, 99) }] }),
      },
      { role: "assistant", content: sentence(rng, 40), labels: { intent: "recommend", emotion: "friendly" } },
      { role: "user", content: sentence(rng, 14), labels: { intent: "confirm", emotion: "happy" } },
      { role: "assistant", content: sentence(rng, 30), labels: { intent: "farewell", emotion: "friendly" } },
    ],
    outcome: { resolution: "resolved", goal_met: true, reward: 0.9 },
    meta: { engine: "offline", tool: "bench", version: "0.0.0", seed: 0 },
  };
}

/** A long dialogue (~28 KB): 12 rounds of search, ten results with descriptions, and a reply. */
export function largeDialogueRecord(i: number): Record<string, unknown> {
  const rng = Rng.for(0, `bench-large-${i}`);
  const messages: Array<Record<string, unknown>> = [{ role: "system", content: "You are a helpful shopping assistant." }];
  for (let round = 0; round < 12; round++) {
    const callId = `call_${i}_${round}`;
    const items = Array.from({ length: 10 }, () => ({ id: `it-${rng.int(1, 9999)}`, name: sentence(rng, 4), description: sentence(rng, 16), price: rng.int(10, 99), in_stock: rng.chance(0.8) }));
    messages.push(
      { role: "user", content: sentence(rng, 18), labels: { intent: "search", emotion: "neutral" } },
      { role: "assistant", content: null, tool_calls: [{ id: callId, name: "search_items", arguments: { query: sentence(rng, 3), max_price: rng.int(20, 200) } }] },
      { role: "tool", tool_call_id: callId, name: "search_items", ok: true, content: JSON.stringify({ items }) },
      { role: "assistant", content: sentence(rng, 40), labels: { intent: "recommend", emotion: "friendly" } },
    );
  }
  return { ...dialogueRecord(i), id: `bench-large-${i}`, messages };
}

/** Writes `count` records to `path`; resolves with the file size in bytes. */
export async function writeRecords(path: string, count: number, make = dialogueRecord): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  let batch: string[] = [];
  for (let i = 0; i < count; i++) {
    const line = `${JSON.stringify(make(i))}\n`;
    bytes += Buffer.byteLength(line);
    batch.push(line);
    if (batch.length === 1000) {
      if (!out.write(batch.join(""))) await new Promise<void>((r) => out.once("drain", () => r()));
      batch = [];
    }
  }
  out.write(batch.join(""));
  await new Promise<void>((r) => out.end(r));
  return bytes;
}
