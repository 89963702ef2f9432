import { describe, expect, it } from "vitest";
import { contextMessages } from "./context-messages.js";
import { MessageMemo } from "./conversation.js";

/** A small deterministic generator (the cases are the same on every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const SPEAKERS = ["User: ", "Assistant: ", "System: ", "Context: ", "Tool search_items: ", "Tool x.y-z: ", ""];

/** A context's lines: speaker lines, lines that continue the message before, empty lines. */
function lines(r: () => number, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const who = SPEAKERS[Math.floor(r() * SPEAKERS.length)]!;
    out.push(r() < 0.1 ? "" : `${who}${["hi", "a\tb", "{\"k\": 1}", "ünï", "User:no space"][Math.floor(r() * 5)]} ${i}`);
  }
  return out;
}

describe("contextMessages with a memo (a dialogue's rows read in one CountScope)", () => {
  it("reads every context as a read without the memo does, and keeps the messages a longer context shares", () => {
    const r = rng(7);
    let reused = 0;
    for (let d = 0; d < 300; d++) {
      const memo = new MessageMemo();
      const all = lines(r, 2 + Math.floor(r() * 14));
      const asText = r() < 0.5;
      const seen: Array<{ got: ReturnType<typeof contextMessages>; copy: string }> = [];
      // The rows: growing prefixes (mostly), the same prefix again, a shorter one, a changed line, the text with a trailing line break.
      for (let row = 0; row < 12; row++) {
        const k = Math.max(1, Math.min(all.length, Math.floor(r() * (all.length + 2))));
        let ls = all.slice(0, k);
        if (r() < 0.15) ls = ls.map((l, i) => (i === ls.length - 1 ? l + " changed" : l));
        // A line that was a speaker's now continues the message before it.
        const at = Math.floor(r() * ls.length);
        if (at > 0 && r() < 0.3) ls = [...ls.slice(0, at), "continued", ...ls.slice(at + 1)];
        const ctx = asText ? ls.join("\n") + (r() < 0.1 ? "\n" : "") : ls;
        const before = memo.context?.messages;
        const got = contextMessages(ctx, memo);
        expect(got).toEqual(contextMessages(ctx));
        if (before && got.length > 1 && got[0] === before[0]) reused++;
        seen.push({ got, copy: JSON.stringify(got) });
      }
      // A message handed out is never changed by a later read (a scope remembers counts by these objects).
      for (const s of seen) expect(JSON.stringify(s.got)).toBe(s.copy);
    }
    expect(reused).toBeGreaterThan(300);
  });

  it("takes over the messages of a context that the next one extends (text and list), and reads only the rest", () => {
    const memo = new MessageMemo();
    const a = contextMessages("User: hi\nAssistant: line one\nline two", memo);
    const b = contextMessages("User: hi\nAssistant: line one\nline two\nline three\nUser: next", memo);
    expect(b[0]).toBe(a[0]);
    // The last message of the shorter context gained a line: read again, a new object.
    expect(b[1]).not.toBe(a[1]);
    expect(b.map((m) => m.content)).toEqual(["hi", "line one\nline two\nline three", "next"]);
    expect(a[1]!.content).toBe("line one\nline two");
    const list = new MessageMemo();
    const c = contextMessages(["User: hi", "Assistant: ok", "User: more"], list);
    const e = contextMessages(["User: hi", "Assistant: ok", "User: more", "Assistant: done"], list);
    expect(e.slice(0, 2)).toEqual(c.slice(0, 2));
    expect(e[0]).toBe(c[0]);
    expect(e[1]).toBe(c[1]);
    // A context that does not start with the last one's lines is read whole.
    const f = contextMessages(["User: other", "Assistant: ok"], list);
    expect(f[0]).not.toBe(c[0]);
    expect(f[1]).not.toBe(c[1]);
  });
});
