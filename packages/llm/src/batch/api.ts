import { randomBytes } from "node:crypto";
import type { LlmConfig } from "../config.js";
import { LlmConfigError } from "../errors.js";
import type { JsonPoster } from "../http.js";
import { backoffMs, classify } from "../retry.js";

/** A batch as the server describes it (the fields chatmill reads). */
export interface BatchObject {
  id: string;
  status: string;
  input_file_id: string;
  output_file_id?: string | null;
  error_file_id?: string | null;
  request_counts?: { total?: number; completed?: number; failed?: number };
  metadata?: Record<string, string> | null;
  errors?: { data?: Array<{ code?: string; message?: string }> } | null;
}

/** Statuses after which a batch changes no more. */
export const FINAL_STATUSES = new Set(["completed", "expired", "failed", "cancelled"]);

/**
 * The OpenAI Batch API calls batch mode makes, over the run's one HTTP client, each with
 * the layer's retries (429, 5xx, timeouts, dropped connections; Retry-After honoured).
 * A refused key, or a server without the Batch API (404), stops the run with exit 5 and
 * what to do.
 */
export class BatchApi {
  private readonly redact: (s: string) => string;

  constructor(
    private readonly http: JsonPoster,
    private readonly config: LlmConfig,
    redact: (s: string) => string,
  ) {
    this.redact = redact;
  }

  /** POST /v1/files (multipart, purpose batch): the file's id. */
  async upload(filename: string, content: string): Promise<string> {
    const boundary = `chatmill-${randomBytes(12).toString("hex")}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nbatch\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/jsonl\r\n\r\n`),
      Buffer.from(content, "utf8"),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const text = await this.call("POST /files", () => this.http.request("POST", this.url("/files"), this.opts(), body, `multipart/form-data; boundary=${boundary}`));
    return (JSON.parse(text) as { id: string }).id;
  }

  /** The id of an uploaded batch file with this name, if the server has one (after a kill between upload and record). */
  async findFile(filename: string): Promise<string | undefined> {
    const list = (await this.getJson("GET /files", "/files?purpose=batch&limit=10000")) as { data?: Array<{ id: string; filename?: string }> };
    return list.data?.find((f) => f.filename === filename)?.id;
  }

  /** POST /v1/batches. */
  async create(inputFileId: string, endpoint: string, metadata: Record<string, string>): Promise<BatchObject> {
    const body = Buffer.from(JSON.stringify({ input_file_id: inputFileId, endpoint, completion_window: "24h", metadata }));
    return JSON.parse(await this.call("POST /batches", () => this.http.request("POST", this.url("/batches"), this.opts(), body, "application/json"))) as BatchObject;
  }

  /** The batch made from this input file, if one was created (after a kill between create and record). */
  async findBatch(inputFileId: string): Promise<BatchObject | undefined> {
    let after: string | undefined;
    for (let page = 0; page < 50; page++) {
      const list = (await this.getJson("GET /batches", `/batches?limit=100${after ? `&after=${encodeURIComponent(after)}` : ""}`)) as { data?: BatchObject[]; has_more?: boolean };
      const found = list.data?.find((b) => b.input_file_id === inputFileId);
      if (found) return found;
      if (!list.has_more || !list.data?.length) return undefined;
      after = list.data[list.data.length - 1]!.id;
    }
    return undefined;
  }

  get(batchId: string): Promise<BatchObject> {
    return this.getJson("GET /batches/ID", `/batches/${encodeURIComponent(batchId)}`) as Promise<BatchObject>;
  }

  /** A file's content (an output or error file), as text. */
  content(fileId: string): Promise<string> {
    return this.call("GET /files/ID/content", () => this.http.request("GET", this.url(`/files/${encodeURIComponent(fileId)}/content`), this.opts()));
  }

  private getJson(what: string, path: string): Promise<unknown> {
    return this.call(what, () => this.http.getJson(this.url(path), this.opts()));
  }

  private url(path: string): string {
    return `${this.config.baseURL}${path}`;
  }

  private opts() {
    return { apiKey: this.config.apiKey, timeoutMs: this.config.timeoutMs };
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (err) {
        const f = classify(err);
        const base = this.config.baseURL;
        if (f.kind === "auth") throw new LlmConfigError(this.redact(`the server at ${base} refused the API key (${f.message}): check OPENAI_API_KEY (or --api-key) and that --base-url is the server the key is for`));
        if (f.kind === "not_found" && what !== "GET /batches/ID") {
          throw new LlmConfigError(this.redact(`${base} has no Batch API (${what} answered ${f.message}): drop --batch, or use --batch-dir DIR with a batch runner of your own (vLLM: python -m vllm.entrypoints.openai.run_batch)`));
        }
        if (!f.retryable || attempt >= this.config.retries) {
          const reason = f.unreachable ? `cannot reach ${base} (${f.message}): check --base-url and that the server is running` : `${what} failed: ${f.message}`;
          throw new LlmConfigError(this.redact(`${reason}; the batch state is kept: run the same command again to resume`));
        }
        await new Promise((r) => setTimeout(r, backoffMs(attempt, this.config.retryBaseMs, this.config.retryMaxMs, f.retryAfterMs)));
      }
    }
  }
}
