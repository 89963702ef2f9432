/**
 * How many leading elements two lists share by identity. The rows of a dialogue repeat
 * the conversation so far as the same message objects, so the serializer and the rule
 * checkers pick up after the part they already handled in an earlier row.
 */
export function sharedPrefix(a: readonly unknown[], b: readonly unknown[]): number {
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k < n && a[k] === b[k]) k++;
  return k;
}
