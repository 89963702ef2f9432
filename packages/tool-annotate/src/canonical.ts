import { canonicalJson as canonical } from "@chatmill/domains";

/** JSON with sorted object keys (the domain's one canonical JSON), so two calls compare equal whatever their key order. */
export { canonical };

export function sameCall(a: { name: string; arguments: unknown }, b: { name: string; arguments: unknown }): boolean {
  return a.name === b.name && canonical(a.arguments) === canonical(b.arguments);
}

/** Two tool results are the same when their text is, or their JSON is whatever the key order. */
export function sameResultText(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return canonical(JSON.parse(a)) === canonical(JSON.parse(b));
  } catch {
    return false;
  }
}
