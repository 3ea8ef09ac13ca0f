import type { SeedOffices } from './offices.js';

/** Sizes per scale. Validations come to about two per card; ~8 % of vacancies are open today. */
export const SCALES = {
  city: { cards: 20_000, employers: 2_000, vacancies: 4_000, validations: 40_000 },
  province: { cards: 200_000, employers: 5_000, vacancies: 40_000, validations: 400_000 },
  national: { cards: 1_000_000, employers: 20_000, vacancies: 200_000, validations: 2_000_000 },
} as const;
export const OPEN_VACANCY_SHARE = 0.08;
export type Scale = keyof typeof SCALES;

export interface SeedOptions {
  scale: Scale;
  seed: number;
  cards: number;
  employers: number;
  /** Vacancies over the last ~26 months, of which `openVacancies` are still open today. */
  vacancies: number;
  openVacancies: number;
  /** About how many card validations employers ran (each card's checks are drawn around this mean). */
  validations: number;
  /** The day the data ends: every seeded event happens before it (Asia/Jakarta date). */
  today: string;
  regionCode: string;
  /**
   * `city` (default): one city office, REGION_CODE, as before offices existed. `province`: the first office
   * is province 16 (REGION_CODE must be 16) and the rows are spread over its 17 city offices.
   */
  offices?: SeedOffices;
  accountsFile: string;
  /** Password of every seeded login account, hashed once. */
  password: string;
  passwordHash: string;
}

/** What a benchmark or a person needs to use the seeded data. Written as JSON to `accountsFile`. */
export interface SeedAccounts {
  seed: number;
  scale: Scale;
  today: string;
  password: string;
  /** `officeCode`: the office of the officer (only with `--offices province`). */
  officers: { email: string; id: string; officeCode?: string }[];
  employers: { email: string; userId: string; employerId: string; legalName: string }[];
  seekers: { email: string; userId: string; seekerId: string }[];
  /** Real (cardNumber, nik) pairs with the result a validation must give today. */
  cards: { cardNumber: string; nik: string; expected: 'VALID' | 'EXPIRED' | 'PLACED' | 'REVOKED' }[];
  /** Well-formed numbers (valid check digit) that no card carries. */
  unusedCardNumbers: string[];
  counts: Record<string, number>;
}
