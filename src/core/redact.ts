// Credentials never reach a log line or a message shown to users: passwords in URLs,
// password/secret/token/cookie fields, and known secret values are masked.
const MASK = '***';
/** scheme://user:password@ or scheme://token@ */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@:]*)(?::([^\s/?#@]*))?@/gi;
/** password=…, "secret": "…", Authorization: Bearer …, Cookie: … */
const SECRET_FIELD =
  /\b(password|passwd|secret|token|api[_-]?key|authorization|cookie|set-cookie|x-csrf-token)(["']?\s*[:=]\s*["']?)(?:(?:basic|bearer)\s+)?[^\s"',;&]+/gi;

/**
 * The text with credentials masked: the password (or bare token) of URLs, values of
 * password/secret/token/cookie fields, and every value in `secrets` (at least 6 characters
 * long, so short words are never masked by accident).
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (s.length >= 6) out = out.split(s).join(MASK);
  out = out.replace(URL_USERINFO, (_m, scheme: string, user: string, pass?: string) =>
    pass === undefined ? `${scheme}${MASK}@` : `${scheme}${user}:${MASK}@`,
  );
  return out.replace(SECRET_FIELD, (_m, name: string, sep: string) => `${name}${sep}${MASK}`);
}
