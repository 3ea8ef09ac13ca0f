import { cardSql } from '../cards/card-lifecycle.js';
import { addDays } from '../common/dates.js';
import { sqlInstant } from '../common/sql.js';
import type { Period } from './period.js';

/**
 * When a card or a vacancy closed, for the outcome figures (docs/reports.md, "Outcomes"). One place for
 * the rules, shared by `GET /monitoring/outcomes` and the outreach list's `silentClosures` filter:
 *
 * - a card placed, revoked or withdrawn closed on the day of its `closed_at` (Asia/Jakarta);
 * - a card that expired closed on its expiry date (`expires_at`), the day IPK III/1 counts it removed —
 *   also while the row still says ACTIVE because the daily job has not yet written EXPIRED (the
 *   effective status of card-lifecycle.ts), and whenever the job ran;
 * - a vacancy filled or closed by hand closed on the day of its `closed_at`;
 * - a vacancy that ran past its closing date closed the day after `closes_at` (as IPK III/1 Part II
 *   removes it), also while the row still says OPEN; a draft closed before it was ever published is
 *   no vacancy that closed.
 */

/** `YYYY-MM` (Asia/Jakarta, UTC+7 all year) of a UTC datetime column. */
function jakartaMonthOfInstant(col: string, mysql: boolean): string {
  return mysql ? `DATE_FORMAT(DATE_ADD(${col}, INTERVAL 7 HOUR), '%Y-%m')` : `strftime('%Y-%m', ${col}, '+7 hours')`;
}

/** `YYYY-MM` of a DATE column plus `days`. */
function monthOfDate(col: string, days: number, mysql: boolean): string {
  if (days === 0) return mysql ? `DATE_FORMAT(${col}, '%Y-%m')` : `substr(${col}, 1, 7)`;
  return mysql
    ? `DATE_FORMAT(DATE_ADD(${col}, INTERVAL ${days} DAY), '%Y-%m')`
    : `strftime('%Y-%m', ${col}, '+${days} days')`;
}

export interface Sql {
  sql: string;
  params: unknown[];
}

/** ` AND <col> IN (?, …)` and its parameters for a list of office ids; nothing when `offices` is absent. */
export function officeFilter(col: string, offices?: readonly string[]): Sql {
  if (!offices) return { sql: '', params: [] };
  if (offices.length === 0) return { sql: ' AND 1 = 0', params: [] };
  return { sql: ` AND ${col} IN (${offices.map(() => '?').join(', ')})`, params: [...offices] };
}

/**
 * Cards that closed in the period, one row each: `month` (YYYY-MM) and `outcome` (PLACED, REVOKED,
 * WITHDRAWN or EXPIRED). Reads index ranges only: cards(status, closed_at) and cards(status, expires_at).
 */
export function cardsClosedIn(p: Period, today: string, mysql: boolean, offices?: readonly string[]): Sql {
  const of = officeFilter('c.office_id', offices);
  return {
    sql: `SELECT ${jakartaMonthOfInstant('c.closed_at', mysql)} AS month, c.status AS outcome FROM cards c
           WHERE c.status IN ('PLACED', 'REVOKED', 'WITHDRAWN') AND c.closed_at >= ? AND c.closed_at < ?${of.sql}
          UNION ALL
          SELECT ${monthOfDate('c.expires_at', 0, mysql)} AS month, 'EXPIRED' AS outcome FROM cards c
           WHERE c.status IN ('EXPIRED', 'ACTIVE') AND c.expires_at >= ? AND c.expires_at <= ?
             AND ${cardSql.hasStatus('c', 'EXPIRED', '?')}${of.sql}`,
    params: [sqlInstant(p.start), sqlInstant(p.end), ...of.params, p.from, p.to, today, ...of.params],
  };
}

/**
 * Vacancies that closed in the period, one row each: `id`, `employer_id`, `quota`, `filled`, and (when
 * `withMonth`) `month`. Reads index ranges only: vacancies(closed_reason, closed_at) and vacancies(status,
 * closes_at).
 */
export function vacanciesClosedIn(
  p: Period,
  today: string,
  mysql: boolean,
  withMonth = true,
  offices?: readonly string[],
): Sql {
  const of = officeFilter('v.office_id', offices);
  const cols = (month: string) =>
    `v.id AS id, v.employer_id AS employer_id, v.quota AS quota, v.filled AS filled${withMonth ? `, ${month} AS month` : ''}`;
  const expiredMonth = monthOfDate('v.closes_at', 1, mysql);
  const [dayBefore, lastDayBefore] = [addDays(p.from, -1), addDays(p.to, -1)];
  // Three branches, each one index range (status is a constant in the last two, so closes_at is a range).
  return {
    sql: `SELECT ${cols(jakartaMonthOfInstant('v.closed_at', mysql))} FROM vacancies v
           WHERE v.closed_reason IN ('FILLED', 'CLOSED_BY_EMPLOYER', 'CLOSED_BY_OFFICER')
             AND v.closed_at >= ? AND v.closed_at < ? AND v.published_at IS NOT NULL${of.sql}
          UNION ALL
          SELECT ${cols(expiredMonth)} FROM vacancies v
           WHERE v.status = 'CLOSED' AND v.closes_at >= ? AND v.closes_at <= ? AND v.closed_reason = 'EXPIRED'${of.sql}
          UNION ALL
          SELECT ${cols(expiredMonth)} FROM vacancies v
           WHERE v.status = 'OPEN' AND v.closes_at >= ? AND v.closes_at <= ? AND v.closes_at < ?${of.sql}`,
    params: [
      sqlInstant(p.start),
      sqlInstant(p.end),
      ...of.params,
      dayBefore,
      lastDayBefore,
      ...of.params,
      dayBefore,
      lastDayBefore,
      today,
      ...of.params,
    ],
  };
}

/**
 * Employers with at least one vacancy closed in the period with positions unfilled and no outcome
 * recorded (no `vacancy_outcomes` row): who they hired, if anyone, is unknown.
 */
export function silentClosers(p: Period, today: string): Sql {
  const closed = vacanciesClosedIn(p, today, false, false);
  return {
    sql: `SELECT sv.employer_id FROM (${closed.sql}) sv
           WHERE sv.filled < sv.quota AND NOT EXISTS (SELECT 1 FROM vacancy_outcomes o WHERE o.vacancy_id = sv.id)`,
    params: closed.params,
  };
}
