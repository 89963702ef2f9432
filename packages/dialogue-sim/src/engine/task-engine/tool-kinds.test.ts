import { mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDomain, loadPackFile, renamePack } from "@chatmill/domains";
import { describe, expect, it } from "vitest";
import { calculatorOf, foundNothing, neededValues } from "./tool-kinds.js";

/** tau-retail with its tools renamed and every tool description blanked: nothing a name or a word could give away. */
function opaqueTauRetail() {
  const original = loadDomain("tau-retail");
  const tools = Object.fromEntries(original.pack.tools.map((t, i) => [t.function.name, `tool${i}`]));
  const pack = renamePack(original.pack, { tools });
  for (const t of pack.tools) t.function.description = "A tool.";
  const dir = mkdtempSync(join(tmpdir(), "chatmill-opaque-tau-"));
  for (const f of readdirSync(original.dir)) if (f !== "pack.json") symlinkSync(join(original.dir, f), join(dir, f));
  writeFileSync(join(dir, "pack.json"), JSON.stringify(pack));
  return { domain: loadPackFile(join(dir, "pack.json")), tools };
}

describe("what the task engine reads of a pack's tools: declarations, never names", () => {
  it("the calculator is the think tool whose run computes from one string argument, whatever it is called or says it does", () => {
    expect(calculatorOf(loadDomain("tau-retail"))).toEqual({ name: "calculate", param: "expression" });
    const { domain, tools } = opaqueTauRetail();
    // tau's `think` (also role think, one string argument) returns a fixed result: it is not the calculator.
    expect(calculatorOf(domain)).toEqual({ name: tools.calculate, param: "expression" });
    expect(calculatorOf(loadDomain("retail"))).toBeUndefined();
  });

  it("the values an action needs seen: not what the tool's schema offers (enums, booleans)", () => {
    const domain = loadDomain("tau-retail");
    const action = { name: "cancel_pending_order", arguments: { order_id: "#W1", reason: "no longer needed" } };
    // `reason` is an enum of the tool's: the assistant may choose it without having seen it.
    expect(neededValues(domain, action)).toEqual(["#W1"]);
  });

  it("found nothing: an error or an empty list; a row found is something", () => {
    expect(foundNothing({ ok: false, content: "Error: user not found" } as never)).toBe(true);
    expect(foundNothing({ ok: true, content: "[]", data: [] } as never)).toBe(true);
    expect(foundNothing({ ok: true, content: "{}", data: { results: [] } } as never)).toBe(true);
    expect(foundNothing({ ok: true, content: "\"u1\"", data: "u1" } as never)).toBe(false);
  });
});
