import { expect } from "vitest";
import type { ToolSession } from "./session.js";

/**
 * Runs a README call block on one session: `> tool {args}` lines, each followed by `< result`,
 * the result the tool must return exactly (a test helper for the pack reference's blocks).
 */
export function expectCallsReturn(session: ToolSession, lines: readonly string[]): void {
  expect(lines.length % 2, "calls and results come in pairs").toBe(0);
  for (let j = 0; j < lines.length; j += 2) {
    const call = /^> (\w+) (\{.*\})$/.exec(lines[j]!);
    expect(call, lines[j]).not.toBeNull();
    expect(lines[j + 1]!.startsWith("< "), lines[j + 1]).toBe(true);
    const r = session.call({ name: call![1]!, arguments: JSON.parse(call![2]!) as Record<string, unknown> });
    expect(r.content, lines[j]).toBe(lines[j + 1]!.slice(2));
  }
}
