import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

const TOUCHED = 'searchTouched';

/**
 * Which searchable-set changes this instance has committed: a number that grows after each commit that
 * told SearchableVacancies of a change (or at once for a change written outside a transaction). The database
 * driver's short "fresh" window (SEARCH_FRESH_MS) holds an answer only while this number is what it was when
 * the answer was computed, so an instance always sees its own writes at once; other instances' writes reach
 * it within the window (docs/search.md, decision 123).
 */
@Injectable()
export class LocalSearchChanges implements EntitySubscriberInterface {
  private count = 0;

  constructor(@InjectDataSource() ds: DataSource) {
    ds.subscribers.push(this);
  }

  /** Grows after every local commit that changed what search reads or shows. */
  get epoch(): number {
    return this.count;
  }

  /** Called by SearchableVacancies after it wrote: counted when the transaction commits. */
  touched(m: EntityManager): void {
    const runner = m.queryRunner;
    if (runner?.isTransactionActive) runner.data = { ...(runner.data as object), [TOUCHED]: true };
    else this.count++;
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A savepoint released inside a transaction commits nothing yet: only the outermost commit counts.
    if (event.queryRunner.isTransactionActive) return;
    const data = event.queryRunner.data as Record<string, unknown> | undefined;
    if (data?.[TOUCHED]) {
      delete data[TOUCHED];
      this.count++;
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    // Rolled back to a savepoint: what the transaction wrote before it may still commit; keep the mark.
    if (event.queryRunner.isTransactionActive) return;
    const data = event.queryRunner.data as Record<string, unknown> | undefined;
    if (data?.[TOUCHED]) delete data[TOUCHED];
  }
}
