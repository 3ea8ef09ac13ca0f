import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrationContext } from '../../migrations/context.js';
import { migrations } from '../../migrations/index.js';
import { ConfigError, type AppConfig } from '../config/config.js';

/** Connection options for either engine. Entities are added by Nest (autoLoadEntities). */
export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  const common = { migrations, migrationsRun: false, synchronize: false, logging: false } as const;
  if (config.db.type === 'mysql') {
    // With read replicas, writes and ordinary reads stay on the primary (defaultMode 'master'); only
    // reads that ask for a replica (ReportingReads: monitoring and reports) go to one.
    const where =
      config.db.replicaUrls.length > 0
        ? {
            replication: {
              master: { url: config.db.url! },
              slaves: config.db.replicaUrls.map((url) => ({ url })),
              defaultMode: 'master' as const,
              selector: 'RR' as const,
            },
          }
        : { url: config.db.url! };
    return {
      ...common,
      type: 'mysql',
      ...where,
      // Stored times are UTC; mysql2 must not convert them to the server's local zone.
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      // trace: false — mysql2 otherwise captures a stack trace for every query (to decorate errors): about
      // 6 % of the CPU of a card validation. Database errors are logged with their own message and code.
      extra: { connectionLimit: config.db.poolSize, connectTimeout: 5000, enableKeepAlive: true, trace: false },
      supportBigNumbers: true,
      bigNumberStrings: false,
    };
  }
  const file = config.db.path === ':memory:' ? ':memory:' : resolve(config.db.path);
  return {
    ...common,
    type: 'better-sqlite3',
    database: file,
    enableWAL: file !== ':memory:',
    prepareDatabase: (db: { pragma: (s: string) => unknown }) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
    },
  };
}

/** One clear sentence for a database that cannot be reached at start. */
export function describeConnectionFailure(config: AppConfig, err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (config.db.type === 'mysql') {
    let where = 'the configured server';
    try {
      const u = new URL(config.db.url!);
      where = `${u.hostname}:${u.port || '3306'}/${u.pathname.replace(/^\//, '')}`;
    } catch {
      /* keep the generic wording */
    }
    const reason =
      e.code === 'ECONNREFUSED'
        ? 'nothing is listening there'
        : e.code === 'ER_ACCESS_DENIED_ERROR'
          ? 'the user or password was refused'
          : e.code === 'ER_BAD_DB_ERROR'
            ? 'the database does not exist'
            : (e.code ?? 'the connection failed');
    return `Cannot connect to MySQL at ${where}: ${reason}. Check DB_URL and that the server is running.`;
  }
  return `Cannot open the SQLite database at ${config.db.path}: ${e.message ?? 'unknown error'}. Check DB_PATH and that its folder is writable.`;
}

/**
 * Applies pending migrations. On MySQL several instances may start at once: a named lock makes one
 * apply them while the others wait, then find nothing left to do.
 */
export async function runMigrations(ds: DataSource, context: { regionCode?: string } = {}): Promise<void> {
  if (context.regionCode) migrationContext.regionCode = context.regionCode;
  if (ds.options.type !== 'mysql') {
    await ds.runMigrations({ transaction: 'each' });
    return;
  }
  const qr = ds.createQueryRunner();
  await qr.connect();
  try {
    const [row] = await qr.query(`SELECT GET_LOCK('ak1_migrations', 120) AS got`);
    if (Number(row?.got) !== 1) throw new Error('Timed out waiting for another instance to finish migrations.');
    try {
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await qr.query(`SELECT RELEASE_LOCK('ak1_migrations')`);
    }
  } finally {
    await qr.release();
  }
}

/** Creates, connects and migrates a data source, turning connection failures into ConfigError. */
export async function openDataSource(config: AppConfig, extra: Partial<DataSourceOptions> = {}): Promise<DataSource> {
  if (config.db.type === 'sqlite' && config.db.path !== ':memory:')
    mkdirSync(dirname(resolve(config.db.path)), { recursive: true });
  const ds = new DataSource({ ...dataSourceOptions(config), ...extra } as DataSourceOptions);
  try {
    await ds.initialize();
  } catch (err) {
    throw new ConfigError(describeConnectionFailure(config, err));
  }
  await runMigrations(ds, { regionCode: config.regionCode });
  return ds;
}
