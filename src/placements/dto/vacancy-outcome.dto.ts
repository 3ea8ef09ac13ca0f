import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { UNFILLED_REASONS, type UnfilledReason } from '../../vacancies/vacancy-outcome.entity.js';

import { PlacementTypeField } from './placement.dto.js';
import type { PlacementType } from '../placement.entity.js';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** One hire of a closed vacancy's outcome: an AK1 holder by card number and NIK, as `POST /placements`. */
export class OutcomeHireDto {
  @ApiProperty({ example: '1671-26-000123-7', description: 'AK1 number, with or without separators' })
  @IsString()
  @MaxLength(64)
  cardNumber: string;

  @ApiProperty({ example: '1671054101990001', description: "the holder's NIK" })
  @IsString()
  @MaxLength(32)
  nik: string;

  @ApiProperty({ example: '2026-12-01', description: 'first working day (calendar date, Asia/Jakarta)' })
  @Matches(DATE_RE, { message: 'startDate must be a date YYYY-MM-DD' })
  startDate: string;

  @ApiPropertyOptional({ maxLength: 200, description: "defaults to the vacancy's title", example: 'Kasir' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  position?: string;

  @PlacementTypeField()
  placementType?: PlacementType;
}

/** `POST /vacancies/:id/outcome`: who the employer hired for a closed vacancy, and why the rest stayed open. */
export class RecordOutcomeDto {
  @ApiProperty({
    type: [OutcomeHireDto],
    maxItems: 100,
    description:
      'the AK1 holders hired for this vacancy, each recorded as a placement of it (at most the positions left unfilled); may be empty',
  })
  @IsArray()
  @ArrayMaxSize(100)
  // IsObject on each: a string in the list would pass ValidateNested with nothing to validate.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => OutcomeHireDto)
  hires: OutcomeHireDto[];

  @ApiPropertyOptional({
    enum: UNFILLED_REASONS,
    description:
      'why the positions still unfilled after these hires stayed open: required while positions remain and no reason is on record; omitted keeps the recorded one',
  })
  @IsOptional()
  @IsIn(UNFILLED_REASONS)
  unfilledReason?: UnfilledReason;

  @ApiPropertyOptional({ maxLength: 500, description: 'free text for the office; omitted keeps the recorded one' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
