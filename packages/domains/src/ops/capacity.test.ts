import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPackFile } from "../load.js";
import { createSession } from "../session.js";

/**
 * A create run's capacity: the slot's live rows fill it, and a row the pack's own cancel tool has
 * cancelled no longer does. The cancel tool here sets `state` to `void` (no field called status,
 * no value called cancelled), so only the pack's declaration can tell the runtime which rows are gone.
 */
function writeCourtsPack(cancel: Record<string, unknown>, slots: unknown[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), "chatmill-courts-"));
  mkdirSync(join(dir, "data"));
  writeFileSync(join(dir, "data", "courts.json"), JSON.stringify([{ code: "c1", label: "Court one" }]));
  writeFileSync(join(dir, "data", "slots.json"), JSON.stringify(slots));
  const fn = (name: string, properties: Record<string, unknown>, required: string[]) => ({ type: "function", function: { name, description: name, parameters: { type: "object", properties, required, additionalProperties: false } } });
  const pack = {
    name: "courts",
    version: "1",
    description: "tennis courts",
    services: [{ name: "courts", table: "courts", categories: ["book_court"], search_fields: ["label"] }],
    general_categories: [],
    intents: ["book", "inform", "greeting"],
    tools: [
      {
        ...fn("hold_court", { court: { type: "string" }, hour: { type: "string" }, players: { type: "integer" } }, ["court", "hour", "players"]),
        role: "act",
        changes: [{ table: "slots", change: "create" }],
        run: {
          op: "create",
          table: "slots",
          id_prefix: "S",
          ref: { table: "courts", arg: "court" },
          set: { court: { arg: "court" }, hour: { arg: "hour" }, players: { arg: "players" }, state: { value: "held" } },
          capacity: { limit: 4, per: ["court", "hour"], sum: "players" },
        },
      },
      { ...fn("drop_hold", { slot: { type: "string" } }, ["slot"]), role: "act", changes: [{ table: "slots", change: "cancel" }], run: { op: "cancel", table: "slots", key_arg: "slot", ...cancel } },
    ],
    categories: { book_court: { task: "create" } },
    database: { tables: { courts: { key: "code", file: "data/courts.json" }, slots: { key: "id", file: "data/slots.json" } } },
  };
  writeFileSync(join(dir, "pack.json"), JSON.stringify(pack));
  return join(dir, "pack.json");
}

describe("create: capacity", () => {
  const domain = loadPackFile(writeCourtsPack({ status_field: "state", value: "void" }));
  const hold = (s: ReturnType<typeof createSession>, players: number, hour = "18:00") => s.call({ name: "hold_court", arguments: { court: "c1", hour, players } });

  it("refuses a row that would take the slot past its limit, and changes nothing", () => {
    const s = createSession(domain);
    expect(hold(s, 3).ok).toBe(true);
    const before = s.digest();
    const r = hold(s, 2);
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ type: "unavailable" });
    expect(r.error?.message).toBe("Fully booked for c1, 18:00: 1 left. Try another slot.");
    expect(s.digest()).toBe(before);
    expect(hold(s, 4, "19:00").ok, "another slot is free").toBe(true);
  });

  it("a row the pack's cancel tool has cancelled (state: void) frees its places", () => {
    const s = createSession(domain);
    const first = hold(s, 3);
    expect(first.ok).toBe(true);
    const id = String((first.data as Record<string, unknown>).id);
    expect(s.call({ name: "drop_hold", arguments: { slot: id } }).ok).toBe(true);
    expect(s.get("slots", id)?.state).toBe("void");
    expect(hold(s, 4).ok).toBe(true);
  });

  it("a row is gone only by the declared mark: one holding status 'cancelled' still takes its places", () => {
    const held = { id: "S0", court: "c1", hour: "18:00", players: 3, state: "held", status: "cancelled" };
    const s = createSession(loadPackFile(writeCourtsPack({ status_field: "state", value: "void" }, [held])));
    expect(hold(s, 2).ok).toBe(false);
    expect(hold(s, 1).ok).toBe(true);
  });
});
