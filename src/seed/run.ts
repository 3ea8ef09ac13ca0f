import type { DataSource } from 'typeorm';
import { startOfJakartaDay } from '../common/dates.js';
import type { PersonalData } from '../common/personal-data.js';
import type { EmployerStatus } from '../employers/employer.entity.js';
import type { BulkWriter } from './bulk-writer.js';
import type { LabourLedger } from './labour-events.js';
import { dateOf } from './people.js';
import type { Rng } from './random.js';
import type { SeedAccounts, SeedOptions } from './seed.js';
import type { ApplicationIntents, VacancyPlan } from './vacancies.js';

/** Tags that start seeded ids, one per kind, so each kind's rows are inserted in key order. */
export const TAG = {
  officer: 0xa0,
  employer: 0xa1,
  employerUser: 0xa2,
  seeker: 0xa3,
  card: 0xa4,
  report: 0xa5,
  validation: 0xa6,
  seekerUser: 0xa7,
  labourEvent: 0xa8,
  vacancy: 0xa9,
  application: 0xaa,
  placement: 0xab,
} as const;

/** Counters of the kinds whose rows are numbered across the whole run. */
export interface Sequences {
  card: number;
  report: number;
  validation: number;
  placement: number;
  labourEvent: number;
}

export interface EmployerPlan {
  ids: string[];
  userIds: string[];
  names: string[];
  status: EmployerStatus[];
  kecamatan: string[];
  /** Indexes of VERIFIED employers that take part (validate cards, record hires). */
  participating: number[];
}

/** Everything the kinds share while one run writes. */
export interface SeedRun {
  opts: SeedOptions;
  ds: DataSource;
  writer: BulkWriter;
  personal: PersonalData;
  /** Day number of `opts.today`, and the instant it begins: every seeded event is before it. */
  today: number;
  cutoff: Date;
  officerIds: string[];
  employers: EmployerPlan;
  vacancies: VacancyPlan;
  applications: ApplicationIntents;
  ledger: LabourLedger;
  seq: Sequences;
  accounts: SeedAccounts;
  log: (line: string) => void;
}

/** A moment during office hours (08:00–17:00 WIB) of `day`, never at or after the cutoff. */
export function officeInstant(run: SeedRun, day: number, rng: Rng): Date {
  const at = startOfJakartaDay(dateOf(day)).getTime() + (8 * 3600 + Math.floor(rng.next() * 9 * 3600)) * 1000 + rng.int(0, 999);
  return new Date(Math.min(at, run.cutoff.getTime() - 60_000));
}

/** When the daily job (just after midnight) acts on `day`, never at or after the cutoff. */
export function dailyJobInstant(run: SeedRun, day: number): Date {
  return new Date(Math.min(startOfJakartaDay(dateOf(day)).getTime() + 5 * 60_000, run.cutoff.getTime() - 60_000));
}
