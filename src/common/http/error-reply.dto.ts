import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorBody } from './exception.filter.js';

/**
 * Every error the service answers, whatever its status: the one shape the global filter writes
 * (`toErrorBody`). One schema in the OpenAPI document, referenced by every 4xx/5xx response.
 */
export class ErrorReply implements ErrorBody {
  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 409, description: 'the HTTP status, repeated' })
  statusCode: number;

  @ApiProperty({ example: 'Conflict', description: "the status's reason phrase" })
  error: string;

  @ApiProperty({
    example: 'SEEKER_ALREADY_PLACED',
    description: 'stable machine-readable code; the operation lists the codes of each status',
  })
  code: string;

  @ApiProperty({
    example: 'This job seeker has already been placed; a hire cannot be recorded twice.',
    description: 'a human sentence',
  })
  message: string;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'more about the refusal; for VALIDATION_FAILED one entry per field: { field, messages }',
    example: [{ field: 'nik', messages: ['nik must be exactly 16 digits'] }],
  })
  details?: unknown[];
}
