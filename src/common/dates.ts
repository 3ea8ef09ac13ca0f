/** Calendar-date arithmetic for business dates, which live in Asia/Jakarta (UTC+7, no DST). */

const WIB_OFFSET_MS = 7 * 3600 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Asia/Jakarta calendar date of an instant, `YYYY-MM-DD`. */
export function jakartaDate(at: Date): string {
  return new Date(at.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** True when `s` is a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** The years a period filter (`from`/`to`) may name. Outside them date arithmetic leaves `YYYY-MM-DD` (year 10000) or maps years 0–99 to 1900–1999. */
export const PERIOD_FIRST_YEAR = 1900;
export const PERIOD_LAST_YEAR = 2100;

/** A real calendar date between 1900-01-01 and 2100-12-31: what a `from`/`to` filter may be. */
export function isPeriodDate(s: unknown): s is string {
  if (!isCalendarDate(s)) return false;
  const year = Number(s.slice(0, 4));
  return year >= PERIOD_FIRST_YEAR && year <= PERIOD_LAST_YEAR;
}

function parts(date: string): [number, number, number] {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`not a calendar date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Adds whole months; a day that does not exist in the target month falls back to its last day
 * (31 Aug + 6 months = 28/29 Feb), as people count "six months from the issue date".
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return format(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const dt = new Date(Date.UTC(y, m - 1, d + days));
  return dt.toISOString().slice(0, 10);
}

/** The UTC instant at which a Jakarta calendar date begins. */
export function startOfJakartaDay(date: string): Date {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d) - WIB_OFFSET_MS);
}

/** Whole years between a birth date and a day (age on that day). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(on);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}
