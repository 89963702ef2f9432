import { createSession, loadDomain, resultRowsOfTool } from "@chatmill/domains";
import { describe, expect, it } from "vitest";
import type { ToolResult } from "../contract.js";
import { retryAct, visibleProblem } from "./visible-result.js";

describe("the assistant reads a result from what it shows, never from how it came about", () => {
  const travel = loadDomain("travel");
  const real = createSession(travel).call({ name: "find_restaurant", arguments: { area: "centre", food: "martian" } });

  it("an injected empty with the same content as a real empty gets the same reaction", () => {
    expect(real.ok).toBe(true);
    const injected: ToolResult = { ...real, injected: "empty" };
    // Where the tool's rows are is the pack's declaration (its op's list), not a guess from the result.
    const at = resultRowsOfTool(travel, "find_restaurant");
    expect(visibleProblem(real, at)).toBe("empty");
    expect(visibleProblem(injected, at)).toBe(visibleProblem(real, at));
    expect(retryAct(injected, at)).toBe(retryAct(real, at));
  });

  it("a list the backend says it cut short is seen as partial; rows are not a problem; a timeout is an error", () => {
    const rows = createSession(travel).call({ name: "find_restaurant", arguments: { area: "centre" } });
    expect(visibleProblem(rows)).toBeUndefined();
    const cut = { ...rows, data: { ...(rows.data as object), warning: "partial results: the backend returned 2 of 5; retry for the rest" } };
    expect(visibleProblem(cut)).toBe("partial");
    expect(retryAct(cut)).toBe("retry_partial");
    const timeout: ToolResult = { ok: false, content: "{}", data: undefined, error: { type: "timeout", message: "did not respond" } };
    expect([visibleProblem(timeout), retryAct(timeout)]).toEqual(["error", "retry_timeout"]);
    // A refusal the backend will repeat (a bad argument) is not retried.
    expect(visibleProblem({ ok: false, content: "{}", data: undefined, error: { type: "not_found", message: "no such" } })).toBeUndefined();
  });
});
