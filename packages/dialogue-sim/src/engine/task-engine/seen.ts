import { expressionNumbers, type ShownNumber } from "./arithmetic.js";

/**
 * What the assistant has seen in the conversation: every value the user said and every value
 * (and id-like object key) in an earlier tool result. The task engine may put a value into a
 * tool call only when `has` says it was seen; each value keeps the names it was seen under
 * (`tags`: a result's field names, a known-info key), which is how the engine picks the
 * values it tries for a parameter of the same name.
 */
export class Seen {
  /** Scalars by their text, with the names they were seen under. */
  private readonly values = new Map<string, { value: string | number; tags: Set<string> }>();
  private readonly numbers = new Set<number>();
  /** The numbers of each tool result, in order (amounts and prices; ids of six digits or more left out). */
  readonly resultNumbers: number[][] = [];
  /** The same numbers with the field each was shown under, for sums across results (a bare number's field is `bare`). */
  readonly shownNumbers: ShownNumber[] = [];
  /** Every result's data, in order: the records derivations work over (derive.ts). */
  readonly results: unknown[] = [];
  private userText = "";
  private resultText = "";

  /** Everything the user said, lower-cased. */
  said(): string {
    return this.userText;
  }

  /** A user message: its whole text counts, and `tagged` values are filed under their keys (known info given on request). */
  addUser(text: string, tagged: Record<string, string | number | boolean> = {}): void {
    this.userText += `\n${text.toLowerCase()}`;
    for (const [k, v] of Object.entries(tagged)) if (typeof v !== "boolean") this.put(v, [norm(k)]);
    // Id-like words the user said (an order id, an email, a payment method) are values to try too.
    for (const w of text.split(/[\s,;:()'"!?]+/)) {
      const word = w.replace(/\.+$/, "");
      if (idLike(word)) this.put(word, []);
    }
  }

  /** A tool result the assistant saw. */
  addResult(content: string, data: unknown, bare = "result"): void {
    this.resultText += `\n${content.toLowerCase().replaceAll(",", "")}`;
    this.results.push(data);
    this.walk(data, []);
    const nums: number[] = [];
    const result = this.resultNumbers.length;
    const collect = (v: unknown, key: string): void => {
      if (typeof v === "number" && Number.isFinite(v) && Math.abs(v) < 1e6) {
        nums.push(v);
        this.shownNumbers.push({ value: v, key, result });
      } else if (Array.isArray(v)) v.forEach((x) => collect(x, key));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) collect(x, k);
    };
    collect(data, bare);
    if (nums.length > 0) this.resultNumbers.push(nums);
  }

  /** Whether this value was said by the user or shown in a result. */
  has(value: unknown): boolean {
    if (value === "" || value === null || value === undefined) return true;
    if (typeof value === "number") return this.numbers.has(value) || this.values.has(String(value)) || containsWord(this.userText, String(value));
    if (typeof value !== "string") return false;
    if (this.values.has(value)) return true;
    // An arithmetic expression is seen when every number in it was; a negative one shown is
    // written as the subtraction of its magnitude ("167.87 - 60.78" for a difference of -60.78).
    const nums = expressionNumbers(value);
    if (nums) return nums.every((x) => this.has(x) || this.has(-x));
    const n = Number(value);
    if (value.trim() !== "" && Number.isFinite(n) && this.numbers.has(n)) return true;
    return containsWord(this.userText, value.toLowerCase());
  }

  /** Whether a fact to say appears in a result (tau's test: lower-cased, commas removed) or as a number shown. */
  shown(fact: string): boolean {
    const n = Number(fact.replaceAll(",", ""));
    if (fact.trim() !== "" && Number.isFinite(n) && this.numbers.has(n)) return true;
    return this.resultText.includes(fact.toLowerCase().replaceAll(",", ""));
  }

  /** Values seen under a name that matches this parameter (order_id ~ orders ~ order). */
  candidates(param: string): Array<string | number> {
    const want = norm(param);
    const out: Array<string | number> = [];
    for (const { value, tags } of this.values.values()) if (tags.has(want)) out.push(value);
    return out;
  }

  /** Id-like values (digits, @, #, _ in them) whatever their name: tried for a one-parameter look-up when nothing matches its name. */
  idLike(): Array<string | number> {
    const out: Array<string | number> = [];
    for (const { value } of this.values.values()) if (typeof value === "string" && idLike(value)) out.push(value);
    return out;
  }

  /** A copy to try a result on without changing this one. */
  clone(): Seen {
    const c = new Seen();
    for (const [k, e] of this.values) c.values.set(k, { value: e.value, tags: new Set(e.tags) });
    for (const n of this.numbers) c.numbers.add(n);
    c.resultNumbers.push(...this.resultNumbers);
    c.shownNumbers.push(...this.shownNumbers);
    c.results.push(...this.results);
    c.userText = this.userText;
    c.resultText = this.resultText;
    return c;
  }

  private put(value: string | number, tags: string[]): void {
    const key = String(value);
    let e = this.values.get(key);
    if (!e) this.values.set(key, (e = { value, tags: new Set() }));
    for (const t of tags) if (t !== "") e.tags.add(t);
    if (typeof value === "number") this.numbers.add(value);
    else {
      const n = Number(value);
      if (value.trim() !== "" && Number.isFinite(n)) this.numbers.add(n);
    }
  }

  private walk(v: unknown, path: string[]): void {
    if (v === null || v === undefined) return;
    if (typeof v === "string" || typeof v === "number") {
      this.put(v, path.slice(-2).map(norm));
      return;
    }
    if (Array.isArray(v)) {
      for (const x of v) this.walk(x, path);
      return;
    }
    if (typeof v === "object") {
      const parent = path.at(-1);
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        // A map keyed by id (payment methods, variants by item id): the key is a value seen under the map's name.
        const keyed = mapKey(k) && parent !== undefined;
        if (keyed) this.put(k, [norm(parent)]);
        this.walk(x, keyed ? [...path] : [...path, k]);
      }
    }
  }
}

/** A name reduced to what it is about: order_id, orders, order_ids → order. */
export function norm(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/_?ids?$/, "")
    .replace(/(?<=[a-z])s$/, "")
    .replace(/^_+|_+$/g, "");
}

function idLike(s: string): boolean {
  return s.length >= 3 && s.length <= 80 && /[0-9@#_]/.test(s) && /[A-Za-z0-9]/.test(s) && !/\s/.test(s);
}

/** An object key that is an id (a map keyed by item id or payment method), not a field name: it holds a digit. */
function mapKey(k: string): boolean {
  return k.length >= 3 && /\d/.test(k);
}

/** `needle` inside `hay` not glued to a letter or digit on either side. */
function containsWord(hay: string, needle: string): boolean {
  if (needle === "") return true;
  let i = hay.indexOf(needle);
  while (i >= 0) {
    const before = hay[i - 1];
    const after = hay[i + needle.length];
    if (!(before && /[a-z0-9]/.test(before)) && !(after && /[a-z0-9]/.test(after))) return true;
    i = hay.indexOf(needle, i + 1);
  }
  return false;
}
