import { readFileSync } from "node:fs";

/** One Schema-Guided Dialogue file: `[{dialogue_id, turns: [{speaker: "USER"|"SYSTEM", utterance}]}]`. */
interface SgdDialogue {
  turns: Array<{ speaker: string; utterance: string }>;
}

/** The utterances of SGD files per role, in file order (SYSTEM is the assistant). */
export function sgdUtterances(files: readonly string[]): { user: string[]; assistant: string[] } {
  const user: string[] = [];
  const assistant: string[] = [];
  for (const file of files) {
    const dialogues = JSON.parse(readFileSync(file, "utf8")) as SgdDialogue[];
    for (const d of dialogues) for (const t of d.turns) (t.speaker === "USER" ? user : assistant).push(t.utterance);
  }
  return { user, assistant };
}
