import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MessageKind } from './notification-kinds.js';

/**
 * One message to one user about one subject. Its id is derived from (user, kind, subject), so the same
 * message written twice — a job run on two instances, a retried transaction — is one row.
 */
@Entity('notifications')
export class Notification {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: MessageKind;

  @Column({ type: 'varchar', length: 120 })
  subject: string;

  /** The message's parameters as JSON; sealed (encrypted) for account mails, whose link is a secret. */
  @Column({ type: 'text' })
  params: string;

  /** False for account mails: they go by email only. */
  @Column({ name: 'in_inbox', type: 'boolean', default: true })
  inInbox: boolean;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true })
  readAt: Date | null;
}
