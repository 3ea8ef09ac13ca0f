import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PeriodPageQuery } from '../../common/http/period-query.js';
import { PLACEMENT_SOURCES, PLACEMENT_TYPES, type PlacementSource, type PlacementType } from '../placement.entity.js';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Asked only when the work location is not known; one that contradicts a known location is refused. */
export function PlacementTypeField() {
  return applyDecorators(
    ApiPropertyOptional({
      enum: PLACEMENT_TYPES,
      description:
        "AKL within the office's province, AKAD another province, AKAN abroad. Derived from the vacancy's work location when it has one (a different value is refused); otherwise this, or AKL",
    }),
    IsOptional(),
    IsIn(PLACEMENT_TYPES, { message: 'placementType must be AKL, AKAD or AKAN' }),
  );
}

export class HireDto {
  @ApiProperty({ example: '2026-12-01', description: 'first working day (calendar date, Asia/Jakarta)' })
  @Matches(DATE_RE, { message: 'startDate must be a date YYYY-MM-DD' })
  startDate: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Kasir' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  position?: string;

  @PlacementTypeField()
  placementType?: PlacementType;
}

export class DirectPlacementDto {
  @ApiProperty({ example: '1671-26-000123-7', description: 'AK1 number, with or without separators' })
  @IsString()
  @MaxLength(64)
  cardNumber: string;

  @ApiProperty({ example: '1671054101990001', description: "the holder's NIK" })
  @IsString()
  @MaxLength(32)
  nik: string;

  @ApiProperty({ example: '2026-12-01' })
  @Matches(DATE_RE, { message: 'startDate must be a date YYYY-MM-DD' })
  startDate: string;

  @ApiProperty({ maxLength: 200, example: 'Operator produksi' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  position: string;

  @ApiPropertyOptional({ description: 'one of your vacancies the hire fills' })
  @IsOptional()
  @IsUUID()
  vacancyId?: string;

  @PlacementTypeField()
  placementType?: PlacementType;
}

export class SelfReportDto {
  @ApiProperty({ maxLength: 200, example: 'PT Pusri Palembang' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  employerName: string;

  @ApiProperty({ example: '2026-12-01' })
  @Matches(DATE_RE, { message: 'startDate must be a date YYYY-MM-DD' })
  startDate: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  position?: string;

  @ApiPropertyOptional({ description: 'the employer, when it is registered on the platform' })
  @IsOptional()
  @IsUUID()
  employerId?: string;

  @PlacementTypeField()
  placementType?: PlacementType;

  @ApiPropertyOptional({
    description:
      "the employer's kind (an active code of GET /reference/employer-kinds); default: the registered employer's kind, or '-' (unknown)",
    example: 'SWASTA',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{1,15}$/, { message: 'employerKind must be an employer kind code such as SWASTA' })
  employerKind?: string;
}

export class PlacementListQuery extends PeriodPageQuery {
  @ApiPropertyOptional({ enum: PLACEMENT_SOURCES })
  @IsOptional()
  @IsIn(PLACEMENT_SOURCES)
  source?: PlacementSource;

  @ApiPropertyOptional({ description: 'officers only' })
  @IsOptional()
  @IsUUID()
  employerId?: string;
}

/** `POST /placements/:id/void`: why the placement was a mistake. */
export class VoidPlacementDto {
  @ApiProperty({
    minLength: 3,
    maxLength: 500,
    example: 'Salah memasukkan nomor kartu',
    description: 'why the placement was recorded by mistake (3–500 characters, spaces trimmed)',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(3, { message: 'reason must be at least 3 characters' })
  @MaxLength(500)
  reason: string;
}
