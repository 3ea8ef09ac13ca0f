import { QueryFailedError, type EntityManager } from 'typeorm';

/** The part of a pooled mysql2 connection used here (its callback API). */
interface MysqlConnection {
  query(sql: string, params: unknown[], done: (err: Error | null, result: unknown) => void): void;
}

/**
 * Written-out statements for the hot path of a busy use case (a hire runs about fifteen), in the
 * transaction of `m`. On MySQL they go straight to the pooled mysql2 connection that transaction holds:
 * TypeORM's `query` wraps every statement in a fresh promise-API object, several awaits and its event
 * broadcasts, which on this path cost about as much CPU as the driver itself. On SQLite, and outside a
 * transaction, they run through TypeORM's query runner. Failures are TypeORM's `QueryFailedError` (with
 * the driver's error as `driverError`) either way, as from any other query. Instants go in as `sqlInstant`
 * strings: SQLite's driver cannot bind a Date.
 */
export async function select<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const connection = mysqlConnectionOf(m);
  if (connection) return (await run(connection, sql, params)) as T[];
  return (await m.query(sql, params)) as T[];
}

/** A write statement (see `select`); answers how many rows it changed, on both drivers. */
export async function execute(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const connection = mysqlConnectionOf(m);
  if (connection) return ((await run(connection, sql, params)) as { affectedRows: number }).affectedRows;
  // `EntityManager.query` answers SQLite's last row id, not the count: ask the runner for the full result.
  const runner = m.queryRunner ?? m.connection.createQueryRunner();
  try {
    return (await runner.query(sql, params, true)).affected ?? 0;
  } finally {
    if (runner !== m.queryRunner) await runner.release();
  }
}

function mysqlConnectionOf(m: EntityManager): MysqlConnection | null {
  const runner = m.queryRunner as { isReleased: boolean; databaseConnection?: MysqlConnection } | undefined;
  if (m.connection.options.type !== 'mysql' || !runner || runner.isReleased) return null;
  return runner.databaseConnection ?? null;
}

function run(connection: MysqlConnection, sql: string, params: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) =>
    connection.query(sql, params, (err, result) =>
      err ? reject(new QueryFailedError(sql, params, err)) : resolve(result),
    ),
  );
}
