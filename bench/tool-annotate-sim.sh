#!/usr/bin/env bash
# tool-annotate on real dialogue-sim output, by hand: bash bench/tool-annotate-sim.sh [N per domain]
# Prints dialogues/s of the pipeline without and with tool-annotate (the baseline, same run) and
# the share of (chosen, alternative) pairs where the chosen call scores higher.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-70}
tmp=$(mktemp -d)
for d in retail travel ops; do
  node packages/persona-sample/bin/persona-sample.js -q -n "$n" --domain "$d" | node packages/scenario-gen/bin/scenario-gen.js -q
done > "$tmp/scenarios.ndjson"
s0=$(date +%s.%N); node packages/dialogue-sim/bin/dialogue-sim.js -q < "$tmp/scenarios.ndjson" > "$tmp/dialogues.ndjson"; s1=$(date +%s.%N)
node packages/tool-annotate/bin/tool-annotate.js -q < "$tmp/dialogues.ndjson" > "$tmp/annotated.ndjson"; s2=$(date +%s.%N)
count=$(wc -l < "$tmp/dialogues.ndjson")
python3 - "$tmp/annotated.ndjson" "$count" "$s0" "$s1" "$s2" <<'PY'
import json, sys
f, count, s0, s1, s2 = sys.argv[1], int(sys.argv[2]), *map(float, sys.argv[3:])
calls = pairs = wins = 0
for line in open(f):
    d = json.loads(line)
    for m in d["messages"]:
        for c in m.get("tool_calls") or []:
            calls += 1
            for a in c["alternatives"]:
                pairs += 1
                wins += c["grade"]["success_rate"] > a["grade"]["success_rate"]
sim, ann = s1 - s0, s2 - s1
print(f"{count} dialogues, {calls} calls, {pairs} pairs")
print(f"dialogue-sim (baseline): {sim:.1f} s, {count / sim:.0f} dialogues/s")
print(f"tool-annotate -k 3:     {ann:.1f} s, {count / ann:.0f} dialogues/s, {ann / sim:.2f}x the simulation")
print(f"chosen scores higher than its alternative in {wins / pairs:.1%} of pairs")
PY
rm -rf "$tmp"
