import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/http/api-responses.js';

const STATE = {
  type: 'object',
  additionalProperties: true,
  nullable: true,
  description: 'the fields that changed, as they were / became',
} as const;

/** One entry of the append-only trail. */
export class AuditEventReply {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for the system (daily jobs)' })
  actorId: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['officer', 'employer', 'seeker', 'system'],
    description: 'system: daily jobs',
  })
  actorRole: string | null;

  @ApiProperty({ example: 'employer' })
  entityType: string;

  @ApiProperty()
  entityId: string;

  @ApiProperty({ example: 'employer.verified' })
  action: string;

  @ApiProperty(STATE)
  before: Record<string, unknown> | null;

  @ApiProperty(STATE)
  after: Record<string, unknown> | null;

  @ApiProperty({ type: String, nullable: true })
  requestId: string | null;
}

export const AuditEventPage = PageOf(AuditEventReply);
