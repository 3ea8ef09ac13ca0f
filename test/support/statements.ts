import type { EntityManager } from 'typeorm';

type Query = (sql: string, ...rest: never[]) => unknown;

/**
 * Runs `work` inside the transaction of `m` and answers the SQL of every statement it sent there, in
 * order. For tests about how many round trips a use case makes and in which order it touches rows. On
 * MySQL it listens on the transaction's mysql2 connection, which every statement reaches (query builder,
 * `find`, TypeORM's `query`, the written-out statements of database/statements.ts); on SQLite on
 * TypeORM's query runner, which they all go through there.
 */
export async function statementsOf<T>(
  m: EntityManager,
  work: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const runner = m.queryRunner as unknown as { query: Query; databaseConnection?: { query: Query } } | undefined;
  if (!runner) throw new Error('statementsOf needs the manager of a transaction');
  const target = m.connection.options.type === 'mysql' ? runner.databaseConnection! : runner;
  const query = target.query;
  const statements: string[] = [];
  target.query = function (this: unknown, sql: string, ...rest: never[]) {
    statements.push(String(typeof sql === 'string' ? sql : (sql as { sql: string }).sql).trim());
    return query.call(this, sql, ...rest);
  };
  try {
    return { result: await work(), statements };
  } finally {
    target.query = query;
  }
}
