/** A pack that cannot be used: names the file and the field, and says what to fix. */
export class PackError extends Error {
  constructor(
    readonly file: string,
    /** Where in the file: a field path like `tools[2].run.table`, or `row 14`. */
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${file}${path ? `: ${path}` : ""}: ${detail}`);
    this.name = "PackError";
  }
}

/** `tools[2].run.table` from a zod/ajv path. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(p))) out += out ? `.${String(p)}` : String(p);
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out;
}
