import type { EntityManager } from 'typeorm';

/**
 * Runs `work` inside the transaction of `m` and answers the SQL of every statement it sent there, in
 * order (everything an owner runs — query builder, `find`, raw SQL — goes through the transaction's
 * query runner). For tests about how many round trips a use case makes and in which order it touches rows.
 */
export async function statementsOf<T>(
  m: EntityManager,
  work: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const runner = m.queryRunner;
  if (!runner) throw new Error('statementsOf needs the manager of a transaction');
  const query = runner.query.bind(runner);
  const statements: string[] = [];
  runner.query = ((sql: string, ...rest: never[]) => {
    statements.push(sql.trim());
    return query(sql, ...rest);
  }) as typeof runner.query;
  try {
    return { result: await work(), statements };
  } finally {
    runner.query = query;
  }
}
