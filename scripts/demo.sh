#!/usr/bin/env bash
# The main job, offline: a small retail dataset from personas to trainer files.
# Run with `npx pnpm demo` (which builds first). Output: out/demo/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
out=out/demo
rm -rf "$out" && mkdir -p "$out"
n=${DEMO_N:-200}

persona-sample -n "$n" --domain retail --seed 7 \
  | scenario-gen --seed 7 \
  | dialogue-sim --seed 7 \
  | tool-annotate --alternatives 2 \
  | dedup \
  | validate --type annotated-dialogue \
  > "$out/dialogues.ndjson"

to-sft --format trl --granularity turn < "$out/dialogues.ndjson" > "$out/sft.trl.jsonl"
to-sft --format openai < "$out/dialogues.ndjson" > "$out/sft.openai.jsonl"
to-dpo --format trl < "$out/dialogues.ndjson" > "$out/dpo.trl.jsonl"
to-rl --format transitions < "$out/dialogues.ndjson" > "$out/rl.transitions.jsonl"
stats --html "$out/report.html" < "$out/dialogues.ndjson" > "$out/stats.json"

echo
echo "demo: wrote $out/"
wc -l "$out"/*.ndjson "$out"/*.jsonl | sed 's/^/  /'
echo "  $out/report.html (open it in a browser)"
