#!/usr/bin/env bash
# A dataset job spread over several machines with GNU parallel: each shard runs on one of
# the hosts of --sshlogin (chatmill installed there, OUT on a filesystem all hosts share),
# then the merge runs here.
#   HOSTS=gpu1,gpu2,4/big-box SHARDS=16 OUT=/shared/job-1 bash examples/multi-host/parallel-hosts.sh
# HOSTS is GNU parallel's --sshlogin list ("N/host" runs N shards at once on that host; ":"
# is this machine). SSH sets the ssh command (parallel's --ssh). A shard that fails is
# retried (--retries 2) and, being renamed into place only when complete, never half-merged;
# --joblog lets `--resume-failed` rerun only what failed.
set -euo pipefail
HOSTS=${HOSTS:-:}
SHARDS=${SHARDS:-8}
OUT=${OUT:-out/multi-host}
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
export PERSONAS=${PERSONAS:-1000} SEED=${SEED:-7} DOMAIN=${DOMAIN:-retail}
# parallel's remote wrapper runs each job with the host's $SHELL; where that is unset (a
# non-login ssh, a container, a CI runner) GNU parallel 20221122 reports every job as done
# without running it. Naming the shell here makes the hosts' environment not matter.
export PARALLEL_SHELL=${PARALLEL_SHELL:-bash}
parallel --sshlogin "$HOSTS" ${SSH:+--ssh "$SSH"} --env PERSONAS --env SEED --env DOMAIN --env PATH \
  --retries 2 --joblog "$OUT/joblog" --halt now,fail=1 \
  "bash '$HERE/shard.sh' {} $SHARDS '$OUT'" ::: $(seq 0 $((SHARDS - 1)))
bash "$HERE/merge.sh" "$SHARDS" "$OUT"
