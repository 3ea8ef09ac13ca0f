import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * The one way a use case opens a transaction.
 *
 * SQLite has one connection, and a transaction on it would swallow any statement issued by another
 * request while it is open; so on SQLite transactions are queued and run one at a time. On MySQL they
 * run concurrently from the pool, and correctness comes from unique keys and conditional updates.
 */
@Injectable()
export class Transactions {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly serial: boolean;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.serial = ds.options.type !== 'mysql';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serial) return this.ds.transaction(work);
    const next = this.tail.then(() => this.ds.transaction(work));
    // Keep the queue going whatever this transaction's outcome.
    this.tail = next.catch(() => undefined);
    return next;
  }

  get manager(): EntityManager {
    return this.ds.manager;
  }

  get isMysql(): boolean {
    return !this.serial;
  }
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
  const e = err as { code?: string; errno?: number; message?: string; driverError?: { code?: string; message?: string } };
  const code = e.driverError?.code ?? e.code;
  const message = e.driverError?.message ?? e.message ?? '';
  if (code === 'ER_DUP_ENTRY') {
    const m = /for key '(?:[^.']+\.)?([^']+)'/.exec(message);
    return m ? m[1] : 'UNKNOWN';
  }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || /UNIQUE constraint failed/.test(message)) {
    const m = /UNIQUE constraint failed: (.+)$/.exec(message);
    if (!m) return 'UNKNOWN';
    const cols = m[1].split(',').map((s) => s.trim());
    const table = cols[0].split('.')[0];
    return `UQ_${table}_${cols.map((c) => c.split('.')[1]).join('_')}`;
  }
  return null;
}
