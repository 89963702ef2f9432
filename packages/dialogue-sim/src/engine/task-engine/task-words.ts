import type { TaskAction } from "@chatmill/schema";
import type { Domain } from "../../contract.js";
import { describeValue } from "./describe.js";

/**
 * What the task engine's user and assistant say, worded from the task and the pack: the user's
 * request (each value as the user knows it), the known info it gives, tau's second-person
 * instructions turned into the first person, and the assistant's read-back before a write.
 */

/** An id the user could not know, even when the data does not hold it: long digit runs, "#W…", "credit_card_123". */
export function looksLikeId(s: string): boolean {
  return /\d{6,}/.test(s) || s.startsWith("#") || /^[a-z]+(?:_[a-z0-9]+)*_\d+$/i.test(s);
}

export function words(name: string): string {
  return name.replaceAll("_", " ");
}

/** An action's arguments read back before it is made ("order id #W1, reason no longer needed"). */
export function argsText(args: Record<string, unknown>): string {
  return Object.entries(args)
    .map(([k, v]) => `${words(k)} ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(", ");
}

/** Known info given on request ("my first name is Ethan, my zip is 80280"). */
export function sayKnown(give: Record<string, string | number | boolean>): string {
  return `Sure: ${Object.entries(give)
    .map(([k, v]) => `my ${words(k)} is ${String(v)}`)
    .join(", ")}.`;
}

/**
 * What the user wants done, one clause per action, each value said as the user knows it: what
 * its own instructions (`text`) or known info name, as it is; a thing the data keys by an id
 * (an item, a payment method) by what it is; a value of its own choosing that is no id in the
 * data (a new address, a date of birth) as it is. An id it could not know is left out.
 */
export function requestText(domain: Domain, known: Record<string, unknown>, text: string, actions: TaskAction[]): string {
  const knows = new Set(Object.values(known).map(String));
  const lower = text.toLowerCase();
  const say = (v: unknown): string | undefined => {
    if (v === null || v === undefined || v === "") return undefined;
    if (Array.isArray(v)) {
      const parts = v.map(say).filter((s): s is string => s !== undefined);
      return parts.length > 0 ? parts.join(" and ") : undefined;
    }
    if (typeof v === "object") {
      const parts = Object.entries(v).map(([k, x]) => [k, say(x)] as const).filter(([, s]) => s !== undefined);
      return parts.length > 0 ? parts.map(([k, s]) => `${words(k)} ${s}`).join(", ") : undefined;
    }
    const s = String(v);
    if (knows.has(s) || lower.includes(s.toLowerCase())) return s;
    const described = describeValue(domain, v);
    if (described !== undefined) return described;
    return typeof v === "string" && v.trim() !== "" && !looksLikeId(v) ? s : undefined;
  };
  const clauses = actions.map((a) => {
    const parts = Object.entries(a.arguments)
      .map(([k, v]) => [k, say(v)] as const)
      .filter(([, s]) => s !== undefined)
      .map(([k, s]) => `${words(k)}: ${s}`);
    return `${words(a.name)}${parts.length > 0 ? ` (${parts.join("; ")})` : ""}`;
  });
  return `To be precise, I'd like you to ${clauses.join(", then ")}.`;
}

/** tau's instructions speak to the user ("You want to…"); the user says them in the first person. */
export function firstPerson(text: string): string {
  const swapped = text
    .replace(/\byou are\b/gi, "I am")
    .replace(/\byou're\b/gi, "I'm")
    .replace(/\byou've\b/gi, "I've")
    .replace(/\byou'd\b/gi, "I'd")
    .replace(/\byou'll\b/gi, "I'll")
    .replace(/\byourself\b/gi, "myself")
    .replace(/\byours\b/gi, "mine")
    .replace(/\byour\b/gi, "my")
    // "asks you to", "for you": an object; elsewhere "you" is the subject.
    .replace(/\b(asks?|asked|tells?|told|gives?|offers?|offered|helps?|lets?|sends?|to|for|with|at|from|by)\s+you\b/gi, "$1 me")
    .replace(/\byou\b/gi, "I")
    .replace(/\s+/g, " ")
    .trim();
  return swapped.charAt(0).toUpperCase() + swapped.slice(1);
}
