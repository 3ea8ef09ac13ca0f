import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../common/http/pagination.js';
import { CARD_STATUSES, type CardStatus } from '../card.entity.js';

export class IssueCardDto {
  @ApiProperty({ format: 'uuid', description: 'the walk-in job seeker (see POST /seekers)' })
  @IsUUID('all', { message: 'seekerId must be a job seeker id' })
  seekerId: string;
}

export class CardReasonDto {
  @ApiProperty({ maxLength: 500, example: 'Data NIK tidak sesuai dengan KTP' })
  @IsString()
  @MinLength(3, { message: 'reason must be at least 3 characters' })
  @MaxLength(500)
  reason: string;
}

/** `POST /cards/:id/withdraw`: why the holder is no longer looking for work. */
export class WithdrawCardDto {
  @ApiProperty({
    minLength: 3,
    maxLength: 500,
    example: 'Membuka usaha sendiri',
    description: 'why the holder is no longer looking for work, in their words (3–500 characters, spaces trimmed)',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(3, { message: 'reason must be at least 3 characters' })
  @MaxLength(500)
  reason: string;
}

export class CardReportDto {
  @ApiPropertyOptional({ maxLength: 500, example: 'Masih mencari kerja; sudah melamar ke 3 perusahaan' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class CardListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CARD_STATUSES })
  @IsOptional()
  @IsIn(CARD_STATUSES)
  status?: CardStatus;

  @ApiPropertyOptional({
    description:
      "matches the holder's name (every word) or the card number; a whole NIK (16 digits, spaces allowed) finds that person's cards",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: ACTIVE cards whose 6-month report is overdue' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'reportOverdue must be true or false' })
  reportOverdue?: 'true' | 'false';
}
