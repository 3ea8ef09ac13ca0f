import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns.js';

/** Server-side sessions of the web console (issue 8): the cookie holds a random token, stored hashed. */
export class ConsoleSessions1764230900000 implements MigrationInterface {
  name = 'ConsoleSessions1764230900000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'console_sessions',
        columns: [
          col.id(),
          col.str('token_hash', 64),
          col.ref('user_id'),
          col.str('role', 16),
          col.str('email', 254),
          col.str('full_name', 200),
          col.ref('employer_id', true),
          col.ref('seeker_id', true),
          col.instant('created_at'),
          col.instant('last_seen_at'),
          col.instant('expires_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_console_sessions_token_hash', columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ name: 'IDX_console_sessions_user', columnNames: ['user_id'] }),
          new TableIndex({ name: 'IDX_console_sessions_expires', columnNames: ['expires_at'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('console_sessions');
  }
}
