import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsPeriodDate, NotBeforeFrom, PeriodPageQuery } from '../../common/http/period-query.js';
import { KECAMATAN_CODE_MESSAGE, KECAMATAN_CODES } from '../../common/reference/kecamatan.js';
import { EMPLOYER_STATUSES, type EmployerStatus } from '../../employers/employer.entity.js';

export class PeriodQuery {
  @ApiPropertyOptional({
    example: '2026-11-01',
    description: 'first day (Asia/Jakarta), inclusive; default: the first of this month',
  })
  @IsOptional()
  @IsPeriodDate('from')
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'last day, inclusive; default: today' })
  @IsOptional()
  @IsPeriodDate('to')
  @NotBeforeFrom()
  to?: string;
}

export const EMPLOYER_SORTS = [
  'legalName',
  '-legalName',
  'vacanciesPosted',
  '-vacanciesPosted',
  'validations',
  '-validations',
  'hires',
  '-hires',
  'applicationsReceived',
  '-applicationsReceived',
  'lastActivityAt',
  '-lastActivityAt',
] as const;
export type EmployerSort = (typeof EMPLOYER_SORTS)[number];

export class ParticipationQuery extends PeriodPageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: '`false` is the outreach list' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'participating must be true or false' })
  participating?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      '`true`: employers that closed at least one vacancy in the period with positions unfilled and never said ' +
      'who they hired (no outcome recorded); `false`: every other employer',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'silentClosures must be true or false' })
  silentClosures?: 'true' | 'false';

  @ApiPropertyOptional({ enum: EMPLOYER_STATUSES })
  @IsOptional()
  @IsIn(EMPLOYER_STATUSES)
  status?: EmployerStatus;

  @ApiPropertyOptional({ enum: KECAMATAN_CODES })
  @IsOptional()
  @IsIn(KECAMATAN_CODES as string[], { message: KECAMATAN_CODE_MESSAGE })
  kecamatanCode?: string;

  @ApiPropertyOptional({ description: 'KBLI 2020 sector: exactly these 5 digits', example: '47111' })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'kbli must be exactly 5 digits' })
  kbli?: string;

  @ApiPropertyOptional({ description: 'KBLI main group: the first 2 digits', example: '47' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'kbliGroup must be 2 digits' })
  kbliGroup?: string;

  @ApiPropertyOptional({ enum: EMPLOYER_SORTS, default: '-lastActivityAt' })
  @IsOptional()
  @IsIn(EMPLOYER_SORTS)
  sort?: EmployerSort;
}

export class MonthQuery {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ type: 'integer', example: 11, minimum: 1, maximum: 12 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  month: number;
}
