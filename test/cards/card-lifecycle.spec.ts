import {
  cardActions,
  cardSql,
  effectiveStatus,
  isCardActive,
  isCardReportOverdue,
  isIssued,
  mayRequestCard,
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
    expect(isCardReportOverdue(active, '2026-07-15')).toBe(false);
    expect(isCardReportOverdue(active, '2026-07-16')).toBe(true);
    expect(isCardReportOverdue({ ...active, status: 'EXPIRED' }, '2026-07-16')).toBe(false);
    // Past its expiry the card is no longer overdue: it is expired.
    expect(isCardReportOverdue({ ...active, nextReportDue: '2028-01-15' }, '2028-01-16')).toBe(false);
    expect(isCardReportOverdue({ status: 'PENDING', expiresAt: null, nextReportDue: null }, '2026-07-16')).toBe(false);
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
