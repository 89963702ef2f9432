import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writePrinterPack } from "../fixtures/printer-pack.mjs";
import { loadPackFile } from "./load.js";
import { packErrorOf } from "./pack-error.test-helper.js";

// offline.display's status and stock formats: a part names a field the rows have (a list's
// entries' fields on the entries, in the data or joined by a tool's include; a members list's
// normal state one its entries are in), checked at load with the file and the JSON path.

/** The printer pack's pack.json with `display` as its offline display. */
const printerPack = (display: Record<string, unknown>): string => join(writePrinterPack(display), "pack.json");

const status = {
  state: "condition",
  where: ["floor"],
  metrics: [{ field: "ink_level", say: { en: "ink {value}%", hi: "स्याही {value}%" }, high: 90 }],
  usage: { list: "trays", name: "tray", percent: "paper_pct", high: 95, label: { en: "Trays" } },
  members: { list: "parts", name: "part", state: "health", normal: "ok", label: { en: "Parts" } },
};
const stock = { label: "shade", unlabelled: "plain", quantity: "left" };

const loadError = packErrorOf;

describe("status and stock displays", () => {
  it("load when every part names a field the rows (or a list's entries) have", () => {
    const d = loadPackFile(printerPack({ printers: { format: "status", parts: status }, inks: { format: "stock", parts: stock } }));
    expect(d.offline.display?.printers?.parts?.members?.normal).toBe("ok");
  });

  it("name the file and the path of a part naming a field the table does not have", () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ printers: { format: "status", parts: { ...status, state: "status" } } }, "offline.display.printers.parts.state", /no row of table 'printers' has a field 'status'/],
      [{ printers: { format: "status", parts: { ...status, where: ["floor", "env"] } } }, "offline.display.printers.parts.where[1]", /field 'env'/],
      [{ printers: { format: "status", parts: { ...status, metrics: [{ field: "cpu_pct", say: { en: "CPU {value}%" } }] } } }, "offline.display.printers.parts.metrics[0].field", /field 'cpu_pct'/],
      [{ printers: { format: "status", parts: { ...status, usage: { ...status.usage, list: "disks" } } } }, "offline.display.printers.parts.usage.list", /no row of table 'printers' has a list 'disks' and no tool's include/],
      [{ printers: { format: "status", parts: { ...status, usage: { ...status.usage, percent: "use_pct" } } } }, "offline.display.printers.parts.usage.percent", /no entry of 'trays' \(in the rows of 'printers'\) has a field 'use_pct'/],
      [{ printers: { format: "status", parts: { ...status, members: { ...status.members, state: "status" } } } }, "offline.display.printers.parts.members.state", /no entry of 'parts' \(table 'parts', joined by 'printer_state'\) has a field 'status'/],
      [{ printers: { format: "status", parts: { ...status, members: { ...status.members, name: "id" } } } }, "offline.display.printers.parts.members.name", /does not return 'id': add it to its project/],
      // The normal state is a state the entries are in (the parts' health is "ok" or "worn"), as the data writes it.
      [{ printers: { format: "status", parts: { ...status, members: { ...status.members, normal: "running" } } } }, "offline.display.printers.parts.members.normal", /no entry of 'parts' \(table 'parts', joined by 'printer_state'\) is in state 'running' \(its 'health' holds 'worn', 'ok'\)/],
      [{ printers: { format: "status", parts: { ...status, members: { ...status.members, normal: "OK" } } } }, "offline.display.printers.parts.members.normal", /is in state 'OK'/],
      [{ inks: { format: "stock", parts: { ...stock, quantity: "qty" } } }, "offline.display.inks.parts.quantity", /no row of table 'inks' has a field 'qty'/],
      // Parts said as numbers hold numbers; an in-stock flag holds yes/no.
      [{ printers: { format: "status", parts: { ...status, metrics: [{ field: "floor", say: { en: "floor {value}" } }] } } }, "offline.display.printers.parts.metrics[0].field", /'floor' holds no number/],
      [{ printers: { format: "status", parts: { ...status, usage: { ...status.usage, percent: "tray" } } } }, "offline.display.printers.parts.usage.percent", /holds a number in 'tray'/],
      [{ inks: { format: "stock", parts: { ...stock, quantity: "shade" } } }, "offline.display.inks.parts.quantity", /'shade' holds no number/],
      [{ inks: { format: "stock", parts: { label: "shade", available: "left" } } }, "offline.display.inks.parts.available", /'left' holds no yes\/no/],
    ];
    for (const [display, path, message] of cases) {
      const file = printerPack(display);
      const err = loadError(file);
      expect(err.path, path).toBe(path);
      expect(err.file).toBe(file);
      expect(err.message).toContain(`${file}: ${path}:`);
      expect(err.message).toMatch(message);
    }
  });

  it("name a part the format needs, a part of another format, and a bad template", () => {
    expect(loadError(printerPack({ printers: { format: "status", parts: { where: ["floor"] } } })).path).toBe("offline.display.printers.parts.state");
    expect(loadError(printerPack({ inks: { format: "stock", parts: { quantity: "left" } } })).path).toBe("offline.display.inks.parts.label");
    const other = loadError(printerPack({ inks: { format: "stock", parts: { ...stock, state: "shade" } } }));
    expect(other.path).toBe("offline.display.inks.parts.state");
    expect(other.message).toMatch(/'state' is not a part of format 'stock'/);
    expect(loadError(printerPack({ printers: { format: "status" } })).path).toBe("offline.display.printers.parts");
    const template = loadError(printerPack({ printers: { format: "status", parts: { ...status, metrics: [{ field: "ink_level", say: { en: "ink {level}%" } }] } } }));
    expect(template.path).toBe("offline.display.printers.parts.metrics[0].say.en");
    expect(template.message).toMatch(/unknown slot \{level\}/);
    const label = loadError(printerPack({ printers: { format: "status", parts: { ...status, usage: { ...status.usage, label: { en: "Trays", hi: "{value} ट्रे" } } } } }));
    expect(label.path).toBe("offline.display.printers.parts.usage.label.hi");
  });
});
