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

/**
 * An instant as a bound parameter of raw SQL, written the way TypeORM stores datetime(3) on both
 * engines: UTC, `YYYY-MM-DD HH:MM:SS.mmm` (better-sqlite3 cannot bind Date objects).
 */
export function sqlInstant(at: Date): string {
  return at.toISOString().replace('T', ' ').slice(0, 23);
}

/** `YYYY-MM-DD` from a DATE column, whichever way the driver returns it. */
export function sqlDate(v: string | Date): string;
export function sqlDate(v: string | Date | null): string | null;
export function sqlDate(v: string | Date | null): string | null {
  if (v === null) return null;
  return v instanceof Date ? v.toISOString().slice(0, 10) : v.slice(0, 10);
}

/** A boolean column read raw: `1`/`true` as either driver returns it (and `'1'` as a string), anything else false. */
export function rawBoolean(v: unknown): boolean {
  return v === true || v === 1 || v === '1';
}

/** A datetime column read raw, as either driver returns it (Date from mysql2, `YYYY-MM-DD HH:MM:SS.mmm` UTC from SQLite). */
export function rawInstant(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  return new Date(`${String(v).replace(' ', 'T')}Z`);
}
