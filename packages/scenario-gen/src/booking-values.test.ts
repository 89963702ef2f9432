import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadDomain, loadPackFile, type Domain, type ServiceInfo } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { bookingValue, changeable, weekday, type BookingContext } from "./booking-values.js";

const DENTAL = fileURLToPath(new URL("../../../bench/packs/dental", import.meta.url));

/** A stand-in domain whose create tool takes these argument schemas (the only part bookingValue reads of it). */
function domainWith(props: Record<string, Record<string, unknown>>): Domain {
  return { tools: [{ type: "function", function: { name: "mk", parameters: { type: "object", properties: props } } }] } as unknown as Domain;
}
const service = (fields: string[], values?: ServiceInfo["booking"] extends infer B ? (B extends { values?: infer V } ? V : never) : never): ServiceInfo => ({
  name: "s",
  categories: ["c"],
  searchFields: [],
  booking: { create: "mk", fields, ...(values ? { values } : {}) },
});
const ctx = (seed: string): BookingContext => ({ rng: Rng.for(1, seed), date: "2026-12-09", personaName: "Ama Owusu", places: ["Station Road", "The Lodge"] });

describe("bookingValue: a field's value from what the pack declares it is, never from its name", () => {
  it("declared kinds under opaque field names: weekday, time between its hours, party, count, guest name, places", () => {
    const s = service(["f1", "f2", "f3", "f4", "f5", "f6", "f7"], {
      f1: { kind: "weekday" },
      f2: { kind: "time", hours: [11, 12] },
      f3: { kind: "party" },
      f4: { kind: "count", between: [2, 3] },
      f5: { kind: "guest_name" },
      f6: { kind: "place", end: "from" },
      f7: { kind: "place", end: "to" },
    });
    const d = domainWith({ f3: { type: "integer" }, f4: { type: "integer" } });
    for (let i = 0; i < 30; i++) {
      const c = ctx(`k${i}`);
      expect(bookingValue("f1", s, d, c)).toBe(weekday("2026-12-09"));
      expect(bookingValue("f2", s, d, c)).toMatch(/^1[12]:(00|15|30|45)$/);
      expect(bookingValue("f3", s, d, c)).toBeGreaterThanOrEqual(1);
      expect(bookingValue("f3", s, d, c)).toBeLessThanOrEqual(8);
      expect([2, 3]).toContain(bookingValue("f4", s, d, c));
      expect(bookingValue("f5", s, d, c)).toBe("Ama Owusu");
      expect(bookingValue("f6", s, d, c)).toBe("Station Road");
      expect(bookingValue("f7", s, d, c)).toBe("The Lodge");
    }
  });

  it("undeclared fields: from the tool's schema (enum, date format, clock pattern, bounded integer), else the booked row; a telling name alone gives nothing", () => {
    const d = domainWith({
      a: { type: "string", enum: ["x", "y"] },
      b: { type: "string", format: "date" },
      c: { type: "string", pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$" },
      e: { type: "integer", minimum: 2, maximum: 3 },
      people: { type: "string" },
    });
    const s = service(["a", "b", "c", "e", "people", "g"]);
    const c = { ...ctx("u"), row: { g: "from the row" } };
    expect(["x", "y"]).toContain(bookingValue("a", s, d, c));
    expect(bookingValue("b", s, d, c)).toBe("2026-12-09");
    expect(bookingValue("c", s, d, c)).toMatch(/^\d\d:\d\d$/);
    expect([2, 3]).toContain(bookingValue("e", s, d, c));
    expect(bookingValue("g", s, d, c)).toBe("from the row");
    expect(bookingValue("people", s, d, c)).toBeUndefined();
  });

  it("a guest's own name is not what a booking change changes; other fields are", () => {
    const s = service(["who", "when"], { who: { kind: "guest_name" }, when: { kind: "weekday" } });
    expect(changeable("who", s)).toBe(false);
    expect(changeable("when", s)).toBe(true);
  });

  it("travel declares every booking field's value; a declaration for a field not in booking.fields fails to load with the path", () => {
    const travel = loadDomain("travel");
    for (const s of travel.services) {
      for (const f of s.booking?.fields ?? []) {
        const schema = travel.tools.find((t) => t.function.name === s.booking!.create)?.function.parameters.properties as Record<string, { enum?: unknown[] }>;
        // An enum (a cabin class) is the schema's own list of values; everything else is declared.
        if (!schema[f]?.enum) expect(s.booking?.values?.[f], `${s.name}.${f}`).toBeDefined();
      }
    }
    const dir = mkdtempSync(join(tmpdir(), "chatmill-booking-values-"));
    cpSync(DENTAL, dir, { recursive: true });
    const pack = JSON.parse(readFileSync(join(dir, "pack.json"), "utf8")) as { services: Array<{ booking: { values: Record<string, unknown> } }> };
    pack.services[0]!.booking.values.nope = { kind: "weekday" };
    writeFileSync(join(dir, "pack.json"), JSON.stringify(pack));
    expect(() => loadPackFile(join(dir, "pack.json"))).toThrow(/services\[0\]\.booking\.values\.nope.*not one of booking\.fields/);
  });
});
