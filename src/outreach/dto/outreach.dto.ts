import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsPeriodDate, NotBeforeFrom } from '../../common/http/period-query.js';
import { KECAMATAN_CODE_MESSAGE, KECAMATAN_CODES } from '../../common/reference/kecamatan.js';
import { EMPLOYER_STATUSES, type EmployerStatus } from '../../employers/employer.entity.js';

/** A campaign title: one line, short enough for a WhatsApp notification's first line. */
export const CAMPAIGN_TITLE_MAX = 120;
/** A campaign message: a few short paragraphs, well inside WhatsApp's 1,024-character template parameter. */
export const CAMPAIGN_MESSAGE_MAX = 1000;

/**
 * Whom a campaign goes to, with the definitions of `GET /monitoring/employers`: every filter given
 * must hold (AND); none given is every employer. `participating` is judged in [from, to].
 */
export class AudienceDto {
  @ApiPropertyOptional({
    type: Boolean,
    description:
      'true: employers that took part in [from, to] (posted a vacancy requiring the AK1, validated a card or ' +
      'recorded a hire); false: those that did not (the outreach list). Absent: either.',
  })
  @IsOptional()
  @IsBoolean({ message: 'participating must be true or false' })
  participating?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'true: employers that closed at least one vacancy in [from, to] with positions unfilled and never said who ' +
      'they hired (no outcome recorded; as `silentClosures` of GET /monitoring/employers); false: the others. ' +
      'Absent: either.',
  })
  @IsOptional()
  @IsBoolean({ message: 'silentClosures must be true or false' })
  silentClosures?: boolean;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-11-01',
    description:
      'first day (Asia/Jakarta), inclusive, of the period `participating` is judged in; default: the first of this month',
  })
  @IsOptional()
  @IsPeriodDate('from')
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-11-30',
    description: 'last day (Asia/Jakarta), inclusive; default: today',
  })
  @IsOptional()
  @IsPeriodDate('to')
  @NotBeforeFrom()
  to?: string;

  @ApiPropertyOptional({ description: 'KBLI 2020 business sector, exactly 5 digits', example: '47111' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{5}$/, { message: 'kbli must be exactly 5 digits' })
  kbli?: string;

  @ApiPropertyOptional({ enum: KECAMATAN_CODES, description: 'Kemendagri kecamatan code', example: '16.71.05' })
  @IsOptional()
  @IsIn(KECAMATAN_CODES as string[], { message: KECAMATAN_CODE_MESSAGE })
  kecamatanCode?: string;

  @ApiPropertyOptional({ enum: EMPLOYER_STATUSES, description: "the employer's status now" })
  @IsOptional()
  @IsIn(EMPLOYER_STATUSES, { message: `status must be one of ${EMPLOYER_STATUSES.join(', ')}` })
  status?: EmployerStatus;
}

export class CreateCampaignDto {
  @ApiProperty({ maxLength: CAMPAIGN_TITLE_MAX, example: 'Sosialisasi wajib lapor lowongan' })
  @IsString()
  @Matches(/\S/, { message: 'title must not be blank' })
  @MaxLength(CAMPAIGN_TITLE_MAX, { message: `title must be at most ${CAMPAIGN_TITLE_MAX} characters` })
  title: string;

  @ApiProperty({
    maxLength: CAMPAIGN_MESSAGE_MAX,
    description:
      'plain text, sent as it is by the inbox, email and WhatsApp; characters are counted as people see them',
    example:
      'Bapak/Ibu HRD, setiap lowongan wajib dilaporkan ke Disnaker (Permenaker 39/2016). Laporkan lowongan Anda di layanan AK1.',
  })
  @IsString()
  @Matches(/\S/, { message: 'message must not be blank' })
  @MaxLength(CAMPAIGN_MESSAGE_MAX, { message: `message must be at most ${CAMPAIGN_MESSAGE_MAX} characters` })
  message: string;

  @ApiProperty({ type: AudienceDto, description: 'whom to send to; `{}` is every employer' })
  // IsObject first: an array here would pass ValidateNested with nothing to validate.
  @IsDefined()
  @IsObject({ message: 'audience must be an object' })
  @ValidateNested()
  @Type(() => AudienceDto)
  audience: AudienceDto;
}
