import { describe, expect, it } from "vitest";
import { explorePack } from "./explore.js";
import { LiveBackend } from "./live/backend.js";
import { loadDomain, withRows } from "./load.js";
import { PackError } from "./pack-error.js";

describe("withRows", () => {
  it("replaces a table's rows and checks them as the loader does", () => {
    const travel = loadDomain("travel");
    const [first, second] = travel.tables.get("restaurant")!.rows;
    const two = withRows(travel, new Map([["restaurant", [first!, second!]]]));
    expect(two.tables.get("restaurant")!.rows).toHaveLength(2);
    expect(two.tables.get("hotel")!.rows.length).toBe(travel.tables.get("hotel")!.rows.length);
    expect(() => withRows(travel, new Map([["restaurant", [first!, first!]]]))).toThrow(PackError);
    expect(() => withRows(travel, new Map([["restaurant", [{ name: "no key" }]]]))).toThrow(/has no key field/);
    expect(() => withRows(travel, new Map([["nowhere", []]]))).toThrow(/no table 'nowhere'/);
  });
});

describe("explorePack", () => {
  it("leaves a pack without live tools as it is, sending nothing and saying nothing", () => {
    const said: string[] = [];
    const ctx = { tool: "t", info: (m: string) => said.push(m), warn: (m: string) => said.push(m) };
    const retail = loadDomain("retail");
    // A live backend that would throw on any request (live mode, no server): nothing may be sent.
    expect(explorePack(retail, new LiveBackend({ mode: "live", env: {} }), ctx)).toBe(retail);
    expect(said).toEqual([]);
  });
});
