import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns.js';

/** The tables whose rows belong to an office (docs/offices.md). */
const OWNED = ['users', 'seekers', 'employers', 'cards', 'vacancies'] as const;

/**
 * Offices as data (issue 20, first step): the `offices` table and a nullable `office_id` on every row an
 * office answers for. The column stays nullable here: the root office is made at start from REGION_CODE
 * (OfficesBootstrap), which then fills every NULL with it, so existing rows are kept and nothing is renumbered.
 * `console_sessions.office_id` carries a signed-in officer's office like the access token does.
 */
export class Offices1764233400000 implements MigrationInterface {
  name = 'Offices1764233400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'offices',
        columns: [
          col.id(),
          col.str('code', 4),
          col.str('level', 16),
          col.str('name', 200),
          col.ref('parent_id', true),
          col.text('settings', true),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_offices_code', columnNames: ['code'], isUnique: true }),
          new TableIndex({ name: 'IDX_offices_parent_id', columnNames: ['parent_id'] }),
        ],
      }),
    );
    for (const table of OWNED) {
      await q.addColumn(table, new TableColumn(col.ref('office_id', true)));
      await q.createIndex(table, new TableIndex({ name: `IDX_${table}_office_id`, columnNames: ['office_id'] }));
    }
    await q.addColumn('console_sessions', new TableColumn(col.ref('office_id', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('console_sessions', 'office_id');
    for (const table of [...OWNED].reverse()) {
      await q.dropIndex(table, `IDX_${table}_office_id`);
      await q.dropColumn(table, 'office_id');
    }
    await q.dropTable('offices');
  }
}
