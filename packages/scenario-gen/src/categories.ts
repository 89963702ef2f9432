import type { Domain } from "@chatmill/domains";
import type { CategoryTask } from "@chatmill/schema";

/**
 * What a scenario category asks the assistant to do, which decides the goal's expected end
 * state: the task the pack declares for it (`categories.<name>.task`), never read from the
 * category's name. A category the pack does not list (an old scenario's) is an info task.
 */
export type CategoryKind = CategoryTask;

export function categoryKind(domain: Domain, category: string): CategoryKind {
  return domain.taskOf(category) ?? "info";
}

/** What a person calls a category: the pack's label, else its task's words ("a change"); never its name. */
export function categoryWords(domain: Domain, category: string): string {
  return domain.labelOf(category);
}
