import type { AssistantAct, UserAct, Wording } from "@chatmill/schema";
import { ASSISTANT } from "./assistant-banks.js";
import type { Lang } from "./describe.js";
import { ASSISTANT_STYLE, USER_STYLE, type Style } from "./style-banks.js";
import { USER } from "./user-banks.js";
import { USER_LOCAL } from "./user-local-banks.js";
import { MORE_HEDGES, MORE_USER_STYLE, USER_VARIETY } from "./user-variety-banks.js";
import { MORE_ASSISTANT, MORE_MIDWAY, MORE_OPENING, MORE_STYLE, MORE_USER } from "./variety-banks.js";
import { EXTRAS, VOICE_ASSISTANT } from "./voice-banks.js";

/**
 * The lines one dialogue draws from: the engine's neutral defaults merged with the pack's
 * `wording`. The decision: a pack's lines are ADDED to the neutral ones of the same act (its
 * voice mixes with the engine's, so a small section does not make every turn sound the same),
 * except for the acts the pack lists in `wording.replace`, where its lines are all there is.
 * Lines for the persona's style (`wording.<lang>.styles.<style>`, by the persona's own style
 * name or the built-in one it maps to) are added on top.
 */
export class PackWording {
  private readonly memo = new Map<string, readonly string[]>();
  private readonly replace: ReadonlySet<string>;

  constructor(
    private readonly wording: Wording | undefined,
    private readonly lang: Lang,
    private readonly style: Style,
    /** The persona's own style name ("bargain_hunter"), which a pack's styles may name. */
    private readonly personaStyle: string,
  ) {
    this.replace = new Set(wording?.replace ?? []);
  }

  /** The assistant's gender for its first-person forms: the pack's, else masculine. */
  get assistantGender(): "m" | "f" {
    return this.wording?.assistant_gender ?? "m";
  }

  assistant(act: AssistantAct): readonly string[] {
    return this.lines("assistant", act, () => {
      if (act === "ack" || act === "intro" || act === "offer") {
        const st = ASSISTANT_STYLE[this.lang][this.style];
        const more = MORE_STYLE[this.lang][this.style] ?? {};
        return act === "ack" ? [...st.acks, ...(more.acks ?? [])] : act === "intro" ? [...st.intros, ...(more.intros ?? [])] : [...st.offers, ...(more.offers ?? [])];
      }
      const first = act in VOICE_ASSISTANT[this.lang] ? VOICE_ASSISTANT[this.lang][act as keyof (typeof VOICE_ASSISTANT)["en"]] : ASSISTANT[this.lang][act as keyof (typeof ASSISTANT)["en"]];
      return [...first, ...(MORE_ASSISTANT[this.lang][act] ?? [])];
    });
  }

  user(act: UserAct): readonly string[] {
    return this.lines("user", act, () => [...(act === "extra" ? EXTRAS[this.lang] : USER[this.lang][act]), ...(MORE_USER[this.lang][act] ?? []), ...(USER_VARIETY[this.lang][act] ?? []), ...(USER_LOCAL[this.lang][act] ?? [])]);
  }

  /** How a constraint on `field` is said in this language, from the pack (a template with {value}), if it says; `no`: its "no" form. */
  value(field: string, no = false): string | undefined {
    const spec = this.wording?.values?.[field];
    return no ? spec?.no?.[this.lang] : spec?.[this.lang];
  }

  /** Whether the pack gives lines of its own for the act (in this language, any style). */
  hasOwn(side: "assistant" | "user", act: string): boolean {
    return this.own(side, act).length > 0;
  }

  /** The pack's own lines for the act (in this language, any style), without the neutral ones. */
  ownLines(side: "assistant" | "user", act: string): readonly string[] {
    return this.own(side, act);
  }

  private own(side: "assistant" | "user", act: string): string[] {
    const lw = this.wording?.[this.lang];
    if (!lw) return [];
    const styles = lw.styles ?? {};
    const byStyle = [styles[this.personaStyle], this.personaStyle === this.style ? undefined : styles[this.style]];
    return [
      ...(((lw[side] as Record<string, string[] | undefined> | undefined)?.[act]) ?? []),
      ...byStyle.flatMap((s) => ((s?.[side] as Record<string, string[] | undefined> | undefined)?.[act]) ?? []),
    ];
  }

  private lines(side: "assistant" | "user", act: string, neutral: () => readonly string[]): readonly string[] {
    const key = `${side}.${act}`;
    let out = this.memo.get(key);
    if (!out) {
      const own = this.own(side, act);
      out = own.length > 0 && this.replace.has(key) ? own : [...neutral(), ...own];
      this.memo.set(key, out);
    }
    return out;
  }
}

/** "m", "f" or "n" from a persona's gender as written ("female", "F", "woman", "non_binary"). */
export function genderOf(gender: string | undefined): "m" | "f" | "n" {
  const g = (gender ?? "").trim().toLowerCase();
  if (/^(f|female|woman|girl|feminine)$/.test(g)) return "f";
  if (/^(m|male|man|boy|masculine)$/.test(g)) return "m";
  return "n";
}

/**
 * Every line of the engine's neutral defaults, both sides, every language and style (for the
 * realism bench: a phrase the defaults say is nobody's own, so finding it in a pack's
 * dialogues is no leak).
 */
export async function neutralLines(): Promise<string[]> {
  const [{ OPENING, MIDWAY }, { FILLERS, FRUSTRATED }, { GOODBYE }, { RETRY_PARTS }] = await Promise.all([import("./small-talk.js"), import("./voice-banks.js"), import("./goodbye-banks.js"), import("./retry-parts.js")]);
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "string") out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  [ASSISTANT, USER, ASSISTANT_STYLE, USER_STYLE, VOICE_ASSISTANT, EXTRAS, OPENING, MIDWAY, FILLERS, FRUSTRATED, MORE_ASSISTANT, MORE_STYLE, MORE_USER, MORE_OPENING, MORE_MIDWAY, USER_VARIETY, USER_LOCAL, MORE_USER_STYLE, MORE_HEDGES, GOODBYE, RETRY_PARTS].forEach(walk);
  return out;
}
