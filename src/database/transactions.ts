import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { requestContext } from '../common/request-context.js';

/**
 * The one way a use case opens a transaction.
 *
 * SQLite has one connection, and a transaction on it would swallow any statement issued by another
 * request while it is open; so on SQLite transactions are queued and run one at a time. On MySQL they
 * run concurrently from the pool, and correctness comes from unique keys and conditional updates.
 * They use READ COMMITTED: every statement sees the latest committed rows, so a refusal explains
 * itself from what another transaction just committed (not from an older snapshot), and InnoDB takes
 * fewer gap locks.
 */
@Injectable()
export class Transactions {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly serial: boolean;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.serial = ds.options.type !== 'mysql';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    work = unlessAbandoned(work);
    if (!this.serial) return this.runRetryingDeadlocks(work);
    const next = this.tail.then(() => this.ds.transaction(work));
    // Keep the queue going whatever this transaction's outcome.
    this.tail = next.catch(() => undefined);
    return next;
  }

  /**
   * InnoDB may pick a transaction as a deadlock victim when use cases touch the same rows in crossing
   * orders (two hires closing each other's applications). The victim rolled back completely, so it is
   * safe to run it again; after a few tries the error goes to the caller.
   */
  private async runRetryingDeadlocks<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.readCommitted(work);
      } catch (err) {
        if (attempt >= MAX_DEADLOCK_ATTEMPTS || !isDeadlock(err)) throw err;
        await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
      }
    }
  }

  /**
   * `DataSource.transaction('READ COMMITTED', work)`, without its `SET TRANSACTION ISOLATION LEVEL` before
   * every `START TRANSACTION`: each pooled connection is put in READ COMMITTED for its session once, the
   * first time a transaction runs on it (a round trip saved per transaction; a hire is about fifteen).
   */
  private async readCommitted<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.ds.createQueryRunner();
    try {
      const connection = (await runner.connect()) as object;
      if (!readCommittedSessions.has(connection)) {
        await runner.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
        readCommittedSessions.add(connection);
      }
      await runner.startTransaction();
      try {
        const result = await work(runner.manager);
        await runner.commitTransaction();
        return result;
      } catch (err) {
        // The original error is the one that matters, even if the rollback fails too.
        await runner.rollbackTransaction().catch(() => undefined);
        throw err;
      }
    } finally {
      await runner.release();
    }
  }

  get manager(): EntityManager {
    return this.ds.manager;
  }

  get isMysql(): boolean {
    return !this.serial;
  }
}

const MAX_DEADLOCK_ATTEMPTS = 4;

/** Pooled MySQL connections whose session is already READ COMMITTED (a connection the pool replaces is new). */
const readCommittedSessions = new WeakSet<object>();

/**
 * A request answered 503 while the database hung (see stalled-requests.ts) may get its connection
 * only when the database is back; its work must not run then, or a client told "unavailable" would
 * find its change made. Checked once the transaction is open, so the rollback undoes nothing but BEGIN.
 */
function unlessAbandoned<T>(work: (manager: EntityManager) => Promise<T>): (manager: EntityManager) => Promise<T> {
  return (manager) => {
    if (requestContext.getStore()?.abandoned) return Promise.reject(new RequestAbandonedError());
    return work(manager);
  };
}

/** The client already got its answer (503); the error only unwinds the request's remaining work. */
export class RequestAbandonedError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor() {
    super('request abandoned: the client was answered 503 while the database did not answer');
  }
}

function isDeadlock(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  const code = e.driverError?.code ?? e.code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
}

/** Number of rows an UPDATE/DELETE changed, on both drivers. */
export function affectedRows(result: { affected?: number | null }): number {
  return result.affected ?? 0;
}

/**
 * The name of the unique index a write violated, normalised across engines to `UQ_<table>_<columns>`
 * (how our migrations name them), or null when the error is something else.
 */
export function uniqueViolation(err: unknown): string | null {
  const e = err as {
    code?: string;
    errno?: number;
    message?: string;
    driverError?: { code?: string; message?: string };
  };
  const code = e.driverError?.code ?? e.code;
  const message = e.driverError?.message ?? e.message ?? '';
  if (code === 'ER_DUP_ENTRY') {
    const m = /for key '(?:[^.']+\.)?([^']+)'/.exec(message);
    return m ? m[1] : 'UNKNOWN';
  }
  if (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed/.test(message)
  ) {
    const m = /UNIQUE constraint failed: (.+)$/.exec(message);
    if (!m) return 'UNKNOWN';
    const cols = m[1].split(',').map((s) => s.trim());
    const table = cols[0].split('.')[0];
    return `UQ_${table}_${cols.map((c) => c.split('.')[1]).join('_')}`;
  }
  return null;
}
