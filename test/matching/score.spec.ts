import { normaliseSkill, scoreMatch, type SeekerProfile, type VacancyRequirements } from '../../src/matching/score';

const TODAY = '2026-06-15';

const seeker = (over: Partial<SeekerProfile> = {}): SeekerProfile => ({
  skills: ['Forklift', 'K3', 'Microsoft Excel'],
  educationLevel: 'SMK',
  kecamatanCode: '16.71.05',
  birthDate: '2000-03-10', // 26 on TODAY
  gender: 'L',
  experienceYears: 2,
  ...over,
});

const vacancy = (over: Partial<VacancyRequirements> = {}): VacancyRequirements => ({
  skills: ['forklift', 'k3', 'SIM B1', 'excel'],
  educationMin: 'SMA',
  kecamatanCode: '16.71.05',
  ageMin: 18,
  ageMax: 35,
  genderRequirement: 'ANY',
  experienceYearsMin: 1,
  ...over,
});

describe('normaliseSkill', () => {
  it.each([
    ['  MS-Excel ', 'excel'],
    ['Microsoft   Excel', 'excel'],
    ['Las Listrik', 'las'],
    ['las-listrik', 'las'],
    ['Sopir', 'mengemudi'],
    ['SUPIR', 'mengemudi'],
    ['Cashier', 'kasir'],
    ['C++', 'c++'],
    ['Bahasa  Inggris', 'english'],
    ['Pâtisserie', 'patisserie'],
  ])('%p → %p', (input, expected) => {
    expect(normaliseSkill(input)).toBe(expected);
  });
});

describe('scoreMatch: worked examples', () => {
  it('a strong fit: 3 of 4 skills, education, location, experience → 50·3/4 + 15 + 15 + 20 = 88', () => {
    const r = scoreMatch(seeker(), vacancy(), TODAY);
    expect(r).toEqual({
      score: 88,
      excluded: false,
      matched: ['age', 'education', 'skill:forklift', 'skill:k3', 'skill:excel', 'location', 'experience'],
      missing: ['skill:SIM B1'],
    });
  });

  it('another kecamatan and half the experience asked: 50·3/4 + 15 + 0 + 20·2/4 = 63', () => {
    const r = scoreMatch(seeker({ kecamatanCode: '16.71.10' }), vacancy({ experienceYearsMin: 4 }), TODAY);
    expect(r.score).toBe(63); // 37.5 + 15 + 10 = 62.5, rounded
    expect(r.missing).toEqual(['skill:SIM B1', 'location', 'experience']);
    expect(r.excluded).toBe(false);
  });

  it('a vacancy that asks nothing in particular gives every soft point: 100', () => {
    const r = scoreMatch(
      seeker({ skills: [] }),
      vacancy({
        skills: [],
        kecamatanCode: null,
        ageMin: null,
        ageMax: null,
        experienceYearsMin: null,
        educationMin: 'NONE',
      }),
      TODAY,
    );
    expect(r).toEqual({ score: 100, matched: ['education'], missing: [], excluded: false });
  });

  it('no skill in common and no experience: 0 + 15 + 15 + 0 = 30', () => {
    const r = scoreMatch(seeker({ skills: ['menjahit'], experienceYears: 0 }), vacancy(), TODAY);
    expect(r.score).toBe(30);
    expect(r.missing).toEqual(['skill:forklift', 'skill:k3', 'skill:SIM B1', 'skill:excel', 'experience']);
  });

  it('matches skills whatever their case, punctuation or synonym', () => {
    const r = scoreMatch(seeker({ skills: ['SOPIR', 'sim-b1'] }), vacancy({ skills: ['Supir', 'SIM B1'] }), TODAY);
    expect(r.matched).toEqual(expect.arrayContaining(['skill:Supir', 'skill:SIM B1']));
    expect(r.missing.filter((m) => m.startsWith('skill:'))).toEqual([]);
  });

  it('counts a skill the vacancy lists twice (in two spellings) once', () => {
    const r = scoreMatch(seeker({ skills: ['excel'] }), vacancy({ skills: ['Excel', 'MS Excel', 'Word'] }), TODAY);
    expect(r.matched.filter((m) => m.startsWith('skill:'))).toEqual(['skill:Excel']);
    expect(r.missing).toContain('skill:Word');
    // 50·1/2 + 15 + 15 + 20 = 75
    expect(r.score).toBe(75);
  });

  it('ranks SMK as SMA and a higher level as meeting the minimum', () => {
    expect(scoreMatch(seeker({ educationLevel: 'SMK' }), vacancy({ educationMin: 'SMA' }), TODAY).excluded).toBe(false);
    expect(scoreMatch(seeker({ educationLevel: 'SMA' }), vacancy({ educationMin: 'SMK' }), TODAY).excluded).toBe(false);
    expect(scoreMatch(seeker({ educationLevel: 'S1' }), vacancy({ educationMin: 'D3' }), TODAY).matched).toContain(
      'education',
    );
  });
});

describe('scoreMatch: hard requirements exclude', () => {
  it('excludes a seeker of the other sex', () => {
    const r = scoreMatch(seeker({ gender: 'L' }), vacancy({ genderRequirement: 'P' }), TODAY);
    expect(r).toMatchObject({ score: 0, excluded: true });
    expect(r.missing).toContain('gender');
    expect(scoreMatch(seeker({ gender: 'P' }), vacancy({ genderRequirement: 'P' }), TODAY).matched).toContain('gender');
  });

  it('excludes outside the age range, counting age on the given day', () => {
    // Born 2000-03-10: 35 until 2036-03-09, 36 from 2036-03-10.
    expect(scoreMatch(seeker(), vacancy({ ageMax: 35 }), '2036-03-09').excluded).toBe(false);
    const r = scoreMatch(seeker(), vacancy({ ageMax: 35 }), '2036-03-10');
    expect(r).toMatchObject({ score: 0, excluded: true });
    expect(r.missing).toContain('age');
    expect(scoreMatch(seeker({ birthDate: '2010-01-01' }), vacancy({ ageMin: 18, ageMax: null }), TODAY).excluded).toBe(
      true,
    );
  });

  it('excludes education below the minimum, and still explains the rest', () => {
    const r = scoreMatch(seeker({ educationLevel: 'SMP' }), vacancy({ educationMin: 'SMA' }), TODAY);
    expect(r).toMatchObject({ score: 0, excluded: true });
    expect(r.missing).toContain('education');
    expect(r.matched).toEqual(expect.arrayContaining(['skill:forklift', 'location']));
  });

  it('never excludes for soft criteria alone', () => {
    const r = scoreMatch(
      seeker({ skills: [], kecamatanCode: null, experienceYears: 0 }),
      vacancy({ experienceYearsMin: 10 }),
      TODAY,
    );
    expect(r.excluded).toBe(false);
    expect(r.score).toBe(15);
  });
});
