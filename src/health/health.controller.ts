import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HttpReply } from '../common/http/http.js';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth/decorators.js';
import { HealthReply, LivenessReply, ReadinessReply } from './health.reply.js';
import { SearchHealth } from './search-health.js';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly search: SearchHealth,
  ) {}

  @Get(['health', 'api/v1/health'])
  @Public()
  @ApiOperation({ summary: 'Liveness and dependencies: 200 when the database answers, 503 when it does not' })
  @ApiOkResponse({ type: HealthReply, description: 'the database answers' })
  @ApiServiceUnavailableResponse({
    type: HealthReply,
    description: 'the database does not answer (status unavailable, db down)',
  })
  async health(@Res({ passthrough: true }) res: HttpReply) {
    const db = await this.pingDatabase();
    const search = await this.search.status().catch(() => 'degraded' as const);
    if (db !== 'up') res.status(503);
    return { status: db === 'up' ? 'ok' : 'unavailable', db, search };
  }

  @Get('health/live')
  @Public()
  @ApiOperation({ summary: 'Liveness: the process is up and serving (for restarts; says nothing of the database)' })
  @ApiOkResponse({ type: LivenessReply })
  live() {
    return { status: 'ok' };
  }

  @Get('health/ready')
  @Public()
  @ApiOperation({ summary: 'Readiness: the database answers and every migration is applied (for load balancers)' })
  @ApiOkResponse({ type: ReadinessReply, description: 'ready' })
  @ApiServiceUnavailableResponse({
    type: ReadinessReply,
    description: 'not ready: the database does not answer, or migrations are pending',
  })
  async ready(@Res({ passthrough: true }) res: HttpReply) {
    const db = await this.pingDatabase();
    const migrations = db === 'up' ? await this.migrationState() : 'unknown';
    const ready = db === 'up' && migrations === 'applied';
    if (!ready) res.status(503);
    return { status: ready ? 'ready' : 'not_ready', db, migrations };
  }

  private async migrationState(): Promise<'applied' | 'pending' | 'unknown'> {
    try {
      return (await this.ds.showMigrations()) ? 'pending' : 'applied';
    } catch {
      return 'unknown';
    }
  }

  private async pingDatabase(): Promise<'up' | 'down'> {
    try {
      await Promise.race([
        this.ds.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
      return 'up';
    } catch {
      return 'down';
    }
  }
}
