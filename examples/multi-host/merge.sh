#!/usr/bin/env bash
# The final step after every shard is done: merge the shards' dedup indexes, drop the
# records a later shard holds that duplicate an earlier shard's, and concatenate.
#   bash merge.sh N OUTDIR
# Writes OUTDIR/all.idx (the index for later runs), OUTDIR/cross-dups.ndjson (what was
# dropped across shards, and why) and OUTDIR/dialogues.ndjson.
set -euo pipefail
SHARDS=${1:?usage: merge.sh N OUTDIR}
OUT=${2:?usage: merge.sh N OUTDIR}
idx=() parts=()
for ((i = 0; i < SHARDS; i++)); do
  [[ -f "$OUT/shard-$i.ndjson" && -f "$OUT/shard-$i.idx" ]] || { echo "merge.sh: shard $i is missing or unfinished in $OUT" >&2; exit 3; }
  idx+=("$OUT/shard-$i.idx") parts+=("$OUT/shard-$i.ndjson")
done
dedup merge-index --dups "$OUT/cross-dups.ndjson" "${idx[@]}" > "$OUT/all.idx"
# Drop, by id, what merge-index says a later shard still has to lose.
jq -n -c --slurpfile drop "$OUT/cross-dups.ndjson" \
  '(reduce $drop[] as $d ({}; .[$d.id | tostring] = true)) as $gone | inputs | select($gone[.id | tostring] | not)' \
  "${parts[@]}" > "$OUT/dialogues.ndjson"
echo "merge.sh: $SHARDS shards, $(wc -l < "$OUT/dialogues.ndjson") dialogues, $(wc -l < "$OUT/cross-dups.ndjson") dropped as duplicates across shards" >&2
