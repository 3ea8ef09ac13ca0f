import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { dataSourceOptions } from './data-source.js';

/**
 * Reads for monitoring and reports: on a read replica when DB_REPLICA_URLS is set (they can take a
 * second or two of replication lag, and spare the primary the heavy aggregates). On MySQL without
 * replicas they have connections of their own (DB_REPORT_POOL_SIZE, 4 by default): a burst of reports
 * queues for those, and never holds the connections that sign-ins, validations and hires need — no
 * request waits behind a report for a connection. On SQLite (one file in the process) they share the
 * one database. Never used for a read a write depends on — those stay inside the write's transaction,
 * on the primary.
 */
@Injectable()
export class ReportingReads implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private readonly replicated: boolean;
  private own: Promise<DataSource> | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.replicated = ds.options.type === 'mysql' && !!(ds.options as { replication?: unknown }).replication;
  }

  /** Whether the reads go to MySQL/MariaDB (for the few expressions the engines spell differently). */
  get isMysql(): boolean {
    return this.ds.options.type === 'mysql';
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (this.replicated) {
      const runner = this.ds.createQueryRunner('slave');
      try {
        return await runner.query(sql, params);
      } finally {
        await runner.release();
      }
    }
    if (this.ds.options.type !== 'mysql') return this.ds.query(sql, params);
    return (await this.reportPool()).query(sql, params);
  }

  async onApplicationShutdown(): Promise<void> {
    const own = this.own;
    this.own = null;
    if (own) await (await own.catch(() => null))?.destroy();
  }

  /** The reports' own pool: the same database and options as the main one, fewer connections, opened on first use. */
  private reportPool(): Promise<DataSource> {
    this.own ??= (async () => {
      const base = dataSourceOptions(this.config) as DataSourceOptions & { extra?: Record<string, unknown> };
      const ds = new DataSource({
        ...base,
        entities: [],
        migrations: [],
        extra: { ...base.extra, connectionLimit: this.config.db.reportPoolSize },
      } as DataSourceOptions);
      await ds.initialize();
      this.logger.log(`reports read through a pool of their own (${this.config.db.reportPoolSize} connections)`);
      return ds;
    })().catch((err: unknown) => {
      this.own = null;
      throw err;
    });
    return this.own;
  }
}
