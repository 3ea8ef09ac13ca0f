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

/** A report is overdue when a card still active today has passed its due date (overdue, not invalid). */
export function isCardReportOverdue(card: CardState, today: string): boolean {
  const due = card.nextReportDue ?? null;
  return isCardActive(card, today) && due !== null && due < today;
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
  /** Needs `today` bound twice when it is `?`. */
  reportOverdue(a: string, today = ':today'): string {
    return `(${cardSql.hasStatus(a, 'ACTIVE', today)} AND ${a}.next_report_due < ${today})`;
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
