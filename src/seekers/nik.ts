/**
 * NIK (Nomor Induk Kependudukan): 16 digits `PPKKCC DDMMYY SSSS` — province, regency/city and district
 * of first issue; birth date with day + 40 for women; a serial from 0001. There is no check digit, so
 * what can be checked is the shape, that the date part is a real date, and that it agrees with the
 * birth date and sex the person gives.
 */

export type Gender = 'L' | 'P';

export interface Nik {
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  /** Day of birth with the +40 for women removed. */
  birthDay: number;
  birthMonth: number;
  /** Last two digits of the birth year. */
  birthYear2: number;
  gender: Gender;
  serial: number;
}

export type NikParse = { ok: true; nik: Nik } | { ok: false; errors: string[] };

const DAYS_IN_MONTH_LEAP = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Reads an NIK on its own (no birth date known yet); every problem found is reported. */
export function parseNik(input: string): NikParse {
  if (!/^\d{16}$/.test(input)) return { ok: false, errors: ['nik must be exactly 16 digits'] };
  const errors: string[] = [];
  const provinceCode = input.slice(0, 2);
  const regencyCode = input.slice(2, 4);
  const districtCode = input.slice(4, 6);
  const rawDay = Number(input.slice(6, 8));
  const birthMonth = Number(input.slice(8, 10));
  const birthYear2 = Number(input.slice(10, 12));
  const serial = Number(input.slice(12, 16));

  if (Number(provinceCode) < 11) errors.push('nik must start with a province code (11 or higher) in digits 1-2');
  if (regencyCode === '00') errors.push('nik has no regency/city code in digits 3-4');
  if (districtCode === '00') errors.push('nik has no district code in digits 5-6');

  const gender: Gender = rawDay > 40 ? 'P' : 'L';
  const birthDay = gender === 'P' ? rawDay - 40 : rawDay;
  if (birthMonth < 1 || birthMonth > 12) {
    errors.push('nik birth month (digits 9-10) must be 01 to 12');
  } else if (birthDay < 1 || birthDay > DAYS_IN_MONTH_LEAP[birthMonth - 1]) {
    errors.push('nik birth day (digits 7-8) is not a date: 01-31 for men, 41-71 for women (day + 40)');
  }
  if (serial < 1) errors.push('nik serial (digits 13-16) must be 0001 or higher');

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    nik: { provinceCode, regencyCode, districtCode, birthDay, birthMonth, birthYear2, gender, serial },
  };
}

/**
 * Checks an NIK against the birth date (`YYYY-MM-DD`) and sex the person gives. Returns the problems
 * as sentences for the `nik` field; empty when the NIK is well formed and agrees.
 */
export function nikProblems(input: string, birthDate: string | undefined, gender: string | undefined): string[] {
  const parsed = parseNik(input);
  if (!parsed.ok) return parsed.errors;
  const nik = parsed.nik;
  const problems: string[] = [];
  const m = typeof birthDate === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate) : null;
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (nik.birthDay !== day || nik.birthMonth !== month || nik.birthYear2 !== year % 100) {
      const shown = `${pad(nik.birthDay)}-${pad(nik.birthMonth)}-${pad(nik.birthYear2)}`;
      problems.push(`nik says the holder was born on ${shown} (DD-MM-YY) but birthDate is ${birthDate}`);
    } else if (nik.birthMonth === 2 && nik.birthDay === 29 && !isLeapYear(year)) {
      problems.push('nik birth date is 29 February of a year that is not a leap year');
    }
  }
  if ((gender === 'L' || gender === 'P') && gender !== nik.gender) {
    problems.push(
      nik.gender === 'P'
        ? 'nik says the holder is a woman (birth day + 40) but gender is L'
        : 'nik says the holder is a man (birth day without + 40) but gender is P',
    );
  }
  return problems;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
