import {
  cardNumberKey,
  composeCardNumber,
  groupCardNumber,
  hasValidCheckDigit,
  luhnCheckDigit,
  readCardNumber,
} from '../../src/cards/card-number';

describe('Luhn check digit', () => {
  it('matches known Luhn numbers', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3); // the textbook example 79927398713
    expect(hasValidCheckDigit('79927398713')).toBe(true);
    expect(hasValidCheckDigit('4111111111111111')).toBe(true);
    expect(hasValidCheckDigit('4111111111111112')).toBe(false);
  });

  it('catches every single-digit typo and every adjacent swap of different digits (except 0/9)', () => {
    const good = composeCardNumber('1671', 2026, 123);
    for (let i = 0; i < 13; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === good[i]) continue;
        expect(hasValidCheckDigit(good.slice(0, i) + d + good.slice(i + 1))).toBe(false);
      }
    }
    for (let i = 0; i < 12; i++) {
      const [a, b] = [good[i], good[i + 1]];
      if (a === b || a + b === '09' || a + b === '90') continue;
      expect(hasValidCheckDigit(good.slice(0, i) + b + a + good.slice(i + 2))).toBe(false);
    }
  });
});

describe('card numbers', () => {
  it('composes region, two-digit year, six-digit serial and check digit', () => {
    const n = composeCardNumber('1671', 2026, 123);
    expect(n).toHaveLength(13);
    expect(n.slice(0, 12)).toBe('167126000123');
    expect(hasValidCheckDigit(n)).toBe(true);
    expect(groupCardNumber(n)).toBe(`1671-26-000123-${n[12]}`);
  });

  it('refuses serials outside 1..999999', () => {
    expect(() => composeCardNumber('1671', 2026, 0)).toThrow();
    expect(() => composeCardNumber('1671', 2026, 1_000_000)).toThrow();
  });

  it('accepts separators and normalises to one key', () => {
    const n = composeCardNumber('1671', 2026, 42);
    const grouped = groupCardNumber(n);
    for (const typed of [n, grouped, grouped.replace(/-/g, ' '), grouped.replace(/-/g, '.'), ` ${grouped} `]) {
      expect(readCardNumber(typed)).toEqual({ kind: 'issued', key: n, display: grouped });
    }
  });

  it('refuses a 13-digit number with a wrong check digit', () => {
    const n = composeCardNumber('1671', 2026, 42);
    const typo = n.slice(0, 12) + String((Number(n[12]) + 1) % 10);
    expect(readCardNumber(typo)).toEqual({ kind: 'bad-check-digit' });
  });

  it('lets other shapes through as possible imported numbers, and refuses junk', () => {
    expect(readCardNumber('ak1/1671/2019/00123')).toEqual({
      kind: 'other',
      key: 'AK1/1671/2019/00123',
      display: 'AK1/1671/2019/00123',
    });
    expect(readCardNumber('560-1671-2019')).toEqual({ kind: 'other', key: '56016712019', display: '56016712019' });
    expect(readCardNumber('<script>')).toEqual({ kind: 'malformed' });
    expect(readCardNumber(' - ')).toEqual({ kind: 'malformed' });
    expect(cardNumberKey('a.b-c d')).toBe('ABCD');
  });
});
