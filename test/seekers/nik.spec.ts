import { nikProblems, parseNik } from '../../src/seekers/nik';

describe('NIK parsing', () => {
  it('reads region, birth date, sex and serial of a man', () => {
    const r = parseNik('1671051205950001');
    expect(r).toEqual({
      ok: true,
      nik: {
        provinceCode: '16',
        regencyCode: '71',
        districtCode: '05',
        birthDay: 12,
        birthMonth: 5,
        birthYear2: 95,
        gender: 'L',
        serial: 1,
      },
    });
  });

  it('reads a woman from day + 40', () => {
    const r = parseNik('3174015208990123');
    expect(r.ok && r.nik).toMatchObject({ birthDay: 12, birthMonth: 8, birthYear2: 99, gender: 'P', serial: 123 });
  });

  it.each([
    ['167105120595000', 'exactly 16 digits'],
    ['16710512059500011', 'exactly 16 digits'],
    ['16710512059500a1', 'exactly 16 digits'],
    ['0971051205950001', 'province code'],
    ['1600051205950001', 'regency/city'],
    ['1671001205950001', 'district'],
    ['1671053205950001', 'birth day'],
    ['1671057205950001', 'birth day'],
    ['1671050005950001', 'birth day'],
    ['1671051213950001', 'birth month'],
    ['1671053102950001', 'birth day'],
    ['1671051205950000', 'serial'],
  ])('refuses %s (%s)', (nik, expected) => {
    const r = parseNik(nik);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join(' ')).toContain(expected);
  });

  it('accepts 29 February in the NIK alone, and checks the year against the birth date', () => {
    expect(parseNik('1671052902000001').ok).toBe(true);
    expect(nikProblems('1671052902000001', '2000-02-29', 'L')).toEqual([]);
    expect(nikProblems('1671052902010001', '2001-02-29', 'L')).toEqual([
      'nik birth date is 29 February of a year that is not a leap year',
    ]);
  });
});

describe('NIK agreement with birth date and sex', () => {
  it('accepts an NIK that agrees', () => {
    expect(nikProblems('1671051205950001', '1995-05-12', 'L')).toEqual([]);
    expect(nikProblems('1671055205950001', '1995-05-12', 'P')).toEqual([]);
    expect(nikProblems('1671050101050001', '2005-01-01', 'L')).toEqual([]);
  });

  it('names the mismatching date', () => {
    expect(nikProblems('1671051205950001', '1995-05-13', 'L')).toEqual([
      'nik says the holder was born on 12-05-95 (DD-MM-YY) but birthDate is 1995-05-13',
    ]);
    expect(nikProblems('1671051205950001', '1985-05-12', 'L')[0]).toContain('birthDate is 1985-05-12');
  });

  it('catches a woman registered as a man and the other way round', () => {
    expect(nikProblems('1671055205950001', '1995-05-12', 'L')).toEqual([
      'nik says the holder is a woman (birth day + 40) but gender is L',
    ]);
    expect(nikProblems('1671051205950001', '1995-05-12', 'P')).toEqual([
      'nik says the holder is a man (birth day without + 40) but gender is P',
    ]);
  });

  it('reports shape problems before agreement', () => {
    expect(nikProblems('12345', '1995-05-12', 'L')).toEqual(['nik must be exactly 16 digits']);
  });
});
