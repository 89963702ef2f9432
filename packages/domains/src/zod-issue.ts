import type { z } from "zod";

type Issue = z.core.$ZodIssue;

/**
 * The issue a pack author needs from a zod error. A union of strict objects told apart by
 * their one key (a rule's expression `{"sub": …}`, an effect `{"update": …}`) fails as a
 * whole with one issue list per branch; this follows the branch whose keys the value has,
 * so a typo deep inside is reported at its own path, and a value that fits no branch is
 * reported as an unknown key with the keys that would do.
 */
export function explainIssue(issue: Issue): { path: PropertyKey[]; message: string } {
  if (issue.code !== "invalid_union" || !("errors" in issue) || issue.errors.length === 0) return { path: issue.path, message: issue.message };
  const unknownAtTop = (branch: readonly Issue[]): boolean => branch.some((i) => i.code === "unrecognized_keys" && i.path.length === 0);
  const fits = issue.errors.filter((b) => b.length > 0 && !unknownAtTop(b));
  if (fits.length === 1) {
    const inner = explainIssue(fits[0]![0]!);
    return { path: [...issue.path, ...inner.path], message: inner.message };
  }
  if (fits.length === 0) {
    const unknown = [...new Set(issue.errors.flatMap((b) => b.flatMap((i) => (i.code === "unrecognized_keys" && i.path.length === 0 ? i.keys : []))))];
    // What each branch wanted first: its own key, missing.
    const wanted = [...new Set(issue.errors.flatMap((b) => b.filter((i) => i.code !== "unrecognized_keys" && i.path.length === 1).slice(0, 1).map((i) => String(i.path[0]))))];
    if (unknown.length > 0 && wanted.length > 0) {
      return { path: issue.path, message: `unknown ${unknown.map((k) => `'${k}'`).join(", ")}: expected one of ${wanted.map((k) => `{"${k}": …}`).join(", ")}` };
    }
  }
  return { path: issue.path, message: issue.message };
}
