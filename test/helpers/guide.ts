// Reads docs/write-a-pack.md as the test (and a reader) follows it: its fenced blocks in
// order, grouped by step. The grammar is the one the guide's introduction states.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { TranscriptMessage } from "@chatmill/domains";

export type GuideBlock =
  /** A file's whole content; `before` is the paragraph before the block, which says so to a reader. */
  | { kind: "file"; file: string; text: string; before: string }
  /** A JSON value added to a JSON file at a dotted place: appended to a list, set otherwise. */
  | { kind: "add"; file: string; place: string; text: string; before: string }
  /** Calls and their printed results, with the conversation lines around them. */
  | { kind: "calls"; lines: string[] }
  /** Shell commands and what they print. */
  | { kind: "console"; commands: { command: string; output: string }[] };

export interface GuideStep {
  title: string;
  blocks: GuideBlock[];
}

/** The guide's steps (`## ` sections) with their blocks, in order; blocks of other languages are prose. */
export function readGuide(markdown: string): GuideStep[] {
  const steps: GuideStep[] = [];
  for (const section of markdown.split(/^## /m).slice(1)) {
    const title = section.slice(0, section.indexOf("\n"));
    const blocks: GuideBlock[] = [];
    for (const m of section.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)) {
      const [lang, file, place, ...rest] = m[1]!.trim().split(/\s+/);
      const text = m[2]!;
      // The paragraph before the block: what a reader sees (a block's header is not shown by renderers).
      const before = section.slice(0, m.index).trimEnd().split(/\n\s*\n/).pop() ?? "";
      if (rest.length > 0) throw new Error(`block header '${m[1]}' in '${title}': expected LANG FILE [PLACE]`);
      if (lang === "text" && file === "calls") blocks.push({ kind: "calls", lines: text.trimEnd().split("\n") });
      else if (lang === "console") blocks.push({ kind: "console", commands: consoleCommands(text) });
      else if (file !== undefined && place !== undefined) blocks.push({ kind: "add", file, place, text, before });
      else if (file !== undefined) blocks.push({ kind: "file", file, text, before });
    }
    steps.push({ title, blocks });
  }
  return steps;
}

function consoleCommands(text: string): { command: string; output: string }[] {
  const out: { command: string; output: string }[] = [];
  for (const line of text.split("\n")) {
    if (line.startsWith("$ ")) out.push({ command: line.slice(2), output: "" });
    else if (out.length > 0) out[out.length - 1]!.output += `${line}\n`;
    else if (line.trim() !== "") throw new Error(`console block: output before any command: ${line}`);
  }
  for (const c of out) c.output = c.output.replace(/\n+$/, c.output.trim() === "" ? "" : "\n");
  return out;
}

/** Writes a file block, or adds an `add` block's value into its JSON file, under `dir`. */
export function applyBlock(dir: string, block: Extract<GuideBlock, { kind: "file" | "add" }>): void {
  const path = join(dir, block.file);
  mkdirSync(dirname(path), { recursive: true });
  if (block.kind === "file") {
    writeFileSync(path, block.text);
    return;
  }
  const doc = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  const keys = block.place.split(".");
  let at: Record<string, unknown> = doc;
  for (const key of keys.slice(0, -1)) {
    const next = at[key];
    if (next === undefined) at[key] = {};
    else if (typeof next !== "object" || next === null || Array.isArray(next)) throw new Error(`${block.file}: '${block.place}': '${key}' is not an object`);
    at = at[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1]!;
  const value = JSON.parse(block.text) as unknown;
  const current = at[last];
  if (Array.isArray(current)) current.push(value);
  else at[last] = value;
  writeFileSync(path, `${JSON.stringify(doc, null, 2)}\n`);
}

/** One line of a calls block. */
export type CallLine =
  | { kind: "call"; name: string; args: Record<string, unknown>; expected: string; source: string }
  | { kind: "say"; message: TranscriptMessage; source: string };

/** A calls block's lines: `> name {args}` each followed by `< result`; `user [intent]: …` and `assistant: …` between. */
export function callLines(lines: string[]): CallLine[] {
  const out: CallLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const call = /^> (\w+) (\{.*\})$/.exec(line);
    const user = /^user \[(\w+)\]: (.+)$/.exec(line);
    const assistant = /^assistant: (.+)$/.exec(line);
    if (call) {
      const result = lines[i + 1];
      if (result === undefined || !result.startsWith("< ")) throw new Error(`'${line}' is not followed by '< result'`);
      out.push({ kind: "call", name: call[1]!, args: JSON.parse(call[2]!) as Record<string, unknown>, expected: result.slice(2), source: line });
      i++;
    } else if (user) out.push({ kind: "say", message: { role: "user", content: user[2]!, labels: { intent: user[1]! } }, source: line });
    else if (assistant) out.push({ kind: "say", message: { role: "assistant", content: assistant[1]! }, source: line });
    else throw new Error(`a calls block line is neither a call, a result nor a user/assistant message: ${line}`);
  }
  return out;
}
