import { Column, Entity, PrimaryColumn } from 'typeorm';

export const CHANNELS = ['EMAIL', 'WHATSAPP'] as const;
export type Channel = (typeof CHANNELS)[number];
export const DELIVERY_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One notification on one channel: pending until the worker sends it or gives up. */
@Entity('notification_deliveries')
export class NotificationDelivery {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'notification_id', type: 'varchar', length: 36 })
  notificationId: string;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  @Column({ type: 'varchar', length: 16 })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** Why the last attempt failed: a reason code and the server's short answer, never personal data. */
  @Column({ name: 'last_error', type: 'varchar', length: 300, nullable: true })
  lastError: string | null;

  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3 })
  nextAttemptAt: Date;

  /** The worker run that holds it; with `claimedUntil`, keeps two instances from sending it twice. */
  @Column({ name: 'claim_token', type: 'varchar', length: 36, nullable: true })
  claimToken: string | null;

  @Column({ name: 'claimed_until', type: 'datetime', precision: 3, nullable: true })
  claimedUntil: Date | null;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true })
  sentAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
