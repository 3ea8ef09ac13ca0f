import { ApiProperty } from '@nestjs/swagger';

/** `POST /seekers/:id/claim-code`: the code, shown once (only its keyed hash is kept). */
export class ClaimCodeReply {
  @ApiProperty({
    description:
      'One-time code for the job seeker (8 characters, no 0/O/1/I/L). Give it to them; it cannot be shown again.',
    example: 'K7PX3QMA',
  })
  code: string;

  @ApiProperty({ format: 'date-time', description: 'the code stops working at this instant (7 days)' })
  expiresAt: string;
}
