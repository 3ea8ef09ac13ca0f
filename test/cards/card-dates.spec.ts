import { cardTerm, dueAfterReport, nextReportMark, REPORT_WINDOW_DAYS } from '../../src/cards/card-dates';

describe('card dates', () => {
  it('expires two years after issue and wants the first report at six months', () => {
    expect(cardTerm('2026-01-15')).toEqual({
      issuedAt: '2026-01-15',
      expiresAt: '2028-01-15',
      nextReportDue: '2026-07-15',
    });
  });

  it('clamps to month end without drifting: marks are counted from the issue date', () => {
    expect(cardTerm('2026-08-31').nextReportDue).toBe('2027-02-28');
    // The +12 mark is 31 Aug again, not 28 Aug (which chaining from 28 Feb would give).
    expect(nextReportMark('2026-08-31', '2028-08-31', '2027-03-01')).toBe('2027-08-31');
    expect(cardTerm('2027-08-31').nextReportDue).toBe('2028-02-29');
  });

  it('moves the due date to the next mark after today', () => {
    const issued = '2026-01-15';
    const expires = '2028-01-15';
    expect(nextReportMark(issued, expires, '2026-01-15')).toBe('2026-07-15');
    expect(nextReportMark(issued, expires, '2026-07-14')).toBe('2026-07-15');
    // On the due date itself the next mark is the following one.
    expect(nextReportMark(issued, expires, '2026-07-15')).toBe('2027-01-15');
    expect(nextReportMark(issued, expires, '2026-09-01')).toBe('2027-01-15');
    expect(nextReportMark(issued, expires, '2027-06-30')).toBe('2027-07-15');
  });

  it('never moves the due date past the expiry', () => {
    expect(nextReportMark('2026-01-15', '2028-01-15', '2027-08-01')).toBe('2028-01-15');
    expect(nextReportMark('2026-01-15', '2028-01-15', '2028-01-10')).toBe('2028-01-15');
    // An imported card with a shorter term.
    expect(nextReportMark('2026-01-15', '2026-05-01', '2026-02-01')).toBe('2026-05-01');
  });

  it('counts a report made in the reminder window for that due date, and an earlier one for nothing yet', () => {
    const issued = '2026-01-15';
    const expires = '2028-01-15';
    expect(REPORT_WINDOW_DAYS).toBe(14);
    // Reminded on 1 July (14 days before 15 July): a report from then on answers 15 July.
    expect(dueAfterReport(issued, expires, '2026-07-15', '2026-07-01')).toBe('2027-01-15');
    expect(dueAfterReport(issued, expires, '2026-07-15', '2026-07-14')).toBe('2027-01-15');
    // The day before the window: recorded, the due date stays.
    expect(dueAfterReport(issued, expires, '2026-07-15', '2026-06-30')).toBe('2026-07-15');
    // On the due date and after it, as before: the next mark after today.
    expect(dueAfterReport(issued, expires, '2026-07-15', '2026-07-15')).toBe('2027-01-15');
    expect(dueAfterReport(issued, expires, '2026-07-15', '2027-02-01')).toBe('2027-07-15');
    // Never past the expiry.
    expect(dueAfterReport(issued, expires, '2027-07-15', '2027-07-10')).toBe('2028-01-15');
  });
});
