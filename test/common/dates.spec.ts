import { addDays, addMonths, ageOn, isCalendarDate, jakartaDate, startOfJakartaDay } from '../../src/common/dates';

describe('business dates (Asia/Jakarta)', () => {
  it('puts an instant on its Jakarta calendar day', () => {
    expect(jakartaDate(new Date('2026-11-27T16:59:59.999Z'))).toBe('2026-11-27');
    expect(jakartaDate(new Date('2026-11-27T17:00:00.000Z'))).toBe('2026-11-28');
    expect(startOfJakartaDay('2026-11-28').toISOString()).toBe('2026-11-27T17:00:00.000Z');
  });

  it('adds months, falling back to the last day of a shorter month', () => {
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2026-11-27', 24)).toBe('2028-11-27');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('recognises only real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('26-11-27')).toBe(false);
    expect(isCalendarDate(20261127)).toBe(false);
  });

  it('computes age on a day, birthday included', () => {
    expect(ageOn('2000-11-27', '2026-11-26')).toBe(25);
    expect(ageOn('2000-11-27', '2026-11-27')).toBe(26);
    expect(ageOn('2004-02-29', '2026-02-28')).toBe(21);
  });
});
