/**
 * `Authorization: Bearer <jwt>` — the scheme in any case, one space, then exactly one compact JWS
 * (three base64url parts). Anything before, after or between (a second token, a comma, a tab, more
 * text) is not a credential we issued and answers 401: passport-jwt's own extractor took the first
 * two words of the header and ignored the rest.
 */
const BEARER_RE = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;

/** The token of a well-formed Bearer header, else null. */
export function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  return BEARER_RE.exec(header)?.[1] ?? null;
}
