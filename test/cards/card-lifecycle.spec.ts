import {
  cardActions,
  cardSql,
  effectiveStatus,
  isCardActive,
  isCardReportOverdue,
  isIssued,
  mayRequestCard,
  named,
  NO_GRACE,
  overdueThreshold,
  positional,
  type OverdueRules,
} from '../../src/cards/card-lifecycle';

describe('card lifecycle', () => {
  const active = { status: 'ACTIVE' as const, expiresAt: '2028-01-15', nextReportDue: '2026-07-15' };

  it('reads an ACTIVE card past its expiry date as EXPIRED, from the day after it', () => {
    expect(effectiveStatus(active, '2028-01-15')).toBe('ACTIVE');
    expect(effectiveStatus(active, '2028-01-16')).toBe('EXPIRED');
    expect(isCardActive(active, '2028-01-16')).toBe(false);
    expect(effectiveStatus({ status: 'PLACED', expiresAt: '2020-01-01' }, '2028-01-16')).toBe('PLACED');
    expect(effectiveStatus({ status: 'PENDING', expiresAt: null }, '2028-01-16')).toBe('PENDING');
  });

  it('is overdue only for a card still active today whose due date has passed', () => {
    expect(isCardReportOverdue(active, '2026-07-15', NO_GRACE)).toBe(false);
    expect(isCardReportOverdue(active, '2026-07-16', NO_GRACE)).toBe(true);
    expect(isCardReportOverdue({ ...active, status: 'EXPIRED' }, '2026-07-16', NO_GRACE)).toBe(false);
    // Past its expiry the card is no longer overdue: it is expired.
    expect(isCardReportOverdue({ ...active, nextReportDue: '2028-01-15' }, '2028-01-16', NO_GRACE)).toBe(false);
    expect(
      isCardReportOverdue({ status: 'PENDING', expiresAt: null, nextReportDue: null }, '2026-07-16', NO_GRACE),
    ).toBe(false);
  });

  it("is overdue once its own office's grace days have run out: due + grace < today", () => {
    const rules: OverdueRules = {
      rootId: 'root',
      graceDays: new Map([
        ['a', 7],
        ['root', 3],
      ]),
    };
    const inA = { ...active, officeId: 'a' };
    expect(isCardReportOverdue(inA, '2026-07-22', rules)).toBe(false); // due + 7
    expect(isCardReportOverdue(inA, '2026-07-23', rules)).toBe(true); // due + 8
    // Another office without a grace: the day after the due date.
    expect(isCardReportOverdue({ ...active, officeId: 'b' }, '2026-07-16', rules)).toBe(true);
    // A card without an office is the first office's (3 days).
    expect(isCardReportOverdue({ ...active, officeId: null }, '2026-07-18', rules)).toBe(false);
    expect(isCardReportOverdue({ ...active, officeId: null }, '2026-07-19', rules)).toBe(true);
    // Across a month end and a leap day.
    expect(overdueThreshold('2028-03-02', 3)).toBe('2028-02-28');
    expect(overdueThreshold('2026-07-16', 0)).toBe('2026-07-16');
  });

  it('writes the overdue rule as SQL with every date bound, grouped by grace', () => {
    const none: unknown[] = [];
    expect(cardSql.reportOverdue('c', '2026-07-16', NO_GRACE, positional(none))).toBe(
      "((c.status = 'ACTIVE' AND c.expires_at >= ?) AND c.next_report_due < ?)",
    );
    expect(none).toEqual(['2026-07-16', '2026-07-16']);
    const rules: OverdueRules = {
      rootId: 'root',
      graceDays: new Map([
        ['b', 7],
        ['root', 3],
        ['a', 7],
        ['z', 0],
      ]),
    };
    const params: unknown[] = [];
    const sql = cardSql.reportOverdue('c', '2026-07-16', rules, positional(params));
    expect(sql).toBe(
      "((c.status = 'ACTIVE' AND c.expires_at >= ?) AND c.next_report_due < CASE " +
        'WHEN (c.office_id IN (?) OR c.office_id IS NULL) THEN ? WHEN c.office_id IN (?, ?) THEN ? ELSE ? END)',
    );
    expect(params).toEqual(['2026-07-16', 'root', '2026-07-13', 'a', 'b', '2026-07-09', '2026-07-16']);
    // Named placeholders for the query builder, the same values.
    const byName: Record<string, unknown> = {};
    expect(cardSql.reportOverdue('c', '2026-07-16', rules, named(byName))).toContain('c.next_report_due < CASE WHEN');
    expect(Object.values(byName)).toEqual(params);
    // An office id is never written into the SQL.
    const hostile: OverdueRules = { rootId: 'r', graceDays: new Map([["x') OR 1=1 --", 5]]) };
    expect(cardSql.reportOverdue('c', '2026-07-16', hostile, positional([]))).not.toContain('OR 1=1');
  });

  it('offers the transitions of the status as it is today', () => {
    expect(cardActions({ status: 'PENDING', expiresAt: null }, '2026-07-16')).toEqual({
      approve: true,
      reject: true,
      revoke: false,
      report: false,
      print: false,
    });
    expect(cardActions(active, '2026-07-16')).toEqual({
      approve: false,
      reject: false,
      revoke: true,
      report: true,
      print: true,
    });
    expect(cardActions(active, '2028-01-16')).toEqual({
      approve: false,
      reject: false,
      revoke: false,
      report: false,
      print: false,
    });
  });

  it('tells issued cards from requests, and who may request a new one', () => {
    expect(['PENDING', 'REJECTED'].map((s) => isIssued(s as never))).toEqual([false, false]);
    expect(['ACTIVE', 'EXPIRED', 'PLACED', 'REVOKED'].map((s) => isIssued(s as never))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(mayRequestCard([active], '2026-07-16')).toBe(false);
    expect(mayRequestCard([active], '2028-01-16')).toBe(true);
    expect(mayRequestCard([{ status: 'PENDING', expiresAt: null }], '2026-07-16')).toBe(false);
    expect(
      mayRequestCard(
        [
          { status: 'PLACED', expiresAt: '2028-01-15' },
          { status: 'REJECTED', expiresAt: null },
        ],
        '2026-07-16',
      ),
    ).toBe(true);
  });

  it('writes the same rules as SQL, and refuses anything but a status', () => {
    expect(cardSql.hasStatus('c', 'ACTIVE')).toBe("(c.status = 'ACTIVE' AND c.expires_at >= :today)");
    expect(cardSql.hasStatus('c', 'EXPIRED')).toContain("c.status = 'ACTIVE' AND c.expires_at < :today");
    expect(cardSql.hasStatus('c', 'PLACED')).toBe("c.status = 'PLACED'");
    expect(() => cardSql.hasStatus('c', "x' OR 1=1 --" as never)).toThrow();
  });
});
