import { RecordError, UsageError } from "@chatmill/kit";

type Part = string | { path: string[]; json: boolean; raw: string };

/**
 * A prompt template: {{field}} or {{a.b}} inserts a field (text as it is, anything
 * else as JSON), {{json}} the whole record as JSON, {{json:a.b}} a field as JSON.
 */
export class Template {
  private readonly parts: Part[] = [];

  constructor(readonly text: string) {
    const re = /\{\{\s*([^{}]*?)\s*\}\}/g;
    let at = 0;
    for (const m of text.matchAll(re)) {
      this.parts.push(text.slice(at, m.index));
      const inner = m[1]!;
      if (inner === "") throw new UsageError(`the prompt has an empty placeholder {{}} at character ${m.index! + 1}`);
      if (inner === "json") this.parts.push({ path: [], json: true, raw: inner });
      else if (inner.startsWith("json:")) this.parts.push({ path: inner.slice(5).split("."), json: true, raw: inner });
      else this.parts.push({ path: inner.split("."), json: false, raw: inner });
      at = m.index! + m[0].length;
    }
    this.parts.push(text.slice(at));
  }

  /** Fills the placeholders from a record; a missing field is a RecordError naming its path. */
  render(record: Record<string, unknown>): string {
    return this.parts
      .map((p) => {
        if (typeof p === "string") return p;
        let v: unknown = record;
        for (const key of p.path) {
          if (v === null || typeof v !== "object" || !(key in (v as object))) {
            throw new RecordError(`the prompt uses {{${p.raw}}} but the record has no field '${p.path.join(".")}'`, "missing_field", `/${p.path.join("/")}`);
          }
          v = (v as Record<string, unknown>)[key];
        }
        return !p.json && typeof v === "string" ? v : JSON.stringify(v);
      })
      .join("");
  }
}
