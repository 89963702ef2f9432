import type { Domain } from "../contract.js";
import type { Lang } from "../phrases/describe.js";

/**
 * What a person calls a field: the pack's declared name for it (`wording.names`: "price range",
 * "departure time"; a yes/no field is named by what the question is about, "discount" not "on
 * sale", since it is said after "any preference on"), else its name with spaces for underscores.
 */
export function humanField(domain: Domain, f: string): string {
  return declaredName(domain, f) ?? f.replace(/_/g, " ");
}

/** The pack's declared name for a field or argument (`wording.names`), if any. */
function declaredName(domain: Domain, f: string): string | undefined {
  const names = domain.pack.wording?.names;
  return names && Object.hasOwn(names, f) ? names[f] : undefined;
}

/**
 * One booking argument as words: "for 4 people", "on Friday", "at 19:00". Its name is the pack's
 * declared one (`wording.names`), else `words`: the pack's sayable words for an argument
 * (@chatmill/domains' sayableName); an argument it gives none for is said by its value alone,
 * never as its key.
 */
export function describeArg(domain: Domain, k: string, v: unknown, lang: Lang, words: (k: string) => string | undefined): string {
  const said = (): string => {
    const name = declaredName(domain, k) ?? words(k);
    return name === undefined ? String(v) : `${name} ${v}`;
  };
  const f = k.toLowerCase();
  if (lang === "en") {
    if (/people|passengers|guests/.test(f)) return `for ${v} ${v === 1 ? "person" : "people"}`;
    if (f === "stay" || /nights/.test(f)) return `${v} night${v === 1 ? "" : "s"}`;
    if (f === "day") return `on ${cap(String(v))}`;
    if (f === "time") return `at ${v}`;
    if (/leave/.test(f)) return `leaving ${v}`;
    if (/arrive/.test(f)) return `arriving by ${v}`;
    if (/departure|origin/.test(f)) return `from ${v}`;
    if (/destination/.test(f)) return `to ${v}`;
    if (f === "cabin") return `in ${v}`;
    return said();
  }
  if (lang === "hi") {
    if (/people|passengers|guests/.test(f)) return `${v} लोगों के लिए`;
    if (f === "day") return `${v} को`;
    if (f === "time") return `${v} बजे`;
    if (f === "stay") return `${v} रात`;
    return said();
  }
  if (/people|passengers|guests/.test(f)) return `${v} log`;
  if (f === "day") return `${v} ko`;
  if (f === "time") return `${v} baje`;
  if (f === "stay") return `${v} raat`;
  return said();
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
