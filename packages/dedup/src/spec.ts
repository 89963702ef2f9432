import { readPackageVersion, type ToolSpec } from "@chatmill/kit/cli";

const version = readPackageVersion(import.meta.url);

export const spec: ToolSpec = {
  name: "dedup",
  version,
  summary: "drop exact, near and semantic duplicates from NDJSON records, across runs with an index",
  input: "ndjson",
  common: { seed: false },
  description: `Records come out byte for byte as they went in, minus duplicates of an earlier record
(the first occurrence is kept). The compared text is, by default, a dialogue's user and
assistant turns (other records: their JSON without 'id'); --key picks other text.
  exact     SHA-256 of the text after --fold (case, whitespace, punctuation)
  near      MinHash + LSH over --shingle units; candidates are confirmed by the real
            Jaccard similarity of the two shingle sets before a record is dropped.
            Shingles never span two turns, so a copy with reordered turns is caught.
  semantic  cosine similarity of sentence embeddings (--model or --embed-url), found
            through random-hyperplane LSH, confirmed by the real cosine.
Bands and rows of both LSH indexes follow from the thresholds (see the README).
Memory: ~250 bytes per kept record (exact + near). The shingle sets and embeddings that
confirm a candidate go to a temporary file under TMPDIR, unlinked as soon as it is made
(~1 KB per kept 1.7 KB dialogue): point TMPDIR at a disk with room for large runs.
The summary counts drops as duplicate:exact / duplicate:near / duplicate:semantic.
Merge indexes of shards deduplicated separately with: dedup merge-index A.idx B.idx > all.idx`,
  options: [
    { name: "method", type: "string", placeholder: "LIST", default: "exact,near", description: "comma list of exact, near, semantic" },
    { name: "fold", type: "string", placeholder: "LIST", default: "case,whitespace,punctuation", description: "what exact matching ignores: comma list of case, whitespace, punctuation, or none" },
    { name: "shingle", type: "string", placeholder: "UNIT:N", default: "word:3", description: "near-duplicate units: word:N (N-word shingles) or char:N (N-character shingles)" },
    { name: "threshold", short: "t", type: "string", placeholder: "SPEC", default: "near=0.8,semantic=0.9", description: "similarity at which a record is a duplicate: near=J (Jaccard), semantic=C (cosine), comma separated; a bare number sets the one similarity method in --method" },
    { name: "num-perm", type: "int", placeholder: "N", default: 128, min: 16, max: 1024, description: "MinHash signature length, a power of two; more is slower and sharper" },
    { name: "key", short: "k", type: "string", placeholder: "PATH", multiple: true, description: "JSON path of the compared text, e.g. .persona.description or $.messages[*].content" },
    { name: "dups", type: "string", placeholder: "FILE", description: "write each dropped record to FILE as {id, dup_of, method, similarity, source, line, record}" },
    { name: "index", short: "i", type: "string", placeholder: "FILE", description: "dedup against the records kept in FILE (if it exists) and save the kept records back to it" },
    { name: "model", type: "string", placeholder: "DIR|ID", description: "semantic: a local transformers.js model folder or a Hugging Face model id (e.g. Xenova/all-MiniLM-L6-v2)" },
    { name: "dtype", type: "string", placeholder: "TYPE", default: "fp32", description: "semantic with --model: ONNX weights variant (fp32, fp16, q8, …)" },
    { name: "offline", type: "boolean", description: "semantic with --model: never download (also set by HF_HUB_OFFLINE=1)" },
    { name: "embed-url", type: "string", placeholder: "URL", description: "semantic: base URL of an OpenAI-compatible server (…/v1), called through @chatmill/llm; the key comes from OPENAI_API_KEY" },
    { name: "embed-model", type: "string", placeholder: "NAME", default: "text-embedding-3-small", description: "semantic with --embed-url: the embedding model" },
    { name: "llm-config", type: "string", placeholder: "FILE", description: "semantic with --embed-url: @chatmill/llm settings file (key env, rate limits, prices)" },
    { name: "embed-cache", type: "string", placeholder: "DIR", description: "semantic with --embed-url: cache of embedding answers, so a rerun asks the server nothing" },
    { name: "retries", type: "int", placeholder: "N", min: 0, max: 100, description: "semantic with --embed-url: retries of a failed request [default: 5]" },
    { name: "batch", type: "int", placeholder: "N", default: 32, min: 1, max: 4096, description: "semantic: texts embedded per call" },
  ],
  examples: [
    { what: "drop exact and near duplicates of dialogues", cmd: "dedup < dialogues.ndjson > unique.ndjson" },
    { what: "see what was dropped and why", cmd: "dedup --dups dups.ndjson < dialogues.ndjson > unique.ndjson && jq -c '{id,dup_of,method,similarity}' dups.ndjson | head" },
    { what: "also semantic duplicates, with a local sentence-embedding model", cmd: "dedup --method exact,near,semantic --model ./models/all-MiniLM-L6-v2 --offline < d.ndjson > u.ndjson" },
    { what: "semantic duplicates through an OpenAI-compatible server", cmd: "OPENAI_API_KEY=sk-... dedup --method semantic --embed-url http://localhost:8000/v1 --embed-model bge-small -t 0.92 < d.ndjson > u.ndjson" },
    { what: "dedup today's batch against everything kept before", cmd: "dedup --index kept.idx < batch-2.ndjson > batch-2.unique.ndjson" },
    { what: "personas by their description, near duplicates over 5-character shingles", cmd: "dedup --method near --key .description --shingle char:5 -t 0.7 < personas.ndjson > p.ndjson" },
    { what: "shards in parallel, then reconcile: ids in cross.ndjson still have to go", cmd: "dedup -i a.idx < a.ndjson > a.u.ndjson & dedup -i b.idx < b.ndjson > b.u.ndjson; wait; dedup merge-index --dups cross.ndjson a.idx b.idx > all.idx" },
  ],
};

export const mergeSpec: ToolSpec = {
  name: "dedup merge-index",
  version,
  summary: "merge dedup indexes of shards deduplicated separately",
  usage: "[options] INDEX [INDEX ...]",
  input: "ndjson",
  common: { seed: false },
  description: `Reads index files made by 'dedup --index' and writes one index on stdout: every entry
of the first, then each entry of the later ones that duplicates nothing kept before it
(with the methods, folding, shingles and thresholds stored in the first index's header).
The entries dropped are the records a later shard still has to lose: --dups lists them.`,
  options: [
    { name: "dups", type: "string", placeholder: "FILE", description: "write each dropped entry as {id, dup_of, method, similarity, source, line}" },
    { name: "num-perm", type: "int", placeholder: "N", default: 128, min: 16, max: 1024, description: "MinHash signature length used to find candidates" },
  ],
  examples: [
    { what: "merge two shard indexes and list the cross-shard duplicates", cmd: "dedup merge-index --dups cross.ndjson a.idx b.idx > all.idx" },
    { what: "then remove those from shard b's output", cmd: "jq -r .id cross.ndjson > drop.txt; jq -c 'select(.id as $i | $drop | index($i) | not)' --slurpfile drop <(jq -R . drop.txt) b.u.ndjson" },
  ],
};
