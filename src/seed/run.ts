import type { DataSource } from 'typeorm';
import { startOfJakartaDay } from '../common/dates.js';
import type { PersonalData } from '../common/personal-data.js';
import type { EmployerStatus } from '../employers/employer.entity.js';
import type { BulkWriter } from './bulk-writer.js';
import type { LabourLedger } from './labour-events.js';
import type { SeedGeography } from './offices.js';
import type { SeedAccounts, SeedOptions } from './options.js';
import { dateOf } from './people.js';
import type { Rng, Sequences } from './random.js';
import type { ApplicationIntents, VacancyPlan } from './vacancy-plan.js';

export interface EmployerPlan {
  ids: string[];
  userIds: string[];
  names: string[];
  status: EmployerStatus[];
  kecamatan: string[];
  /** KBLI 2020 codes (IPK III/6, III/7). */
  kbli: string[];
  /** Index of the employer's city in `geo.cities`. */
  city: number[];
  /** Indexes of VERIFIED employers that take part (validate cards, record hires). */
  participating: number[];
}

/** What the kinds share from the start: officers and employers are written with this alone. */
export interface SeedBase {
  opts: SeedOptions;
  ds: DataSource;
  writer: BulkWriter;
  personal: PersonalData;
  /** Day number of `opts.today`, and the instant it begins: every seeded event is before it. */
  today: number;
  cutoff: Date;
  officerIds: string[];
  /** The offices and which city each record belongs to (one city unless `--offices province`). */
  geo: SeedGeography;
  employers: EmployerPlan;
  ledger: LabourLedger;
  seq: Sequences;
  accounts: SeedAccounts;
  log: (line: string) => void;
}

/** Everything the kinds share once the vacancies are planned (after the employers exist). */
export interface SeedRun extends SeedBase {
  vacancies: VacancyPlan;
  applications: ApplicationIntents;
}

/** A moment during office hours (08:00–17:00 WIB) of `day`, never at or after the cutoff. */
export function officeInstant(run: Pick<SeedBase, 'cutoff'>, day: number, rng: Rng): Date {
  const at =
    startOfJakartaDay(dateOf(day)).getTime() + (8 * 3600 + Math.floor(rng.next() * 9 * 3600)) * 1000 + rng.int(0, 999);
  return new Date(Math.min(at, run.cutoff.getTime() - 60_000));
}

/** When the daily job (just after midnight) acts on `day`, never at or after the cutoff. */
export function dailyJobInstant(run: Pick<SeedBase, 'cutoff'>, day: number): Date {
  return new Date(Math.min(startOfJakartaDay(dateOf(day)).getTime() + 5 * 60_000, run.cutoff.getTime() - 60_000));
}
