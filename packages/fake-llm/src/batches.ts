import { Rng, sha256Hex } from "@chatmill/kit";
import type { ChatBody } from "./answers.js";
import type { FaultRates } from "./faults.js";

/** An HTTP answer: a JSON body, or text (a file's content). */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string> | undefined;
}

export interface BatchDeps {
  seed: number;
  rates: FaultRates;
  /** Milliseconds from a batch's creation to its end. */
  batchMs: number;
  /** Registers one line's request (counted like a POST) and gives its key, its arrival number and how to answer it. */
  answer(path: string, body: ChatBody): { key: string; attempt: number; reply: () => Reply };
  /** A line was answered 200 (counted as a completed request, and towards `repeated`). */
  answered(key: string): void;
  fault(kind: string): void;
}

interface StoredFile {
  id: string;
  object: "file";
  bytes: number;
  created_at: number;
  filename: string;
  purpose: string;
  content: string;
}

interface Batch {
  id: string;
  object: "batch";
  endpoint: string;
  input_file_id: string;
  completion_window: string;
  status: "validating" | "in_progress" | "completed" | "expired" | "failed";
  output_file_id: string | null;
  error_file_id: string | null;
  created_at: number;
  in_progress_at: number | null;
  completed_at: number | null;
  expired_at: number | null;
  request_counts: { total: number; completed: number; failed: number };
  metadata: Record<string, string> | null;
  errors?: { object: "list"; data: Array<{ code: string; message: string; line?: number }> };
}

const ENDPOINTS = new Set(["/v1/chat/completions", "/v1/embeddings"]);

/**
 * The OpenAI Batch API, as far as chatmill uses it: POST /v1/files (multipart, purpose
 * batch), GET /v1/files[/ID[/content]], POST /v1/batches, GET /v1/batches[/ID]. A batch
 * runs `batchMs` after it is created; each line is answered exactly as the same request
 * sent on its own would be (see `respond` in server.ts), so the two paths make the same
 * records. Faults: batch-expire (the batch expires with about half its lines done: the
 * rest are in the error file with code batch_expired), batch-fail (a line fails with a
 * 500 in the error file), batch-shuffle (the output file's lines in a shuffled order).
 */
export class BatchService {
  private readonly files = new Map<string, StoredFile>();
  private readonly batches = new Map<string, Batch>();
  /** How many batches had each input content: the expiry draw changes with it, as a retry's luck does. */
  private readonly runs = new Map<string, number>();
  private seq = 0;

  constructor(private readonly deps: BatchDeps) {}

  async handle(method: string, path: string, contentType: string, body: string): Promise<Reply> {
    const parts = path.split("/").filter(Boolean); // ["files"], ["files", id], ["files", id, "content"], ["batches", id]
    if (parts[0] === "files") {
      if (method === "POST" && parts.length === 1) return this.upload(contentType, body);
      if (method === "GET" && parts.length === 1) return ok({ object: "list", data: [...this.files.values()].map(fileObject), has_more: false });
      const file = this.files.get(parts[1] ?? "");
      if (!file) return notFound(`no file '${parts[1]}'`);
      if (method === "GET" && parts.length === 2) return ok(fileObject(file));
      if (method === "GET" && parts[2] === "content") return { status: 200, body: file.content };
    }
    if (parts[0] === "batches") {
      if (method === "POST" && parts.length === 1) return this.create(body);
      if (method === "GET" && parts.length === 1) {
        // Newest first, as OpenAI lists them; no paging needed at a fake's sizes.
        return ok({ object: "list", data: [...this.batches.values()].reverse(), has_more: false });
      }
      const batch = this.batches.get(parts[1] ?? "");
      if (!batch) return notFound(`no batch '${parts[1]}'`);
      if (method === "GET" && parts.length === 2) return ok(batch);
    }
    return notFound(`no route ${method} /v1${path}`);
  }

  private upload(contentType: string, body: string): Reply {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
    if (!boundary) return bad("POST /v1/files takes multipart/form-data with the fields purpose and file");
    const fields = parseMultipart(body, boundary[1] ?? boundary[2]!);
    const file = fields.get("file");
    const purpose = fields.get("purpose")?.value;
    if (!file || purpose === undefined) return bad("POST /v1/files needs the fields 'purpose' and 'file'");
    if (purpose !== "batch") return bad(`purpose '${purpose}' is not supported by this fake (only 'batch')`);
    return ok(fileObject(this.store(file.filename ?? "upload.jsonl", purpose, file.value)));
  }

  private store(filename: string, purpose: string, content: string): StoredFile {
    const file: StoredFile = { id: `file-${++this.seq}`, object: "file", bytes: Buffer.byteLength(content), created_at: now(), filename, purpose, content };
    this.files.set(file.id, file);
    return file;
  }

  private create(text: string): Reply {
    let req: { input_file_id?: unknown; endpoint?: unknown; completion_window?: unknown; metadata?: unknown };
    try {
      req = JSON.parse(text) as typeof req;
    } catch {
      return bad("the request body is not JSON");
    }
    const input = this.files.get(String(req.input_file_id));
    if (!input) return bad(`no file '${String(req.input_file_id)}': upload it with POST /v1/files first`);
    if (typeof req.endpoint !== "string" || !ENDPOINTS.has(req.endpoint)) return bad(`endpoint must be one of ${[...ENDPOINTS].join(", ")}`);
    if (req.completion_window !== "24h") return bad("completion_window must be '24h'");
    const batch: Batch = {
      id: `batch_${++this.seq}`,
      object: "batch",
      endpoint: req.endpoint,
      input_file_id: input.id,
      completion_window: "24h",
      status: "validating",
      output_file_id: null,
      error_file_id: null,
      created_at: now(),
      in_progress_at: null,
      completed_at: null,
      expired_at: null,
      request_counts: { total: 0, completed: 0, failed: 0 },
      metadata: req.metadata && typeof req.metadata === "object" ? (req.metadata as Record<string, string>) : null,
    };
    this.batches.set(batch.id, batch);
    const half = Math.max(0, this.deps.batchMs / 2);
    setTimeout(() => {
      batch.status = "in_progress";
      batch.in_progress_at = now();
      setTimeout(() => this.run(batch, input.content), half);
    }, half);
    return ok(batch);
  }

  /** Answers every line of the batch and writes its output and error files. */
  private run(batch: Batch, content: string): void {
    const { seed, rates } = this.deps;
    const hash = sha256Hex(content);
    const nth = String(this.runs.get(hash) ?? 0);
    this.runs.set(hash, Number(nth) + 1);
    const expire = (rates["batch-expire"] ?? 0) > 0 && Rng.for(seed, "batch-expire", hash, nth).next() < rates["batch-expire"]!;
    if (expire) this.deps.fault("batch-expire");
    const output: string[] = [];
    const errors: string[] = [];
    const lines = content.split("\n").filter((l) => l.trim());
    batch.request_counts.total = lines.length;
    for (const [i, text] of lines.entries()) {
      let line: { custom_id?: unknown; method?: unknown; url?: unknown; body?: unknown };
      try {
        line = JSON.parse(text) as typeof line;
      } catch {
        (batch.errors ??= { object: "list", data: [] }).data.push({ code: "invalid_json_line", message: "this line is not JSON", line: i + 1 });
        continue;
      }
      const customId = String(line.custom_id ?? "");
      const requestId = `req_${batch.id}_${i}`;
      if (expire && Rng.for(seed, "batch-expire-line", customId, hash, nth).next() < 0.5) {
        errors.push(JSON.stringify({ id: `batch_req_${i}`, custom_id: customId, response: null, error: { code: "batch_expired", message: "This request could not be executed before the completion window expired." } }));
        continue;
      }
      if (line.url !== batch.endpoint || line.method !== "POST" || !line.body || typeof line.body !== "object") {
        errors.push(JSON.stringify({ id: `batch_req_${i}`, custom_id: customId, response: { status_code: 400, request_id: requestId, body: { error: { message: `the line must be a POST to ${batch.endpoint} with a JSON body`, type: "invalid_request_error" } } }, error: null }));
        continue;
      }
      const path = batch.endpoint.replace(/^\/v1/, "");
      const { key, attempt, reply } = this.deps.answer(path, line.body as ChatBody);
      if ((rates["batch-fail"] ?? 0) > 0 && Rng.for(seed, key, "batch-fail", String(attempt)).next() < rates["batch-fail"]!) {
        this.deps.fault("batch-fail");
        errors.push(JSON.stringify({ id: `batch_req_${i}`, custom_id: customId, response: { status_code: 500, request_id: requestId, body: { error: { message: "Internal error (fake-llm batch)", type: "server_error" } } }, error: null }));
        continue;
      }
      const r = reply();
      const entry = JSON.stringify({ id: `batch_req_${i}`, custom_id: customId, response: { status_code: r.status, request_id: requestId, body: r.body }, error: null });
      if (r.status === 200) {
        this.deps.answered(key);
        output.push(entry);
      } else errors.push(entry);
    }
    if ((rates["batch-shuffle"] ?? 0) > 0 && Rng.for(seed, "batch-shuffle", batch.id).next() < rates["batch-shuffle"]!) {
      this.deps.fault("batch-shuffle");
      Rng.for(seed, "batch-shuffle-order", batch.id).shuffle(output);
    }
    batch.request_counts.completed = output.length;
    batch.request_counts.failed = errors.length;
    if (output.length) batch.output_file_id = this.store(`${batch.id}_output.jsonl`, "batch_output", `${output.join("\n")}\n`).id;
    if (errors.length) batch.error_file_id = this.store(`${batch.id}_error.jsonl`, "batch_output", `${errors.join("\n")}\n`).id;
    if (expire) {
      batch.status = "expired";
      batch.expired_at = now();
    } else {
      batch.status = "completed";
      batch.completed_at = now();
    }
  }
}

function fileObject(f: StoredFile): Omit<StoredFile, "content"> {
  const { content: _content, ...rest } = f;
  return rest;
}

/** The fields of a multipart/form-data body: name → value (and the filename of a file part). */
export function parseMultipart(body: string, boundary: string): Map<string, { value: string; filename?: string }> {
  const out = new Map<string, { value: string; filename?: string }>();
  for (const part of body.split(`--${boundary}`)) {
    const sep = part.indexOf("\r\n\r\n");
    if (sep < 0) continue;
    const head = part.slice(0, sep);
    const name = /name="([^"]*)"/.exec(head)?.[1];
    if (name === undefined) continue;
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    let value = part.slice(sep + 4);
    if (value.endsWith("\r\n")) value = value.slice(0, -2);
    out.set(name, filename !== undefined ? { value, filename } : { value });
  }
  return out;
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}

function ok(body: unknown): Reply {
  return { status: 200, body };
}

function bad(message: string): Reply {
  return { status: 400, body: { error: { message, type: "invalid_request_error" } } };
}

function notFound(message: string): Reply {
  return { status: 404, body: { error: { message, type: "invalid_request_error" } } };
}
