import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns.js';

/**
 * One-time tokens of console forms (issue 14): each sent form is claimed once and keeps its first
 * answer, so a double click or a reload takes effect once and shows that answer again.
 */
export class ConsoleForms1764231600000 implements MigrationInterface {
  name = 'ConsoleForms1764231600000';

  async up(q: QueryRunner): Promise<void> {
    // A page answered directly (a card check, an import report) can pass MySQL's 64 KB TEXT.
    const bodyType =
      q.connection.options.type === 'mysql' || q.connection.options.type === 'mariadb' ? 'mediumtext' : 'text';
    await q.createTable(
      new Table({
        name: 'console_forms',
        columns: [
          { name: 'token_hash', type: 'varchar', length: '64', isPrimary: true },
          col.str('seed_hash', 64),
          col.str('route', 200),
          col.instant('created_at'),
          col.instant('completed_at', true),
          col.int('status_code', true),
          col.str('location', 1000, true),
          { name: 'body', type: bodyType, isNullable: true },
          col.ref('signed_in_user_id', true),
        ],
        indices: [
          new TableIndex({ name: 'IDX_console_forms_created', columnNames: ['created_at'] }),
          new TableIndex({ name: 'IDX_console_forms_seed', columnNames: ['seed_hash'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('console_forms');
  }
}
