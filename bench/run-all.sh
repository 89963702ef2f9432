#!/usr/bin/env bash
# Every benchmark, one after the other (minutes; run on a quiet machine). Each prints its
# input size and its ratio to a baseline measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsx bench/help-latency.ts validate persona-sample scenario-gen dialogue-sim tool-annotate dedup to-sft to-dpo to-rl stats
npx tsx bench/kit-throughput.ts
npx tsx bench/kit-reader.ts
npx tsx bench/kit-memory.ts
npx tsx bench/llm-throughput.ts
npx tsx bench/dedup.ts
npx tsx bench/exporters.ts 2000
npx tsx bench/scenario-gen.ts 10000
node --expose-gc --import tsx bench/dialogue-sim.ts 1000
npx tsx bench/dialogue-sim-language.ts
npx tsx bench/realism.ts
npx tsx bench/tasks.ts 1000
npx tsx --conditions chatmill-src bench/tool-annotate.ts 500
bash bench/tool-annotate-sim.sh 340
bash bench/tool-annotate-live.sh 150
npx tsx --conditions chatmill-src packages/domains/bench/tool-runtime.ts
npx tsx bench/import.ts 50
npx tsx bench/mix.ts 100000
npx tsx --conditions chatmill-src bench/tau-tasks.ts
npx tsx bench/mcp-live.ts 100 500
