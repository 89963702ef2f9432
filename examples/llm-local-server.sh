#!/usr/bin/env bash
# An LLM run against a local OpenAI-compatible server, with a cache that makes it
# resumable: the run is interrupted, started again with the same arguments, and ends
# byte-identical to an uninterrupted run without asking the server twice.
# With OPENAI_BASE_URL unset it starts chatmill-fake-llm (a dry run); point it at
# vLLM / Ollama / LM Studio with OPENAI_BASE_URL=http://localhost:8000/v1 MODEL=...
#   N=100 OUT=out/llm bash examples/llm-local-server.sh
set -euo pipefail
N=${N:-60}
OUT=${OUT:-out/llm}
MODEL=${MODEL:-demo-model}
rm -rf "$OUT" && mkdir -p "$OUT"

if [ -z "${OPENAI_BASE_URL:-}" ]; then
  chatmill-fake-llm --port 0 --delay-ms 20 --faults 429=0.05,503=0.05 > "$OUT/server-url" &
  server=$!
  trap 'kill $server 2>/dev/null' EXIT
  for _ in $(seq 50); do [ -s "$OUT/server-url" ] && break; sleep 0.1; done
  export OPENAI_BASE_URL=$(head -1 "$OUT/server-url") OPENAI_API_KEY=not-needed
fi

persona-sample -n "$N" --domain travel --seed 5 > "$OUT/personas.ndjson"
run() { scenario-gen --seed 5 --engine openai --model "$MODEL" --cache "$OUT/cache" -j 8 "$OUT/personas.ndjson"; }

# An interrupted run: stopped after the first scenarios, as a crash or Ctrl-C would.
run | head -5 > /dev/null || true
# The same command again finishes the work; finished requests come from the cache.
run > "$OUT/scenarios.ndjson"
# A replay needs no server at all.
scenario-gen --seed 5 --engine openai --model "$MODEL" --cache "$OUT/cache" --cache-only "$OUT/personas.ndjson" > "$OUT/replay.ndjson"
cmp "$OUT/scenarios.ndjson" "$OUT/replay.ndjson"
echo "llm: $(wc -l < "$OUT/scenarios.ndjson") scenarios written by the model, replayed offline byte for byte" >&2

# Both sides of a conversation by the model: a user simulator and a tool-calling assistant,
# the tools running against the travel database; resumable from the same cache.
head -4 "$OUT/scenarios.ndjson" > "$OUT/some-scenarios.ndjson"
dialogue-sim --seed 5 --engine openai --model "$MODEL" --cache "$OUT/cache" -j 8 --context-role assistant "$OUT/some-scenarios.ndjson" > "$OUT/dialogues.ndjson"
to-sft --format openai "$OUT/dialogues.ndjson" > "$OUT/sft.jsonl"
echo "llm: $(wc -l < "$OUT/dialogues.ndjson") dialogues by the model, $(wc -l < "$OUT/sft.jsonl") SFT rows" >&2
