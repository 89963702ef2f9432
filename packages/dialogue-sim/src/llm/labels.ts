/** Labels of one user or assistant message (Dialogue `labels`). */
export interface Labels {
  intent: string;
  emotion: string;
  variation?: string;
}

/** The intent of an assistant message that calls a tool, from what the tool does. */
export function callIntent(op: string | undefined): string {
  switch (op) {
    case "search":
    case "list":
    case "static":
      return "search";
    case "filter":
      return "filter";
    case "compare":
      return "compare";
    case "similar":
      return "recommend";
    case "create":
    case "modify":
    case "cancel":
    case "command":
      return "confirm";
    default:
      return "inform";
  }
}

export interface ReplyFacts {
  text: string;
  /** Rows from tool results that the reply names. */
  mentions: number;
  /** A booking was written (or a command run) in this turn. */
  acted: boolean;
  /** A tool failed in this turn and the reply follows it. */
  afterFailure: boolean;
  /** The reply after the user's last message. */
  last: boolean;
  escalated: boolean;
}

/**
 * The labels of an assistant's text reply. The assistant model is not asked to label itself
 * (that would cost a second answer per turn and shape its text); the labels come from what
 * the turn did, which the program knows for certain.
 */
export function replyLabels(f: ReplyFacts, emotion: string): Labels {
  const asks = /\?\s*$/.test(f.text.trim()) || /[?？]\s*\S{0,3}$/.test(f.text.trim());
  const intent = f.last ? (f.escalated ? "escalate" : "farewell") : f.acted ? "confirm" : f.mentions > 0 ? "recommend" : asks ? "clarify" : "inform";
  const labels: Labels = { intent, emotion: f.afterFailure ? "apologetic" : emotion };
  if (f.afterFailure) labels.variation = "failure_recovery";
  return labels;
}
