import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns.js';
import { migrationContext } from './context.js';

/**
 * Months close per office (issue 20): `report_periods` is keyed by office code + month and
 * `report_ledger` has one row per office code (its latest closed month). The office is the code the
 * labour events carry; the first office is only made at start, but its code is REGION_CODE, so the rows
 * of the one-office installation (the single ledger row, the closed months) are kept under it. Rebuilt
 * and renamed, because a primary key cannot change in place on SQLite.
 */
export class OfficePeriods1764233600000 implements MigrationInterface {
  name = 'OfficePeriods1764233600000';

  async up(q: QueryRunner): Promise<void> {
    const office = migrationContext.regionCode;
    await q.createTable(periodsTable(q, 'report_office_periods', true));
    await q.query(
      'INSERT INTO report_office_periods (office, month, closed_at, closed_by, checksum, tables) SELECT ?, month, closed_at, closed_by, checksum, tables FROM report_periods',
      [office],
    );
    await q.dropTable('report_periods');
    await q.renameTable('report_office_periods', 'report_periods');

    await q.createTable(
      new Table({
        name: 'report_office_ledger',
        columns: [
          { name: 'office', type: 'varchar', length: '4', isPrimary: true },
          col.str('closed_through', 7, true),
        ],
      }),
    );
    await q.query(
      'INSERT INTO report_office_ledger (office, closed_through) SELECT ?, closed_through FROM report_ledger WHERE id = 1',
      [office],
    );
    await q.dropTable('report_ledger');
    await q.renameTable('report_office_ledger', 'report_ledger');
  }

  async down(q: QueryRunner): Promise<void> {
    const office = migrationContext.regionCode;
    await q.createTable(periodsTable(q, 'report_month_periods', false));
    await q.query(
      'INSERT INTO report_month_periods (month, closed_at, closed_by, checksum, tables) SELECT month, closed_at, closed_by, checksum, tables FROM report_periods WHERE office = ?',
      [office],
    );
    await q.dropTable('report_periods');
    await q.renameTable('report_month_periods', 'report_periods');

    await q.createTable(
      new Table({
        name: 'report_month_ledger',
        columns: [{ name: 'id', type: 'int', isPrimary: true }, col.str('closed_through', 7, true)],
      }),
    );
    const [row] = (await q.query('SELECT closed_through AS c FROM report_ledger WHERE office = ?', [office])) as {
      c: string | null;
    }[];
    await q.query('INSERT INTO report_month_ledger (id, closed_through) VALUES (1, ?)', [row?.c ?? null]);
    await q.dropTable('report_ledger');
    await q.renameTable('report_month_ledger', 'report_ledger');
  }
}

function periodsTable(q: QueryRunner, name: string, perOffice: boolean): Table {
  return new Table({
    name,
    columns: [
      ...(perOffice ? [{ name: 'office', type: 'varchar', length: '4', isPrimary: true }] : []),
      { name: 'month', type: 'varchar', length: '7', isPrimary: true },
      col.instant('closed_at'),
      col.ref('closed_by'),
      col.str('checksum', 64),
      { name: 'tables', type: q.connection.options.type === 'mysql' ? 'longtext' : 'text', isNullable: false },
    ],
  });
}
