import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/http/api-responses.js';
import type { FieldIssue } from '../../common/domain-error.js';
import { CARD_STATUSES, type CardStatus, type CardPlacementSource } from '../card.entity.js';

export class CardReportReply {
  @ApiProperty({ format: 'date-time' })
  reportedAt: string;

  @ApiPropertyOptional({ example: 'Masih mencari kerja' })
  note?: string;
}

/** "Diterima bekerja di … / TMT …": filled in once the card is PLACED. */
export class CardPlacementReply {
  @ApiProperty({ type: String, nullable: true, example: 'PT Pusri Palembang' })
  employerName: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  startDate: string | null;

  @ApiProperty({ enum: ['EMPLOYER', 'SELF_REPORT', 'IMPORT'], nullable: true })
  source: CardPlacementSource | null;
}

/** An AK1 card (mapper: `toCardView`). */
export class CardReply {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'null while PENDING; shown grouped',
    example: '1671-26-000123-7',
  })
  cardNumber: string | null;

  @ApiProperty({ enum: CARD_STATUSES })
  status: CardStatus;

  @ApiProperty({ format: 'uuid' })
  seekerId: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  issuedAt: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  expiresAt: string | null;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'the next 6-month report is due by this day',
  })
  nextReportDue: string | null;

  @ApiProperty({ description: 'ACTIVE and its report is past due' })
  reportOverdue: boolean;

  @ApiProperty({ type: [CardReportReply] })
  reports: CardReportReply[];

  @ApiPropertyOptional({ type: CardPlacementReply })
  placement?: CardPlacementReply;

  @ApiPropertyOptional({
    maxLength: 500,
    description: "the office's reason, on a REJECTED request or a REVOKED card (absent otherwise)",
    example: 'Foto KTP tidak terbaca',
  })
  statusReason?: string;
}

export const CardPage = PageOf(CardReply);

/** `GET /cards/me`: the pending or active card, and the earlier ones newest first. */
export class MyCardsReply {
  @ApiProperty({ type: CardReply, nullable: true })
  current: CardReply | null;

  @ApiProperty({ type: [CardReply] })
  history: CardReply[];
}

export class FieldIssueReply implements FieldIssue {
  @ApiProperty({ example: 'nik' })
  field: string;

  @ApiProperty({ type: [String], example: ['nik must be exactly 16 digits'] })
  messages: string[];
}

export class ImportRejectionReply {
  @ApiProperty({ type: 'integer', description: 'line of the file (the header is line 1)', example: 7 })
  line: number;

  @ApiProperty({ type: [FieldIssueReply] })
  errors: FieldIssueReply[];
}

/** `POST /cards/import`: valid lines went in; each refused line with its problems. */
export class ImportReportReply {
  @ApiProperty({ type: 'integer', example: 120 })
  imported: number;

  @ApiProperty({ type: [ImportRejectionReply] })
  rejected: ImportRejectionReply[];
}
