import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns.js';

/**
 * Known devices (OWASP's device cookies): a token, stored as its SHA-256, that lets the account's own
 * browser or app past the per-email sign-in failure limit, with the device's own failure count.
 */
export class KnownDevices1764231300000 implements MigrationInterface {
  name = 'KnownDevices1764231300000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'known_devices',
        columns: [
          col.id(),
          col.ref('user_id'),
          col.str('token_hash', 64),
          col.instant('created_at'),
          col.instant('last_used_at'),
          col.int('failed_attempts', false, 0),
          col.instant('failures_since', true),
          col.instant('revoked_at', true),
        ],
        indices: [
          new TableIndex({ name: 'UQ_known_devices_token_hash', columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ name: 'IDX_known_devices_user', columnNames: ['user_id', 'last_used_at'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_known_devices_user',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('known_devices');
  }
}
