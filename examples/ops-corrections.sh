#!/usr/bin/env bash
# An ops "corrections" set (seed 004): the tool-format errors a real assistant made —
# "action" instead of "tool", tool "none" mishandled, a plan printed as a Python dict,
# a wrong count read from the tool output — as executed, graded rejected answers.
#   N=80 OUT=out/ops-corrections bash examples/ops-corrections.sh
set -euo pipefail
N=${N:-40}
OUT=${OUT:-out/ops-corrections}
mkdir -p "$OUT"

persona-sample -n "$N" --domain ops --seed 4 --mix style=casual:1,senior_engineer:1,stressed:1,learner:1,executive:1 \
  | dialogue-sim --seed 4 \
  | tool-annotate --seed 4 --alternatives 4 \
      --defects action_key_instead_of_tool,tool_none,plan_as_python_dict,wrong_count \
  > "$OUT/annotated.ndjson"

to-dpo --format muse "$OUT/annotated.ndjson" > "$OUT/corrections.muse.jsonl"
to-dpo --format trl "$OUT/annotated.ndjson" > "$OUT/corrections.trl.jsonl"
echo "ops-corrections: $(wc -l < "$OUT/corrections.trl.jsonl") pairs in $OUT" >&2
