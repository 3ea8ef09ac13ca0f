/**
 * LIKE patterns that mean the same on SQLite and MySQL. The escape character is `!` because a
 * backslash is itself an escape inside MySQL string literals.
 */
export const LIKE_ESCAPE = `ESCAPE '!'`;

export function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => '!' + c)}%`;
}

/** Splits a free-text query into at most `max` lower-cased words. */
export function queryWords(q: string | undefined, max = 8): string[] {
  if (!q) return [];
  return q.trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, max);
}
