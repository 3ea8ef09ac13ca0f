import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Lang } from './notification-kinds.js';

/** A user's choices. No row: the defaults (email on, WhatsApp off until allowed, nothing muted, Indonesian). */
@Entity('notification_settings')
export class NotificationSettingsRow {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'boolean', default: true })
  email: boolean;

  @Column({ type: 'boolean', default: false })
  whatsapp: boolean;

  /** Muted kinds, comma-separated. */
  @Column({ type: 'varchar', length: 1000 })
  muted: string;

  @Column({ type: 'varchar', length: 2 })
  language: Lang;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
