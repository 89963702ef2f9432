import { jsonPlain } from "./json-equal.js";
import { sharedPrefix } from "./shared-prefix.js";

/**
 * JSON text of rows that share objects, byte for byte what JSON.stringify(row) gives.
 *
 * The rows of one dialogue repeat each other: a per-turn row holds the conversation so
 * far, so its messages are the same objects as in the row before, and a transition's
 * state and next_state are prefixes of one message list. JSON.stringify serialises a
 * shared message again in every row (O(n²) work in the dialogue's length); a
 * RowSerializer serialises each object that sits in an array below the row's top level
 * once, and builds each row's text by joining the pieces.
 *
 * Contract: an object must not change between the rows that share it (the cache is
 * keyed by identity). Call `reset()` between dialogues, so memory stays flat.
 */
export class RowSerializer {
  private cache = new Map<object, string>();
  /** Long strings near the top of the rows (a sharegpt row's tools text), by value: each is escaped once per dialogue. */
  private strings = new Map<string, string>();
  /** The last arrays of more than one element serialised below the top level (a row's state and next_state, a pair's prompt). */
  private recent: Prefixes[] = [];

  /** Forgets the cached pieces (call it at the start of each dialogue). */
  reset(): void {
    if (this.cache.size > 0) this.cache = new Map();
    if (this.strings.size > 0) this.strings = new Map();
    this.recent = [];
  }

  /** JSON.stringify(row), reusing the text of objects already serialised. */
  stringify(row: unknown): string {
    const text = this.value(row, 0);
    // JSON.stringify returns undefined for undefined/functions/symbols: the writer would fail the same way.
    return text as string;
  }

  /** The text of `v` at `depth`, or undefined where JSON.stringify would omit it. */
  private value(v: unknown, depth: number): string | undefined {
    if (typeof v === "string" && v.length >= LONG) return this.longString(v);
    if (typeof v !== "object" || v === null) return JSON.stringify(v);
    if (!jsonPlain(v)) return JSON.stringify(v);
    if (Array.isArray(v)) return depth >= 1 ? this.sharedArray(v) : this.array(v, depth);
    let out = "{";
    let first = true;
    for (const k of Object.keys(v)) {
      const t = depth >= 2 ? JSON.stringify((v as Record<string, unknown>)[k]) : this.value((v as Record<string, unknown>)[k], depth + 1);
      if (t === undefined) continue;
      out += (first ? "" : ",") + JSON.stringify(k) + ":" + t;
      first = false;
    }
    return out + "}";
  }

  /** A row's string is usually the same string object in every row, whose hash V8 keeps: the lookup is cheap. */
  private longString(v: string): string {
    let t = this.strings.get(v);
    if (t === undefined) this.strings.set(v, (t = JSON.stringify(v)));
    return t;
  }

  private array(v: readonly unknown[], depth: number): string {
    let out = "[";
    for (let i = 0; i < v.length; i++) {
      const t = this.value(v[i], depth + 1);
      out += (i > 0 ? "," : "") + (t === undefined ? "null" : t);
    }
    return out + "]";
  }

  /**
   * An array whose elements are shared between rows: each object element is serialised
   * once, and the text of a leading run of elements identical to a recent array's (the
   * conversation so far) is taken over whole.
   */
  private sharedArray(v: readonly unknown[]): string {
    let from: Prefixes | undefined;
    let j = 0;
    for (const r of this.recent) {
      const k = sharedPrefix(v, r.arr);
      if (k > j) {
        j = k;
        from = r;
      }
    }
    // The same list again (a pair's tools, the prompt that several pairs share): its text as it was.
    if (from && j === v.length && j === from.arr.length) return from.text;
    const joined = from ? from.joined.slice(0, j) : [];
    let out = j > 0 ? joined[j - 1]! : "";
    for (let i = j; i < v.length; i++) {
      const e = v[i] as unknown;
      let t: string | undefined;
      if (typeof e === "object" && e !== null) {
        t = this.cache.get(e);
        if (t === undefined) {
          t = JSON.stringify(e);
          this.cache.set(e, t);
        }
      } else t = JSON.stringify(e);
      out = i > 0 ? out + "," + (t === undefined ? "null" : t) : t === undefined ? "null" : t;
      joined.push(out);
    }
    const text = "[" + out + "]";
    if (v.length > 1) {
      // A copy: a maker may push to the same array and yield it again.
      this.recent.unshift({ arr: v.slice(), joined, text });
      if (this.recent.length > RECENT) this.recent.pop();
    }
    return text;
  }
}

const RECENT = 4;
/** Strings from this length on are cached by value (shorter ones cost less to escape than to look up). */
const LONG = 256;

/** Text of the array's elements joined so far, after each element (prefix sharing). */
interface Prefixes {
  arr: readonly unknown[];
  joined: string[];
  /** The whole array's text. */
  text: string;
}
