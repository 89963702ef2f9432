import { mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSession } from "./session.js";
import { loadDomain, loadPackFile } from "./load.js";
import { renamePack } from "./rename.js";

describe("renamePack with fields", () => {
  it("renames a field in the rows and wherever the pack names it, and the renamed pack runs", () => {
    const ops = loadDomain("ops");
    const dir = mkdtempSync(join(tmpdir(), "chatmill-fields-"));
    for (const f of readdirSync(ops.dir)) if (f !== "pack.json") symlinkSync(join(ops.dir, f), join(dir, f));
    const pack = renamePack(ops.pack, { fields: { topics: { topic: "subject", id: "ref" } } }, (t) => ops.table(t));
    writeFileSync(join(dir, "pack.json"), JSON.stringify(pack));
    const renamed = loadPackFile(join(dir, "pack.json"));
    expect(renamed.keyOf("topics")).toBe("ref");
    expect(renamed.titleOf("topics")).toBe("subject");
    const get = renamed.pack.tools.find((t) => t.run.op === "get" && (t.run as { table: string }).table === "topics")!;
    expect((get.run as { by?: string }).by).toBe("subject");
    // A tool's argument is not a field: it keeps its name.
    expect((get.run as { key_arg: string }).key_arg).toBe("topic");
    const row = renamed.table("topics")[0]!;
    expect(Object.keys(row)).not.toContain("topic");
    const r = createSession(renamed, { failureRate: 0 }).call({ name: get.function.name, arguments: { topic: row.subject } });
    expect(r.ok).toBe(true);
    expect((r.data as Record<string, unknown>).ref).toBe(row.ref);
  });

  it("asks for the rows of a table whose fields it renames, and refuses a pack with business rules", () => {
    const ops = loadDomain("ops");
    expect(() => renamePack(ops.pack, { fields: { topics: { topic: "subject" } } })).toThrow(/give rows\(table\)/);
    const tau = loadDomain("tau-retail");
    expect(() => renamePack(tau.pack, { fields: { users: { email: "mail" } } }, (t) => tau.table(t))).toThrow(/business rules/);
  });

  it("renames a status display's parts: the row's fields by its table, a joined list's entries' fields by the table the include joins", () => {
    const ops = loadDomain("ops");
    const fields = { agents: { status: "condition", cpu_pct: "cpu" }, disks: { mount: "path" }, services: { status: "state" } };
    const parts = renamePack(ops.pack, { fields }, (t) => ops.table(t)).offline!.display!.agents!.parts!;
    expect(parts.state).toBe("condition");
    expect(parts.metrics?.[0]?.field).toBe("cpu");
    // `disks` is the include's `as`, not a field of the agents rows: it keeps its name, and its entries' fields are the disks table's.
    expect(parts.usage).toMatchObject({ list: "disks", name: "path", percent: "use_pct" });
    expect(parts.members).toMatchObject({ name: "name", state: "state", normal: "running" });
  });

  it("moves a field's wording to its new name, and keeps it under the old one while another table or a tool argument has that name", () => {
    const travel = loadDomain("travel");
    // Only the train table renames departure: the taxi's departure argument keeps its wording.
    const one = renamePack(travel.pack, { fields: { train: { departure: "zzfrom" } } }, (t) => travel.table(t));
    expect(one.wording?.values?.zzfrom?.goal).toEqual(travel.pack.wording?.values?.departure?.goal);
    expect(one.wording?.values?.departure).toBeDefined();
    // Every table holding leaveAt renames it, and no tool takes it: its wording is under the new name only.
    const all = renamePack(travel.pack, { fields: { train: { leaveAt: "zzleave" } } }, (t) => travel.table(t));
    expect(all.wording?.values?.zzleave?.goal).toEqual({ say: "leaving after {value}" });
    expect(all.wording?.values?.leaveAt).toBeUndefined();
  });
});
