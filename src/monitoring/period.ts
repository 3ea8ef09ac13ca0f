import { addDays, isPeriodDate, startOfJakartaDay } from '../common/dates.js';
import { validationFailed, type FieldIssue } from '../common/domain-error.js';

/** A reporting period: calendar days in Asia/Jakarta, both inclusive, and the UTC instants bounding it. */
export interface Period {
  from: string;
  to: string;
  /** First instant of `from`. */
  start: Date;
  /** First instant after `to` (exclusive bound). */
  end: Date;
}

/** Resolves `from`/`to` (default: this month so far) and refuses impossible ones with field errors. */
export function resolvePeriod(q: { from?: string; to?: string }, today: string): Period {
  const from = q.from ?? `${today.slice(0, 7)}-01`;
  const to = q.to ?? today;
  const issues: FieldIssue[] = [];
  // Years 1900–2100 only: date arithmetic cannot write year 10000 (to=9999-12-31 answered 500).
  if (!isPeriodDate(from))
    issues.push({ field: 'from', messages: ['from is not a real calendar date between 1900 and 2100'] });
  if (!isPeriodDate(to))
    issues.push({ field: 'to', messages: ['to is not a real calendar date between 1900 and 2100'] });
  if (issues.length === 0 && from > to) issues.push({ field: 'to', messages: ['to must not be before from'] });
  if (issues.length > 0) throw validationFailed(issues);
  return { from, to, start: startOfJakartaDay(from), end: startOfJakartaDay(addDays(to, 1)) };
}
