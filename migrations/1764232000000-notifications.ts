import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns.js';

const byUser = (table: string) =>
  new TableForeignKey({
    name: `FK_${table}_user`,
    columnNames: ['user_id'],
    referencedTableName: 'users',
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });

/**
 * Notifications: the inbox (one row per recipient, kind and subject: told once), one delivery per
 * channel, written in the transaction of the change and sent by a worker after commit; and each
 * user's choices of channels, muted kinds and language.
 */
export class Notifications1764232000000 implements MigrationInterface {
  name = 'Notifications1764232000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'notifications',
        columns: [
          col.id(),
          col.ref('user_id'),
          col.str('kind', 32),
          col.str('subject', 120),
          col.text('params', false),
          col.bool('in_inbox', true),
          col.instant('created_at'),
          col.instant('read_at', true),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_notifications_user_kind_subject',
            columnNames: ['user_id', 'kind', 'subject'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_notifications_inbox', columnNames: ['user_id', 'in_inbox', 'created_at'] }),
          new TableIndex({ name: 'IDX_notifications_kind_subject', columnNames: ['kind', 'subject'] }),
          new TableIndex({ name: 'IDX_notifications_created', columnNames: ['created_at'] }),
        ],
        foreignKeys: [byUser('notifications')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notification_deliveries',
        columns: [
          col.id(),
          col.ref('notification_id'),
          col.str('channel', 16),
          col.str('status', 16),
          col.int('attempts', false, 0),
          col.str('last_error', 300, true),
          col.instant('next_attempt_at'),
          col.str('claim_token', 36, true),
          col.instant('claimed_until', true),
          col.instant('sent_at', true),
          col.instant('created_at'),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_notification_deliveries_channel',
            columnNames: ['notification_id', 'channel'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_notification_deliveries_due', columnNames: ['status', 'next_attempt_at'] }),
          new TableIndex({ name: 'IDX_notification_deliveries_claim', columnNames: ['claim_token'] }),
          new TableIndex({ name: 'IDX_notification_deliveries_created', columnNames: ['created_at'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_notification_deliveries_notification',
            columnNames: ['notification_id'],
            referencedTableName: 'notifications',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notification_settings',
        columns: [
          { ...col.ref('user_id'), isPrimary: true },
          col.bool('email', true),
          col.bool('whatsapp', false),
          col.str('muted', 1000),
          col.str('language', 2),
          col.instant('updated_at'),
        ],
        foreignKeys: [byUser('notification_settings')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('notification_settings');
    await q.dropTable('notification_deliveries');
    await q.dropTable('notifications');
  }
}
