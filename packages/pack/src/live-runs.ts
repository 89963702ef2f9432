import { UsageError } from "@chatmill/kit/cli";

interface OpenApiSource {
  method: string;
  path: string;
  in: Record<string, "path" | "query" | "header" | "body">;
}

type PackJson = Record<string, unknown> & { tools: Array<Record<string, unknown>> };

/**
 * from-openapi --live BASE_URL: every tool's run gets an `http` block made from what the
 * document said (method, path template, where each argument goes), so the tool answers from
 * the API at BASE_URL while its declarative run stays for the engines to plan with.
 */
export function addHttpRuns(pack: PackJson, baseUrl: string): void {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new UsageError(`--live takes the API's base URL, e.g. http://127.0.0.1:8080 (got '${baseUrl}')`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new UsageError(`--live takes an http(s) URL (got '${baseUrl}')`);
  if (url.username || url.password) throw new UsageError("--live: put no credentials in the URL (they would be written in the pack); send them as a header from an environment variable, see the pack's live.headers");
  for (const tool of pack.tools) {
    const src = (tool.source as { openapi?: OpenApiSource } | undefined)?.openapi;
    if (!src) continue;
    const by = (where: string) => Object.entries(src.in).filter(([, w]) => w === where).map(([arg]) => arg);
    const body = by("body");
    const headers = Object.fromEntries(by("header").map((h) => [h, `{${h}}`]));
    const http: Record<string, unknown> = { method: src.method, url: src.path };
    if (by("query").length > 0) http.query = by("query");
    // The importer makes a body that is not an object (or whose fields clash with parameters) the one `body` argument.
    if (body.length === 1 && body[0] === "body") http.body_arg = "body";
    else if (body.length > 0) http.body = body;
    if (Object.keys(headers).length > 0) http.headers = headers;
    (tool.run as Record<string, unknown>).http = http;
    const inferred = tool.inferred as Record<string, string> | undefined;
    if (inferred) inferred.run = `calls ${src.method} ${src.path} on the live backend (run.http); the declarative part (op ${(tool.run as { op: string }).op} over '${String((tool.run as { table?: string }).table)}') is what the engines plan with: fill the table with rows like the API's`;
  }
  pack.live = { base_url: url.toString().replace(/\/+$/, "") };
}
