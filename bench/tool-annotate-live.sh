#!/usr/bin/env bash
# tool-annotate on live dialogues, by hand: bash bench/tool-annotate-live.sh [N]
# Runs the openapi example (examples/openapi-sft: N dialogues against the demo shop API, started
# here on 127.0.0.1, recorded; annotated there with --backend replay), stops the API, annotates
# the same dialogues again over the pack's tables (no --backend), and prints for both the tool
# calls graded not_found, graded not ok, and graded otherwise than the API answered them.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-150}
tmp=$(mktemp -d)
export PATH="$PWD/node_modules/.bin:$PATH" SHOP_API_KEY="bench-$$"
node packages/pack/fixtures/shop-api.mjs > "$tmp/port" &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$tmp"' EXIT
until [ -s "$tmp/port" ]; do sleep 0.1; done
make -s -C examples/openapi-sft API="http://127.0.0.1:$(cat "$tmp/port")" N="$n" OUT="$tmp/out" > "$tmp/make.log" 2>&1
kill $server
tool-annotate -q --domain "$tmp/out/shop" --seed 7 < "$tmp/out/dialogues.ndjson" > "$tmp/over-tables.ndjson"
python3 - "$tmp/over-tables.ndjson" "$tmp/out/annotated.ndjson" <<'PY'
import json, sys
def measure(f):
    out = dict(dialogues=0, calls=0, not_found=0, not_ok=0, otherwise=0, pairs=0, wins=0)
    for line in open(f):
        d = json.loads(line)
        out["dialogues"] += 1
        msgs = d["messages"]
        for m in msgs:
            for c in m.get("tool_calls") or []:
                if c.get("inferred"):
                    continue
                g = c["grade"]
                out["calls"] += 1
                out["not_found"] += any(n.startswith("not_found") for n in g.get("notes", []))
                out["not_ok"] += not g["ok"]
                t = next((x for x in msgs if x["role"] == "tool" and x.get("tool_call_id") == c["id"]), None)
                if t and t.get("injected") not in ("timeout", "server_error"):
                    out["otherwise"] += g["ok"] != (t.get("ok") is not False)
                for a in c["alternatives"]:
                    out["pairs"] += 1
                    out["wins"] += g["success_rate"] > a["grade"]["success_rate"]
    return out
for name, f in (("over the pack's tables (no --backend)", sys.argv[1]), ("--backend replay (the run's cassette)", sys.argv[2])):
    m = measure(f)
    print(f"{name}: {m['dialogues']} dialogues, {m['calls']} calls: {m['not_found']} not_found, {m['not_ok']} not ok, "
          f"{m['otherwise']} graded otherwise than the API answered; chosen above its alternative in {m['wins'] / max(m['pairs'], 1):.1%} of {m['pairs']} pairs")
PY
