/** JSON with sorted object keys, so two calls compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

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
