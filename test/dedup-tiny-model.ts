/**
 * Writes a tiny BERT-like sentence-embedding model that @huggingface/transformers can
 * load from a folder: a WordPiece tokenizer over a small vocabulary and an ONNX graph
 * with one Gather (token id → vector) as `last_hidden_state`, so mean pooling gives
 * the average of the word vectors. The ONNX protobuf is encoded here by hand.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Rng } from "@chatmill/kit";

// --- a minimal protobuf writer -------------------------------------------------
type Field = [number, "varint", number] | [number, "bytes", Uint8Array | string] | [number, "msg", Field[]];

function varint(n: number | bigint): number[] {
  let v = BigInt(n);
  if (v < 0n) v += 1n << 64n;
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return out;
}

function encode(fields: Field[]): Uint8Array {
  const parts: number[] = [];
  for (const [no, kind, value] of fields) {
    if (kind === "varint") {
      parts.push(...varint((no << 3) | 0), ...varint(value));
    } else {
      const bytes = kind === "msg" ? encode(value) : typeof value === "string" ? new TextEncoder().encode(value) : value;
      parts.push(...varint((no << 3) | 2), ...varint(bytes.length));
      for (const b of bytes) parts.push(b);
    }
  }
  return Uint8Array.from(parts);
}

// --- ONNX messages (field numbers from onnx.proto) ------------------------------
const FLOAT = 1;
const INT64 = 7;

function valueInfo(name: string, elemType: number, dims: Array<number | string>): Field[] {
  const dimFields: Field[] = dims.map((d) => [1, "msg", typeof d === "number" ? [[1, "varint", d]] : [[2, "bytes", d]]] as Field);
  return [
    [1, "bytes", name],
    [2, "msg", [[1, "msg", [[1, "varint", elemType], [2, "msg", dimFields]]]]],
  ];
}

export function tinyOnnxModel(vocabSize: number, dim: number, weights: Float32Array): Uint8Array {
  const tensor: Field[] = [
    [1, "varint", vocabSize],
    [1, "varint", dim],
    [2, "varint", FLOAT],
    [8, "bytes", "embeddings"],
    [9, "bytes", new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength)],
  ];
  const gather: Field[] = [
    [1, "bytes", "embeddings"],
    [1, "bytes", "input_ids"],
    [2, "bytes", "last_hidden_state"],
    [3, "bytes", "lookup"],
    [4, "bytes", "Gather"],
  ];
  const graph: Field[] = [
    [1, "msg", gather],
    [2, "bytes", "tiny-bert"],
    [5, "msg", tensor],
    [11, "msg", valueInfo("input_ids", INT64, ["batch", "sequence"])],
    [11, "msg", valueInfo("attention_mask", INT64, ["batch", "sequence"])],
    [12, "msg", valueInfo("last_hidden_state", FLOAT, ["batch", "sequence", dim])],
  ];
  return encode([
    [1, "varint", 8],
    [2, "bytes", "chatmill-test"],
    [7, "msg", graph],
    [8, "msg", [[1, "bytes", ""], [2, "varint", 13]]],
  ]);
}

// --- the model folder -------------------------------------------------------------
const SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];

/**
 * Writes config.json, tokenizer.json, tokenizer_config.json and onnx/model.onnx into
 * `dir` and returns it. Word vectors are random (seeded); special tokens get zero
 * vectors so they do not pull every sentence together.
 */
export function writeTinyModel(dir: string, words: readonly string[], dim = 32): string {
  const vocab: Record<string, number> = {};
  [...SPECIAL, ...new Set(words.map((w) => w.toLowerCase()))].forEach((t, i) => (vocab[t] = i));
  const size = Object.keys(vocab).length;
  const rng = new Rng("tiny-model");
  const weights = new Float32Array(size * dim);
  for (let i = SPECIAL.length * dim; i < weights.length; i++) weights[i] = rng.next() * 2 - 1;
  mkdirSync(join(dir, "onnx"), { recursive: true });
  writeFileSync(join(dir, "onnx", "model.onnx"), tinyOnnxModel(size, dim, weights));
  writeFileSync(join(dir, "config.json"), JSON.stringify({ model_type: "bert", architectures: ["BertModel"], hidden_size: dim, vocab_size: size, max_position_embeddings: 512 }));
  const special = (content: string) => ({ id: vocab[content], content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  writeFileSync(
    join(dir, "tokenizer.json"),
    JSON.stringify({
      version: "1.0",
      truncation: null,
      padding: null,
      added_tokens: SPECIAL.map(special),
      normalizer: { type: "BertNormalizer", clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
      pre_tokenizer: { type: "BertPreTokenizer" },
      post_processor: {
        type: "TemplateProcessing",
        single: [{ SpecialToken: { id: "[CLS]", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: { id: "[SEP]", type_id: 0 } }],
        pair: [{ SpecialToken: { id: "[CLS]", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: { id: "[SEP]", type_id: 0 } }, { Sequence: { id: "B", type_id: 1 } }, { SpecialToken: { id: "[SEP]", type_id: 1 } }],
        special_tokens: {
          "[CLS]": { id: "[CLS]", ids: [vocab["[CLS]"]], tokens: ["[CLS]"] },
          "[SEP]": { id: "[SEP]", ids: [vocab["[SEP]"]], tokens: ["[SEP]"] },
        },
      },
      decoder: { type: "WordPiece", prefix: "##", cleanup: true },
      model: { type: "WordPiece", unk_token: "[UNK]", continuing_subword_prefix: "##", max_input_chars_per_word: 100, vocab },
    }),
  );
  writeFileSync(
    join(dir, "tokenizer_config.json"),
    JSON.stringify({ tokenizer_class: "BertTokenizer", do_lower_case: true, model_max_length: 512, pad_token: "[PAD]", unk_token: "[UNK]", cls_token: "[CLS]", sep_token: "[SEP]", mask_token: "[MASK]" }),
  );
  return dir;
}
