/**
 * Education levels of the domain brief, in order; SMA and SMK rank equal, NONE is "did not finish
 * primary school". Used by seekers' profiles, vacancies' minimums, search, matching and the reports.
 * A vacancy is open to someone whose level ranks at or above its minimum.
 */
export const EDUCATION_LEVELS = ['NONE', 'SD', 'SMP', 'SMA', 'SMK', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

const RANK: Record<EducationLevel, number> = {
  NONE: 0,
  SD: 1,
  SMP: 2,
  SMA: 3,
  SMK: 3,
  D1: 4,
  D2: 5,
  D3: 6,
  D4: 7,
  S1: 8,
  S2: 9,
  S3: 10,
};

export function educationRank(level: EducationLevel): number {
  return RANK[level];
}

export function isEducationLevel(s: unknown): s is EducationLevel {
  return typeof s === 'string' && (EDUCATION_LEVELS as readonly string[]).includes(s);
}
