import { describe, expect, it } from "vitest";
import { inputLine, readInputFile, readResults } from "./lines.js";

const answer = (text: string) => ({ choices: [{ message: { role: "assistant", content: text } }] });
const ok = (id: string, text: string) => JSON.stringify({ id: `x-${id}`, custom_id: id, response: { status_code: 200, body: answer(text) }, error: null });

describe("batch files", () => {
  it("writes {custom_id, method, url, body} lines and reads them back by custom_id", () => {
    const text = [inputLine({ key: "k1", endpoint: "chat", body: { model: "m", messages: [] } }), inputLine({ key: "k2", endpoint: "embeddings", body: { model: "e", input: ["a"] } })].join("\n");
    expect(JSON.parse(text.split("\n")[0]!)).toEqual({ custom_id: "k1", method: "POST", url: "/v1/chat/completions", body: { model: "m", messages: [] } });
    const back = readInputFile(`${text}\nnot json\n`);
    expect([...back.keys()]).toEqual(["k1", "k2"]);
    expect(back.get("k2")!.endpoint).toBe("embeddings");
  });

  it("matches results by custom_id whatever their order, and sorts failures as a direct request's", () => {
    const output = [ok("b", "second"), ok("a", "first")].join("\n");
    const errors = [
      JSON.stringify({ custom_id: "c", response: { status_code: 500, body: { error: { message: "boom" } } }, error: null }),
      JSON.stringify({ custom_id: "d", response: { status_code: 400, body: { error: { message: "bad prompt" } } }, error: null }),
      JSON.stringify({ custom_id: "e", response: null, error: { code: "batch_expired", message: "too late" } }),
      JSON.stringify({ custom_id: "f", response: { status_code: 200, body: { nothing: true } }, error: null }),
      "{broken",
    ].join("\n");
    const r = readResults([output, errors]);
    expect(r.get("a")).toEqual({ answer: answer("first") });
    expect(r.get("b")).toEqual({ answer: answer("second") });
    expect(r.get("c")).toMatchObject({ failure: { kind: "server_error", retryable: true } });
    expect(r.get("d")).toMatchObject({ failure: { kind: "bad_request", retryable: false } });
    expect(r.get("e")).toMatchObject({ failure: { kind: "batch_expired", retryable: true } });
    expect(r.get("f")).toMatchObject({ failure: { kind: "malformed_response", retryable: true } });
    expect(r.size).toBe(6);
  });

  it("keeps an answer over a failure for the same custom_id, in either order", () => {
    const fail = JSON.stringify({ custom_id: "a", response: { status_code: 429, body: {} }, error: null });
    expect(readResults([fail, ok("a", "x")]).get("a")).toEqual({ answer: answer("x") });
    expect(readResults([ok("a", "x"), fail]).get("a")).toEqual({ answer: answer("x") });
  });
});
