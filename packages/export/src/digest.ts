import { createHash, hash } from "node:crypto";
import type { ToolMessage } from "./types.js";

/**
 * A deterministic digest of the environment's state as the assistant has seen it: a
 * hash chain over the tool results so far (name and content, in order). Two states
 * with the same digest saw the same results.
 *
 * Hook: when a dialogue carries the domain runtime's own state digest (the domains
 * package's Session.digest(), e.g. a bookings table after create_booking), that is the
 * better value; stateDigest is where it will be read from the dialogue instead.
 */
export class StateDigest {
  private value = "sha256:" + createHash("sha256").update("chatmill-state-v1").digest("hex").slice(0, 16);

  get current(): string {
    return this.value;
  }

  /** Folds one tool result into the digest and returns the new value. */
  add(result: ToolMessage): string {
    // One-shot hash of the same bytes as update(value), update("\0"), update(name), update("\0"), update(content).
    this.value = "sha256:" + hash("sha256", `${this.value}\u0000${result.name}\u0000${result.content}`, "hex").slice(0, 16);
    return this.value;
  }
}
