#!/usr/bin/env bash
# The (chosen, alternative) pairs tool-annotate did not order, by defect and domain, on real
# dialogue-sim output: bash bench/tool-annotate-pairs.sh [N per domain | FILE.ndjson] [EXAMPLES per defect]
# A number runs persona-sample | scenario-gen | dialogue-sim | tool-annotate (built) first; a file
# is read as annotated dialogues. Prints the win rate per defect and per domain, then for each
# defect up to EXAMPLES losing or tied pairs: the chosen call, the alternative, both grades'
# components and notes, and the next assistant text.
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-100}
ex=${2:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [[ -f "$src" ]]; then
  cp "$src" "$tmp/annotated.ndjson"
else
  for d in retail travel ops; do
    node packages/persona-sample/bin/persona-sample.js -q -n "$src" --domain "$d" | node packages/scenario-gen/bin/scenario-gen.js -q
  done | node packages/dialogue-sim/bin/dialogue-sim.js -q | node packages/tool-annotate/bin/tool-annotate.js -q > "$tmp/annotated.ndjson"
fi
python3 - "$tmp/annotated.ndjson" "$ex" <<'PY'
import json, sys
from collections import defaultdict
f, ex = sys.argv[1], int(sys.argv[2])
stat = defaultdict(lambda: [0, 0, 0])  # pairs, wins, ties
examples = defaultdict(list)
def comp(g):
    return f"sv={int(g['schema_valid'])} ex={int(g['executed'])} ok={int(g['ok'])} G={g['grounded']} P={g['progress']} -> {g['success_rate']}"
def notes(g):
    return [n for n in g.get("notes", []) if not n.startswith("success_rate")]
for line in open(f):
    d = json.loads(line)
    dom = d.get("scenario", {}).get("domain") or d.get("domain")
    msgs = d["messages"]
    for i, m in enumerate(msgs):
        if not m.get("tool_calls"):
            continue
        reply = None
        for x in msgs[i + 1:]:
            if x["role"] == "user": break
            if x["role"] == "assistant" and x.get("content"): reply = x["content"]; break
        reply = reply or m.get("content")
        user = next((x.get("content") for x in reversed(msgs[:i]) if x["role"] == "user"), "")
        for c in m["tool_calls"]:
            g = c["grade"]
            for a in c["alternatives"]:
                ag = a["grade"]
                for key in (a["defect"], f"{a['defect']}@{dom}", f"ALL@{dom}", "ALL"):
                    s = stat[key]
                    s[0] += 1
                    s[1] += g["success_rate"] > ag["success_rate"]
                    s[2] += g["success_rate"] == ag["success_rate"]
                if g["success_rate"] <= ag["success_rate"] and len(examples[a["defect"]]) < ex:
                    examples[a["defect"]].append((d["id"], dom, d.get("scenario", {}).get("goal", {}).get("text"), user, c, a, reply))
print(f"{'key':34} {'pairs':>6} {'wins':>6} {'ties':>5} {'win%':>6}")
for k in sorted(stat, key=lambda k: (k.split("@")[0] != "ALL", k)):
    p, w, t = stat[k]
    print(f"{k:34} {p:6} {w:6} {t:5} {w / p:6.1%}")
for defect, items in examples.items():
    print(f"\n=== {defect} ===")
    for did, dom, goal, user, c, a, reply in items:
        print(f"- {did} [{dom}] goal: {goal}")
        print(f"  user:   {(user or '')[:200]}")
        print(f"  chosen: {c['name']} {json.dumps(c['arguments'])}  [{comp(c['grade'])}]")
        for n in notes(c["grade"]): print(f"          · {n}")
        alt = f"{a['call']['name']} {json.dumps(a['call']['arguments'])}" if a.get("call") else "(text)"
        print(f"  alt:    {alt}  [{comp(a['grade'])}]  {a['detail']}")
        if a.get("text"): print(f"          text: {a['text'][:200]}")
        for n in notes(a["grade"]): print(f"          · {n}")
        print(f"  reply:  {(reply or '')[:300]}")
PY
