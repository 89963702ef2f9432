import { describe, expect, it } from "vitest";
import { builtinPacks, loadDomain } from "./load.js";
import { cleanCatalogText, markupIn, markupInRows } from "./markup.js";

describe("cleanCatalogText", () => {
  it("decodes named and numeric entities, twice-encoded ones too", () => {
    expect(cleanCatalogText("Mars HeatTech&trade; Pullover")).toBe("Mars HeatTech™ Pullover");
    expect(cleanCatalogText("&frac14; zip")).toBe("¼ zip");
    expect(cleanCatalogText("Men&#39;s &amp; Women&#x27;s")).toBe("Men's & Women's");
    expect(cleanCatalogText("Fish &amp;amp; chips")).toBe("Fish & chips");
  });

  it("removes tags, a block tag standing for a space, and collapses spaces", () => {
    expect(cleanCatalogText("<p>Soft <b>cotton</b>.</p><p>Machine wash.</p>")).toBe("Soft cotton. Machine wash.");
    expect(cleanCatalogText("Line one<br/>line two")).toBe("Line one line two");
    expect(cleanCatalogText("Logan  HeatTec&reg; Tee ")).toBe("Logan HeatTec® Tee");
  });

  it("leaves text that only looks like markup alone", () => {
    expect(cleanCatalogText("AT&T & friends; 3 < 4 > 2")).toBe("AT&T & friends; 3 < 4 > 2");
  });
});

describe("markupIn", () => {
  it("names the first entity or tag, nothing for clean text", () => {
    expect(markupIn("HeatTech&trade; Tee")).toBe("&trade;");
    expect(markupIn("it&#39;s")).toBe("&#39;");
    expect(markupIn("a <br> b")).toBe("<br>");
    expect(markupIn("fish & chips; AT&T")).toBeUndefined();
    expect(markupIn("HeatTech™ Tee")).toBeUndefined();
  });

  it("finds markup in nested values, with the row and the path", () => {
    expect(markupInRows([{ id: "a", name: "ok" }, { id: "b", tags: ["x", "&frac14; zip"], meta: { note: "<i>new</i>" } }])).toEqual([
      { row: 1, path: "tags[1]", markup: "&frac14;", text: "&frac14; zip" },
      { row: 1, path: "meta.note", markup: "<i>", text: "<i>new</i>" },
    ]);
  });
});

// The built-in packs' catalog text is cleaned when the pack is built (scripts/build-packs.ts):
// no dialogue may say "HeatTech&trade;".
describe.each(builtinPacks)("built-in pack %s", (name) => {
  it("has no HTML entity or tag in any table's text", () => {
    const domain = loadDomain(name);
    const found = [...domain.tables.keys()].flatMap((table) => markupInRows(domain.table(table)).map((h) => `${table}[${h.row}].${h.path}: ${h.text}`));
    expect(found).toEqual([]);
  });
});
