// What Hugging Face `datasets` (≥ 4.7, the version TRL requires: trl pyproject `datasets>=4.7.0`,
// "Support Json type and on_mixed_types=\"use_json\"") does to a JSON Lines file before Arrow
// reads it, ported line for line so a test can put a real columnar reader behind it.
// Source: huggingface/datasets at b7cb10b (5.0.2.dev0; `Json()` and the detection came in 4.7.0,
// #8027, and were refined since for empty objects and null values): src/datasets/packaged_modules/json/json.py (`JsonConfig.on_mixed_types`
// defaults to "use_json"; on the first chunk of the first file, `chunksize` = 10 MiB, it finds
// the fields whose objects differ in their keys and stores each such value as JSON text, Arrow
// type `json`, feature `Json()`, decoded back to the value on access) and
// src/datasets/utils/json.py (`find_mixed_struct_types_field_paths`, `json_encode_field`,
// `json_decode_field`).

type J = unknown;
/** A field path: object keys, 0 for "every item of a list". */
export type FieldPath = Array<string | 0>;

const isObj = (v: J): v is Record<string, J> => !!v && typeof v === "object" && !Array.isArray(v);

/** The bytes `datasets` looks at to find mixed fields: the first chunk (10 MiB) and the rest of its last line. */
export const DETECTION_CHUNK = 10 << 20;

/** The rows of a JSONL text whose line starts inside the detection chunk. */
export function detectionRows(text: string): J[] {
  const rows: J[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    if (offset >= DETECTION_CHUNK) break;
    if (line) rows.push(JSON.parse(line) as J);
    offset += Buffer.byteLength(line) + 1;
  }
  return rows;
}

/** find_mixed_struct_types_field_paths: fields whose objects have different key sets (or are empty), or mix containers with scalars. */
export function mixedStructPaths(rows: J[]): FieldPath[] {
  const out: FieldPath[] = [];
  const queue: Array<[FieldPath, J[]]> = [[[], rows.filter((r) => r !== null)]];
  if (queue[0]![1].length === 0) return out;
  while (queue.length > 0) {
    const [path, content] = queue.shift()!;
    if (content.every(isObj)) {
      const first = new Set(Object.keys(content[0]!));
      const differs = content.some((x) => Object.keys(x).length !== first.size || Object.keys(x).some((k) => !first.has(k)));
      if (path.length > 0 && (differs || first.size === 0)) out.push(path);
      else {
        for (const field of new Set(content.flatMap((x) => Object.keys(x)))) {
          const values = content.filter((x) => field in x && x[field] !== null).map((x) => x[field]);
          if (values.length > 0) queue.push([[...path, field], values]);
        }
      }
    } else if (content.every(Array.isArray)) {
      const items = content.flat().filter((x) => x !== null);
      if (items.length > 0) queue.push([[...path, 0], items]);
    } else if (content.some((x) => x !== null && typeof x === "object")) out.push(path);
  }
  return out;
}

const parses = (s: string): boolean => {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
};

/** json_encode_field: the value at `path` as JSON text (a string that already parses as JSON is kept; null stays null). */
export function encodeField(v: J, path: FieldPath): J {
  if (path.length > 0) {
    const [field, ...rest] = path;
    if (v === null || v === undefined) return null;
    if (field === 0) return (v as J[]).map((x) => encodeField(x, rest));
    // As datasets does ({**example, field: …}): a key the object lacks is added, as null.
    return { ...(v as Record<string, J>), [field!]: encodeField((v as Record<string, J>)[field!], rest) };
  }
  if (v === null || v === undefined) return null;
  return typeof v === "string" && parses(v) ? v : JSON.stringify(v);
}

/** json_decode_field: the JSON text at `path` parsed back (what the `Json()` feature hands a trainer). */
export function decodeField(v: J, path: FieldPath): J {
  if (path.length > 0) {
    const [field, ...rest] = path;
    if (v === null || v === undefined) return null;
    if (field === 0) return (v as J[]).map((x) => decodeField(x, rest));
    return { ...(v as Record<string, J>), [field!]: decodeField((v as Record<string, J>)[field!], rest) };
  }
  if (v === null || v === undefined) return null;
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v) as J;
  } catch {
    return v;
  }
}
