import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DomainPack } from "@chatmill/schema";
import type { ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { builtinPacks, loadDomain, loadPackFile, resolvePackFile } from "./load.js";
import { PackError } from "./pack-error.js";

const SEED_003 = {
  general: ["account_management", "cancellation_general", "complaint", "refund_request_general", "payment_issues", "general_inquiry", "feedback", "technical_support", "lost_and_found_general"],
  restaurant: ["dining_reservation", "dietary_requirements", "table_modification", "special_occasion", "menu_inquiry", "order_status", "reservation_cancellation"],
  hotel: ["room_reservation", "check_in_out", "amenity_inquiry", "room_service", "booking_modification", "housekeeping_request", "reservation_cancellation"],
  train: ["journey_planning", "schedule_inquiry", "ticket_booking", "platform_information", "ticket_change", "ticket_cancellation", "seat_selection"],
  attraction: ["ticket_availability", "opening_hours", "guided_tour", "venue_information", "group_booking", "ticket_cancellation", "accessibility_inquiry"],
  taxi: ["ride_booking", "pickup_location", "fare_inquiry", "driver_tracking", "ride_cancellation", "ride_feedback", "service_type_inquiry"],
  hospital: ["appointment_booking", "department_inquiry", "medical_information", "emergency_services", "appointment_cancellation", "insurance_inquiry", "medical_record_request"],
  bus: ["route_information", "schedule_inquiry", "ticket_booking", "stop_location", "ticket_change", "ticket_cancellation", "seat_selection"],
  flight: ["flight_booking", "cancellation_flight", "ticket_change", "baggage_inquiry", "check_in", "seat_selection", "flight_status", "upgrade_request", "refund_request_flight", "lounge_access", "boarding_pass_issue", "special_meals", "pet_transportation"],
};

let compiled: ValidateFunction | undefined;
function packSchema(): ValidateFunction {
  const schema = JSON.parse(readFileSync(new URL("../../../schemas/domain-pack.schema.json", import.meta.url), "utf8"));
  compiled ??= new Ajv2020({ strict: false, discriminator: true }).compile(schema);
  return compiled;
}

describe("built-in packs", () => {
  it.each([...builtinPacks])("%s loads, validates and compiles every tool schema", (name) => {
    const d = loadDomain(name);
    expect(d.name).toBe(name);
    expect(DomainPack.safeParse(JSON.parse(readFileSync(d.file, "utf8"))).success).toBe(true);
    d.checkTools();
    expect(d.tools.length).toBe(d.pack.tools.length);
    for (const t of d.tools) expect(t).not.toHaveProperty("run");
    for (const s of d.services) {
      expect(s.categories.length).toBeGreaterThan(0);
      if (s.table) {
        const rows = d.table(s.table);
        expect(rows.length).toBeGreaterThan(0);
        // every search field is a real field of the service's table
        for (const f of s.searchFields) expect(rows.some((r) => f in r), `${name}.${s.name}: ${f}`).toBe(true);
      }
    }
    for (const p of d.persona.preferences) {
      expect(p.values.length, p.key).toBeGreaterThan(0);
      expect(p.pick[0]).toBeLessThanOrEqual(p.pick[1]);
    }
    expect(d.persona.styles.length).toBeGreaterThan(0);
    expect(d.intents.length).toBeGreaterThan(0);
  });

  it.each([...builtinPacks])("%s/pack.json validates against the checked-in schemas/domain-pack.schema.json", (name) => {
    const validate = packSchema();
    const ok = validate(JSON.parse(readFileSync(loadDomain(name).file, "utf8")));
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.[0])).toEqual([]);
    expect(ok).toBe(true);
  });

  it("is cached: the same object for a name and for its pack.json path", () => {
    const d = loadDomain("retail");
    expect(loadDomain("retail")).toBe(d);
    expect(loadDomain(d.file)).toBe(d);
    expect(loadDomain(d.dir)).toBe(d);
  });

  it("retail has MUSe's eight catalog tools over a real catalog, five order tools behind the identity policy, and the hand-off", () => {
    const d = loadDomain("retail");
    expect(d.tools.map((t) => t.function.name).sort()).toEqual(
      ["cancel_pending_order", "check_availability", "compare_items", "filter_items", "find_customer_by_email", "find_customer_by_name_zip", "get_item_details", "get_order_details", "get_reviews", "list_orders", "recommend_similar", "search_items", "transfer_to_human_agents", "visual_search"],
    );
    expect(d.handoffTool).toBe("transfer_to_human_agents");
    expect(d.pack.policy?.handoff?.tasks).toEqual(["issue"]);
    expect(d.pack.policy?.identity?.scoped.map((s) => s.tool)).toEqual(["list_orders", "get_order_details", "cancel_pending_order"]);
    const items = d.table("items");
    expect(items.length).toBe(196);
    expect(items.every((i) => typeof i.price === "number" && typeof i.image === "string" && i.image)).toBe(true);
    expect(d.keyOf("items")).toBe("id");
  });

  it("travel has seed 003's services and categories, with bookings, less the taxi questions no data answers", () => {
    const d = loadDomain("travel");
    expect(d.services.map((s) => s.name).sort()).toEqual(["attraction", "bus", "flight", "hospital", "hotel", "restaurant", "taxi", "train"]);
    expect(d.generalCategories).toEqual(SEED_003.general);
    // The taxi has no table: fares, drivers' positions and car types are nowhere in the data, so
    // those questions could be neither acted on nor answered (packs/travel/README.md).
    const noData = ["fare_inquiry", "driver_tracking", "service_type_inquiry"];
    for (const s of d.services) expect(s.categories, s.name).toEqual(SEED_003[s.name as keyof typeof SEED_003].filter((c) => !noData.includes(c)));
    for (const c of noData) expect(d.category(c)).toBeUndefined();
    for (const name of ["restaurant", "hotel", "train", "taxi", "flight"]) {
      const b = d.service(name)?.booking;
      expect(b?.create && b.modify && b.cancel, name).toBeTruthy();
    }
    expect(d.table("restaurant").length).toBe(110);
    expect(d.table("train").length).toBe(2828);
  });

  it("ops has AJ's tools including none", () => {
    const d = loadDomain("ops");
    expect(d.tools.map((t) => t.function.name).sort()).toEqual(["check_status", "list_agents", "look_up_topic", "none", "read_logs", "run_command", "transfer_to_human_agents"]);
    expect(d.pack.policy?.handoff?.tasks).toEqual(["issue", "modify"]);
    expect(d.persona.styles).toEqual(["casual", "senior_engineer", "stressed", "learner", "executive"]);
    expect(d.toolsWithRole("none")).toEqual(["none"]);
    expect(d.roleOf("run_command")).toBe("act");
  });
});

describe("--domain resolution", () => {
  it("takes a built-in name, a pack.json path or a folder", () => {
    const file = resolvePackFile("ops");
    expect(file.endsWith("packs/ops/pack.json")).toBe(true);
    expect(resolvePackFile(file)).toBe(file);
    expect(resolvePackFile(join(file, ".."))).toBe(file);
  });

  it("says what to pass for an unknown name", () => {
    expect(() => resolvePackFile("shoes")).toThrow(/unknown domain 'shoes': use one of retail, travel, ops, tau-retail, tau-airline, or a path/);
  });
});

/** A small valid pack in a temp folder; `edit` breaks it. */
function userPack(edit: (pack: Record<string, any>) => void, rows = '[{"id":"a","name":"x"}]'): string {
  const dir = mkdtempSync(join(tmpdir(), "chatmill-pack-"));
  mkdirSync(join(dir, "data"));
  writeFileSync(join(dir, "data", "things.json"), rows);
  const pack: Record<string, any> = {
    name: "mine",
    version: "1",
    description: "a test pack",
    services: [{ name: "things", table: "things", categories: ["finding"] }],
    general_categories: [],
    intents: ["search"],
    tools: [
      {
        type: "function",
        function: { name: "find", parameters: { type: "object", properties: { q: { type: "string" } } } },
        role: "search",
        run: { op: "search", table: "things", text: { arg: "q", fields: ["name"] } },
      },
    ],
    categories: { finding: { task: "info" } },
    database: { tables: { things: { key: "id", file: "data/things.json" } } },
  };
  edit(pack);
  writeFileSync(join(dir, "pack.json"), JSON.stringify(pack));
  return dir;
}

function packError(dir: string): PackError {
  try {
    loadPackFile(join(dir, "pack.json"));
  } catch (err) {
    expect(err).toBeInstanceOf(PackError);
    return err as PackError;
  }
  throw new Error("the pack loaded");
}

describe("a broken user pack", () => {
  it("loads when valid", () => {
    const d = loadDomain(userPack(() => {}));
    expect(d.name).toBe("mine");
    expect(d.table("things")).toHaveLength(1);
  });

  it("names the file and the field of a schema error", () => {
    const dir = userPack((p) => (p.tools[0].run.op = "serch"));
    const err = packError(dir);
    expect(err.file).toBe(join(dir, "pack.json"));
    expect(err.path).toBe("tools[0].run.op");
    expect(err.message).toContain(`${join(dir, "pack.json")}: tools[0].run.op:`);
  });

  it("names a Hindi or Hinglish fact wording that is empty or misspelt, and loads a good one", () => {
    const empty = packError(userPack((p) => (p.wording = { values: { name: { fact: { say: "called {value}", hi: "" } } } })));
    expect(empty.path).toBe("wording.values.name.fact.hi");
    const misspelt = packError(userPack((p) => (p.wording = { values: { name: { fact: { say: "called {value}", hinglish: "{value} naam ka" } } } })));
    expect(misspelt.path).toMatch(/^wording\.values\.name\.fact/);
    expect(misspelt.message).toMatch(/hinglish/);
    const good = loadDomain(userPack((p) => (p.wording = { values: { name: { fact: { say: "called {value}", hi: "{value} नाम का", mixed: "{value} naam ka" } } } })));
    expect(good.wording?.values?.name?.fact?.mixed).toBe("{value} naam ka");
  });

  it("names a tool whose result_rows is not where its op puts its rows", () => {
    const err = packError(userPack((p) => (p.tools[0].result_rows = "rows")));
    expect(err.path).toBe("tools[0].result_rows");
    expect(err.message).toMatch(/op search returns its rows under "results"/);
    expect(loadDomain(userPack((p) => (p.tools[0].result_rows = "results"))).name).toBe("mine");
  });

  it("names an argument's value form that is not one of its forms, and loads a good one", () => {
    const bad = packError(userPack((p) => (p.wording = { values: { name: { arg: { en: "in {value}", form: "title" } } } })));
    expect(bad.path).toBe("wording.values.name.arg.form");
    expect(bad.message).toMatch(/pack\.json/);
    const good = loadDomain(userPack((p) => (p.wording = { values: { name: { arg: { en: "in {value}", form: "spaced" } } } })));
    expect(good.wording?.values?.name?.arg?.form).toBe("spaced");
  });

  it("names a category's said line with a slot it does not have, and loads a good one", () => {
    const bad = packError(userPack((p) => (p.categories.finding.said = { hi: ["{thing} के बारे में बात करनी है"] })));
    expect(bad.path).toBe("categories.finding.said.hi[0]");
    expect(bad.message).toMatch(/unknown slot \{thing\}/);
    const good = loadDomain(userPack((p) => (p.categories.finding.said = { mixed: ["{greet} {item} ke baare mein baat karni hai"] })));
    expect(good.category("finding")?.said?.mixed?.[0]).toContain("{item}");
  });

  it("names a short_names table the pack does not have, or a way of saying it without {short}, and loads a good one", () => {
    const table = packError(userPack((p) => (p.wording = { short_names: { thingz: { words: "first" } } })));
    expect(table.path).toBe("wording.short_names.thingz");
    expect(table.message).toMatch(/no table named 'thingz'/);
    const said = packError(userPack((p) => (p.wording = { short_names: { things: { words: "first", hi: "वो वाला" } } })));
    expect(said.path).toBe("wording.short_names.things.hi");
    expect(said.message).toMatch(/does not say \{short\}/);
    const words = packError(userPack((p) => (p.wording = { short_names: { things: { words: "last" } } })));
    expect(words.path).toBe("wording.short_names.things.words");
    expect(loadDomain(userPack((p) => (p.wording = { short_names: { things: { words: "first_last", en: "the {short}" } } }))).wording?.short_names?.things?.words).toBe("first_last");
  });

  it("names a wording.names entry or a display.unsaid field the pack does not have", () => {
    const names = packError(userPack((p) => (p.wording = { names: { colour: "colour" } })));
    expect(names.path).toBe("wording.names.colour");
    expect(names.message).toMatch(/no table has a field 'colour' and no tool an argument 'colour'/);
    // A misspelt field's value wording would never be said: the load names it too.
    const values = packError(userPack((p) => (p.wording = { values: { colour: { en: "in {value}" } } })));
    expect(values.path).toBe("wording.values.colour");
    expect(loadDomain(userPack((p) => (p.wording = { names: { q: "what you are after", name: "title" } }))).name).toBe("mine");
    const unsaid = packError(userPack((p) => (p.offline = { display: { things: { unsaid: ["blurb"] } } })));
    expect(unsaid.path).toBe("offline.display.things.unsaid[0]");
    // A prose field that holds sentences loads; a user pack without one loads as before.
    expect(loadDomain(userPack((p) => (p.offline = { display: { things: { prose: "blurb" } } }), '[{"id":"a","name":"x","blurb":"A small thing that does one job well. Washable."}]')).name).toBe("mine");
  });

  it("a reviews or log display names the fields of its parts: missing, unknown or without a format, the load fails with the path", () => {
    const none = packError(userPack((p) => (p.offline = { display: { things: { format: "reviews" } } })));
    expect(none.path).toBe("offline.display.things.parts");
    expect(none.message).toMatch(/name the field of its text/);
    const noScore = packError(userPack((p) => (p.offline = { display: { things: { format: "reviews", parts: { text: "name" } } } })));
    expect(noScore.path).toBe("offline.display.things.parts.score");
    const unknown = packError(userPack((p) => (p.offline = { display: { things: { format: "log", parts: { text: "message" } } } })));
    expect(unknown.path).toBe("offline.display.things.parts.text");
    expect(unknown.message).toMatch(/no row of table 'things' has a field 'message'/);
    const noFormat = packError(userPack((p) => (p.offline = { display: { things: { parts: { text: "name" } } } })));
    expect(noFormat.path).toBe("offline.display.things.parts");
    expect(loadDomain(userPack((p) => (p.offline = { display: { things: { format: "reviews", parts: { score: "id", text: "name" } } } }))).name).toBe("mine");
  });

  it("names a missing required field", () => {
    const err = packError(userPack((p) => delete p.services[0].categories));
    expect(err.path).toBe("services[0].categories");
  });

  it("names a table that does not exist", () => {
    const err = packError(userPack((p) => (p.tools[0].run.table = "thingz")));
    expect(err.path).toBe("tools[0].run.table");
    expect(err.detail).toContain("no table 'thingz'");
  });

  it("names an argument the tool does not declare", () => {
    const err = packError(userPack((p) => (p.tools[0].run.text.arg = "query")));
    expect(err.path).toBe("tools[0].run.text.arg");
  });

  it("names a projected field no row has", () => {
    const err = packError(userPack((p) => (p.tools[0].run.project = ["id", "nmae"])));
    expect(err.path).toBe("tools[0].run.project[1]");
    expect(err.detail).toContain("no row of table 'things' has a field 'nmae'");
  });

  describe("an information service's facts and a category's rows", () => {
    const notes = '[{"id":"a","name":"swap","kind":"concept","gist":"overflow for memory","answer":"Swap is disk space used as overflow for memory."},{"id":"b","name":"df -h","kind":"command","gist":"free space","answer":"df -h shows free space per filesystem."}]';
    const facts = (p: Record<string, any>): void => {
      p.services[0].facts = ["gist"];
      p.services[0].says = ["answer"];
    };

    it("loads when every row's facts are in what the answer says, and types them on the service", () => {
      const d = loadDomain(userPack(facts, notes));
      expect(d.services[0]).toMatchObject({ facts: ["gist"], says: ["answer"] });
      // says defaults to the facts themselves
      expect(loadDomain(userPack((p) => (p.services[0].facts = ["answer"]), notes)).services[0]).toMatchObject({ facts: ["answer"], says: ["answer"] });
    });

    it("names a fact field no row has", () => {
      const err = packError(userPack((p) => (facts(p), (p.services[0].facts = ["gist", "gits"])), notes));
      expect(err.path).toBe("services[0].facts[1]");
      expect(err.detail).toContain("no row of table 'things' has a field 'gits'");
    });

    it("names a row whose fact the answer does not say", () => {
      const err = packError(userPack(facts, notes.replace("overflow for memory\"", "extra memory\"")));
      expect(err.path).toBe("services[0].facts[0]");
      expect(err.detail).toContain("row 'a' of table 'things': its 'gist' (\"extra memory\") is not in what the answer says (answer)");
    });

    it("names facts without a table, without a tool that reads it, and says without facts", () => {
      expect(packError(userPack((p) => (facts(p), delete p.services[0].table), notes)).path).toBe("services[0].facts");
      const noReader = packError(userPack((p) => (facts(p), (p.tools[0].role = "think"), (p.tools[0].run = { op: "static", result: {} })), notes));
      expect(noReader.path).toBe("services[0].facts");
      expect(noReader.detail).toContain("no lookup or search tool reads table 'things'");
      expect(packError(userPack((p) => (p.services[0].says = ["answer"]), notes)).path).toBe("services[0].says");
    });

    it("names a category's where field no row has, and a where no row meets", () => {
      const bad = packError(userPack((p) => (p.categories.finding.where = [{ field: "knid", value: "concept" }]), notes));
      expect(bad.path).toBe("categories.finding.where[0].field");
      const none = packError(userPack((p) => (p.categories.finding.where = [{ field: "kind", value: "practice" }]), notes));
      expect(none.path).toBe("categories.finding.where");
      expect(none.detail).toContain("no row of table 'things' meets every condition");
      expect(loadDomain(userPack((p) => (p.categories.finding.where = [{ field: "kind", value: "concept" }]), notes)).category("finding")?.where).toEqual([{ field: "kind", value: "concept" }]);
    });
  });

  describe("a modify category's changes", () => {
    // A bookable service: a create tool over `things` with one booking field, `day`.
    const bookable = (p: Record<string, any>): void => {
      p.tools.push({
        type: "function",
        function: { name: "book", parameters: { type: "object", properties: { day: { type: "string" } }, required: ["day"] } },
        role: "act",
        changes: [{ table: "bookings", change: "create" }],
        run: { op: "create", table: "bookings", set: { day: { arg: "day" } } },
      });
      p.database.tables.bookings = { key: "id", rows: [], fields: ["day"] };
      p.services[0].booking = { create: "book", fields: ["day"] };
      p.services[0].categories.push("moving");
      p.categories.moving = { task: "modify", changes: ["day"] };
    };

    it("loads when each is a booking field of the services that list it", () => {
      expect(loadDomain(userPack(bookable)).category("moving")?.changes).toEqual(["day"]);
    });

    it("names a field that is not a booking field, and changes on a task that is not a modify", () => {
      const notField = packError(userPack((p) => (bookable(p), (p.categories.moving.changes = ["day", "time"]))));
      expect(notField.path).toBe("categories.moving.changes[1]");
      expect(notField.detail).toContain("'time' is not a booking field of service 'things' (day)");
      const notModify = packError(userPack((p) => (bookable(p), (p.categories.moving.task = "info"))));
      expect(notModify.path).toBe("categories.moving.changes");
    });
  });

  it("names the data file and row of a row without its key", () => {
    const dir = userPack(() => {}, '[{"id":"a"},{"name":"no id"}]');
    const err = packError(dir);
    expect(err.file).toBe(join(dir, "data", "things.json"));
    expect(err.path).toBe("row 2");
  });

  it("names a missing data file", () => {
    const err = packError(userPack((p) => (p.database.tables.things.file = "data/nope.json")));
    expect(err.path).toBe("database.tables.things.file");
  });

  it("names a bad thing template of a service, and a place's among table that does not exist, with the path", () => {
    const thing = packError(userPack((p) => (p.services[0].thing = { en: "[a thing|something", hi: "कुछ" })));
    expect(thing.path).toBe("services[0].thing.en");
    expect(thing.message).toContain("never closed");
    const cab = (among: string[]) => (p: Record<string, any>) => {
      p.tools.push({ type: "function", function: { name: "book_cab", parameters: { type: "object", properties: { from: { type: "string" } } } }, role: "act", changes: [{ table: "rides", change: "create" }], run: { op: "create", table: "rides", set: { from: { arg: "from" } } } });
      p.database.tables.rides = { key: "id", rows: [] };
      p.services[0].booking = { create: "book_cab", fields: ["from"], values: { from: { kind: "place", end: "from", among } } };
    };
    expect(loadDomain(userPack(cab(["things"]))).service("things")?.booking?.values?.from).toEqual({ kind: "place", end: "from", among: ["things"] });
    const err = packError(userPack(cab(["things", "venues"])));
    expect(err.path).toBe("services[0].booking.values.from.among[1]");
    expect(err.message).toContain("no table 'venues'");
  });

  it("names a booking tool that does not exist", () => {
    const err = packError(userPack((p) => (p.services[0].booking = { create: "book", fields: [] })));
    expect(err.path).toBe("services[0].booking.create");
  });

  const orders = (p: Record<string, any>): void => {
    p.database.tables.orders = { key: "id", rows: [] };
    p.tools.push({
      type: "function",
      function: { name: "order", parameters: { type: "object", properties: { thing: { type: "string" } } } },
      role: "act",
      changes: [{ table: "orders", change: "create" }],
      run: { op: "create", table: "orders", ref: { table: "things", arg: "thing" }, set: { thing: { arg: "thing" } } },
    });
  };

  type Edit = (p: Record<string, any>) => unknown;
  const cases: Array<[string, Edit, string, RegExp]> = [
    ["a tool without a role", (p) => delete p.tools[0].role, "tools[0].role", /Invalid option|expected one of/],
    ["a role that is not one", (p) => (p.tools[0].role = "finder"), "tools[0].role", /lookup/],
    ["a writing tool declared a search", (p) => (orders(p), (p.tools[1].role = "search")), "tools[1].role", /writes \(create orders\) but is declared 'search'/],
    ["an act that does not declare its write", (p) => (orders(p), delete p.tools[1].changes), "tools[1].changes", /missing \{"table":"orders","change":"create"\}/],
    ["a declared change the run does not make", (p) => (orders(p), (p.tools[1].changes = [{ table: "orders", change: "cancel" }])), "tools[1].changes", /missing/],
    ["a change to a missing table", (p) => (orders(p), p.tools[1].changes.push({ table: "ordrs", change: "create" })), "tools[1].changes[1].table", /no table 'ordrs'/],
    ["an act that changes nothing", (p) => (p.tools[0].role = "act"), "tools[0].role", /changes nothing/],
    ["a none tool that reads data", (p) => (p.tools[0].role = "none"), "tools[0].role", /reads no data/],
    ["a lookup about a missing table", (p) => ((p.tools[0].role = "lookup"), (p.tools[0].about = "thingz")), "tools[0].about", /no table 'thingz'/],
    ["a category without a task", (p) => (p.categories = {}), "services[0].categories[0]", /declare its task/],
    ["a task that is not one", (p) => (p.categories.finding.task = "buy"), "categories.finding.task", /create/],
    ["a task for no category", (p) => (p.categories.lost = { task: "issue" }), "categories.lost", /not a category of any service/],
    ["an unknown offline key", (p) => (p.offline = { no_tool: "none" }), "offline", /no_tool/],
    ["a display of a missing table", (p) => (p.offline = { display: { thingz: { title: "name" } } }), "offline.display.thingz", /no table 'thingz'/],
    ["a display title no row has", (p) => (p.offline = { display: { things: { title: "nmae" } } }), "offline.display.things.title", /no row of table 'things' has a field 'nmae'/],
    ["a display price that holds no amount", (p) => (p.offline = { display: { things: { price: "name" } } }), "offline.display.things.price", /'name' holds no amount in table 'things'/],
    ["a display prose field no row has", (p) => (p.offline = { display: { things: { prose: "blurb" } } }), "offline.display.things.prose", /no row of table 'things' has a field 'blurb'/],
    ["a display prose field that holds no sentence", (p) => (p.offline = { display: { things: { prose: "name" } } }), "offline.display.things.prose", /'name' holds no sentence in table 'things'/],
    ["nouns of a missing service", (p) => (p.offline = { nouns: { thing: ["a thing"] } }), "offline.nouns.thing", /no service named 'thing'/],
  ];
  it.each(cases)("names %s with the file and the JSON path", (_what, edit, path, detail) => {
    const dir = userPack(edit);
    const err = packError(dir);
    expect(err.file).toBe(join(dir, "pack.json"));
    expect(err.path).toBe(path);
    expect(err.message).toMatch(detail);
  });

  it("loads an act that declares its writes, and reports roles and tasks", () => {
    const d = loadDomain(userPack(orders));
    expect(d.roleOf("order")).toBe("act");
    expect(d.toolsWithRole("search")).toEqual(["find"]);
    expect(d.taskOf("finding")).toBe("info");
    // Without a label, a category is called by what its task is, never by its name (a key).
    expect(d.labelOf("finding")).toBe("a question");
  });

  it("names a tool whose parameters are not a JSON Schema", () => {
    const d = loadPackFile(join(userPack((p) => (p.tools[0].function.parameters = { type: "objekt", properties: { q: { type: "string" } } })), "pack.json"));
    expect(() => d.checkTools()).toThrow(PackError);
    expect(() => d.checkTools()).toThrow(/tools\[0\]\.function\.parameters/);
  });

  it("loads a pack's wording and hands it to the engine", () => {
    const d = loadDomain(userPack((p) => (p.wording = { assistant_gender: "f", en: { assistant: { offer: ["Want the {m:x|f:y} one?"] } }, values: { name: { en: "called {value}" } } })));
    expect(d.wording?.assistant_gender).toBe("f");
    expect(d.wording?.en?.assistant?.offer).toEqual(["Want the {m:x|f:y} one?"]);
  });

  it("names an unknown act in the wording and lists the acts", () => {
    const err = packError(userPack((p) => (p.wording = { en: { assistant: { bookd: ["Done."] } } })));
    expect(err.path).toBe("wording.en.assistant");
    expect(err.detail).toContain("unknown assistant act 'bookd'");
    expect(err.detail).toContain("booked");
  });

  it("names an unbalanced bracket in a wording line", () => {
    const err = packError(userPack((p) => (p.wording = { hi: { user: { choose: ["मैं {item} [लूँगा|ले लेता हूँ"] } } })));
    expect(err.path).toBe("wording.hi.user.choose[0]");
    expect(err.detail).toContain("'[' never closed");
  });

  it("names a slot the act does not have, with the slots it has", () => {
    const err = packError(userPack((p) => (p.wording = { en: { assistant: { booked: ["Done: {summary}, {reference}."] } } })));
    expect(err.path).toBe("wording.en.assistant.booked[0]");
    expect(err.detail).toContain("unknown slot {reference}");
    expect(err.detail).toContain("{ref}");
  });

  it("names a malformed gender form, an unknown act in replace and a bad value template", () => {
    expect(packError(userPack((p) => (p.wording = { mixed: { user: { give_up: ["main {m:lunga|lungi}"] } } }))).detail).toContain("not a gender form");
    expect(packError(userPack((p) => (p.wording = { replace: ["assistant.offers"] }))).path).toBe("wording.replace[0]");
    expect(packError(userPack((p) => (p.wording = { values: { colour: { no: { en: "not {colour}" } } } }))).path).toBe("wording.values.colour.no.en");
  });

  it("loads a service's thing declared by gender, and names a bad one or a bad thing-gender form with its file and path", () => {
    const gendered = (thing: unknown) => userPack((p) => (p.services[0].thing = { en: "a thing", hi: thing }));
    expect(loadDomain(gendered({ m: "सामान", f: "[चीज़|कोई चीज़]" })).pack.services[0]!.thing?.hi).toEqual({ m: "सामान", f: "[चीज़|कोई चीज़]" });
    const dir = gendered({ n: "चीज़" });
    const err = packError(dir);
    expect(err.file).toBe(join(dir, "pack.json"));
    expect(err.path).toMatch(/^services\[0\]\.thing\.hi/);
    expect(packError(gendered({})).path).toMatch(/^services\[0\]\.thing\.hi/);
    const form = packError(userPack((p) => (p.wording = { hi: { user: { add: ["{c} {tm:होना चाहिए}"] } } })));
    expect(form.path).toBe("wording.hi.user.add[0]");
    expect(form.detail).toContain("not a form of the thing's gender");
  });

  it("names a bad goal, fact or argument wording of a value with its file and path", () => {
    const dir = userPack((p) => (p.wording = { values: { colour: { goal: { place: "inside" } } } }));
    const err = packError(dir);
    expect(err.file).toBe(join(dir, "pack.json"));
    expect(err.path).toBe("wording.values.colour.goal.place");
    expect(err.message).toContain(`${join(dir, "pack.json")}: wording.values.colour.goal.place`);
    expect(packError(userPack((p) => (p.wording = { values: { colour: { goal: { cases: [{ match: "(one size" }] } } } }))).path).toBe("wording.values.colour.goal.cases[0].match");
    expect(packError(userPack((p) => (p.wording = { values: { colour: { goal: { cases: [{ match: "x", say: "in {colour}" }] } } } }))).path).toBe("wording.values.colour.goal.cases[0].say");
    expect(packError(userPack((p) => (p.wording = { values: { colour: { fact: { say: "in {value}", form: "shouty" } } } }))).path).toBe("wording.values.colour.fact.form");
    expect(packError(userPack((p) => (p.wording = { values: { colour: { fact: { say: "in {value}", many: "[in {value}" } } } }))).detail).toContain("'[' never closed");
    expect(packError(userPack((p) => (p.wording = { values: { colour: { arg: { many: { hi: "{count} रात" } } } } }))).path).toBe("wording.values.colour.arg.many.hi");
    expect(packError(userPack((p) => (p.wording = { values: { colour: { fact: { no: "not red" } } } }))).path).toBe("wording.values.colour.fact.say");
    expect(packError(userPack((p) => (p.wording = { values: { colour: { alone: "one (size" } } }))).path).toBe("wording.values.colour.alone");
  });

  it("a fact said as a scale's run loads as list range; a misspelt one is named with its file and path", () => {
    const dir = userPack((p) => (p.wording = { values: { name: { fact: { say: "in size {value}", list: "ranges" } } } }));
    const err = packError(dir);
    expect(err.path).toBe("wording.values.name.fact.list");
    expect(err.message).toContain(`${join(dir, "pack.json")}: wording.values.name.fact.list`);
    expect(loadDomain(userPack((p) => (p.wording = { values: { name: { fact: { say: "in size {value}", list: "range" } } } }))).wording?.values?.name?.fact?.list).toBe("range");
  });
});
