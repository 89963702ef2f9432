import { isObj, parsedJson, type Obj } from "./conversation.js";

// The rows of a dialogue share their tool list (one object, or one JSON text), and a dataset offers
// a handful of tool lists: each is converted once per content, so equal lists give the same
// converted object (what the counters remember a header's tokens by, see TokenCounter).
const toolsOfList = new WeakMap<object, Obj[] | undefined>();
/** Converted lists by the JSON text a row holds them as. */
const toolsOfText = new Map<string, Obj[] | undefined>();
/** Converted lists by JSON.stringify of the list a row holds. */
const toolsOfJson = new Map<string, Obj[] | undefined>();
/** Characters of the keys of both maps; past TOOLS_TEXT_CHARS they start over (a dataset whose lists all differ). */
let toolsTextChars = 0;
const TOOLS_TEXT_CHARS = 16 * 1024 * 1024;

function toolsByText(map: Map<string, Obj[] | undefined>, text: string, convert: () => Obj[] | undefined): Obj[] | undefined {
  if (map.has(text)) return map.get(text);
  const list = convert();
  if (toolsTextChars + text.length > TOOLS_TEXT_CHARS) forgetToolLists();
  map.set(text, list);
  toolsTextChars += text.length;
  return list;
}

/**
 * A tool list as a JSON schema list, from a list or its JSON text; each entry `{type: "function", function}`.
 * Lists with the same JSON text give the same object (rows are JSON values: JSON.stringify tells their lists apart).
 */
export function chatTools(v: unknown): Obj[] | undefined {
  if (Array.isArray(v)) {
    let list = toolsOfList.get(v);
    if (list === undefined && !toolsOfList.has(v)) {
      // A list equal to one of the last few seen (each dialogue parses its own copy of the same list) is found without its JSON text.
      const seen = v.length === 0 ? undefined : recentLists.find((r) => sameJson(r.source, v));
      list = v.length === 0 ? undefined : seen ? seen.list : toolsByText(toolsOfJson, JSON.stringify(v), () => toolList(v));
      if (v.length > 0 && !seen && recentLists.unshift({ source: v, list }) > RECENT_LISTS) recentLists.pop();
      toolsOfList.set(v, list);
    }
    return list;
  }
  if (typeof v === "string") return toolsByText(toolsOfText, v, () => toolList(parsedJson(v)));
  return undefined;
}

/** The last lists converted from a list (not a text), newest first, and what each gave. */
const recentLists: Array<{ source: unknown[]; list: Obj[] | undefined }> = [];
const RECENT_LISTS = 8;

/**
 * JSON.stringify(a) === JSON.stringify(b) for plain JSON values, found without the texts: the
 * same keys in the same order and the same values (===). Anything else (another prototype, a
 * key JSON would leave out in one of them only) counts as different, which only costs the text.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i] || !sameJson((a as Obj)[ka[i]!], (b as Obj)[ka[i]!])) return false;
  return true;
}

/** Forgets the tool lists converted so far (TokenCounter.clearCache: benchmarks start each run cold). */
export function forgetToolLists(): void {
  recentLists.length = 0;
  toolsOfText.clear();
  toolsOfJson.clear();
  toolsTextChars = 0;
}

function toolList(list: unknown): Obj[] | undefined {
  if (!Array.isArray(list) || list.length === 0) return undefined;
  return list.filter(isObj).map((t) => {
    const f = isObj(t.function) ? t.function : t;
    const fn: Obj = { ...f };
    if (typeof fn.parameters === "string") fn.parameters = parsedJson(fn.parameters);
    return { type: "function", function: fn };
  });
}

