import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/http/pagination.js';
import { KECAMATAN_CODE_MESSAGE, KECAMATAN_CODES } from '../../common/reference/kecamatan.js';
import { EmailField, FullNameField, PasswordField } from '../../auth/dto/auth.dto.js';
import { EMPLOYER_STATUSES, type EmployerStatus } from '../employer.entity.js';

const EMPLOYER_KIND_FORMAT = /^[A-Z][A-Z0-9_]{1,15}$/;

/**
 * `PATCH /employers/:id`: what an employer may change about itself after registration — its kind, and its
 * address (a new regency moves the company to that city's office, docs/offices.md). At least one field.
 */
export class UpdateEmployerDto {
  @ApiPropertyOptional({
    description: 'Kind of employer: an active code of GET /reference/employer-kinds',
    example: 'BUMN',
  })
  @IsOptional()
  @IsString()
  @Matches(EMPLOYER_KIND_FORMAT, { message: 'kind must be an employer kind code such as SWASTA' })
  kind?: string;

  @ApiPropertyOptional({ maxLength: 500, example: 'Jl. Jenderal Sudirman No. 1, Palembang' })
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  address?: string;

  @ApiPropertyOptional({
    description: 'Kemendagri kecamatan code of the new address: a new regency moves the company to its office',
    example: '16.72.01',
    enum: KECAMATAN_CODES,
  })
  @IsOptional()
  @IsIn(KECAMATAN_CODES as string[], { message: KECAMATAN_CODE_MESSAGE })
  kecamatanCode?: string;

  @ApiPropertyOptional({
    description:
      'Kemendagri code (4 digits, no dot) of the regency/city of the new address: the company moves to its office ' +
      '(else the regency of kecamatanCode; else the first office)',
    example: '1672',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}$/, { message: 'regencyCode must be 4 digits (for example 1671)' })
  regencyCode?: string;
}

export class CompanyDto {
  @ApiProperty({ maxLength: 200, example: 'PT Sriwijaya Maju Bersama' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  legalName: string;

  @ApiProperty({ description: 'NIB from OSS: 13 digits', example: '9120001234567' })
  @IsString()
  @Matches(/^\d{13}$/, { message: 'nib must be exactly 13 digits' })
  nib: string;

  @ApiPropertyOptional({ description: 'NPWP: 16 digits (or 15 in the old format)', example: '0123456789012345' })
  @IsOptional()
  @IsString()
  @Matches(/^(\d{15}|\d{16})$/, { message: 'npwp must be 15 or 16 digits' })
  npwp?: string;

  @ApiProperty({ description: 'KBLI 2020 business sector: 5 digits', example: '47111' })
  @IsString()
  @Matches(/^\d{5}$/, { message: 'kbli must be exactly 5 digits' })
  kbli: string;

  @ApiPropertyOptional({
    description: 'Kind of employer: an active code of GET /reference/employer-kinds (default SWASTA)',
    example: 'SWASTA',
  })
  @IsOptional()
  @IsString()
  @Matches(EMPLOYER_KIND_FORMAT, { message: 'kind must be an employer kind code such as SWASTA' })
  kind?: string;

  @ApiProperty({ maxLength: 500, example: 'Jl. Jenderal Sudirman No. 1, Palembang' })
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  address: string;

  @ApiPropertyOptional({ description: 'Kemendagri kecamatan code', example: '16.71.05', enum: KECAMATAN_CODES })
  @IsOptional()
  @IsIn(KECAMATAN_CODES as string[], { message: KECAMATAN_CODE_MESSAGE })
  kecamatanCode?: string;

  @ApiPropertyOptional({
    description:
      'Kemendagri code (4 digits, no dot) of the regency/city of the address: the company registers with its office ' +
      '(else the regency of kecamatanCode; else the first office)',
    example: '1671',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}$/, { message: 'regencyCode must be 4 digits (for example 1671)' })
  regencyCode?: string;

  @ApiProperty({ example: '0711-123456' })
  @IsString()
  @Matches(/^\+?[0-9][0-9 ()-]{5,30}$/, { message: 'phone must be a telephone number' })
  phone: string;
}

export class RegisterEmployerDto {
  @EmailField()
  email: string;

  @PasswordField()
  password: string;

  @FullNameField()
  fullName: string;

  @ApiProperty({ type: CompanyDto })
  // IsObject first: an array here would pass ValidateNested with nothing to validate.
  @IsDefined()
  @IsObject({ message: 'company must be an object' })
  @ValidateNested()
  @Type(() => CompanyDto)
  company: CompanyDto;

  @ApiPropertyOptional({
    description: 'The same as company.regencyCode (either place is read; company.regencyCode wins)',
    example: '1671',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}$/, { message: 'regencyCode must be 4 digits (for example 1671)' })
  regencyCode?: string;
}

export class ReasonDto {
  @ApiProperty({ maxLength: 500, example: 'NIB tidak sesuai dengan data OSS' })
  @IsString()
  @MinLength(3, { message: 'reason must be at least 3 characters' })
  @MaxLength(500)
  reason: string;
}

export class EmployerListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: EMPLOYER_STATUSES })
  @IsOptional()
  @IsIn(EMPLOYER_STATUSES)
  status?: EmployerStatus;

  @ApiPropertyOptional({ description: 'matches legal name or NIB' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export { EmailField, FullNameField, PasswordField };
