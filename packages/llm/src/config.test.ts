import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, UsageError } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { checkConfig, llmEngine, resolveConfig, roleSettings } from "./config.js";

const dir = mkdtempSync(join(tmpdir(), "llm-config-"));
function file(obj: unknown): string {
  const p = join(dir, `c${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(p, typeof obj === "string" ? obj : JSON.stringify(obj));
  return p;
}

describe("resolveConfig", () => {
  const cfg = file({
    engine: "openai",
    baseUrl: "http://from-file:1/v1",
    model: "file-model",
    temperature: 0.9,
    params: { top_k: 50 },
    concurrency: 3,
    roles: { user: { model: "file-user", temperature: 0.7, params: { repetition_penalty: 1.1 } }, judge: { temperature: 0 } },
    prices: { "file-model": { input: 1, output: 2 } },
  });

  it("takes flags over env over the config file", () => {
    const c = resolveConfig({ config: cfg, "base-url": "http://flag:2/v1/" }, { OPENAI_BASE_URL: "http://env:3/v1", OPENAI_API_KEY: "k-env" });
    expect(c.baseURL).toBe("http://flag:2/v1");
    expect(c.apiKey).toBe("k-env");
    expect(resolveConfig({ config: cfg }, { OPENAI_BASE_URL: "http://env:3/v1" }).baseURL).toBe("http://env:3/v1");
    expect(resolveConfig({ config: cfg }, {}).baseURL).toBe("http://from-file:1/v1");
    expect(resolveConfig({}, {}).baseURL).toBe("https://api.openai.com/v1");
    expect(resolveConfig({ config: cfg, concurrency: 9 }, {}).concurrency).toBe(9);
    expect(resolveConfig({ config: cfg }, {}).concurrency).toBe(3);
  });

  it("layers role settings: defaults, the file's role, flags, --ROLE-model", () => {
    const fileOnly = resolveConfig({ config: cfg }, {});
    expect(roleSettings(fileOnly, "user")).toEqual({ model: "file-user", temperature: 0.7, params: { top_k: 50, repetition_penalty: 1.1 } });
    expect(roleSettings(fileOnly, "writer")).toEqual({ model: "file-model", temperature: 0.9, params: { top_k: 50 } });
    // judge settings also serve the annotator role
    expect(roleSettings(fileOnly, "annotator").temperature).toBe(0);
    const env = resolveConfig({ config: cfg }, { CHATMILL_MODEL: "env-model" });
    expect(roleSettings(env, "user").model).toBe("env-model");
    const flags = resolveConfig({ config: cfg, model: "flag-model", "user-model": "flag-user", temperature: 0.1, param: ["top_k=40", "stop=[\"x\"]", "mode=fast"] }, { CHATMILL_MODEL: "env-model" });
    expect(roleSettings(flags, "user")).toEqual({ model: "flag-user", temperature: 0.1, params: { top_k: 40, repetition_penalty: 1.1, stop: ["x"], mode: "fast" } });
    expect(roleSettings(flags, "writer").model).toBe("flag-model");
  });

  it("reads the key from the variable the file names", () => {
    const c = resolveConfig({ config: file({ apiKeyEnv: "MY_KEY" }) }, { MY_KEY: "from-my-key" });
    expect(c.apiKey).toBe("from-my-key");
  });

  it("tells what is wrong with a config file", () => {
    expect(() => resolveConfig({ config: file("{nope") }, {})).toThrow(/not valid JSON/);
    expect(() => resolveConfig({ config: file({ concurency: 3 }) }, {})).toThrow(UsageError);
    expect(() => resolveConfig({ config: file({ roles: { user: { temperature: 7 } } }) }, {})).toThrow(/roles\.user\.temperature/);
    expect(() => resolveConfig({ config: join(dir, "missing.json") }, {})).toThrow(/cannot read --config/);
    expect(() => resolveConfig({ param: ["nokey"] }, {})).toThrow(/KEY=VALUE/);
  });

  it("picks the engine from the flag, then the file, then the tool's default", () => {
    expect(llmEngine({})).toBe("offline");
    expect(llmEngine({}, "openai")).toBe("openai");
    expect(llmEngine({ config: cfg })).toBe("openai");
    expect(llmEngine({ config: cfg, engine: "offline" })).toBe("offline");
  });

  it("fails early with what to do", () => {
    expect(() => checkConfig(resolveConfig({ "base-url": "http://x/v1" }, {}), ["user"])).toThrow(/no model for the user role/);
    expect(() => checkConfig(resolveConfig({ model: "m" }, {}), ["user"])).toThrow(ConfigError);
    expect(() => checkConfig(resolveConfig({ model: "m" }, {}), ["user"])).toThrow(/OPENAI_API_KEY/);
    expect(() => checkConfig(resolveConfig({ model: "m", "base-url": "ftp://x/v1" }, {}), [])).toThrow(/not an http:\/\/ or https:\/\/ URL/);
    expect(() => checkConfig(resolveConfig({ model: "m", "base-url": "http://x/v1", "cache-only": true }, {}), [])).toThrow(/--cache-only needs --cache/);
    expect(() => checkConfig(resolveConfig({ model: "m", "base-url": "http://localhost:1/v1" }, {}), ["writer"])).not.toThrow();
  });
});
