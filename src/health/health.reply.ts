import { ApiProperty } from '@nestjs/swagger';

/** `GET /health`: 200 when the database answers, 503 (same shape) when it does not. */
export class HealthReply {
  @ApiProperty({ enum: ['ok', 'unavailable'] })
  status: 'ok' | 'unavailable';

  @ApiProperty({ enum: ['up', 'down'] })
  db: 'up' | 'down';

  @ApiProperty({
    enum: ['up', 'degraded', 'disabled'],
    description: 'degraded: Meilisearch is down and search falls back to the database',
  })
  search: 'up' | 'degraded' | 'disabled';
}

/** `GET /health/live`. */
export class LivenessReply {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';
}

/** `GET /health/ready`: 200 when ready, 503 (same shape) when not. */
export class ReadinessReply {
  @ApiProperty({ enum: ['ready', 'not_ready'] })
  status: 'ready' | 'not_ready';

  @ApiProperty({ enum: ['up', 'down'] })
  db: 'up' | 'down';

  @ApiProperty({ enum: ['applied', 'pending', 'unknown'] })
  migrations: 'applied' | 'pending' | 'unknown';
}
