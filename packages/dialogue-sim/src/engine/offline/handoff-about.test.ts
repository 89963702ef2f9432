import { loadDomain } from "@chatmill/domains";
import { describe, expect, it } from "vitest";
import type { Dialog } from "./context.js";
import { namesTopic, offerAbout } from "./handoff-about.js";

// A hand-off names what the user's reserved request is about — a host, a product, a service — but
// not a topic the pack's information service explains from its notes ("journalctl -u"): a command
// or a practice has no "problems" a colleague takes care of (session 24's reader).

const ops = { domain: loadDomain("ops") } as unknown as Dialog;
const retail = { domain: loadDomain("retail") } as unknown as Dialog;
const reason = "escalate a problem with journalctl -u";

describe("what a hand-off may name", () => {
  it("a topic the pack explains (a row of an information service's table) is not named, nor the request said back", () => {
    expect(namesTopic(ops, "journalctl -u")).toBe(true);
    expect(namesTopic(ops, "Keeping disk headroom")).toBe(true);
    expect(offerAbout(ops, reason, "journalctl -u")).toEqual({});
  });

  it("a host, a service or an item is named, with the request", () => {
    expect(namesTopic(ops, "web-02")).toBe(false);
    expect(offerAbout(ops, "escalate a problem with web-02", "web-02")).toEqual({ reason: "escalate a problem with web-02", item: "web-02" });
    expect(offerAbout(ops, "escalate a problem", undefined)).toEqual({ reason: "escalate a problem" });
    // A pack without an information service names everything.
    expect(namesTopic(retail, "journalctl -u")).toBe(false);
  });
});
