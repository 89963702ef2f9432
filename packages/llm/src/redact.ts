/**
 * Removes secrets from any text that may reach a log, an error, a dead letter or the
 * output: the configured key itself, and anything shaped like a key or a bearer token
 * (servers quote a masked key in their 401 messages).
 */
export function makeRedactor(secrets: Array<string | undefined>): (text: string) => string {
  const exact = secrets.filter((s): s is string => typeof s === "string" && s.length >= 4).sort((a, b) => b.length - a.length);
  return (text: string) => {
    let out = text;
    for (const s of exact) out = out.split(s).join("[redacted]");
    return out
      .replace(/\bsk-[A-Za-z0-9_*.-]{6,}/g, "sk-[redacted]")
      .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=*-]+/gi, "$1 [redacted]")
      .replace(/("?(?:api[_-]?key|authorization)"?\s*[:=]\s*"?)[^"\s,}]+/gi, "$1[redacted]");
  };
}
