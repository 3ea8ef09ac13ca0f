import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { OFFICE_LEVELS, type OfficeLevel } from '../office.entity.js';

/** `POST /offices`: a province under the national office, or a city/regency under a province. */
export class CreateOfficeDto {
  @ApiProperty({ example: '1671', description: 'Kemendagri code: 4 digits a city/regency, 2 digits a province' })
  @IsString()
  @Matches(/^\d{2}(\d{2})?$/, { message: 'code must be 2 digits (a province) or 4 digits (a city or regency)' })
  code: string;

  @ApiProperty({ enum: OFFICE_LEVELS.filter((l) => l !== 'NATIONAL'), example: 'CITY' })
  @IsIn(['CITY', 'PROVINCE'], { message: 'level must be CITY or PROVINCE' })
  level: OfficeLevel;

  @ApiProperty({ example: 'Dinas Tenaga Kerja Kota Palembang', minLength: 3, maxLength: 200 })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name: string;

  @ApiProperty({
    format: 'uuid',
    description: 'the office one level up (a province for a city, the nation for a province)',
  })
  @IsUUID('all', { message: 'parentId must be an office id' })
  parentId: string;
}

/** `PATCH /offices/:id`: any of the fields; the result must still fit the rules of POST. */
export class UpdateOfficeDto {
  @ApiPropertyOptional({ example: '1671' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{2}(\d{2})?$/, { message: 'code must be 2 digits (a province) or 4 digits (a city or regency)' })
  code?: string;

  @ApiPropertyOptional({ enum: ['CITY', 'PROVINCE'] })
  @IsOptional()
  @IsIn(['CITY', 'PROVINCE'], { message: 'level must be CITY or PROVINCE' })
  level?: OfficeLevel;

  @ApiPropertyOptional({ minLength: 3, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be an office id' })
  parentId?: string;
}

export class SigningOfficerDto {
  @ApiProperty({ example: 'Drs. Ahmad Fauzi, M.Si.', minLength: 3, maxLength: 200 })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '197001011995031001', description: 'NIP, 18 digits' })
  @IsString()
  @Matches(/^\d{18}$/, { message: 'nip must be 18 digits' })
  nip: string;
}

export class LetterheadDto {
  @ApiProperty({ example: 'Dinas Tenaga Kerja Kota Palembang', minLength: 3, maxLength: 200 })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Jl. Merdeka No. 1, Palembang', minLength: 3, maxLength: 500 })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  address: string;
}

export class OverdueRuleDto {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 60,
    example: 0,
    description: 'days after the due date before a missed 6-month report counts as overdue (0: the day after)',
  })
  @IsInt()
  @Min(0)
  @Max(60)
  graceDays: number;
}

/**
 * `PATCH /offices/:id/settings`: each field given replaces the office's own value; `null` removes it (the
 * deployment's setting applies again); a field left out is kept.
 */
export class UpdateOfficeSettingsDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'KTP,IJAZAH|SKL,PAS_FOTO',
    description: 'the REQUIRED_DOCUMENTS syntax: requirements separated by commas, A|B for either; "" no checklist',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  requiredDocuments?: string | null;

  @ApiPropertyOptional({ type: SigningOfficerDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SigningOfficerDto)
  signingOfficer?: SigningOfficerDto | null;

  @ApiPropertyOptional({ type: LetterheadDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LetterheadDto)
  letterhead?: LetterheadDto | null;

  @ApiPropertyOptional({ type: OverdueRuleDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OverdueRuleDto)
  overdueRule?: OverdueRuleDto | null;
}
