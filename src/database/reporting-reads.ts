import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Reads for monitoring and reports: on a read replica when DB_REPLICA_URLS is set (they can take a
 * second or two of replication lag, and spare the primary the heavy aggregates), on the one database
 * otherwise. Never used for a read a write depends on — those stay inside the write's transaction,
 * on the primary.
 */
@Injectable()
export class ReportingReads {
  private readonly replicated: boolean;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.replicated = ds.options.type === 'mysql' && !!(ds.options as { replication?: unknown }).replication;
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (!this.replicated) return this.ds.query(sql, params);
    const runner = this.ds.createQueryRunner('slave');
    try {
      return await runner.query(sql, params);
    } finally {
      await runner.release();
    }
  }
}
