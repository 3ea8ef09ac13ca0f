import { Column, Entity, PrimaryColumn } from 'typeorm';
import { sqlDate } from '../common/sql.js';
import { searchWords } from '../search/search-terms.js';
import type { Employer } from '../employers/employer.entity.js';
import type { EducationLevel } from '../common/reference/education.js';
import type { VacancyReply } from './dto/vacancy.reply.js';

export type VacancyStatus = 'DRAFT' | 'OPEN' | 'FILLED' | 'CLOSED';
export const VACANCY_STATUSES: VacancyStatus[] = ['DRAFT', 'OPEN', 'FILLED', 'CLOSED'];

export type GenderRequirement = 'ANY' | 'L' | 'P';
export const GENDER_REQUIREMENTS: GenderRequirement[] = ['ANY', 'L', 'P'];

export type EmploymentType = 'FULL_TIME' | 'PART_TIME' | 'CONTRACT' | 'INTERNSHIP' | 'DAILY';
export const EMPLOYMENT_TYPES: EmploymentType[] = ['FULL_TIME', 'PART_TIME', 'CONTRACT', 'INTERNSHIP', 'DAILY'];

/** Why a vacancy left OPEN (for the statistics: filled positions versus removed ones). */
export type ClosedReason = 'CLOSED_BY_EMPLOYER' | 'CLOSED_BY_OFFICER' | 'EXPIRED' | 'FILLED';

/** bigint columns come back as strings from mysql2 when large; wages fit in a JS number. */
const bigintAsNumber = {
  to: (v: number | null | undefined) => v,
  from: (v: string | number | null) => (v === null || v === undefined ? null : Number(v)),
};

/** One vacancy report (Perpres 57/2023 "wajib lapor lowongan"). */
@Entity('vacancies')
export class Vacancy {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'employer_id', type: 'varchar', length: 36 })
  employerId: string;

  @Column({ type: 'varchar', length: 16 })
  status: VacancyStatus;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  /** KBJI 2014 occupation code, 4 digits. */
  @Column({ name: 'occupation_code', type: 'varchar', length: 4, nullable: true })
  occupationCode: string | null;

  @Column({ name: 'education_min', type: 'varchar', length: 8 })
  educationMin: EducationLevel;

  @Column({ name: 'education_rank', type: 'int' })
  educationRank: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  major: string | null;

  /** JSON array of strings. */
  @Column({ type: 'text' })
  skills: string;

  @Column({ name: 'experience_years_min', type: 'int', nullable: true })
  experienceYearsMin: number | null;

  @Column({ name: 'age_min', type: 'int', nullable: true })
  ageMin: number | null;

  @Column({ name: 'age_max', type: 'int', nullable: true })
  ageMax: number | null;

  @Column({ name: 'gender_requirement', type: 'varchar', length: 3 })
  genderRequirement: GenderRequirement;

  @Column({ name: 'employment_type', type: 'varchar', length: 16 })
  employmentType: EmploymentType;

  @Column({ name: 'salary_min', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  salaryMin: number | null;

  @Column({ name: 'salary_max', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  salaryMax: number | null;

  @Column({ name: 'kecamatan_code', type: 'varchar', length: 8, nullable: true })
  kecamatanCode: string | null;

  @Column({ type: 'varchar', length: 300 })
  location: string;

  @Column({ type: 'int' })
  quota: number;

  /** Placements recorded against this vacancy; written only in the transaction that inserts one. */
  @Column({ type: 'int', default: 0 })
  filled: number;

  /** Last day (Asia/Jakarta) applications are taken; the daily job closes it the day after. */
  @Column({ name: 'closes_at', type: 'date' })
  closesAt: string;

  @Column({ name: 'requires_ak1', type: 'boolean' })
  requiresAk1: boolean;

  @Column({ name: 'search_text', type: 'text' })
  searchText: string;

  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  @Column({ name: 'closed_reason', type: 'varchar', length: 24, nullable: true })
  closedReason: ClosedReason | null;

  /** Free-text reason given by whoever closed it. */
  @Column({ name: 'close_note', type: 'varchar', length: 500, nullable: true })
  closeNote: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  /** The office this row belongs to (docs/offices.md); null only until the next start's bootstrap fills it. */
  @Column({ name: 'office_id', type: 'varchar', length: 36, nullable: true })
  officeId: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** One description of this reply: the class `VacancyReply` (OpenAPI and code alike). */
export type VacancyView = VacancyReply;

export function parseSkills(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
}

/** The fields of the legal vacancy report (what its employer writes and may edit), as the API speaks them. */
export type ReportFields = Pick<
  Vacancy,
  | 'title'
  | 'description'
  | 'occupationCode'
  | 'educationMin'
  | 'major'
  | 'experienceYearsMin'
  | 'ageMin'
  | 'ageMax'
  | 'genderRequirement'
  | 'employmentType'
  | 'salaryMin'
  | 'salaryMax'
  | 'kecamatanCode'
  | 'location'
  | 'quota'
  | 'closesAt'
  | 'requiresAk1'
> & { skills: string[] };

export function reportOf(v: Vacancy): ReportFields {
  return {
    title: v.title,
    description: v.description,
    occupationCode: v.occupationCode,
    educationMin: v.educationMin,
    major: v.major,
    skills: parseSkills(v.skills),
    experienceYearsMin: v.experienceYearsMin,
    ageMin: v.ageMin,
    ageMax: v.ageMax,
    genderRequirement: v.genderRequirement,
    employmentType: v.employmentType,
    salaryMin: v.salaryMin,
    salaryMax: v.salaryMax,
    kecamatanCode: v.kecamatanCode,
    location: v.location,
    quota: v.quota,
    // The driver may return a DATE as a Date object; the API speaks YYYY-MM-DD.
    closesAt: sqlDate(v.closesAt),
    requiresAk1: v.requiresAk1,
  };
}

export function toVacancyView(v: Vacancy, employer: Pick<Employer, 'id' | 'legalName'>): VacancyView {
  return {
    id: v.id,
    status: v.status,
    employer: { id: employer.id, legalName: employer.legalName },
    ...reportOf(v),
    filled: v.filled,
    remaining: Math.max(0, v.quota - v.filled),
    publishedAt: v.publishedAt ? v.publishedAt.toISOString() : null,
    closedAt: v.closedAt ? v.closedAt.toISOString() : null,
    closedReason: v.closedReason,
    closeNote: v.closeNote,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}

/** What the database search driver indexes: the words of title, description and skills (searchWords), one space apart. */
export function vacancySearchText(v: { title: string; description: string; skills: string[] }): string {
  return searchWords([v.title, v.description, ...v.skills].join(' ')).join(' ');
}
