import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

/**
 * The one HTTP call of the layer: POST a JSON body to the endpoint and read the JSON
 * answer, with a timeout that aborts the request.
 *
 * Why node:http and not the openai SDK or `fetch`: the SDK cost about 1 ms of CPU per
 * request (headers rebuilt and logged per request, several stream layers over fetch),
 * and `fetch` itself (web streams, abort signals) costs about 2.5 times what node:http
 * does for the same request. At -j 256 against a 200 ms server on two cores, that CPU is
 * what kept llm-map at a third of what the server allowed (bench/llm-throughput.ts, part 5).
 * Retries, Retry-After and the limiter's feedback are ours anyway (the SDK's were off);
 * this keeps what we used of the SDK: the status, the server's error message and
 * headers, a timeout, and a body that is not JSON told apart from a refused request.
 */

/** The server answered with an error status (3xx, 4xx, 5xx). */
export class HttpStatusError extends Error {
  override name = "HttpStatusError";
  constructor(
    readonly status: number,
    /** The server's own message (error.message of an OpenAI-style body), or the body's start. */
    readonly serverMessage: string,
    readonly headers: IncomingHttpHeaders,
  ) {
    super(`${status} ${serverMessage}`);
  }
}

/** No complete answer within the timeout; the request was aborted (its connection closed). */
export class RequestTimeout extends Error {
  override name = "TimeoutError";
  constructor(
    message: string,
    /** True when not even the connection was made: nothing may be listening at that address. */
    readonly connecting = false,
  ) {
    super(message);
  }
}

export interface PostOptions {
  apiKey: string | undefined;
  /** Milliseconds before the request is aborted (connecting, waiting and reading the body). */
  timeoutMs: number;
}

/**
 * A client for one endpoint: keeps connections alive between requests (one per request in
 * flight at most; the limiter bounds how many that is).
 */
export class JsonPoster {
  private readonly https: boolean;
  private readonly agent: HttpAgent;

  constructor(baseURL: string) {
    this.https = new URL(baseURL).protocol === "https:";
    this.agent = this.https ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  }

  /**
   * POSTs `bodyText` (JSON) to `url`; resolves with the parsed answer. Rejects with
   * HttpStatusError for a status of 300 or more, SyntaxError for an answer that is not
   * JSON, RequestTimeout when `timeoutMs` passes (the request is destroyed: the server sees
   * the connection close), and node's own error (code ECONNREFUSED, ENOTFOUND,
   * ECONNRESET…) when the server cannot be reached or drops the connection.
   */
  post(url: string, bodyText: string, opts: PostOptions): Promise<unknown> {
    return this.request("POST", url, opts, Buffer.from(bodyText, "utf8"), "application/json").then((text) => JSON.parse(text) as unknown);
  }

  /** GETs `url` and parses the JSON answer; fails as `post` does. */
  getJson(url: string, opts: PostOptions): Promise<unknown> {
    return this.request("GET", url, opts).then((text) => JSON.parse(text) as unknown);
  }

  /**
   * One exchange: resolves with the answer's text when the status is below 300; rejects
   * as `post` describes. `body` goes out with `contentType` (a multipart upload, JSON…).
   */
  request(method: "GET" | "POST", url: string, opts: PostOptions, body?: Buffer, contentType?: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { accept: "application/json" };
      if (body) {
        headers["content-type"] = contentType ?? "application/json";
        headers["content-length"] = body.length;
      }
      if (opts.apiKey) headers.authorization = `Bearer ${opts.apiKey}`;
      const req = (this.https ? httpsRequest : httpRequest)(url, { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", fail);
        res.on("aborted", () => fail(Object.assign(new Error("the server closed the connection mid-answer"), { code: "ECONNRESET" })));
        res.on("end", () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString("utf8");
          const status = res.statusCode ?? 0;
          if (status >= 300) return reject(new HttpStatusError(status, errorMessageOf(text, res.statusMessage ?? "", res.headers), res.headers));
          resolve(text);
        });
      });
      // One timer covers connecting, waiting and reading: a server that stalls mid-answer is given up on too.
      const timer = setTimeout(() => {
        const connecting = req.socket?.connecting !== false;
        req.destroy(new RequestTimeout(connecting ? `no connection within ${opts.timeoutMs} ms` : `no complete answer within ${opts.timeoutMs} ms`, connecting));
      }, opts.timeoutMs);
      function fail(err: Error): void {
        clearTimeout(timer);
        req.destroy();
        reject(err);
      }
      req.on("error", fail);
      req.end(body);
    });
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.agent.destroy();
  }
}

function errorMessageOf(text: string, statusText: string, headers: IncomingHttpHeaders): string {
  if (headers.location) return `redirected to ${headers.location}`;
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
    if (typeof body.error === "string") return body.error;
    if (body.error && typeof body.error.message === "string") return body.error.message;
    if (typeof body.message === "string") return body.message;
  } catch {
    // not JSON: the text itself says more than nothing
  }
  const plain = text.trim().slice(0, 300);
  return plain || statusText || "no message";
}
