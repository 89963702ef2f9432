import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PackError } from "@chatmill/domains";
import { describe, expect, it } from "vitest";
import { checkPack } from "./check.js";
import { importOpenApi } from "./openapi.js";
import { writePack } from "./write-pack.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));

async function skeleton(): Promise<string> {
  return writePack(await importOpenApi(join(FIXTURES, "petstore.yaml")), join(mkdtempSync(join(tmpdir(), "pack-check-")), "pets"));
}

describe("checkPack", () => {
  it("lists what a fresh skeleton lacks, each with its file and JSON path", async () => {
    const file = await skeleton();
    const { findings } = checkPack(file);
    expect(findings.every((f) => f.file === file)).toBe(true);
    expect(findings.map((f) => `${f.kind} ${f.path}`)).toEqual([
      "inferred inferred.services",
      "inferred inferred.categories",
      "inferred tools[0].inferred.role",
      "inferred tools[0].inferred.run",
      "inferred tools[1].inferred.role",
      "inferred tools[1].inferred.changes",
      "inferred tools[1].inferred.run",
      "inferred tools[2].inferred.role",
      "inferred tools[2].inferred.run",
      "inferred tools[3].inferred.role",
      "inferred tools[3].inferred.changes",
      "inferred tools[3].inferred.run",
      "empty_table database.tables.pets",
      "no_search_fields services[0].search_fields",
    ]);
    expect(findings[2]!.message).toBe("'listPets': role inferred, not confirmed (GET /pets returns a list and takes no id); confirm or correct tools[0].role, then delete this entry");
    expect(findings[12]!.message).toBe("table 'pets' has no rows, but tool 'listPets', tool 'getPet', service 'pets' read it: add rows (\"rows\": [...] or \"file\") so lookups and goals have data");
  });

  it("has nothing to say once the inferences are confirmed, rows added and search fields given", async () => {
    const file = await skeleton();
    const pack = JSON.parse(readFileSync(file, "utf8"));
    delete pack.inferred;
    for (const t of pack.tools) delete t.inferred;
    pack.database.tables.pets.rows = [{ id: "p1", name: "Rex", species: "dog", status: "available" }];
    pack.services[0].search_fields = ["species", "status"];
    writeFileSync(file, JSON.stringify(pack));
    expect(checkPack(file).findings).toEqual([]);
  });

  it("reports a category whose task no tool can do, and a create category without a booking", async () => {
    const file = await skeleton();
    const pack = JSON.parse(readFileSync(file, "utf8"));
    pack.services[0].categories.push("pets_modify");
    pack.categories.pets_modify = { task: "modify" };
    delete pack.services[0].booking;
    writeFileSync(file, JSON.stringify(pack));
    const found = checkPack(file).findings.filter((f) => f.kind !== "inferred" && f.kind !== "empty_table" && f.kind !== "no_search_fields");
    expect(found.map((f) => [f.kind, f.path])).toEqual([
      ["no_tool_for_task", "categories.pets_modify.task"],
      ["no_booking", "services[0].booking"],
    ]);
  });

  it("reports table text with HTML entities or tags, and leaves the pack's files as they were", async () => {
    const file = await skeleton();
    const pack = JSON.parse(readFileSync(file, "utf8"));
    pack.database.tables.pets.rows = [
      { id: "p1", name: "Rex", species: "dog", status: "available" },
      { id: "p2", name: "Tom &amp; Jerry", species: "cat", status: "available", tags: ["<b>new</b>"] },
      { id: "p3", name: "Fish & Chips", species: "cat", status: "sold" },
    ];
    writeFileSync(file, JSON.stringify(pack));
    const before = readFileSync(file, "utf8");
    const found = checkPack(file).findings.filter((f) => f.kind === "markup");
    expect(found.map((f) => [f.path, f.message])).toEqual([
      [
        "database.tables.pets",
        "table 'pets' has 2 text values with HTML entities and HTML tags (first: row 1, name: \"Tom &amp; Jerry\"), which dialogues would say as written: decode the entities (&amp; → \"&\") and remove the tags in the data, e.g. with cleanCatalogText from @chatmill/domains",
      ],
    ]);
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("a pack that cannot load is the loader's PackError, naming the file and the field", () => {
    const dir = mkdtempSync(join(tmpdir(), "pack-broken-"));
    mkdirSync(join(dir, "p"));
    const file = join(dir, "p", "pack.json");
    writeFileSync(file, JSON.stringify({ name: "p", version: "1", description: "d", services: [], general_categories: [], intents: ["x"], tools: [], categories: {}, database: { tables: {} } }));
    expect(() => checkPack(join(dir, "p"))).toThrow(PackError);
    expect(() => checkPack(join(dir, "p"))).toThrow(/pack\.json: services: /);
  });
});
