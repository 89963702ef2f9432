import { describe, expect, it } from "vitest";
import { holds } from "./grounded.js";
import { entryOf } from "./mentions.js";

describe("holds", () => {
  const host = { table: "zzTable1", id: "web-01", name: "Front web", phrases: ["web-01", "front web"] };

  it("finds an item's key under whatever field the result names it (no field is an id by its name)", () => {
    expect(holds([{ zzfield7q: "web-01", load: 0.4 }], host)).toBe(true);
    expect(holds([{ runs_on: "web-01" }], host)).toBe(true);
    // A short numeric key under the item's own key field (whatever it is called), a long one under any field.
    expect(holds([{ zzfield7q: 7 }], { ...host, id: "7", key: "zzfield7q" })).toBe(true);
    expect(holds([{ booked_venue: 19242 }], { ...host, id: "19242", key: "zzfield7q" })).toBe(true);
  });

  it("takes a short key only from the item's own key field, not from a field that happens to hold the same number", () => {
    const hotel = { table: "hotel", id: "4", key: "id", name: "alpha-milton guest house", phrases: ["alpha-milton guest house"] };
    expect(holds([{ name: "acorn guest house", stars: "4", id: "1" }], hotel)).toBe(false);
    expect(holds([{ people: "4" }], hotel)).toBe(false);
    expect(holds([{ name: "acorn guest house", id: "4" }], hotel)).toBe(true);
  });

  it("finds it by its name, whatever the case; and not when neither its key nor its name is there", () => {
    expect(holds([{ label: "front WEB" }], host)).toBe(true);
    expect(holds([{ zzfield7q: "web-02", label: "Back web" }], host)).toBe(false);
    expect(holds([{ note: "web-01 was restarted" }], host)).toBe(false);
  });
});

describe("entryOf", () => {
  it("takes a catalog row's photo from the field its pack declares (display.image), never from a field called image", () => {
    const row = { sku: "AB12", title: "Trail Jacket", pic: "/a.jpg", image: "/b.jpg" };
    expect(entryOf("goods", row, "sku", "title", "pic")?.image).toBe("/a.jpg");
    expect(entryOf("goods", row, "sku", "title")?.image).toBeUndefined();
    expect(entryOf("goods", row, "sku", "title", "pic")).toMatchObject({ id: "AB12", key: "sku", name: "Trail Jacket" });
  });
});
