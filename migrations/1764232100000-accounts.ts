import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns.js';

/**
 * Accounts: a verified email, one-time account tokens (password reset, email verification), claim codes
 * that let a walk-in job seeker attach a login to their record, and at most one login per job seeker.
 */
export class Accounts1764232100000 implements MigrationInterface {
  name = 'Accounts1764232100000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('users', new TableColumn(col.instant('email_verified_at', true)));
    // A job seeker has at most one login: the claim's last line of defence against two winners.
    await q.createIndex(
      'users',
      new TableIndex({ name: 'UQ_users_seeker_id', columnNames: ['seeker_id'], isUnique: true }),
    );
    await q.dropIndex('users', 'IDX_users_seeker');

    await q.createTable(
      new Table({
        name: 'account_tokens',
        columns: [
          col.id(),
          col.ref('user_id'),
          col.str('purpose', 32),
          col.str('token_hash', 64),
          col.instant('expires_at'),
          col.instant('used_at', true),
          col.instant('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_account_tokens_token_hash', columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ name: 'IDX_account_tokens_user', columnNames: ['user_id', 'purpose'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_account_tokens_user',
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
        name: 'seeker_claim_codes',
        columns: [
          col.id(),
          col.ref('seeker_id'),
          col.str('code_hash', 64),
          col.instant('expires_at'),
          col.instant('used_at', true),
          col.ref('created_by'),
          col.instant('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_seeker_claim_codes_code_hash', columnNames: ['code_hash'], isUnique: true }),
          // One live code per seeker: a newer one replaces the row.
          new TableIndex({ name: 'UQ_seeker_claim_codes_seeker_id', columnNames: ['seeker_id'], isUnique: true }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_seeker_claim_codes_seeker',
            columnNames: ['seeker_id'],
            referencedTableName: 'seekers',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('seeker_claim_codes');
    await q.dropTable('account_tokens');
    await q.createIndex('users', new TableIndex({ name: 'IDX_users_seeker', columnNames: ['seeker_id'] }));
    await q.dropIndex('users', 'UQ_users_seeker_id');
    await q.dropColumn('users', 'email_verified_at');
  }
}
