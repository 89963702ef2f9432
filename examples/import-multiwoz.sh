#!/usr/bin/env bash
# Import MultiWOZ 2.2 dialogues, make their tool use explicit (calls inferred from the
# dialogue state and executed on the travel database), then export SFT rows.
#   MULTIWOZ=path/to/multiwoz22 OUT=out/multiwoz bash examples/import-multiwoz.sh
set -euo pipefail
MULTIWOZ=${MULTIWOZ:-../shared/data/multiwoz22}
OUT=${OUT:-out/multiwoz}
mkdir -p "$OUT"

chatmill-import --from multiwoz --schema "$MULTIWOZ/schema.json" "$MULTIWOZ"/train_sample_dialogstudio5.json \
  | tool-annotate --domain travel \
  | validate --type annotated-dialogue \
  > "$OUT/annotated.ndjson"

to-sft --format trl "$OUT/annotated.ndjson" > "$OUT/sft.trl.jsonl"
echo "multiwoz: $(jq -s '[.[].messages[].tool_calls[]? | select(.inferred)] | length' "$OUT/annotated.ndjson") inferred calls in $OUT/annotated.ndjson" >&2
