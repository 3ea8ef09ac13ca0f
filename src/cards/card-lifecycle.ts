import { addDays } from '../common/dates.js';
import { CARD_STATUSES, type CardStatus } from './card.entity.js';

/**
 * The card's state machine, in one place:
 *
 *   PENDING ─approve→ ACTIVE ─hire / self-report→ PLACED
 *      │                 ├─revoke→ REVOKED
 *      │                 ├─withdraw (the holder: no longer looking for work)→ WITHDRAWN
 *      └─reject→ REJECTED └─expiry date passes→ EXPIRED (the daily job writes it)
 *
 * Between the expiry date and the daily job's run the row still says ACTIVE; every reader asks
 * `effectiveStatus` instead of reading the column, so a card has one status everywhere.
 */
export interface CardState {
  status: CardStatus;
  expiresAt: string | null;
  nextReportDue?: string | null;
  /** The issuing office, whose overdue rule applies (null: the first office's). */
  officeId?: string | null;
}

/**
 * The overdue rule of every office (OfficeSettings.overdueRules): the grace days of the offices that have a
 * non-zero grace; every other office has none. A card without an office is `rootId`'s.
 */
export interface OverdueRules {
  rootId: string;
  graceDays: ReadonlyMap<string, number>;
}

/** No office has a grace: overdue from the day after the due date (the deployment's rule). */
export const NO_GRACE: OverdueRules = { rootId: '', graceDays: new Map() };

/** The grace days of a card's office. */
export function graceDaysOf(rules: OverdueRules, officeId: string | null | undefined): number {
  return rules.graceDays.get(officeId ?? rules.rootId) ?? 0;
}

/**
 * The first due date that is not yet overdue today with `graceDays` of grace: a report due before it is
 * overdue (`due + graceDays < today` ⇔ `due < today − graceDays`). The one place the rule is written; SQL
 * compares with the same date, computed here, so no engine does date arithmetic.
 */
export function overdueThreshold(today: string, graceDays: number): string {
  return graceDays === 0 ? today : addDays(today, -graceDays);
}

/** The status as it is `today`: an ACTIVE card past its expiry date is EXPIRED. */
export function effectiveStatus(card: CardState, today: string): CardStatus {
  if (card.status === 'ACTIVE' && card.expiresAt !== null && card.expiresAt < today) return 'EXPIRED';
  return card.status;
}

/** Whether the card was ever issued (it has a number): PENDING and REJECTED requests never were. */
export function isIssued(status: CardStatus): boolean {
  return status !== 'PENDING' && status !== 'REJECTED';
}

/** Whether the card proves its holder is a registered job seeker today. */
export function isCardActive(card: CardState, today: string): boolean {
  return effectiveStatus(card, today) === 'ACTIVE';
}

/**
 * A report is overdue when a card still active today has passed its due date by more than its office's
 * grace days (overdue, not invalid): `next_report_due + graceDays < today`.
 */
export function isCardReportOverdue(card: CardState, today: string, rules: OverdueRules): boolean {
  const due = card.nextReportDue ?? null;
  return isCardActive(card, today) && due !== null && due < overdueThreshold(today, graceDaysOf(rules, card.officeId));
}

/** The offices with a grace, grouped by their grace days (ascending); every other office has none. */
export function graceGroups(rules: OverdueRules): { graceDays: number; officeIds: string[] }[] {
  const byGrace = new Map<number, string[]>();
  for (const [officeId, days] of rules.graceDays) {
    if (days === 0) continue;
    byGrace.set(days, [...(byGrace.get(days) ?? []), officeId]);
  }
  return [...byGrace.entries()]
    .sort(([x], [y]) => x - y)
    .map(([graceDays, ids]) => ({ graceDays, officeIds: [...ids].sort() }));
}

/** Turns a value into a placeholder of the query being built (`?` pushed in order, or a named `:p`). */
export type Bind = (value: unknown) => string;

/** Placeholders for a raw query: `?`, the values pushed onto `params` in the order they appear. */
export function positional(params: unknown[]): Bind {
  return (value) => {
    params.push(value);
    return '?';
  };
}

/** Placeholders for the query builder: `:prefixN`, the values collected in `params`. */
export function named(params: Record<string, unknown>, prefix = 'overdue'): Bind {
  let n = 0;
  return (value) => {
    const key = `${prefix}${n++}`;
    params[key] = value;
    return `:${key}`;
  };
}

/**
 * The same rules in SQL, for lists and counts by status: `a` is the cards table's alias (or `cards`),
 * `today` the placeholder bound to today's date (`:today` for the query builder, `?` for raw queries).
 */
export const cardSql = {
  /** The status as it is today. */
  effectiveStatus(a: string, today = ':today'): string {
    return `CASE WHEN ${a}.status = 'ACTIVE' AND ${a}.expires_at < ${today} THEN 'EXPIRED' ELSE ${a}.status END`;
  },
  hasStatus(a: string, status: CardStatus, today = ':today'): string {
    if (status === 'ACTIVE') return `(${a}.status = 'ACTIVE' AND ${a}.expires_at >= ${today})`;
    if (status === 'EXPIRED')
      return `(${a}.status = 'EXPIRED' OR (${a}.status = 'ACTIVE' AND ${a}.expires_at < ${today}))`;
    if (!CARD_STATUSES.includes(status)) throw new Error(`not a card status: ${String(status)}`);
    return `${a}.status = '${status}'`;
  },
  /**
   * `isCardReportOverdue` in SQL, by the card's office's rule. The threshold date of each office with a
   * grace is computed here (overdueThreshold) and bound: `next_report_due < CASE WHEN office_id IN (…) THEN
   * threshold … ELSE today END`, offices grouped by their grace (at most 61 branches); with no grace
   * anywhere it is today's plain `next_report_due < today`. Placeholders come from `bind`, in the order
   * they appear.
   */
  reportOverdue(a: string, today: string, rules: OverdueRules, bind: Bind): string {
    const active = cardSql.hasStatus(a, 'ACTIVE', bind(today));
    return `(${active} AND ${a}.next_report_due < ${cardSql.overdueThreshold(a, today, rules, bind)})`;
  },
  /** The threshold date of the card's office (see reportOverdue). */
  overdueThreshold(a: string, today: string, rules: OverdueRules, bind: Bind): string {
    const groups = graceGroups(rules);
    if (groups.length === 0) return bind(today);
    const branches = groups.map(
      (g) =>
        `WHEN ${cardSql.ofOffices(a, g.officeIds, rules.rootId, bind)} THEN ${bind(overdueThreshold(today, g.graceDays))}`,
    );
    return `CASE ${branches.join(' ')} ELSE ${bind(today)} END`;
  },
  /** The card belongs to one of these offices (a card without an office is the first office's). */
  ofOffices(a: string, officeIds: readonly string[], rootId: string, bind: Bind): string {
    const inList = `${a}.office_id IN (${officeIds.map((id) => bind(id)).join(', ')})`;
    return officeIds.includes(rootId) ? `(${inList} OR ${a}.office_id IS NULL)` : inList;
  },
  /** The card belongs to none of these offices. */
  notOfOffices(a: string, officeIds: readonly string[], rootId: string, bind: Bind): string {
    const inList = `${a}.office_id IN (${officeIds.map((id) => bind(id)).join(', ')})`;
    return officeIds.includes(rootId)
      ? `(${a}.office_id IS NOT NULL AND NOT (${inList}))`
      : `(${a}.office_id IS NULL OR NOT (${inList}))`;
  },
};

/** Transitions a person may ask for, given the status as it is today. */
export interface CardActions {
  /** Officer: approve or reject a request. */
  approve: boolean;
  reject: boolean;
  /** Officer: revoke an active card. */
  revoke: boolean;
  /** Holder or officer: make the six-monthly report. */
  report: boolean;
  /**
   * Holder or officer: show and print the card with its QR credential, which is signed only for a card
   * that is active today (CardValidationService.credential).
   */
  print: boolean;
}

export function cardActions(card: CardState, today: string): CardActions {
  const status = effectiveStatus(card, today);
  return {
    approve: status === 'PENDING',
    reject: status === 'PENDING',
    revoke: status === 'ACTIVE',
    report: status === 'ACTIVE',
    print: status === 'ACTIVE',
  };
}

/**
 * A seeker may request a new card when none of theirs is pending or active today. (A card past its
 * expiry date that the daily job has not yet written EXPIRED is expired by the request itself.)
 */
export function mayRequestCard(cards: readonly CardState[], today: string): boolean {
  return !cards.some((c) => c.status === 'PENDING' || isCardActive(c, today));
}
