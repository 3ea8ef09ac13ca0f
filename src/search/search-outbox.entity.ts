import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxEntityType = 'vacancy' | 'employer';

/**
 * "This object changed; bring the index in step with it." Written in the same transaction as the
 * change, so a committed change always has its row; the worker deletes the row once delivered.
 * Rows carry no document: the worker reads the current state, so replaying a row is harmless.
 */
@Entity('search_outbox')
export class SearchOutboxEntry {
  @PrimaryGeneratedColumn({ type: 'integer' })
  seq: number;

  @Column({ name: 'entity_type', type: 'varchar', length: 16 })
  entityType: OutboxEntityType;

  @Column({ name: 'entity_id', type: 'varchar', length: 36 })
  entityId: string;

  @Column({ name: 'enqueued_at', type: 'datetime', precision: 3 })
  enqueuedAt: Date;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3 })
  nextAttemptAt: Date;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;
}
