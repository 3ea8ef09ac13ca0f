import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { EmailField, FullNameField, PasswordField } from '../../auth/dto/auth.dto.js';
import { isCalendarDate } from '../../common/dates.js';
import { KECAMATAN_CODE_MESSAGE, KECAMATAN_CODES } from '../../common/reference/kecamatan.js';
import { nikProblems } from '../nik.js';
import { EDUCATION_LEVELS, GENDERS, MARITAL_STATUSES, type EducationLevel, type MaritalStatus } from '../profile.js';

/**
 * The NIK rules of the domain brief, reported on the `nik` field: 16 digits, a real date part, and
 * agreement with the `birthDate` and `gender` of the same body. Each problem is its own message.
 */
function IsNikOfHolder(): PropertyDecorator {
  return (target, key) => {
    let problems: string[] = [];
    registerDecorator({
      name: 'isNikOfHolder',
      target: target.constructor,
      propertyName: key as string,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const body = args.object as { birthDate?: unknown; gender?: unknown };
          const birthDate = isCalendarDate(body.birthDate) ? body.birthDate : undefined;
          problems =
            typeof value === 'string'
              ? nikProblems(value, birthDate, body.gender as string | undefined)
              : ['nik must be a string of 16 digits'];
          return problems.length === 0;
        },
        defaultMessage: () => problems.join('; '),
      },
    });
  };
}

/** A real calendar date written YYYY-MM-DD. */
export function IsCalendarDate(field: string): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: key as string,
      validator: {
        validate: (v: unknown) => isCalendarDate(v),
        defaultMessage: () => `${field} must be a real date written YYYY-MM-DD`,
      },
    });
}

/** `toYear`, when given, is not before `fromYear`. */
function NotBeforeFromYear(): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name: 'notBeforeFromYear',
      target: target.constructor,
      propertyName: key as string,
      validator: {
        validate: (v: unknown, args: ValidationArguments) =>
          typeof v !== 'number' || v >= Number((args.object as { fromYear?: number }).fromYear),
        defaultMessage: () => 'toYear must not be before fromYear',
      },
    });
}

export class WorkExperienceDto {
  @ApiProperty({ maxLength: 100, example: 'Kasir' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  position: string;

  @ApiProperty({ maxLength: 200, example: 'Toko Sinar Jaya' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  company: string;

  @ApiProperty({ type: 'integer', minimum: 1950, maximum: 2100, example: 2019 })
  @IsInt()
  @Min(1950)
  @Max(2100)
  fromYear: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1950,
    maximum: 2100,
    example: 2021,
    description: 'absent while still working there',
  })
  @IsOptional()
  @IsInt()
  @Min(1950)
  @Max(2100)
  @NotBeforeFromYear()
  toYear?: number;
}

const PHONE_RE = /^\+?[0-9][0-9 ()-]{5,30}$/;
const EDUCATION_MESSAGE = `educationLevel must be one of ${EDUCATION_LEVELS.join(', ')}`;
const SKILL_RULES = { maxItems: 50, maxLength: 60 };

/** Optional profile fields, shared by registration and later edits. */
export class SeekerProfileFields {
  @ApiPropertyOptional({ enum: MARITAL_STATUSES, nullable: true, description: 'null clears it' })
  @IsOptional()
  @IsIn(MARITAL_STATUSES)
  maritalStatus?: MaritalStatus | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0812-7777-1234', description: 'null clears it' })
  @IsOptional()
  @IsString()
  @Matches(PHONE_RE, { message: 'phone must be a telephone number' })
  phone?: string | null;

  @ApiPropertyOptional({
    description: 'Kemendagri kecamatan code; null clears it',
    example: '16.71.05',
    enum: KECAMATAN_CODES,
    nullable: true,
  })
  @IsOptional()
  @IsIn(KECAMATAN_CODES as string[], { message: KECAMATAN_CODE_MESSAGE })
  kecamatanCode?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 100,
    example: 'Akuntansi',
    description: 'null clears it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  major?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '0415',
    description:
      'Detailed education code: an active code of GET /reference/education whose level is the educationLevel; null clears it',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}$/, { message: 'educationCode must be a 4-digit education code' })
  educationCode?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '4311',
    description: 'KBJI 2014 code of the work sought (GET /reference/kbji, 4 digits); null clears it',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}$/, { message: 'desiredOccupationCode must be a 4-digit KBJI 2014 code' })
  desiredOccupationCode?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1950,
    maximum: 2100,
    example: 2020,
    description: 'null clears it',
  })
  @IsOptional()
  @IsInt()
  @Min(1950)
  @Max(2100)
  graduationYear?: number | null;

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    maxItems: SKILL_RULES.maxItems,
    example: ['Microsoft Excel', 'Mengemudi'],
    description: 'null: none',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SKILL_RULES.maxItems)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(SKILL_RULES.maxLength, { each: true })
  skills?: string[];

  @ApiPropertyOptional({ type: [WorkExperienceDto], nullable: true, maxItems: 30, description: 'null: none' })
  // IsObject on each entry: a nested array would pass ValidateNested with nothing to validate.
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsObject({ each: true, message: 'each experience entry must be an object' })
  @ValidateNested({ each: true })
  @Type(() => WorkExperienceDto)
  experience?: WorkExperienceDto[];
}

/** A job seeker's identity and profile: what an officer enters for a walk-in (`POST /seekers`). */
export class CreateSeekerDto extends SeekerProfileFields {
  @ApiProperty({
    description:
      'NIK: 16 digits PPKKCC DDMMYY SSSS; the date part must agree with birthDate and gender (women: day + 40)',
    example: '1671051205950001',
  })
  @IsNikOfHolder()
  nik: string;

  @FullNameField()
  fullName: string;

  @ApiProperty({ maxLength: 100, example: 'Palembang' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  birthPlace: string;

  @ApiProperty({ format: 'date', example: '1995-05-12' })
  @IsCalendarDate('birthDate')
  birthDate: string;

  @ApiProperty({ enum: GENDERS, description: 'L (laki-laki) or P (perempuan)' })
  @IsIn(GENDERS, { message: 'gender must be L or P' })
  gender: 'L' | 'P';

  @ApiProperty({ maxLength: 500, example: 'Jl. Merdeka No. 10, RT 02 RW 03, Palembang' })
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  address: string;

  @ApiProperty({ enum: EDUCATION_LEVELS, description: 'highest completed level; NONE = primary school not finished' })
  @IsIn(EDUCATION_LEVELS, { message: EDUCATION_MESSAGE })
  educationLevel: EducationLevel;
}

/** Self-registration (`POST /auth/register/seeker`): the profile plus the account's email and password. */
export class RegisterSeekerDto extends CreateSeekerDto {
  @EmailField()
  email: string;

  @ApiPropertyOptional({
    description:
      'Kemendagri code (4 digits, no dot) of the regency/city of domicile: the person registers with its office ' +
      '(else the regency of kecamatanCode; else the first office)',
    example: '1671',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}$/, { message: 'regencyCode must be 4 digits (for example 1671)' })
  regencyCode?: string;

  @PasswordField()
  password: string;
}

/**
 * `PATCH /seekers/me`: any of the profile fields; `null` clears an optional one. NIK, name, birth
 * place and date and sex are the person's identity and cannot be changed here.
 */
export class UpdateSeekerDto extends SeekerProfileFields {
  @ApiPropertyOptional({ maxLength: 500 })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  address?: string;

  @ApiPropertyOptional({ enum: EDUCATION_LEVELS })
  @ValidateIf((_, v) => v !== undefined)
  @IsIn(EDUCATION_LEVELS, { message: EDUCATION_MESSAGE })
  educationLevel?: EducationLevel;

  @ApiPropertyOptional({
    description:
      'Kemendagri code (4 digits, no dot) of the regency/city of a new domicile: the person moves to its office ' +
      '(a new kecamatanCode in another regency moves them too; docs/offices.md)',
    example: '1672',
  })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @Matches(/^\d{4}$/, { message: 'regencyCode must be 4 digits (for example 1671)' })
  regencyCode?: string;
}
