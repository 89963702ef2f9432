import { mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDomain, loadPackFile, renamePack } from "@chatmill/domains";
import { Rng } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { pickRow } from "./constraints.js";
import { bookableRow } from "./goal.js";

const travel = loadDomain("travel");

describe("bookableRow", () => {
  it("is what the service's create tool demands of the row it books (travel: a flight still on sale), whatever the field is called", () => {
    const flight = travel.service("flight")!;
    const bookable = bookableRow(travel, flight);
    const rows = travel.table("flight");
    expect(rows.some((r) => r.status === "delayed")).toBe(true);
    expect(rows.filter(bookable).every((r) => r.status === "available")).toBe(true);
    expect(rows.filter((r) => r.status === "available").every(bookable)).toBe(true);

    // The same pack with the flight's status field renamed: the same rows are bookable.
    const dir = mkdtempSync(join(tmpdir(), "chatmill-bookable-"));
    for (const f of readdirSync(travel.dir)) if (f !== "pack.json") symlinkSync(join(travel.dir, f), join(dir, f));
    writeFileSync(join(dir, "pack.json"), JSON.stringify(renamePack(travel.pack, { fields: { flight: { status: "zzstate" } } }, (t) => travel.table(t))));
    const renamed = loadPackFile(join(dir, "pack.json"));
    const again = bookableRow(renamed, renamed.service("flight")!);
    expect(renamed.table("flight").map((r) => again(r))).toEqual(rows.map((r) => bookable(r)));
  });

  it("lets pickRow ground a goal only in a bookable row; a service whose create tool demands nothing takes any row", () => {
    const flight = travel.service("flight")!;
    const bookable = bookableRow(travel, flight);
    const rows = travel.table("flight");
    for (let seed = 0; seed < 30; seed++) expect(pickRow(rows, flight.searchFields, new Rng(`b${seed}`), bookable)!.status).toBe("available");
    const restaurant = travel.service("restaurant")!;
    expect(travel.table("restaurant").every(bookableRow(travel, restaurant))).toBe(true);
  });
});
