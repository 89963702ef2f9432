import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPackFile } from "@chatmill/domains";
import { describe, expect, it } from "vitest";
import { importOpenApi } from "./openapi.js";
import { SourceError } from "./source-error.js";
import { writePack } from "./write-pack.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
const STATUS = { type: "string", enum: ["available", "pending", "adopted"] };

describe("importOpenApi", () => {
  it("describes each operation: names, roles and why, JSON Schema arguments with $refs resolved", async () => {
    const api = await importOpenApi(join(FIXTURES, "petstore.yaml"));
    expect(api.name).toBe("pet_store");
    expect(api.description).toBe("Pets for adoption.");
    expect(api.tools.map((t) => [t.name, t.role, t.change, t.table, t.service])).toEqual([
      ["listPets", "search", undefined, "pets", "pets"],
      ["createPet", "act", "create", "pets", "pets"],
      ["getPet", "lookup", undefined, "pets", "pets"],
      ["delete_pets_by_petId", "act", "cancel", "pets", "pets"],
    ]);
    const [list, create, get, del] = api.tools;
    expect(list!.parameters).toEqual({
      type: "object",
      properties: {
        status: { ...STATUS, description: "Adoption status" },
        limit: { type: "integer", minimum: 1, maximum: 50, description: "How many pets to return" },
      },
      additionalProperties: false,
    });
    // Only query parameters that are fields of the listed rows become filters (limit is not).
    expect(list!.filterArgs).toEqual(["status"]);
    expect(list!.roleReason).toBe("GET /pets returns a list and takes no id");
    // The request body's properties join the header parameter; `example` and `nullable` are OpenAPI, not JSON Schema.
    expect(create!.parameters).toEqual({
      type: "object",
      properties: {
        "X-Request-Id": { type: "string" },
        name: { type: "string" },
        species: { type: "string" },
        status: STATUS,
        tag: { type: ["string", "null"] },
      },
      required: ["name", "species"],
      additionalProperties: false,
    });
    expect(create!.source).toEqual({ openapi: { method: "POST", path: "/pets", operationId: "createPet", in: { "X-Request-Id": "header", name: "body", species: "body", status: "body", tag: "body" } } });
    expect(get!).toMatchObject({ idArg: "petId", single: true, description: "One pet by id", roleReason: "GET /pets/{petId} takes an id ('petId') and returns one object" });
    expect(get!.parameters).toEqual({ type: "object", properties: { petId: { type: "string", description: "The pet's id" } }, required: ["petId"], additionalProperties: false });
    expect(del!).toMatchObject({ idArg: "petId", description: "Remove a pet", roleReason: "DELETE /pets/{petId}: DELETE changes data" });
    // Pets have an `id`: the table keeps the default key.
    expect(api.keys).toEqual({});
  });

  it("writes a skeleton the domains loader loads, with roles, changes, runs and an empty table", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "pack-openapi-")), "pets");
    const file = writePack(await importOpenApi(join(FIXTURES, "petstore.yaml")), dir);
    const domain = loadPackFile(file);
    domain.checkTools();
    const pack = JSON.parse(readFileSync(file, "utf8"));
    expect(pack.tools.map((t: any) => ({ name: t.function.name, role: t.role, changes: t.changes, run: t.run }))).toEqual([
      { name: "listPets", role: "search", changes: undefined, run: { op: "search", table: "pets", filters: [{ arg: "status", field: "status" }] } },
      {
        name: "createPet",
        role: "act",
        changes: [{ table: "pets", change: "create" }],
        run: { op: "create", table: "pets", set: { "X-Request-Id": { arg: "X-Request-Id" }, name: { arg: "name" }, species: { arg: "species" }, status: { arg: "status" }, tag: { arg: "tag" } } },
      },
      { name: "getPet", role: "lookup", changes: undefined, run: { op: "get", table: "pets", key_arg: "petId" } },
      { name: "delete_pets_by_petId", role: "act", changes: [{ table: "pets", change: "cancel" }], run: { op: "cancel", table: "pets", key_arg: "petId" } },
    ]);
    expect(Object.keys(pack.tools[1].inferred)).toEqual(["role", "changes", "run"]);
    expect(Object.keys(pack.tools[0].inferred)).toEqual(["role", "run"]);
    expect(pack.services).toEqual([
      {
        name: "pets",
        description: "Pets and their adoption",
        table: "pets",
        categories: ["pets_info", "pets_create", "pets_cancel"],
        booking: { create: "createPet", cancel: "delete_pets_by_petId", fields: ["name", "species"] },
      },
    ]);
    expect(pack.categories).toEqual({ pets_info: { task: "info" }, pets_create: { task: "create" }, pets_cancel: { task: "cancel" } });
    expect(pack.database).toEqual({ tables: { pets: { key: "id", rows: [] } } });
    expect(domain.toolsWithRole("act")).toEqual(["createPet", "delete_pets_by_petId"]);
  });

  it("reads Swagger 2.0 too: typed path parameters and a body parameter", async () => {
    const api = await importOpenApi(join(FIXTURES, "swagger2.json"));
    expect(api.tools.map((t) => [t.name, t.role, t.change, t.idArg])).toEqual([
      ["getNote", "lookup", undefined, "noteId"],
      ["updateNote", "act", "modify", "noteId"],
    ]);
    expect(api.tools[1]!.parameters).toEqual({
      type: "object",
      properties: { noteId: { type: "integer" }, text: { type: "string" } },
      required: ["noteId", "text"],
      additionalProperties: false,
    });
    expect(api.tools[0]!.parameters.properties).toEqual({ noteId: { type: "integer", minimum: 1 } });
    // A note has no `id` but holds the path id (read-only, so it is no argument of the update): that is its key.
    expect(api.keys).toEqual({ notes: "noteId" });
    const file = writePack(api, join(mkdtempSync(join(tmpdir(), "pack-swagger-")), "notes"));
    const domain = loadPackFile(file);
    expect(domain.keyOf("notes")).toBe("noteId");
    expect(domain.pack.tools[1]!.run).toEqual({ op: "modify", table: "notes", key_arg: "noteId", set: { text: { arg: "text" } } });
  });

  it("refuses an invalid document with the parser's reason, and a missing file", async () => {
    await expect(importOpenApi(join(FIXTURES, "invalid.yaml"))).rejects.toThrow(SourceError);
    await expect(importOpenApi(join(FIXTURES, "invalid.yaml"))).rejects.toThrow(
      /is not a valid OpenAPI document: REQUIRED must have required property 'responses' at paths\["\/things"\]\.get \(responses is missing here!\)$/,
    );
    await expect(importOpenApi(join(FIXTURES, "nope.yaml"))).rejects.toThrow(/cannot read '.*nope\.yaml': ENOENT/);
  });
});
