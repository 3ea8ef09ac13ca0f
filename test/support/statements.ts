import type { DataSource, EntityManager } from 'typeorm';
import type { Transactions } from '../../src/database/transactions';

type Query = (sql: string, ...rest: never[]) => unknown;

/** The text of a statement as a driver is handed it: a string, or an options object with `sql`. */
const sqlText = (sql: unknown): string => String(typeof sql === 'string' ? sql : (sql as { sql: string }).sql).trim();

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
    statements.push(sqlText(sql));
    return query.call(this, sql, ...rest);
  };
  try {
    return { result: await work(), statements };
  } finally {
    target.query = query;
  }
}

/**
 * Runs `work`, which opens one transaction through `tx` (a use case called as it is), and answers the
 * statements sent inside that transaction (`statementsOf`), besides BEGIN and COMMIT.
 */
export async function statementsOfTransaction<T>(
  tx: Transactions,
  work: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const run = tx.run.bind(tx);
  let statements: string[] = [];
  const spy = jest.spyOn(tx, 'run').mockImplementationOnce(((inner: (m: EntityManager) => Promise<unknown>) =>
    run(async (m) => {
      const seen = await statementsOf(m, () => inner(m));
      statements = seen.statements;
      return seen.result;
    })) as Transactions['run']);
  try {
    return { result: await work(), statements };
  } finally {
    spy.mockRestore();
  }
}

/**
 * Runs `work` and answers the statements it sent outside any transaction, in order: those that go through
 * TypeORM's query runner, which hands each to the logger before running it (on both engines), and on MySQL
 * those sent straight to TypeORM's pool (database/prepared-statements.ts).
 */
export async function statementsOutsideTransactions<T>(
  ds: DataSource,
  work: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const spies: { mockRestore(): void }[] = [
    jest.spyOn(ds.logger, 'logQuery').mockImplementation((sql: string) => {
      statements.push(sql.trim());
    }),
  ];
  const pool = (ds.driver as unknown as { pool?: Record<'execute' | 'query', (...args: never[]) => unknown> }).pool;
  if (ds.options.type === 'mysql' && pool)
    for (const method of ['execute', 'query'] as const) {
      const original = pool[method];
      spies.push(
        jest.spyOn(pool, method).mockImplementation(function (this: unknown, ...args: never[]) {
          statements.push(sqlText(args[0]));
          return original.apply(this, args);
        }),
      );
    }
  try {
    return { result: await work(), statements };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

/** The first word of each statement, upper-cased: what kind of round trips a use case makes. */
export const verbs = (statements: string[]): string[] => statements.map((s) => s.split(/\s/)[0].toUpperCase());
