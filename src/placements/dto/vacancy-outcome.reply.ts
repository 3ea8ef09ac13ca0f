import { ApiProperty } from '@nestjs/swagger';
import { UNFILLED_REASONS, type UnfilledReason } from '../../vacancies/vacancy-outcome.entity.js';
import { PlacementReply } from './placement.reply.js';

/** What the employer said about a closed vacancy (mapper: VacancyOutcomeService's `reply`). */
export class VacancyOutcomeReply {
  @ApiProperty({ format: 'uuid' })
  vacancyId: string;

  @ApiProperty({ description: "the vacancy's positions (its quota)", example: 3 })
  positions: number;

  @ApiProperty({
    description: 'positions filled now: every placement of the vacancy, the outcome’s included',
    example: 2,
  })
  filled: number;

  @ApiProperty({
    enum: UNFILLED_REASONS,
    nullable: true,
    description: 'why the positions left unfilled stayed open; null when every position is filled',
  })
  unfilledReason: UnfilledReason | null;

  @ApiProperty({ type: String, nullable: true, maxLength: 500 })
  note: string | null;

  @ApiProperty({
    type: [PlacementReply],
    description:
      'POST: the placements this call recorded; GET: every placement of the vacancy (so their number is `filled`)',
  })
  hires: PlacementReply[];

  @ApiProperty({ format: 'date-time', description: 'when the outcome was first recorded' })
  recordedAt: string;

  @ApiProperty({ format: 'date-time', description: 'when it was last changed' })
  updatedAt: string;
}
