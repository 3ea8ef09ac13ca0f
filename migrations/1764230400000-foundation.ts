import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns.js';

/** Accounts, employers, refresh tokens and the audit trail. */
export class Foundation1764230400000 implements MigrationInterface {
  name = 'Foundation1764230400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'employers',
        columns: [
          col.id(),
          col.str('legal_name', 200),
          col.str('nib', 13),
          col.str('npwp', 16, true),
          col.str('kbli', 5),
          col.str('address', 500),
          col.str('kecamatan_code', 8, true),
          col.str('phone', 32),
          col.str('status', 16),
          col.str('status_reason', 500, true),
          col.instant('verified_at', true),
          col.ref('verified_by', true),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_employers_nib', columnNames: ['nib'], isUnique: true }),
          new TableIndex({ name: 'IDX_employers_status', columnNames: ['status'] }),
          new TableIndex({ name: 'IDX_employers_kecamatan', columnNames: ['kecamatan_code'] }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          col.id(),
          col.str('email', 254),
          col.str('password_hash', 255),
          col.str('role', 16),
          col.str('full_name', 200),
          col.ref('employer_id', true),
          col.ref('seeker_id', true),
          col.str('nip', 32, true),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_users_email', columnNames: ['email'], isUnique: true }),
          new TableIndex({ name: 'IDX_users_employer', columnNames: ['employer_id'] }),
          new TableIndex({ name: 'IDX_users_seeker', columnNames: ['seeker_id'] }),
          new TableIndex({ name: 'IDX_users_role', columnNames: ['role'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_users_employer',
            columnNames: ['employer_id'],
            referencedTableName: 'employers',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          col.id(),
          col.ref('user_id'),
          col.ref('family_id'),
          col.str('token_hash', 64),
          col.instant('expires_at'),
          col.instant('rotated_at', true),
          col.instant('revoked_at', true),
          col.instant('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_refresh_tokens_token_hash', columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ name: 'IDX_refresh_tokens_family', columnNames: ['family_id'] }),
          new TableIndex({ name: 'IDX_refresh_tokens_user', columnNames: ['user_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_refresh_tokens_user',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          col.id(),
          col.instant('occurred_at'),
          col.ref('actor_id', true),
          col.str('actor_role', 16, true),
          col.str('entity_type', 32),
          col.ref('entity_id'),
          col.str('action', 48),
          col.text('before_state'),
          col.text('after_state'),
          col.str('request_id', 64, true),
        ],
        indices: [
          new TableIndex({ name: 'IDX_audit_entity', columnNames: ['entity_type', 'entity_id'] }),
          new TableIndex({ name: 'IDX_audit_actor', columnNames: ['actor_id'] }),
          new TableIndex({ name: 'IDX_audit_occurred', columnNames: ['occurred_at'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_events');
    await q.dropTable('refresh_tokens');
    await q.dropTable('users');
    await q.dropTable('employers');
  }
}
