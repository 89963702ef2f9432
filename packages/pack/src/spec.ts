import { readPackageVersion, type ToolSpec } from "@chatmill/kit/cli";

export const spec: ToolSpec = {
  name: "chatmill-pack",
  version: readPackageVersion(import.meta.url),
  summary: "pack skeletons from an OpenAPI document or an MCP server, a check of what a pack lacks, and a pack's tools called by hand",
  usage: "from-openapi SPEC [--live BASE_URL] [--out DIR] | from-mcp [--timeout S] [--out DIR] (URL | -- CMD ARGS...) | check [--json] PACK | call PACK (TOOL ARGS_JSON | [FILE])",
  input: "none",
  common: { seed: false, errors: false },
  description: `from-openapi SPEC   reads an OpenAPI 3.x or Swagger 2.0 document (JSON or YAML) and
                    validates it (@readme/openapi-parser); an invalid one is reported
                    with the parser's reason and exit status 3.
from-mcp URL        connects to an MCP server over streamable HTTP,
from-mcp -- CMD...  or starts one over stdio, with the official MCP SDK, and lists
                    its tools; one that does not start or answer within --timeout is
                    reported with the reason (and its stderr) and exit status 3.
Both write DIR/pack.json, a pack the domains loader loads: each operation or MCP
tool in OpenAI function form (name from operationId, else method and path; JSON
Schema arguments from the path, query and header parameters and the request body,
$refs resolved), its role inferred from the source (OpenAPI: GET returning a list
-> search, GET of one row or about one -> lookup, POST/PUT/PATCH/DELETE -> act as
create/modify/cancel; MCP: readOnlyHint -> lookup when it takes an id, else search;
otherwise act, destructiveHint and idempotentHint choosing cancel or modify), an
empty table per resource (OpenAPI: the path's last segment; MCP: the tool), and a
service per OpenAPI tag (or the server) with a category per task its tools allow.
Every guess is listed under "inferred" (per tool: role, changes, run; for the pack:
services, categories); confirm each and delete its entry. "source" keeps what the
source said (method, path, where each argument goes; the MCP tool and annotations).
from-mcp also gives each tool's run an mcp block calling the server's tool, and the
pack live.mcp naming the server it read (the command and its arguments, started in
the current folder, written relative to the pack; or the URL), so its tools answer
from the server (dialogue-sim --backend live|record|replay).
The path of pack.json is printed on stdout.
check PACK          loads a pack (a folder or pack.json) with the domains loader; a pack
                    that cannot load is reported as FILE: PATH: what is wrong, exit 3.
                    Then prints what it lacks for good dialogues, one finding a line as
                    FILE: PATH: message (with --json, NDJSON {file, path, kind, message}):
                    inferred entries not confirmed, empty tables that tools or services
                    read, categories whose task no tool can do, services with a table
                    but no search_fields, create categories without a booking, and
                    table text with HTML entities or tags ("HeatTech&trade;", "<p>"),
                    which dialogues would say as written: decode them in the data
                    (check never changes the pack's files).
                    Findings are advice: the exit status is 0 when the pack loads.
call PACK TOOL ARGS runs one call of the pack's tool, its arguments a JSON object, on a
                    session of the pack's data (no injected failures) and prints
                    {name, arguments, ok, result} (result: the tool's JSON, else its text).
call PACK [FILE]    runs the calls of FILE (or stdin), one {"name", "arguments"} a line
                    (or OpenAI's {"function": {...}}), in order on one session, so a
                    write is seen by the calls after it and the pack's policy applies
                    (an identity tool first where it asks for one). A line that is not a
                    call is reported by number and skipped, exit 3. A tool's error is a
                    result (ok: false), not a failure of the command.`,
  options: [
    { name: "out", short: "o", type: "string", placeholder: "DIR", description: "from-*: folder to write pack.json to [default: ./NAME, the API's title or the server's name]" },
    { name: "live", type: "string", placeholder: "BASE_URL", description: "from-openapi: each tool's run also gets an http block (method, path, query/body/header arguments as the document says) and the pack live.base_url BASE_URL, so its tools answer from the API there (dialogue-sim --backend live|record|replay)" },
    { name: "force", type: "boolean", description: "from-*: write into a folder that is not empty (its pack.json is replaced)" },
    { name: "timeout", type: "number", placeholder: "S", default: 10, min: 0.001, description: "from-mcp: seconds to wait for the server to start and list its tools" },
    { name: "json", type: "boolean", description: "check: findings as NDJSON {file, path, kind, message}" },
  ],
  examples: [
    { what: "a pack skeleton from an OpenAPI document, then what is left to fill in", cmd: "chatmill-pack from-openapi petstore.yaml --out petstore && chatmill-pack check petstore" },
    { what: "from an MCP server started over stdio", cmd: "chatmill-pack from-mcp --out tickets -- node ticket-server.js --stdio" },
    { what: "from an MCP server over streamable HTTP", cmd: "chatmill-pack from-mcp http://127.0.0.1:3000/mcp --out tickets" },
    { what: "the findings of a pack as data", cmd: "chatmill-pack check --json my-pack | jq -r .kind | sort | uniq -c" },
    { what: "try a tool of a pack by hand", cmd: "chatmill-pack call ./library get_book '{\"book_id\": \"B01\"}'" },
    { what: "calls in order on one session (a write is seen by the calls after it), one {\"name\", \"arguments\"} a line", cmd: "chatmill-pack call ./library calls.ndjson | jq -c '{name, ok}'" },
  ],
};
