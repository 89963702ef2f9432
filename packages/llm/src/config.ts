import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError, UsageError, errorMessage, type ParsedValue } from "@chatmill/kit";
import { z } from "zod";
import { ROLE_FLAGS } from "./options.js";
import { parseSampledFlag, sampledRange, type Sampled, type SampledName } from "./sampling.js";

/** Sampling settings of one role; `params` go into the request body as they are (top_k, min_p …). */
export interface RoleSettings {
  model?: string;
  /** A number, or a list of which one is drawn per request (seed 003; see sampling.ts). */
  temperature?: Sampled;
  top_p?: Sampled;
  frequency_penalty?: Sampled;
  presence_penalty?: Sampled;
  max_tokens?: number;
  /** A fixed seed; false sends none; unset derives one from --seed and the record's id. */
  seed?: number | false;
  params?: Record<string, unknown>;
}

export interface Price {
  /** US dollars per million prompt tokens. */
  input: number;
  /** US dollars per million completion tokens. */
  output: number;
}

export interface LlmConfig {
  engine: "offline" | "openai";
  baseURL: string;
  apiKey: string | undefined;
  concurrency: number;
  rpm: number | undefined;
  tpm: number | undefined;
  timeoutMs: number;
  retries: number;
  repairs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  cacheDir: string | undefined;
  cacheOnly: boolean;
  emit: "ordered" | "finished";
  structured: "auto" | "native" | "prompt";
  toolFormat: "auto" | "native" | "hermes";
  /** Settings every role starts from. */
  defaults: RoleSettings;
  /** Per-role settings from --config, over the defaults. */
  roles: Record<string, RoleSettings>;
  /** Per-role settings from flags, over everything else. */
  roleFlags: Record<string, RoleSettings>;
  flagDefaults: RoleSettings;
  embedModel: string | undefined;
  prices: Record<string, Price>;
  /** --batch (the server's Batch API) or --batch-dir (files for a runner of the user's own); unset: one request at a time. */
  batch?: BatchSettings | undefined;
}

export interface BatchSettings {
  /** api: /v1/files + /v1/batches at --base-url, state under --cache DIR/batch; dir: round files in `dir`, no server. */
  mode: "api" | "dir";
  /** The state folder: DIR/batch under the cache (api), or the --batch-dir (dir). */
  dir: string;
  /** Milliseconds between two looks at a batch's status. */
  pollMs: number;
  /** Most requests in one batch (OpenAI takes 50,000); a round with more is sent as several. */
  size: number;
}

/** A sampling setting in --config: a number, or a non-empty list drawn from per request. */
const sampled = (name: SampledName) => {
  const [lo, hi] = sampledRange(name);
  const one = z.number().min(lo).max(hi);
  return z.union([one, z.array(one).min(1)]).optional();
};

const roleSchema = z.strictObject({
  model: z.string().min(1).optional(),
  temperature: sampled("temperature"),
  top_p: sampled("top_p"),
  frequency_penalty: sampled("frequency_penalty"),
  presence_penalty: sampled("presence_penalty"),
  max_tokens: z.number().int().positive().optional(),
  seed: z.union([z.number().int(), z.literal(false)]).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});

/** The --config file: the flags' settings in camelCase, plus roles and prices. */
export const configFileSchema = z.strictObject({
  engine: z.enum(["offline", "openai"]).optional(),
  baseUrl: z.string().url().optional(),
  apiKey: z.string().optional(),
  /** Name of the environment variable holding the key, so the file holds no secret. */
  apiKeyEnv: z.string().optional(),
  model: z.string().min(1).optional(),
  embedModel: z.string().min(1).optional(),
  concurrency: z.number().int().min(1).max(4096).optional(),
  rpm: z.number().int().positive().optional(),
  tpm: z.number().int().positive().optional(),
  timeout: z.number().positive().optional(),
  retries: z.number().int().min(0).max(100).optional(),
  repairs: z.number().int().min(0).max(20).optional(),
  retryBaseMs: z.number().min(0).optional(),
  retryMaxMs: z.number().min(0).optional(),
  cache: z.string().optional(),
  emit: z.enum(["ordered", "finished"]).optional(),
  structured: z.enum(["auto", "native", "prompt"]).optional(),
  toolFormat: z.enum(["auto", "native", "hermes"]).optional(),
  temperature: sampled("temperature"),
  top_p: sampled("top_p"),
  frequency_penalty: sampled("frequency_penalty"),
  presence_penalty: sampled("presence_penalty"),
  max_tokens: z.number().int().positive().optional(),
  seed: z.union([z.number().int(), z.literal(false)]).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  roles: z.record(z.string(), roleSchema).optional(),
  prices: z.record(z.string(), z.strictObject({ input: z.number().min(0), output: z.number().min(0) })).optional(),
});
export type ConfigFile = z.infer<typeof configFileSchema>;

export const OPENAI_URL = "https://api.openai.com/v1";

/** Reads and checks a --config file; the error names the file, the field and what to fix. */
export function readConfigFile(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read --config ${path}: ${(err as NodeJS.ErrnoException).code ?? errorMessage(err)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--config ${path} is not valid JSON: ${errorMessage(err)}`);
  }
  const parsed = configFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join(".") : "(top level)";
    throw new UsageError(`--config ${path}: ${where}: ${issue.message}`);
  }
  return parsed.data;
}

type Values = Record<string, ParsedValue>;
type Env = Record<string, string | undefined>;

/** Which engine the flags and --config ask for; `fallback` when neither says. */
export function llmEngine(values: Values, fallback: "offline" | "openai" = "offline"): "offline" | "openai" {
  const flag = values.engine as "offline" | "openai" | undefined;
  if (flag) return flag;
  const file = typeof values.config === "string" ? readConfigFile(values.config) : undefined;
  return file?.engine ?? fallback;
}

/**
 * Resolves the settings: flags over environment (OPENAI_BASE_URL, OPENAI_API_KEY,
 * CHATMILL_MODEL) over the --config file over the defaults.
 */
export function resolveConfig(values: Values, env: Env = process.env, fallbackEngine: "offline" | "openai" = "offline"): LlmConfig {
  const file: ConfigFile = typeof values.config === "string" ? readConfigFile(values.config) : {};
  const str = (k: string) => (typeof values[k] === "string" && values[k] !== "" ? (values[k] as string) : undefined);
  const num = (k: string) => (typeof values[k] === "number" ? (values[k] as number) : undefined);
  const envStr = (k: string) => (env[k] !== undefined && env[k] !== "" ? env[k] : undefined);

  const keyFromFileEnv = file.apiKeyEnv ? envStr(file.apiKeyEnv) : undefined;
  const baseURL = (str("base-url") ?? envStr("OPENAI_BASE_URL") ?? file.baseUrl ?? OPENAI_URL).replace(/\/+$/, "");
  const model = str("model") ?? envStr("CHATMILL_MODEL") ?? file.model;
  const params: Record<string, unknown> = { ...(file.params ?? {}) };
  const flagParams: Record<string, unknown> = {};
  for (const p of (values.param as string[] | undefined) ?? []) {
    const eq = p.indexOf("=");
    if (eq <= 0) throw new UsageError(`--param expects KEY=VALUE (e.g. top_k=40), got '${p}'`);
    flagParams[p.slice(0, eq)] = parseParamValue(p.slice(eq + 1));
  }
  const defaults: RoleSettings = clean({
    model: file.model, temperature: file.temperature, top_p: file.top_p, frequency_penalty: file.frequency_penalty,
    presence_penalty: file.presence_penalty, max_tokens: file.max_tokens, seed: file.seed, params,
  });
  const sampledFlag = (flag: string, name: SampledName) => {
    const v = values[flag];
    if (typeof v === "number") return v;
    return typeof v === "string" && v !== "" ? parseSampledFlag(flag, name, v) : undefined;
  };
  // Flags (and the env model, which stands for --model) beat every per-role setting of the file.
  const flagDefaults: RoleSettings = clean({
    model: str("model") ?? envStr("CHATMILL_MODEL"),
    temperature: sampledFlag("temperature", "temperature"),
    top_p: sampledFlag("top-p", "top_p"),
    frequency_penalty: sampledFlag("frequency-penalty", "frequency_penalty"),
    presence_penalty: sampledFlag("presence-penalty", "presence_penalty"),
    max_tokens: num("max-tokens"),
    params: Object.keys(flagParams).length ? flagParams : undefined,
  });
  const roleFlags: Record<string, RoleSettings> = {};
  for (const role of ROLE_FLAGS) {
    const m = str(`${role}-model`);
    if (m) roleFlags[role] = { model: m };
  }
  if (roleFlags.judge && !roleFlags.annotator) roleFlags.annotator = roleFlags.judge;
  const roles = { ...(file.roles ?? {}) };
  if (roles.judge && !roles.annotator) roles.annotator = roles.judge;
  const batchDir = str("batch-dir");
  if (values.batch === true && batchDir) throw new UsageError("give --batch (the server's Batch API) or --batch-dir DIR (files for your own batch runner), not both");
  // --batch-dir keeps its answers beside its round files unless --cache says otherwise.
  const cacheDir = str("cache") ?? file.cache ?? (batchDir ? join(batchDir, "cache") : undefined);
  const batchCommon = { pollMs: Math.round((num("batch-poll") ?? 30) * 1000), size: num("batch-size") ?? 10_000 };
  const batch: BatchSettings | undefined =
    values.batch === true ? { mode: "api", dir: join(cacheDir ?? ".", "batch"), ...batchCommon } : batchDir ? { mode: "dir", dir: batchDir, ...batchCommon } : undefined;
  return {
    engine: (str("engine") as LlmConfig["engine"] | undefined) ?? file.engine ?? fallbackEngine,
    baseURL,
    apiKey: str("api-key") ?? envStr("OPENAI_API_KEY") ?? keyFromFileEnv ?? file.apiKey,
    concurrency: num("concurrency") ?? file.concurrency ?? 16,
    rpm: num("rpm") ?? file.rpm,
    tpm: num("tpm") ?? file.tpm,
    timeoutMs: Math.round((num("timeout") ?? file.timeout ?? 120) * 1000),
    retries: num("retries") ?? file.retries ?? 5,
    repairs: num("repairs") ?? file.repairs ?? 2,
    retryBaseMs: file.retryBaseMs ?? 500,
    retryMaxMs: file.retryMaxMs ?? 30_000,
    cacheDir,
    cacheOnly: values["cache-only"] === true,
    emit: (str("emit") as LlmConfig["emit"] | undefined) ?? file.emit ?? "ordered",
    structured: (str("structured") as LlmConfig["structured"] | undefined) ?? file.structured ?? "auto",
    toolFormat: (str("tool-format") as LlmConfig["toolFormat"] | undefined) ?? file.toolFormat ?? "auto",
    defaults: model && !defaults.model ? { ...defaults, model } : defaults,
    roles,
    roleFlags,
    flagDefaults,
    embedModel: file.embedModel,
    prices: file.prices ?? {},
    batch,
  };
}

/** The settings one role's requests use: defaults, then --config's role, then flags, then --ROLE-model. */
export function roleSettings(config: LlmConfig, role: string): RoleSettings {
  const layers = [config.defaults, config.roles[role] ?? {}, config.flagDefaults, config.roleFlags[role] ?? {}];
  const out: RoleSettings = {};
  for (const layer of layers) {
    for (const [k, v] of Object.entries(layer) as Array<[keyof RoleSettings, unknown]>) {
      if (v === undefined) continue;
      if (k === "params") out.params = { ...(out.params ?? {}), ...(v as Record<string, unknown>) };
      else (out as Record<string, unknown>)[k] = v;
    }
  }
  return out;
}

/** Fails early, with what to do, when the settings cannot work. */
export function checkConfig(config: LlmConfig, roles: string[]): void {
  for (const role of roles) {
    if (!roleSettings(config, role).model) {
      throw new UsageError(`no model for the ${role} role: pass --model NAME (or --${role}-model), set CHATMILL_MODEL, or put "model" in the --config file`);
    }
  }
  if (config.batch && config.cacheOnly) throw new UsageError(`--cache-only sends nothing, so it cannot run ${config.batch.mode === "api" ? "--batch" : "--batch-dir"}: drop one of them`);
  if (config.batch?.mode === "api" && !config.cacheDir) {
    throw new UsageError("--batch needs --cache DIR: the answers and the batch state are kept there, so a stopped run resumes (run the same command again)");
  }
  // --batch-dir sends nothing to any server: no key needed.
  if (!config.apiKey && config.baseURL === OPENAI_URL && !config.cacheOnly && config.batch?.mode !== "dir") {
    // A missing key is a setting, not a flag mistake: exit 5, like a key the server refuses.
    throw new ConfigError("no API key for api.openai.com: set OPENAI_API_KEY (or point --base-url at a local server, which needs none)");
  }
  if (config.cacheOnly && !config.cacheDir) throw new UsageError("--cache-only needs --cache DIR to replay from");
  let url: URL | undefined;
  try {
    url = new URL(config.baseURL);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new UsageError(`the base URL '${config.baseURL}' is not an http:// or https:// URL: pass --base-url http://HOST:PORT/v1 (or set OPENAI_BASE_URL, or baseUrl in --config)`);
  }
}

function parseParamValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(typeof v === "object" && v && Object.keys(v).length === 0))) as T;
}
