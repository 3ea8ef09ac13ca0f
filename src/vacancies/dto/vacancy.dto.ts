import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidateIf,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { isCalendarDate } from '../../common/dates.js';
import { IsAfterToday } from '../../common/http/validation-day.js';
import { PageQuery } from '../../common/http/pagination.js';
import { KECAMATAN_CODE_MESSAGE, KECAMATAN_CODES } from '../../common/reference/kecamatan.js';
import { EDUCATION_LEVELS, type EducationLevel } from '../../common/reference/education.js';
import {
  EMPLOYMENT_TYPES,
  GENDER_REQUIREMENTS,
  VACANCY_STATUSES,
  type EmploymentType,
  type GenderRequirement,
  type VacancyStatus,
} from '../vacancy.entity.js';

/** A real calendar date written YYYY-MM-DD (whether it lies in the future: IsAfterToday). */
function IsCalendarDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be a calendar date written YYYY-MM-DD`, ...options },
      validator: { validate: (v: unknown) => isCalendarDate(v) },
    });
}

/** `salaryMin` ≤ `salaryMax`, `ageMin` ≤ `ageMax`, when both are in the body (a PATCH against stored values: the service). */
function NotGreaterThan(other: string): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name: 'notGreaterThan',
      target: target.constructor,
      propertyName: key as string,
      validator: {
        validate: (v: unknown, args: ValidationArguments) => {
          const limit = (args.object as Record<string, unknown>)[other];
          return typeof v !== 'number' || typeof limit !== 'number' || v <= limit;
        },
        defaultMessage: () => `${String(key)} must not be greater than ${other}`,
      },
    });
}

/** In a PATCH, a required field may be left out but not set to null. */
const PresentOrAbsent = () => ValidateIf((_o, v) => v !== undefined);

const EDUCATION_MESSAGE = `educationMin must be one of ${EDUCATION_LEVELS.join(', ')}`;
const KECAMATAN_MESSAGE = KECAMATAN_CODE_MESSAGE;

/**
 * The fields of the legal vacancy report, shared by create and update (optional ones may be null: not stated). Decorators are repeated on the
 * update DTO rather than generated, so the OpenAPI document shows exactly what each route accepts.
 */
export class CreateVacancyDto {
  @ApiProperty({ minLength: 3, maxLength: 200, example: 'Operator Forklift' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @ApiProperty({ maxLength: 10000, example: 'Mengoperasikan forklift di gudang distribusi, shift pagi dan malam.' })
  @IsString()
  @MinLength(10)
  @MaxLength(10000)
  description: string;

  @ApiProperty({
    description:
      'KBJI 2014 occupation code: 4 digits, an active code of GET /reference/kbji (required since the IPK set; older vacancies may have none)',
    example: '8344',
  })
  @IsString()
  @Matches(/^\d{4}$/, { message: 'occupationCode must be a 4-digit KBJI 2014 code' })
  occupationCode: string;

  @ApiProperty({ enum: EDUCATION_LEVELS, description: 'Lowest education accepted (SMA and SMK rank equal)' })
  @IsIn(EDUCATION_LEVELS, { message: EDUCATION_MESSAGE })
  educationMin: EducationLevel;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, example: 'Teknik Mesin' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  major?: string;

  @ApiProperty({ type: [String], maxItems: 30, example: ['forklift', 'K3'] })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(60, { each: true })
  skills: string[];

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, maximum: 50, example: 1 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  experienceYearsMin?: number;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 14, maximum: 100, example: 18 })
  @IsOptional()
  @IsInt()
  @Min(14)
  @Max(100)
  @NotGreaterThan('ageMax')
  ageMin?: number;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 14, maximum: 100, example: 35 })
  @IsOptional()
  @IsInt()
  @Min(14)
  @Max(100)
  ageMax?: number;

  @ApiPropertyOptional({ enum: GENDER_REQUIREMENTS, default: 'ANY' })
  @IsOptional()
  @IsIn(GENDER_REQUIREMENTS)
  genderRequirement?: GenderRequirement;

  @ApiProperty({ enum: EMPLOYMENT_TYPES })
  @IsIn(EMPLOYMENT_TYPES)
  employmentType: EmploymentType;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description: 'Monthly wage in rupiah',
    minimum: 0,
    example: 3500000,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  @NotGreaterThan('salaryMax')
  salaryMin?: number;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description: 'Monthly wage in rupiah',
    minimum: 0,
    example: 4500000,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  salaryMax?: number;

  @ApiPropertyOptional({ enum: KECAMATAN_CODES, nullable: true, example: '16.71.05' })
  @IsOptional()
  @IsIn(KECAMATAN_CODES as string[], { message: KECAMATAN_MESSAGE })
  kecamatanCode?: string;

  @ApiProperty({ maxLength: 300, example: 'Gudang KM 12, Jl. Kol. H. Barlian, Palembang' })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  location: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10000, description: 'Number of positions', example: 2 })
  @IsInt()
  @Min(1, { message: 'quota must be at least 1' })
  @Max(10000)
  quota: number;

  @ApiProperty({
    format: 'date',
    description: 'Last day applications are taken (Asia/Jakarta), after today',
    example: '2026-12-31',
  })
  @IsCalendarDate()
  @IsAfterToday('closesAt')
  closesAt: string;

  @ApiPropertyOptional({ default: true, description: 'Applicants must hold an ACTIVE AK1 card' })
  @IsOptional()
  @IsBoolean()
  requiresAk1?: boolean;

  @ApiPropertyOptional({ enum: ['OPEN', 'DRAFT'], default: 'OPEN', description: 'DRAFT keeps it unpublished' })
  @IsOptional()
  @IsIn(['OPEN', 'DRAFT'])
  status?: 'OPEN' | 'DRAFT';
}

/**
 * Any subset of the report's fields. Optional fields may be set to null to clear them; required ones
 * may be left out but not cleared.
 */
export class UpdateVacancyDto {
  @ApiPropertyOptional({ minLength: 3, maxLength: 200 })
  @PresentOrAbsent()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @PresentOrAbsent()
  @IsString()
  @MinLength(10)
  @MaxLength(10000)
  description?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '8344',
    description: 'KBJI 2014: 4 digits, an active code of GET /reference/kbji (null is refused: it is required)',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}$/, { message: 'occupationCode must be a 4-digit KBJI 2014 code' })
  occupationCode?: string | null;

  @ApiPropertyOptional({ enum: EDUCATION_LEVELS })
  @PresentOrAbsent()
  @IsIn(EDUCATION_LEVELS, { message: EDUCATION_MESSAGE })
  educationMin?: EducationLevel;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  major?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: 30 })
  @PresentOrAbsent()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(60, { each: true })
  skills?: string[];

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, maximum: 50 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  experienceYearsMin?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 14, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(14)
  @Max(100)
  @NotGreaterThan('ageMax')
  ageMin?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 14, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(14)
  @Max(100)
  ageMax?: number | null;

  @ApiPropertyOptional({ enum: GENDER_REQUIREMENTS })
  @PresentOrAbsent()
  @IsIn(GENDER_REQUIREMENTS)
  genderRequirement?: GenderRequirement;

  @ApiPropertyOptional({ enum: EMPLOYMENT_TYPES })
  @PresentOrAbsent()
  @IsIn(EMPLOYMENT_TYPES)
  employmentType?: EmploymentType;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  @NotGreaterThan('salaryMax')
  salaryMin?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  salaryMax?: number | null;

  @ApiPropertyOptional({ nullable: true, enum: KECAMATAN_CODES })
  @IsOptional()
  @IsIn(KECAMATAN_CODES as string[], { message: KECAMATAN_MESSAGE })
  kecamatanCode?: string | null;

  @ApiPropertyOptional({ maxLength: 300 })
  @PresentOrAbsent()
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  location?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 10000,
    description: 'Never below the positions already filled (422 QUOTA_BELOW_FILLED)',
  })
  @PresentOrAbsent()
  @IsInt()
  @Min(1, { message: 'quota must be at least 1' })
  @Max(10000)
  quota?: number;

  @ApiPropertyOptional({ format: 'date', example: '2026-12-31' })
  @PresentOrAbsent()
  @IsCalendarDate()
  @IsAfterToday('closesAt')
  closesAt?: string;

  @ApiPropertyOptional()
  @PresentOrAbsent()
  @IsBoolean()
  requiresAk1?: boolean;
}

export class CloseVacancyDto {
  @ApiPropertyOptional({ maxLength: 500, example: 'Posisi sudah diisi dari internal' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class EmployerVacancyQuery extends PageQuery {
  @ApiPropertyOptional({ enum: VACANCY_STATUSES })
  @IsOptional()
  @IsIn(VACANCY_STATUSES)
  status?: VacancyStatus;
}

export const SEARCH_SORTS = ['newest', 'closing', 'salary'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** Query string booleans: only the words true and false. */
const queryBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class VacancySearchQuery extends PageQuery {
  @ApiPropertyOptional({
    description:
      'Every word (at most 8) must appear (any order, any case or accents) in title, description, skills or employer name; the last word also as a prefix',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    enum: EDUCATION_LEVELS,
    description: 'Open to someone with this level: educationMin at or below it',
  })
  @IsOptional()
  @IsIn(EDUCATION_LEVELS, { message: `educationLevel must be one of ${EDUCATION_LEVELS.join(', ')}` })
  educationLevel?: EducationLevel;

  @ApiPropertyOptional({ enum: KECAMATAN_CODES })
  @IsOptional()
  @IsIn(KECAMATAN_CODES as string[], { message: KECAMATAN_MESSAGE })
  kecamatanCode?: string;

  @ApiPropertyOptional({
    description: 'Regency/city of the work place: 4-digit Kemendagri code without the dot (vacancies of every office)',
    example: '1671',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}$/, { message: 'regencyCode must be 4 digits (for example 1671)' })
  regencyCode?: string;

  @ApiPropertyOptional({ enum: EMPLOYMENT_TYPES })
  @IsOptional()
  @IsIn(EMPLOYMENT_TYPES)
  employmentType?: EmploymentType;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'requiresAk1 must be true or false' })
  requiresAk1?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    description:
      'Rupiah a month the seeker wants at least: vacancies whose top of range (salaryMax, else salaryMin) reaches it',
    minimum: 0,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  salaryMin?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'employerId must be an id' })
  employerId?: string;

  @ApiPropertyOptional({
    enum: SEARCH_SORTS,
    default: 'newest',
    description: 'newest published first; closing soonest first; highest salary first',
  })
  @IsOptional()
  @IsIn(SEARCH_SORTS)
  sort?: SearchSort;
}
