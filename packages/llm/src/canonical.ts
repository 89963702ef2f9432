import { sha256Hex } from "@chatmill/kit";

/** JSON with object keys sorted and undefined left out, so equal requests are equal text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonical(v))).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** The cache key of a request: what is asked (endpoint, model, parameters, messages, tools), not where. */
export function requestKey(endpoint: string, body: unknown): string {
  return sha256Hex(`chatmill-llm-v1\u0000${endpoint}\u0000${canonical(body)}`);
}
