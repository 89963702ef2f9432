#!/usr/bin/env bash
# One shard of a dataset job: the I-th of N parts of every generating stage, deduplicated
# within the shard with its own index. Run it anywhere chatmill is installed: a host of a
# GNU parallel --sshlogin list, or a pod of a Kubernetes Indexed Job.
#   bash shard.sh I N OUTDIR        (I from 0; N, SEED, DOMAIN from the environment or defaults)
# Writes OUTDIR/shard-I.ndjson (graded dialogues) and OUTDIR/shard-I.idx (its dedup index).
set -euo pipefail
I=${1:?usage: shard.sh I N OUTDIR}
SHARDS=${2:?usage: shard.sh I N OUTDIR}
OUT=${3:?usage: shard.sh I N OUTDIR}
PERSONAS=${PERSONAS:-1000}
SEED=${SEED:-7}
DOMAIN=${DOMAIN:-retail}
mkdir -p "$OUT"
# Only persona-sample needs --shard here: persona k is made by shard k mod N, and every later
# stage works record by record, so the shard's personas carry their dialogues with them.
persona-sample -n "$PERSONAS" --domain "$DOMAIN" --seed "$SEED" --shard "$I/$SHARDS" \
  | scenario-gen --seed "$SEED" \
  | dialogue-sim --seed "$SEED" \
  | tool-annotate --seed "$SEED" \
  | dedup --index "$OUT/shard-$I.idx.tmp" > "$OUT/shard-$I.ndjson.tmp"
# Renamed only when the whole pipeline succeeded, so a half-written shard is never merged.
mv "$OUT/shard-$I.idx.tmp" "$OUT/shard-$I.idx"
mv "$OUT/shard-$I.ndjson.tmp" "$OUT/shard-$I.ndjson"
