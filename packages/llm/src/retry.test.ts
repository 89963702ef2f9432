import { describe, expect, it } from "vitest";
import { HttpStatusError, RequestTimeout } from "./http.js";
import { backoffMs, classify, parseRetryAfter } from "./retry.js";

describe("parseRetryAfter", () => {
  it("reads retry-after-ms, seconds and HTTP dates", () => {
    expect(parseRetryAfter(new Headers({ "retry-after-ms": "250", "retry-after": "9" }))).toBe(250);
    expect(parseRetryAfter(new Headers({ "retry-after": "2" }))).toBe(2000);
    expect(parseRetryAfter(new Headers({ "retry-after": "0.5" }))).toBe(500);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter(new Headers({ "retry-after": "Thu, 01 Jan 2026 00:00:03 GMT" }), now)).toBe(3000);
    expect(parseRetryAfter(new Headers({ "retry-after": "whenever" }))).toBeUndefined();
    expect(parseRetryAfter(new Headers())).toBeUndefined();
  });
});

describe("backoffMs", () => {
  it("grows exponentially with jitter, within the cap; waits what Retry-After asks, plus up to 10%", () => {
    expect(backoffMs(0, 100, 10_000, undefined, () => 0)).toBe(50);
    expect(backoffMs(0, 100, 10_000, undefined, () => 0.999)).toBeCloseTo(149.9);
    expect(backoffMs(3, 100, 10_000, undefined, () => 0.5)).toBe(800);
    expect(backoffMs(20, 100, 1000, undefined, () => 0.99)).toBe(1000);
    expect(backoffMs(0, 100, 1000, 5000, () => 0.5)).toBe(5250);
    expect(backoffMs(6, 100, 1000, 200, () => 0)).toBe(200);
  });
});

describe("classify", () => {
  const apiError = (status: number, headers: Record<string, string> = {}) => new HttpStatusError(status, `boom ${status}`, headers);

  it("retries 429 and 503 as pushback, honouring Retry-After", () => {
    const f = classify(apiError(429, { "retry-after": "3" }));
    expect(f).toMatchObject({ kind: "rate_limited", retryable: true, pushback: true, retryAfterMs: 3000, status: 429 });
    expect(classify(apiError(503))).toMatchObject({ kind: "server_overloaded", pushback: true, retryable: true });
  });

  it("retries other 5xx without pushback; does not retry 4xx", () => {
    expect(classify(apiError(500))).toMatchObject({ kind: "server_error", retryable: true, pushback: false });
    expect(classify(apiError(401))).toMatchObject({ kind: "auth", retryable: false });
    expect(classify(apiError(404))).toMatchObject({ kind: "not_found", retryable: false });
    expect(classify(apiError(400))).toMatchObject({ kind: "bad_request", retryable: false, message: "400 boom 400" });
  });

  it("retries timeouts (as pushback), connection errors and broken JSON", () => {
    expect(classify(new RequestTimeout("no complete answer within 500 ms"))).toMatchObject({ kind: "timeout", pushback: true, retryable: true });
    expect(classify(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }))).toMatchObject({ kind: "connection", retryable: true, unreachable: false });
    expect(classify(new SyntaxError("Unexpected end of JSON input"))).toMatchObject({ kind: "malformed_response", retryable: true });
  });

  it("tells a server that cannot be reached at all from a dropped connection", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });
    expect(classify(refused)).toMatchObject({ kind: "connection", retryable: true, unreachable: true, message: "connect ECONNREFUSED 127.0.0.1:9" });
    expect(classify(Object.assign(new Error("getaddrinfo ENOTFOUND nope.invalid"), { code: "ENOTFOUND" })).unreachable).toBe(true);
    expect(classify(new RequestTimeout("no connection within 500 ms", true))).toMatchObject({ kind: "timeout", unreachable: true, message: "no connection within 500 ms" });
    expect(classify(new RequestTimeout("no complete answer within 500 ms"))).toMatchObject({ kind: "timeout", unreachable: false });
  });
});
