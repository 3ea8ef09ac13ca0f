import { addDays, addMonths } from '../common/dates.js';

/** A card is valid two years from issue (domain brief). */
export const CARD_VALIDITY_MONTHS = 24;
/** The holder reports every six months, counted from the issue date. */
export const REPORT_INTERVAL_MONTHS = 6;
/**
 * The report window: from this many days before a due date the holder is reminded (CARD_REPORT_DUE),
 * and a report made from then on counts for that due date.
 */
export const REPORT_WINDOW_DAYS = 14;

export interface CardTerm {
  issuedAt: string;
  expiresAt: string;
  nextReportDue: string;
}

/** Dates of a card issued on `issuedAt`: expiry at +24 months, first report due at +6. */
export function cardTerm(issuedAt: string): CardTerm {
  return {
    issuedAt,
    expiresAt: addMonths(issuedAt, CARD_VALIDITY_MONTHS),
    nextReportDue: addMonths(issuedAt, REPORT_INTERVAL_MONTHS),
  };
}

/**
 * The first 6-month mark after `today` (issue + 6, + 12, + 18 … months), never past the expiry date.
 * Marks are always counted from the issue date, not from the previous mark, so month-end clamping
 * (31 Aug → 28 Feb) does not drift.
 */
export function nextReportMark(issuedAt: string, expiresAt: string, today: string): string {
  for (let k = 1; ; k++) {
    const mark = addMonths(issuedAt, k * REPORT_INTERVAL_MONTHS);
    if (mark >= expiresAt) return expiresAt;
    if (mark > today) return mark;
  }
}

/**
 * The due date after a report made `today` on a card due `due`. A report inside the window before the due
 * date (REPORT_WINDOW_DAYS, when the holder is reminded) or after it answers that due date: the next one is
 * the mark after it. A report earlier than the window is recorded but answers nothing yet: the due date
 * stays (the next mark after today). Never past the expiry.
 */
export function dueAfterReport(issuedAt: string, expiresAt: string, due: string | null, today: string): string {
  const answered = due !== null && today >= addDays(due, -REPORT_WINDOW_DAYS) && due > today ? due : today;
  return nextReportMark(issuedAt, expiresAt, answered);
}
