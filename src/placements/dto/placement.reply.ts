import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/http/api-responses.js';
import {
  PLACEMENT_SOURCES,
  PLACEMENT_STATUSES,
  PLACEMENT_TYPES,
  type PlacementSource,
  type PlacementStatus,
  type PlacementType,
} from '../placement.entity.js';

/** A recorded hire (mapper: `toPlacementView`). */
export class PlacementReply {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  seekerId: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null for a self-report naming an employer not on the platform',
  })
  employerId: string | null;

  @ApiProperty({ example: 'PT Pusri Palembang' })
  employerName: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  vacancyId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  applicationId: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the card it placed, if the seeker held an ACTIVE one',
    example: '1671-26-000123-7',
  })
  cardNumber: string | null;

  @ApiProperty({ format: 'date', example: '2026-12-01' })
  startDate: string;

  @ApiProperty({ type: String, nullable: true, example: 'Operator produksi' })
  position: string | null;

  @ApiProperty({ enum: PLACEMENT_SOURCES })
  source: PlacementSource;

  @ApiProperty({
    enum: PLACEMENT_TYPES,
    description: 'AKL within the office province, AKAD another province, AKAN abroad (IPK III/8)',
  })
  placementType: PlacementType;

  @ApiProperty({
    description: "the receiving employer's kind (GET /reference/employer-kinds); '-' when not known",
    example: 'SWASTA',
  })
  employerKind: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;

  @ApiProperty({
    enum: PLACEMENT_STATUSES,
    description: 'RECORDED, or VOID once voided as a mistake (a voided placement stays listed and counts as no hire)',
  })
  status: PlacementStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when it was voided' })
  voidedAt: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the user who voided it' })
  voidedBy: string | null;

  @ApiProperty({ type: String, nullable: true, maxLength: 500, description: 'why it was voided' })
  voidReason: string | null;
}

export const PlacementPage = PageOf(PlacementReply);
