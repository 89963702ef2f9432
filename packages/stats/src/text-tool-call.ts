/**
 * Seed 004's format errors are tool calls written as text instead of made: a JSON object
 * with an "action" or "tool" key (or "name" with "arguments"/"parameters"), the same as a
 * Python dict ('single quotes', True/None), or Hermes <tool_call> tags left in the text of
 * a dialogue whose calls are structured. A reply that holds one is a call the runtime
 * never saw, so tool-format accuracy counts it as a call with a problem.
 */
const TAGGED = /<tool_call>/;
const CALL_KEYS = /["'](?:action|tool)["']\s*:|["']name["']\s*:[^{}]*["'](?:arguments|parameters)["']\s*:/;

/** The problem of an assistant reply that writes a tool call as text, or undefined. */
export function textToolCall(content: string): "call_written_as_text" | undefined {
  if (TAGGED.test(content)) return "call_written_as_text";
  for (const span of braceSpans(content)) {
    if (!CALL_KEYS.test(span)) continue;
    if (parsesAsObject(span) || parsesAsObject(pythonToJson(span))) return "call_written_as_text";
  }
  return undefined;
}

/** Top-level {…} spans of a text (balanced braces; quotes are not tracked, which is enough to find candidates). */
function* braceSpans(text: string): Generator<string> {
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123) {
      if (depth++ === 0) start = i;
    } else if (c === 125 && depth > 0 && --depth === 0) yield text.slice(start, i + 1);
  }
}

function parsesAsObject(text: string): boolean {
  try {
    const v = JSON.parse(text) as unknown;
    return v !== null && typeof v === "object" && !Array.isArray(v);
  } catch {
    return false;
  }
}

/** A Python dict literal as JSON text, for the common cases ('strings', True/False/None). */
function pythonToJson(text: string): string {
  return text
    .replace(/'((?:[^'\\]|\\.)*)'/g, (_, s: string) => JSON.stringify(s.replace(/\\'/g, "'")))
    .replace(/\bTrue\b/g, "true")
    .replace(/\bFalse\b/g, "false")
    .replace(/\bNone\b/g, "null");
}
