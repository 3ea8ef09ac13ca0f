import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/http/api-responses.js';
import { KECAMATAN_CODES } from '../../common/reference/kecamatan.js';
import { EMPLOYER_STATUSES, type EmployerStatus } from '../../employers/employer.entity.js';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '../outreach-campaign.entity.js';
import { CAMPAIGN_MESSAGE_MAX, CAMPAIGN_TITLE_MAX } from './outreach.dto.js';

const COUNT = { type: 'integer', minimum: 0 } as const;

/** The audience a campaign's recipients were matched by, as stored: absent filters are null, the period resolved. */
export class CampaignAudienceReply {
  @ApiProperty({ type: Boolean, nullable: true, description: 'null: participating or not' })
  participating: boolean | null;

  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'true: employers that closed vacancies in the period without saying who they hired; null: either',
  })
  silentClosures: boolean | null;

  @ApiProperty({ format: 'date', description: 'the period `participating` was judged in, first day (inclusive)' })
  from: string;

  @ApiProperty({ format: 'date', description: 'last day (inclusive)' })
  to: string;

  @ApiProperty({ type: String, nullable: true, example: '47111' })
  kbli: string | null;

  @ApiProperty({ type: String, nullable: true, enum: KECAMATAN_CODES })
  kecamatanCode: string | null;

  @ApiProperty({ type: String, nullable: true, enum: EMPLOYER_STATUSES })
  status: EmployerStatus | null;
}

/** An outreach campaign with what came of it (mapper: `OutreachService.view`). */
export class CampaignReply {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    format: 'uuid',
    description:
      'the office of the officer who wrote it (GET /offices): its officers send it, the offices above only read it',
  })
  officeId: string;

  @ApiProperty({ maxLength: CAMPAIGN_TITLE_MAX })
  title: string;

  @ApiProperty({ maxLength: CAMPAIGN_MESSAGE_MAX })
  message: string;

  @ApiProperty({ type: CampaignAudienceReply })
  audience: CampaignAudienceReply;

  @ApiProperty({ enum: CAMPAIGN_STATUSES, description: 'DRAFT until sent; SENT once, never again' })
  status: CampaignStatus;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;

  @ApiProperty({
    ...COUNT,
    description: 'employers the audience matched when the campaign was made; the send and every count use this set',
  })
  recipients: number;

  @ApiProperty({
    ...COUNT,
    description:
      'recipient employers reached: at least one of its staff was sent the message by email or WhatsApp, or ' +
      'opened it in the inbox (0 while DRAFT). See docs/reports.md.',
  })
  delivered: number;

  @ApiProperty({
    ...COUNT,
    description:
      'recipient employers not reached for whom every delivery by email or WhatsApp was given up (FAILED), none pending',
  })
  failed: number;

  @ApiProperty({
    ...COUNT,
    description:
      'recipient employers that took part (posted a vacancy requiring the AK1, validated a card or recorded a hire) ' +
      'within 30 days (720 hours) after sentAt; 0 while DRAFT',
  })
  participatedAfter: number;

  @ApiProperty({
    type: 'number',
    minimum: 0,
    maximum: 1,
    example: 0.125,
    description: 'participatedAfter ÷ recipients, rounded to 4 decimals; 0 while DRAFT',
  })
  conversionRate: number;
}

export const CampaignPage = PageOf(CampaignReply);
