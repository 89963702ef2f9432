import type { Scenario, TaskInstructions } from "@chatmill/schema";
import type { Call, Domain } from "../contract.js";
import { withArticle } from "../phrases/grammar.js";

/** What the user simulator needs to know that the assistant must not: the goal, as words and data. */
export interface HiddenGoal {
  scenario: Scenario;
  domain: Domain;
  /** Bookings that exist before the conversation: the user knows their references. */
  bookings: Array<{ call: Call; ref: string }>;
}

const LANGUAGE: Record<string, string> = {
  en: "Write in English.",
  hi: "Write in Hindi, in Devanagari script, the way people type it in a chat app (English brand names and numbers may stay in Latin script).",
  mixed: "Write in Hinglish: Hindi and English mixed in Latin script, the way people in India chat (e.g. \"mujhe ek hotel chahiye near the station, budget 3000 tak\").",
};

const STYLE: Record<string, string> = {
  casual: "relaxed and friendly, short sentences, the odd emoji or 'lol' is fine",
  senior_engineer: "precise and technical, gets to the point, uses exact names and numbers",
  stressed: "rushed and anxious, short messages, wants it fixed now, may repeat themselves",
  learner: "curious and unsure, asks what things mean, thanks the assistant for explanations",
  executive: "brisk and busy, expects the assistant to handle details, one-line messages",
};

const ENDING: Record<string, string> = {
  resolved: "You get what you came for: once the assistant has actually done it (found it, booked it, changed or cancelled it), thank them and end.",
  failed: "You do not get what you came for: if the assistant cannot find or do it after a real attempt, or keeps failing, give up politely or in frustration and end with status give_up.",
  escalated: "At some point, after the assistant has tried, you ask for a human agent; once they hand you over, end with status escalate.",
};

/**
 * How a user with a task ends: by what happened in the conversation, never by an ending drawn
 * in advance (the outcome is judged from the transcript, so a scripted ending would lie).
 */
export const TASK_ENDING = [
  "- Once the assistant has actually done what you came for (and told you what you needed to hear), thank them once and end with status goal_met.",
  "- If the assistant shows you it cannot be done (nothing matches, out of stock, no such booking), give up and end with status give_up.",
  "- If the assistant says its policy does not let it do this, or only a person can, ask for a human and end with status escalate.",
];

/**
 * The user's side of a scenario's task, as a tau-bench user simulator gets it: why it came,
 * what it knows (given only when asked), what it does not know, how it decides. Only the
 * instructions: the evaluation (gold actions, facts to say) would let the user steer the
 * assistant to the answer, so it is never shown.
 */
export function taskSection(t: TaskInstructions): string[] {
  const known = Object.entries(t.known ?? {}).map(([k, v]) => `- ${k.replace(/_/g, " ")}: ${String(v)}`);
  const unknown = (t.unknown ?? []).map((u) => `- ${u}`);
  const decisions = (t.decisions ?? []).map((d) => `- ${d}`);
  return [
    "# Your task (secret: the assistant only learns it from what you say)",
    `Why you are contacting the assistant: ${t.reason}`,
    "Say why you are contacting in your first message or your second, in your own words.",
    ...(known.length ? ["What you know: give each only when the assistant asks for it, exactly as written here:", ...known] : []),
    ...(unknown.length ? ["What you do not know: if asked, say you do not know; never make it up:", ...unknown] : []),
    ...(decisions.length ? ["How you decide when it comes to it:", ...decisions] : []),
  ];
}

/** The user simulator's system prompt: persona, hidden goal (and the task's instructions, when it has a task), how to behave, how to end. */
export function userSystemPrompt(h: HiddenGoal): string {
  const { scenario: s } = h;
  const p = s.persona;
  const instructions = s.task?.instructions;
  const who = [
    p.name && `Your name is ${p.name}.`,
    p.age !== undefined && `You are ${p.age}.`,
    p.occupation && `You work as ${withArticle(p.occupation)}.`,
    p.location && `You live in ${p.location.city}${p.location.country ? `, ${p.location.country}` : ""}.`,
    p.traits?.length && `You are ${p.traits.join(", ")}.`,
    p.description,
  ].filter(Boolean);
  const style = STYLE[p.style] ?? p.style.replace(/_/g, " ");
  const language = LANGUAGE[p.language] ?? `Write in the language with code '${p.language}'.`;
  const bookings = h.bookings.map((b) => `- You already have a booking, reference ${b.ref}: ${JSON.stringify(b.call.arguments)}`);
  const constraints = s.goal.constraints.map((c) => `- ${c.field} ${c.op} ${JSON.stringify(c.value)}${c.service ? ` (${c.service})` : ""}`);
  return [
    `You are role-playing a customer who is chatting with ${h.domain.pack.description ? `an assistant: ${h.domain.pack.description}` : "a customer-service assistant"}`,
    `You are the customer, never the assistant. Never say you are an AI or a simulation.`,
    "",
    "# Who you are",
    ...who,
    `How you write: ${style}; formality ${p.formality ?? "neutral"}, ${p.verbosity ?? "moderate"} length.`,
    language,
    `Right now you feel ${s.emotions.user}. It is ${s.time.at.replace("T", " ")} (${s.time.slot}) and you are in ${s.region}.`,
    s.narrative ? `Your situation: ${s.narrative}` : "",
    "",
    "# Your goal (secret: the assistant only learns it from what you say)",
    s.goal.text,
    ...(constraints.length ? ["What must hold for you to be satisfied:", ...constraints] : []),
    ...bookings,
    ...(instructions ? ["", ...taskSection(instructions)] : []),
    "",
    "# How to behave",
    "- Open with what you want in your own words, but do not give every detail at once: reveal your requirements over a few messages, as real people do.",
    "- React to what the assistant shows you: pick from the options it offers, ask about one, or say why none fits.",
    "- Now and then be human: hesitate, correct yourself (\"sorry, I meant…\"), change your mind once, ask what something means, or make a little small talk.",
    `- Only use names, prices and references the assistant gave you or that are in your goal${instructions ? " or in what you know" : ""}; never invent them.`,
    ...(h.domain.pack.policy?.confirm
      ? [`- When the assistant asks you to confirm an action, read what it says it will do: say yes (intent ${h.domain.pack.policy.confirm.consent_intent ?? "confirm"}) only if that is what you want, otherwise say no and what is wrong.`]
      : []),
    // A task is judged from the transcript, so its user ends by what happened, with or without instructions.
    ...(s.task ? TASK_ENDING : [`- ${ENDING[s.resolution] ?? ENDING.resolved}`]),
    `- Keep the whole conversation within about ${s.turns.max} messages from you.`,
    "",
    "# Your answer",
    "JSON with: message (what you type next, no quotes around it, no role name), status (continue while the conversation should go on; goal_met when you are satisfied and saying goodbye; give_up when you stop without getting it; escalate when you ask for a human), intent (what your message does), emotion (how you feel now), variation (none, or the human behaviour this message shows).",
  ]
    .filter((l) => l !== "")
    .join("\n");
}

/** The assistant's system prompt: the pack's own and its policy text, what every assistant in chatmill data does, and the pack's policy rules. */
export function assistantSystemPrompt(domain: Domain): string {
  const own = domain.systemPrompt ?? `You are a helpful assistant for ${domain.name}.`;
  return [
    own,
    "Use the tools to look things up and to act; base every name, price, time, id and reference you give on a tool result from this conversation.",
    "When a tool fails, say so briefly and retry, try another tool, or ask the user; do not over-apologise.",
    "Reply in the language and tone the user writes in, and offer a useful next step.",
    ...policyRules(domain),
  ].join("\n");
}

const list = (names: readonly string[]): string => names.map((n) => `\`${n}\``).join(", ");

/** The pack's policy as rules, so the model knows them before a refusal teaches it (an identity rule declared `enforced: false` has no refusal: the prompt is all the model learns it from). */
export function policyRules(domain: Domain): string[] {
  const policy = domain.pack.policy;
  const out: string[] = [];
  if (policy?.identity) {
    out.push(`Before using ${list(policy.identity.scoped.map((s) => s.tool))}, identify the user with ${list(policy.identity.tools)}; act only on that user's own records.`);
  }
  if (policy?.confirm) {
    out.push(`Before a call of ${list(policy.confirm.tools)} that changes anything, tell the user exactly what you will do and ask; make the call only after they say yes in their next message. One yes covers one change.`);
  }
  const handoff = domain.handoffTool;
  if (handoff) out.push(`Hand the conversation to a person only with \`${handoff}\`: ${policy?.handoff?.when ?? "only when the user asks for a person"}.`);
  return out;
}

/** The note added to the user simulator's prompt when it tried to end before the work was done. */
export function notDoneNote(missing: string): string {
  return `(Note for you only: you tried to end the conversation, but ${missing}. Do not end yet: reply to the assistant's last message and keep pursuing your goal, with status continue.)`;
}

/** The note for the user's last allowed message. */
export const LAST_TURN_NOTE = "(Note for you only: this must be your last message. Wrap up in one message: thank them, or give up, or ask for a human, and set the status accordingly.)";

/** The note asking the user simulator to open the conversation. */
export const OPEN_NOTE = "(The chat window is open. Write your first message to the assistant.)";
