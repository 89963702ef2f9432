// The baseline of the LLM layer's CPU benchmark: N chat requests, C in flight, each a bare
// fetch + JSON parse and nothing else (no retries, limiter, cache, records). Arguments:
// BASE_URL N C. The bodies are the ones llm-map sends for the bench's records.
const [url, n, c] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
let next = 0;
let done = 0;
async function worker() {
  while (next < n) {
    const i = next++;
    const res = await fetch(`${url}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "fake", messages: [{ role: "user", content: `Rewrite: record number ${i}` }] }),
    });
    const answer = await res.json();
    if (!answer.choices) throw new Error(`no choices in the answer to request ${i}`);
    done += 1;
  }
}
await Promise.all(Array.from({ length: c }, worker));
if (done !== n) throw new Error(`${done} answers for ${n} requests`);
