// Token ids against each tokenizer's own published reference, so a wrong vocabulary,
// a missing added token or a broken pre-tokenizer fails here:
//   Llama 3:  meta-llama/llama3, llama/test_tokenizer.py (test_encode, test_encode_message)
//   Qwen:     huggingface/transformers, tests/models/qwen2/test_tokenization_qwen2.py
//             (test_tokenizer_integration, Qwen/Qwen-tokenizer; the padding ids left out)
//   cl100k:   openai/tiktoken, tests/test_encoding.py (test_simple, test_simple_regex, surrogate pairs)
//   o200k:    openai/harmony, tests (test_encode_allowed_special: "hello world")
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Rng } from "@chatmill/kit";
import { beforeAll, describe, expect, it } from "vitest";
import { PreTokenCache } from "./pretoken-count.js";
import { rowView } from "./row-shapes.js";
import { TokenCounter } from "./token-counter.js";
import { findTokenizer, TOKENIZERS } from "./registry.js";
import { readTemplate } from "./templates-dir.js";

const REF = join(import.meta.dirname, "../../../../shared/ref/chat-templates");
const counters: Record<string, TokenCounter> = {};
beforeAll(async () => {
  for (const t of ["qwen2.5", "qwen3", "llama3.1", "o200k_base", "cl100k_base"]) counters[t] = await TokenCounter.load(t);
}, 120_000);

describe("reference token ids", () => {
  it("Llama 3.1: Meta's test vectors", () => {
    const c = counters["llama3.1"]!;
    expect(c.encode("<|begin_of_text|>This is a test sentence.<|end_of_text|>")).toEqual([128000, 2028, 374, 264, 1296, 11914, 13, 128001]);
    expect(c.encode("<|start_header_id|>user<|end_header_id|>\n\nThis is a test sentence.<|eot_id|>")).toEqual([128006, 882, 128007, 271, 2028, 374, 264, 1296, 11914, 13, 128009]);
    expect(c.countText("<|start_header_id|>user<|end_header_id|>\n\nThis is a test sentence.<|eot_id|>")).toBe(11);
  });

  it("Qwen2.5 and Qwen3: transformers' integration vectors and the ChatML tokens", () => {
    const seqs: Array<[string, number[]]> = [
      [
        "Transformers (formerly known as pytorch-transformers and pytorch-pretrained-bert) provides general-purpose architectures (BERT, GPT-2, RoBERTa, XLM, DistilBert, XLNet...) for Natural Language Understanding (NLU) and Natural Language Generation (NLG) with over 32+ pretrained models in 100+ languages and deep interoperability between Jax, PyTorch and TensorFlow.",
        [8963, 388, 320, 69514, 3881, 438, 4510, 27414, 32852, 388, 323, 4510, 27414, 21334, 35722, 1455, 529, 8, 5707, 4586, 58238, 77235, 320, 61437, 11, 479, 2828, 12, 17, 11, 11830, 61437, 64, 11, 1599, 10994, 11, 27604, 321, 33, 529, 11, 29881, 6954, 32574, 369, 18448, 11434, 45451, 320, 45, 23236, 8, 323, 18448, 11434, 23470, 320, 30042, 38, 8, 448, 916, 220, 18, 17, 10, 80669, 4119, 304, 220, 16, 15, 15, 10, 15459, 323, 5538, 94130, 2897, 1948, 619, 706, 11, 5355, 51, 21584, 323, 94986, 13],
      ],
      [
        "🤗 Transformers 提供了可以轻松地下载并且训练先进的预训练模型的 API 和工具。使用预训练模型可以减少计算消耗和碳排放，并且节省从头训练所需要的时间和资源。",
        [144834, 80532, 93685, 83744, 34187, 73670, 104261, 29490, 62189, 103937, 104034, 102830, 98841, 104034, 104949, 9370, 5333, 58143, 102011, 1773, 37029, 98841, 104034, 104949, 73670, 101940, 100768, 104997, 33108, 100912, 105054, 90395, 100136, 106831, 45181, 64355, 104034, 113521, 101975, 33108, 85329, 1773],
      ],
      [
        '```python\ntokenizer = AutoTokenizer.from_pretrained("Qwen/Qwen-tokenizer")\ntokenizer("世界，你好！")```',
        [73594, 12669, 198, 85593, 284, 8979, 37434, 6387, 10442, 35722, 445, 48, 16948, 45274, 16948, 34841, 3135, 1138, 85593, 445, 99489, 3837, 108386, 6313, 899, 73594],
      ],
    ];
    for (const name of ["qwen2.5", "qwen3"]) {
      for (const [text, ids] of seqs) expect(counters[name]!.encode(text)).toEqual(ids);
      expect(counters[name]!.encode("<|im_start|>hello<|im_end|>")).toEqual([151644, 14990, 151645]);
      expect(counters[name]!.encode("<tool_call>")).toEqual([151657]);
    }
    // Qwen3 added <tool_response> (151665) and <think> (151667); to Qwen2.5 they are text.
    expect(counters["qwen3"]!.encode("<tool_response>\n</tool_response>")).toEqual([151665, 198, 151666]);
    const q25 = counters["qwen2.5"]!.encode("<tool_response>\n</tool_response><think>");
    expect(q25.length).toBeGreaterThan(3);
    expect(Math.max(...q25)).toBeLessThan(151643);
  });

  it("cl100k_base and o200k_base: tiktoken's and harmony's vectors", () => {
    const cl = counters["cl100k_base"]!;
    expect(cl.encode("hello world")).toEqual([15339, 1917]);
    expect(cl.encode("today\n  \n")).toEqual([31213, 14211]);
    expect(cl.encode("👍")).toEqual([9468, 239, 235]);
    expect(cl.encode("rer")).toEqual([38149]);
    expect(counters["o200k_base"]!.encode("hello world")).toEqual([24912, 2375]);
    // A special token's text inside a message is text, as the API treats it.
    expect(cl.encode("hello <|endoftext|>")).not.toContain(100257);
    // The ChatML frame counts one token per marker.
    expect(cl.countText("<|im_start|>user\nhello world<|im_end|>\n")).toBe(1 + cl.countText("user\nhello world") + 1 + 1);
  });
});

describe("templates", () => {
  it("are the reference files byte for byte (sha256 as listed in the reference README)", () => {
    const readme = readFileSync(join(REF, "README.md"), "utf8");
    for (const file of new Set(TOKENIZERS.map((t) => t.template))) {
      const sha = createHash("sha256").update(readTemplate(file)).digest("hex");
      expect(readme).toContain(`${sha}  ${file}`);
    }
  });

  it("render the reference vector as Python's jinja2 does", () => {
    const input = JSON.parse(readFileSync(join(REF, "vectors/sft-tool-call.input.json"), "utf8")) as { messages: never[]; tools: never[] };
    for (const [name, model] of [["qwen2.5", "qwen2.5-instruct"], ["qwen3", "qwen3"], ["llama3.1", "llama3.1-instruct"]] as const) {
      expect(counters[name]!.render({ messages: input.messages, tools: input.tools })).toBe(readFileSync(join(REF, `vectors/sft-tool-call.${model}.expected.txt`), "utf8"));
    }
  });
});

describe("counting", () => {
  it("cutting the rendered text at added tokens and caching the pieces gives the tokenizer's own count", () => {
    const input = JSON.parse(readFileSync(join(REF, "vectors/sft-tool-call.input.json"), "utf8")) as { messages: never[]; tools: never[] };
    for (const name of ["qwen2.5", "qwen3", "llama3.1"]) {
      const c = counters[name]!;
      const text = c.render({ messages: input.messages, tools: input.tools });
      const whole = c.encoder.encode(text).length; // the tokenizer on the whole text, added tokens and all
      expect(c.countText(text)).toBe(whole);
      expect(c.countText(text)).toBe(whole); // again, from the cache
      expect(whole).toBeGreaterThan(100);
    }
  });

  it("knows its names and aliases", () => {
    expect(findTokenizer("Qwen")?.name).toBe("qwen2.5");
    expect(findTokenizer("llama3")?.name).toBe("llama3.1");
    expect(findTokenizer("gpt-4o")?.name).toBe("o200k_base");
    expect(findTokenizer("bert")).toBeUndefined();
    return expect(TokenCounter.load("bert")).rejects.toThrow(/use one of qwen2.5, qwen3, llama3.1, o200k_base, cl100k_base/);
  });
});

// The pre-token cache (pretoken-count.ts) must not change a count: every tokenizer's fast count
// against the same tokenizer counting each piece with its whole encoder, on fixture dialogues
// rendered with the template and on a few thousand generated strings.
describe("pre-token cache", () => {
  const FRAGMENTS: string[][] = [
    ["hello", "World", "HELLO", "tokenizer", "pre-token", "don", "Qwen", "naïve", "straße", "ÆØÅ", "mañana", "x"],
    ["'s", "'t", "'re", "'ve", "'m", "'ll", "'d", "'S", "'LL", "'Re", "’s", "''"],
    ["0", "7", "42", "123", "2026", "12345678", "3.14159", "1,000,000", "+1-555-0100", "0x1F", "٣٤", "१२३"],
    [" ", "  ", "   ", "\t", "\n", "\n\n", "\r\n", " \n ", "\n\n\n  ", "\u00a0", "\u3000", "\t\t \n", "\u2028", "\f"],
    [".", "...", "!?", "—", "```", '{"a": 1}', "</", "=>", "$$", "%", "(", ")", "[]", "#", "&&", "~/", "\\n", "@user"],
    ["提供了可以", "世界，你好！", "東京", "한국어", "\u1100\u1161", "日本語のテキスト", "Ελληνικά", "Привет", "مرحبا", "עברית"],
    ["🤗", "👍", "👍🏽", "👨‍👩‍👧", "🇮🇳", "❤️", "\u{1F600}\u{1F601}", "\ud800", "\udfff"],
    ["नमस्ते", "आप कैसे हैं", "बुकिंग", "kaise ho", "e\u0301", "a\u0308", "n\u0303o", "\u0301", "Å", "ﬁ"],
    ["<|endoftext|>", "<|im_start|>", "<|im_end|>", "<tool_call>", "</tool_call>", "<tool_response>", "<think>", "<|eot_id|>", "<|begin_of_text|>", "<|start_header_id|>", "<|fim_prefix|>", "<|im_sta", "<|", "|>"],
  ];
  const generated = (() => {
    const rng = new Rng("pretoken-cache");
    const pick = <T>(xs: readonly T[]): T => xs[rng.int(0, xs.length - 1)]!;
    const out: string[] = [];
    for (let i = 0; i < 3000; i++) {
      let s = "";
      const n = rng.int(1, 20);
      for (let k = 0; k < n; k++) {
        const f = pick(pick(FRAGMENTS));
        // Runs of one fragment, kept short: js-tiktoken merges a long pre-token in quadratic time.
        s += rng.chance(0.1) ? f.repeat(rng.int(2, 6)) : f;
        if (rng.chance(0.4)) s += pick([" ", "", "\n", "  "]);
      }
      out.push(s);
    }
    // Pre-tokens longer than the cache keeps, and a line of JSON as exports hold it.
    out.push("a".repeat(300), " ".repeat(300), "9".repeat(300), "QUJD".repeat(70), `{"name": "search", "arguments": {"query": "red shoes", "max_price": 50}}`);
    return out;
  })();
  const rendered = (name: string): string[] => {
    const dir = join(import.meta.dirname, "../../../test/fixtures/dialogues");
    const lines = ["all-clean.ndjson", "edge-cases.ndjson", "retail-annotated.ndjson"].flatMap((f) => readFileSync(join(dir, f), "utf8").split("\n").filter(Boolean));
    return lines.flatMap((l) => rowView(JSON.parse(l))?.conversations ?? []).map((c) => counters[name]!.render(c));
  };

  for (const name of ["qwen2.5", "qwen3", "llama3.1", "o200k_base", "cl100k_base"]) {
    it(`${name}: the same counts as the whole encoder, cold, warm and with a cache that keeps starting over`, () => {
      const fast = counters[name]!;
      const enc = fast.encoder;
      // The reference: every piece between added tokens counted by the tokenizer's own encode, nothing cached.
      const slow = new TokenCounter(fast.info, { ...enc, count: (t) => enc.encode(t).length });
      const dialogues = rendered(name);
      expect(dialogues.length).toBeGreaterThan(10);
      const texts = [...generated, ...dialogues];
      const want = texts.map((t) => slow.countText(t));
      fast.clearCache();
      expect(texts.map((t) => fast.countText(t))).toEqual(want);
      // Again through the pre-token cache alone (the piece cache emptied, the pre-tokens kept).
      (fast as unknown as { cache: Map<string, number> }).cache.clear();
      expect(texts.map((t) => fast.countText(t))).toEqual(want);
      // Pieces without added tokens, straight against encode (the encoder's count is what the counter uses).
      const plain = generated.filter((t) => !FRAGMENTS[8]!.some((a) => t.includes(a))).slice(0, 500);
      expect(plain.length).toBeGreaterThan(100);
      for (const t of plain) expect(enc.count(t), JSON.stringify(t)).toBe(enc.encode(t).length);
      // The cache really served most pre-tokens (a count that never used it would prove nothing).
      expect(enc.cache.stats.cached).toBeGreaterThan(enc.cache.stats.merged);
      expect(want.reduce((a, b) => a + b, 0)).toBeGreaterThan(100_000);
    }, 120_000);
  }

  it("a cache that starts over past its bound counts the same", () => {
    const enc = counters["qwen2.5"]!.encoder;
    const small = new PreTokenCache(64, 10);
    const merge = (p: string) => enc.encode(p).length;
    let total = 0;
    for (const t of generated.slice(0, 200)) for (const w of t.split(/(\s+)/)) if (w) total += small.count(w, merge) - merge(w);
    expect(total).toBe(0);
    expect(small.size).toBeLessThanOrEqual(10);
    expect(small.stats.merged).toBeGreaterThan(0);
  });
});
