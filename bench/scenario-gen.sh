#!/usr/bin/env bash
# The two tools through real pipes: 10,000 personas, then 10,000 scenarios, against `cat` of
# the same bytes as a baseline. Run after a build: bash bench/scenario-gen.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PS=packages/persona-sample/bin/persona-sample.js
SG=packages/scenario-gen/bin/scenario-gen.js
t() { local s; s=$(date +%s.%N); "$@"; echo "$(date +%s.%N) - $s" | bc; }
tp=$(t bash -c "node $PS -n $N --domain travel --seed 7 -q > $TMP/p.ndjson")
ts=$(t bash -c "node $SG --domain travel -q < $TMP/p.ndjson > $TMP/s.ndjson")
tc=$(t bash -c "cat $TMP/s.ndjson > /dev/null")
echo "persona-sample -n $N: ${tp}s ($(wc -c < $TMP/p.ndjson) bytes)"
echo "scenario-gen $N personas: ${ts}s ($(wc -c < $TMP/s.ndjson) bytes); cat of the output: ${tc}s"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
