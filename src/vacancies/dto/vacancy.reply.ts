import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/http/api-responses.js';
import { EDUCATION_LEVELS, type EducationLevel } from '../../common/reference/education.js';
import { EmployerRefReply } from '../../employers/dto/employer.reply.js';
import type { VacancySearchResult } from '../../search/vacancy-search.js';
import {
  EMPLOYMENT_TYPES,
  GENDER_REQUIREMENTS,
  VACANCY_STATUSES,
  type ClosedReason,
  type EmploymentType,
  type GenderRequirement,
  type VacancyStatus,
} from '../vacancy.entity.js';

const COUNTS = { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } } as const;

/** A vacancy: the legal vacancy report and its state (mapper: `toVacancyView`). */
export class VacancyReply {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: VACANCY_STATUSES })
  status: VacancyStatus;

  @ApiProperty({ type: EmployerRefReply })
  employer: EmployerRefReply;

  @ApiProperty({ example: 'Operator Forklift' })
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: String, nullable: true, description: 'KBJI 2014: 4 digits', example: '8344' })
  occupationCode: string | null;

  @ApiProperty({ enum: EDUCATION_LEVELS })
  educationMin: EducationLevel;

  @ApiProperty({ type: String, nullable: true, example: 'Teknik Mesin' })
  major: string | null;

  @ApiProperty({ type: [String], example: ['forklift', 'K3'] })
  skills: string[];

  @ApiProperty({ type: 'integer', nullable: true, example: 1 })
  experienceYearsMin: number | null;

  @ApiProperty({ type: 'integer', nullable: true, example: 18 })
  ageMin: number | null;

  @ApiProperty({ type: 'integer', nullable: true, example: 35 })
  ageMax: number | null;

  @ApiProperty({ enum: GENDER_REQUIREMENTS })
  genderRequirement: GenderRequirement;

  @ApiProperty({ enum: EMPLOYMENT_TYPES })
  employmentType: EmploymentType;

  @ApiProperty({ type: 'integer', nullable: true, description: 'monthly, rupiah', example: 3500000 })
  salaryMin: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'monthly, rupiah', example: 4500000 })
  salaryMax: number | null;

  @ApiProperty({ type: String, nullable: true, example: '16.71.05' })
  kecamatanCode: string | null;

  @ApiProperty({ example: 'Gudang KM 12, Palembang' })
  location: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 2 })
  quota: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'hires recorded against it', example: 0 })
  filled: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 2 })
  remaining: number;

  @ApiProperty({ format: 'date', example: '2026-12-31' })
  closesAt: string;

  @ApiProperty()
  requiresAk1: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;

  @ApiProperty({ enum: ['CLOSED_BY_EMPLOYER', 'CLOSED_BY_OFFICER', 'EXPIRED', 'FILLED'], nullable: true })
  closedReason: ClosedReason | null;

  @ApiProperty({ type: String, nullable: true, description: 'the reason given when it was closed' })
  closeNote: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description:
      'job seekers the labour office referred to it; only for its employer and officers (not in public search)',
    example: 3,
  })
  referrals?: number;
}

export const VacancyPage = PageOf(VacancyReply);

/** Counts over the whole filtered set, per value; each facet sums to `total`. */
export class VacancyFacetsReply {
  @ApiProperty({ ...COUNTS, example: { FULL_TIME: 12, CONTRACT: 3 } })
  employmentType: Record<string, number>;

  @ApiProperty({
    ...COUNTS,
    description: 'vacancies without a kecamatan count under UNSPECIFIED',
    example: { '16.71.05': 4, UNSPECIFIED: 1 },
  })
  kecamatanCode: Record<string, number>;

  @ApiProperty({ ...COUNTS, example: { SMA: 8, S1: 7 } })
  educationMin: Record<string, number>;
}

/** `GET /vacancies`: a page of OPEN vacancies of VERIFIED employers, with facets. */
export class VacancySearchReply extends VacancyPage implements VacancySearchResult {
  @ApiProperty({ type: VacancyFacetsReply })
  facets: VacancyFacetsReply;
}
