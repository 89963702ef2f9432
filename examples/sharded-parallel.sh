#!/usr/bin/env bash
# Sharded generation: the same dialogues from 4 processes as from one, because every
# record's randomness derives from --seed and its id, never from its position.
# Uses GNU parallel when it is installed, else the same split with plain background jobs.
#   N=2000 JOBS=4 OUT=out/sharded bash examples/sharded-parallel.sh
set -euo pipefail
N=${N:-400}
JOBS=${JOBS:-4}
OUT=${OUT:-out/sharded}
mkdir -p "$OUT"

persona-sample -n "$N" --domain retail --seed 3 > "$OUT/personas.ndjson"

if command -v parallel >/dev/null 2>&1; then
  parallel --pipe -k -N $(( (N + JOBS - 1) / JOBS )) -j "$JOBS" 'scenario-gen --seed 3 | dialogue-sim --seed 3' \
    < "$OUT/personas.ndjson" > "$OUT/sharded.ndjson"
else
  split -n "l/$JOBS" -d "$OUT/personas.ndjson" "$OUT/shard."
  for f in "$OUT"/shard.0*; do (scenario-gen --seed 3 < "$f" | dialogue-sim --seed 3 > "$f.out") & done
  wait
  cat "$OUT"/shard.0*.out > "$OUT/sharded.ndjson"
  rm -f "$OUT"/shard.0*
fi

scenario-gen --seed 3 < "$OUT/personas.ndjson" | dialogue-sim --seed 3 > "$OUT/single.ndjson"
cmp "$OUT/sharded.ndjson" "$OUT/single.ndjson"
echo "sharded: $JOBS shards gave the same $(wc -l < "$OUT/single.ndjson") dialogues as one process" >&2
