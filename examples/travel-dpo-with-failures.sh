#!/usr/bin/env bash
# A travel DPO set in which a quarter of the tool calls fail and the assistant recovers:
# the pairs come from tool-annotate's executed alternatives and from failed-versus-recovered turns.
#   N=300 OUT=out/travel-dpo bash examples/travel-dpo-with-failures.sh
set -euo pipefail
N=${N:-100}
OUT=${OUT:-out/travel-dpo}
mkdir -p "$OUT"

persona-sample -n "$N" --domain travel --seed 11 \
  | scenario-gen --seed 11 \
  | dialogue-sim --seed 11 --failure-rate 0.25 \
  | tool-annotate --seed 11 --alternatives 3 \
  | dedup \
  > "$OUT/annotated.ndjson"

to-dpo --format trl --min-margin 0.2 "$OUT/annotated.ndjson" > "$OUT/dpo.trl.jsonl"
to-dpo --format openai --min-margin 0.2 "$OUT/annotated.ndjson" > "$OUT/dpo.openai.jsonl"
echo "travel-dpo: $(wc -l < "$OUT/dpo.trl.jsonl") TRL pairs, $(wc -l < "$OUT/dpo.openai.jsonl") OpenAI pairs in $OUT" >&2
