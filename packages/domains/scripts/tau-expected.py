#!/usr/bin/env python3
"""Expected results of the tau-bench / tau2 train tasks' gold actions, for the tau packs' replay test.

Runs tau-bench's own tool implementations (read from a local mirror of sierra-research/tau-bench,
never copied into this repo) on a fresh copy of the database per task, and writes a compact
fixture: per action ok/error and a hash of the result, per task a hash of the rows the task
changed. tau2's two extra read tools (get_item_details, get_flight_status) are not in tau-bench;
they are written here from tau2-bench's src/tau2/domains/*/tools.py (a variant by item id across
products; a flight date's status), with tau2's error texts.

The databases are tau-bench's (../shared/data/tau-bench) with each user's key also stored as its
`user_id` field, as tau2's retail db.json has it and as the packs do (a table row carries its key).

Also runs the probes of test-data/tau-probes.json (hand-written calls for the tools and the
refusals no gold action reaches) and records them under "probes".

Usage: python3 tau-expected.py TAU_BENCH_GIT_DIR DATA_DIR OUT.json [--full FULL.json]
  TAU_BENCH_GIT_DIR: a git dir of sierra-research/tau-bench (e.g. a bare mirror)
  DATA_DIR: the shared data folder (holding tau-bench/ and tau-tasks-train/)
Hashes: sha256 of canonical JSON (sorted keys, no spaces; numbers at 6 decimals, integral ones
as integers, as JavaScript writes them), first 16 hex digits. A result that is not a JSON object
(a user id, a number, a list) is hashed as {"result": value}, as the packs return it; an error is
hashed as its text without tau-bench's "Error: " prefix (the pack's error message).
"""
import hashlib, pickle, json, math, subprocess, sys, types

git_dir, data_dir, out_file = sys.argv[1], sys.argv[2], sys.argv[3]
full_file = sys.argv[5] if len(sys.argv) > 5 and sys.argv[4] == "--full" else None


def tool_source(domain, name):
    return subprocess.run(["git", f"--git-dir={git_dir}", "show", f"HEAD:tau_bench/envs/{domain}/tools/{name}.py"],
                          check=True, capture_output=True, text=True).stdout


# tau-bench's tools import only its Tool base class: stub it, so no tau-bench dependency is needed.
for mod in ["tau_bench", "tau_bench.envs"]:
    sys.modules[mod] = types.ModuleType(mod)
tool_mod = types.ModuleType("tau_bench.envs.tool")
tool_mod.Tool = type("Tool", (), {})
sys.modules["tau_bench.envs.tool"] = tool_mod


def load_tools(domain, names):
    tools = {}
    for name in names:
        ns = {"__name__": f"tau_tool_{domain}_{name}"}
        exec(compile(tool_source(domain, name), f"{domain}/{name}.py", "exec"), ns)
        cls = next(v for k, v in ns.items() if isinstance(v, type) and hasattr(v, "invoke") and k != "Tool")
        tools[name] = cls.invoke
    return tools


RETAIL = ["calculate", "cancel_pending_order", "exchange_delivered_order_items", "find_user_id_by_email",
          "find_user_id_by_name_zip", "get_order_details", "get_product_details", "get_user_details",
          "list_all_product_types", "modify_pending_order_address", "modify_pending_order_items",
          "modify_pending_order_payment", "modify_user_address", "return_delivered_order_items", "think",
          "transfer_to_human_agents"]
AIRLINE = ["book_reservation", "calculate", "cancel_reservation", "get_reservation_details", "get_user_details",
           "list_all_airports", "search_direct_flight", "search_onestop_flight", "send_certificate", "think",
           "transfer_to_human_agents", "update_reservation_baggages", "update_reservation_flights",
           "update_reservation_passengers"]


def get_item_details(data, item_id):  # tau2: RetailTools._get_item
    for product in data["products"].values():
        if item_id in product["variants"]:
            return json.dumps(product["variants"][item_id])
    return "Error: Item not found"


def get_flight_status(data, flight_number, date):  # tau2: AirlineTools._get_flight_instance(...).status
    if flight_number not in data["flights"]:
        return f"Error: Flight {flight_number} not found"
    flight = data["flights"][flight_number]
    if date not in flight["dates"]:
        return f"Error: Flight {flight_number} not found on date {date}"
    return flight["dates"][date]["status"]


def load_db(domain, tables):
    db = {}
    for t in tables:
        with open(f"{data_dir}/tau-bench/{domain}/{t}.json") as f:
            db[t] = json.load(f)
    for uid, user in db["users"].items():
        user["user_id"] = uid
    return db


def js_number(x):
    # Numbers at 6 decimals: tau-bench sums prices without rounding (12.469999999999999), chatmill's
    # arithmetic keeps money as on paper (12.47); an integral float is written as JavaScript does.
    x = round(x, 6)
    if x.is_integer() and abs(x) < 1e15:
        return int(x)
    return x


def normal(v):
    if isinstance(v, dict):
        return {k: normal(x) for k, x in v.items()}
    if isinstance(v, list):
        return [normal(x) for x in v]
    if isinstance(v, float):
        return js_number(v)
    return v


def canonical(v):
    return json.dumps(normal(v), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def h(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def result_value(out):
    """What a result says, as chatmill's packs return it: a JSON object as is; any other value as {"result": v}."""
    if out.startswith("Error: "):
        return None
    try:
        v = json.loads(out)
    except ValueError:
        v = out
    return v if isinstance(v, dict) else {"result": v}


def changed_rows(base, db):
    rows = []
    for t in sorted(db):
        for k in sorted(set(base[t]) | set(db[t])):
            a, b = base[t].get(k), db[t].get(k)
            if a != b and canonical(a) != canonical(b):
                rows.append([t, k, normal(b)])
    return rows


def run(domain, tables, tools, tasks, label):
    base = load_db(domain, tables)
    frozen = pickle.dumps(base)
    out, full = [], []
    for i, task in enumerate(tasks):
        db = pickle.loads(frozen)
        acts, facts = [], []
        for a in task["actions"]:
            fn = tools.get(a["name"])
            res = fn(db, **a["kwargs"])
            ok = not res.startswith("Error: ")
            if ok:
                v = result_value(res)
                acts.append({"ok": True, "hash": h(canonical(v))})
                facts.append({"name": a["name"], "ok": True, "value": normal(v)})
            else:
                msg = res[len("Error: "):]
                acts.append({"ok": False, "hash": h(msg)})
                facts.append({"name": a["name"], "ok": False, "message": msg})
        rows = changed_rows(base, db)
        out.append({"task": task["id"], "actions": acts, "changed": len(rows), "end": h(canonical(rows))})
        full.append({"task": task["id"], "actions": facts, "changed": rows})
    errors = sum(1 for t in out for a in t["actions"] if not a["ok"])
    print(f"{label}: {len(tasks)} tasks, {sum(len(t['actions']) for t in out)} actions, {errors} refused", file=sys.stderr)
    return out, full


def tasks_of(file, tau2):
    with open(f"{data_dir}/tau-tasks-train/{file}") as f:
        raw = json.load(f)
    tasks = []
    for i, t in enumerate(raw):
        if tau2:
            if t.get("initial_state"):
                sys.exit(f"{file}: task {t['id']} has an initial_state; this script does not apply one yet")
            acts = [{"name": a["name"], "kwargs": a["arguments"]} for a in (t["evaluation_criteria"]["actions"] or [])]
            tasks.append({"id": str(t["id"]), "user_id": None, "actions": acts})
        else:
            tasks.append({"id": str(i), "user_id": t["user_id"], "actions": t["actions"]})
    return tasks


retail_tools = load_tools("retail", RETAIL)
retail_tools["get_item_details"] = get_item_details
airline_tools = load_tools("airline", AIRLINE)
airline_tools["get_flight_status"] = get_flight_status
RT, AT = ["users", "products", "orders"], ["users", "flights", "reservations"]

result, fulls = {}, {}
for key, file, domain, tables, tools, tau2 in [
    ("tau-bench-retail-train", "tau-bench-retail-tasks_train.json", "retail", RT, retail_tools, False),
    ("tau-bench-retail-dev", "tau-bench-retail-tasks_dev.json", "retail", RT, retail_tools, False),
    ("tau2-retail-train", "tau2-retail-train.json", "retail", RT, retail_tools, True),
    ("tau2-airline-train", "tau2-airline-train.json", "airline", AT, airline_tools, True),
]:
    result[key], fulls[key] = run(domain, tables, tools, tasks_of(file, tau2), key)

# Probes: hand-written calls (test-data/tau-probes.json) for the tools and refusals the gold actions never reach.
import os
probe_file = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test-data", "tau-probes.json")
with open(probe_file) as f:
    probes = json.load(f)
result["probes"], fulls["probes"] = [], []
for pack, domain, tables, tools in [("tau-retail", "retail", RT, retail_tools), ("tau-airline", "airline", AT, airline_tools)]:
    mine = [{"id": p["id"], "user_id": None, "actions": [{"name": a["name"], "kwargs": a["arguments"]} for a in p["actions"]]} for p in probes if p["pack"] == pack]
    out, full = run(domain, tables, tools, mine, f"probes on {pack}")
    result["probes"] += out
    fulls["probes"] += full

with open(out_file, "w") as f:
    f.write("{\n" + ",\n".join(f"  {json.dumps(k)}: [\n" + ",\n".join("    " + json.dumps(t, separators=(",", ":")) for t in v) + "\n  ]" for k, v in result.items()) + "\n}\n")
if full_file:
    with open(full_file, "w") as f:
        json.dump(fulls, f)
