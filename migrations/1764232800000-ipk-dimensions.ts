import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns.js';
import { migrationContext } from './context.js';

/**
 * The whole IPK set (III/1 to III/8): labour events carry the detailed education code, the KBJI major
 * group, the KBLI section, and for placements their type, the receiving employer's kind and whether they
 * came through a vacancy; the monthly roll-up is keyed by all of them (rebuilt: a primary key cannot grow
 * in place on SQLite; existing cells keep their totals with '-' in the new columns, and the office of
 * REGION_CODE). Placements record
 * their type and the employer's kind. Closed months keep their tables in `report_periods`.
 */
export class IpkDimensions1764232800000 implements MigrationInterface {
  name = 'IpkDimensions1764232800000';

  async up(q: QueryRunner): Promise<void> {
    for (const c of DIMENSIONS) await q.addColumn('labour_events', new TableColumn(dimension(c.name, c.length)));
    // Every event so far is the one office's this installation served (REGION_CODE, from the configuration).
    const office = rootOfficeCode();
    await q.query('UPDATE labour_events SET office = ?', [office]);
    await q.addColumns(
      'labour_events',
      [col.ref('placement_id', true), col.str('adjusts_month', 7, true), col.str('cause', 24, true)].map(
        (c) => new TableColumn(c),
      ),
    );
    await q.createIndex(
      'labour_events',
      new TableIndex({ name: 'IDX_labour_events_placement', columnNames: ['placement_id'] }),
    );
    await q.createIndex(
      'labour_events',
      new TableIndex({ name: 'IDX_labour_events_adjusts', columnNames: ['adjusts_month'] }),
    );

    await q.createTable(
      new Table({
        name: 'labour_cells',
        columns: [
          { name: 'month', type: 'varchar', length: '7', isPrimary: true },
          { name: 'subject', type: 'varchar', length: '8', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '12', isPrimary: true },
          { name: 'sex', type: 'varchar', length: '3', isPrimary: true },
          { name: 'age_band', type: 'varchar', length: '8', isPrimary: true },
          { name: 'education', type: 'varchar', length: '8', isPrimary: true },
          ...DIMENSIONS.map((c) => ({ name: c.name, type: 'varchar', length: String(c.length), isPrimary: true })),
          col.bigint('total'),
        ],
      }),
    );
    await q.query(
      `INSERT INTO labour_cells (month, subject, kind, sex, age_band, education, ${DIMENSIONS.map((c) => c.name).join(', ')}, total) ` +
        `SELECT month, subject, kind, sex, age_band, education, ${DIMENSIONS.map((c) => (c.name === 'office' ? '?' : "'-'")).join(', ')}, total FROM labour_monthly`,
      [office],
    );
    await q.dropTable('labour_monthly');
    await q.query('ALTER TABLE labour_cells RENAME TO labour_monthly');

    await q.addColumns('placements', [
      new TableColumn({ name: 'placement_type', type: 'varchar', length: '4', isNullable: false, default: "'AKL'" }),
      new TableColumn({ name: 'employer_kind', type: 'varchar', length: '16', isNullable: false, default: "'-'" }),
    ]);

    await q.createTable(
      new Table({
        name: 'report_periods',
        columns: [
          { name: 'month', type: 'varchar', length: '7', isPrimary: true },
          col.instant('closed_at'),
          col.ref('closed_by'),
          col.str('checksum', 64),
          { name: 'tables', type: q.connection.options.type === 'mysql' ? 'longtext' : 'text', isNullable: false },
        ],
      }),
    );
    // One row: the latest month closed. Every labour event reads it (shared lock on MySQL) and a closing
    // takes it exclusively, so no event lands in a month while its tables are frozen.
    await q.createTable(
      new Table({
        name: 'report_ledger',
        columns: [{ name: 'id', type: 'int', isPrimary: true }, col.str('closed_through', 7, true)],
      }),
    );
    await q.query('INSERT INTO report_ledger (id, closed_through) VALUES (1, NULL)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('report_ledger');
    await q.dropTable('report_periods');
    await q.dropColumn('placements', 'employer_kind');
    await q.dropColumn('placements', 'placement_type');
    await q.query('ALTER TABLE labour_monthly RENAME TO labour_cells');
    await q.createTable(
      new Table({
        name: 'labour_monthly',
        columns: [
          { name: 'month', type: 'varchar', length: '7', isPrimary: true },
          { name: 'subject', type: 'varchar', length: '8', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '12', isPrimary: true },
          { name: 'sex', type: 'varchar', length: '3', isPrimary: true },
          { name: 'age_band', type: 'varchar', length: '8', isPrimary: true },
          { name: 'education', type: 'varchar', length: '8', isPrimary: true },
          col.bigint('total'),
        ],
      }),
    );
    await q.query(
      'INSERT INTO labour_monthly (month, subject, kind, sex, age_band, education, total) ' +
        'SELECT month, subject, kind, sex, age_band, education, SUM(total) FROM labour_cells ' +
        'GROUP BY month, subject, kind, sex, age_band, education',
    );
    await q.dropTable('labour_cells');
    await q.dropIndex('labour_events', 'IDX_labour_events_adjusts');
    await q.dropIndex('labour_events', 'IDX_labour_events_placement');
    for (const c of ['cause', 'adjusts_month', 'placement_id', ...DIMENSIONS.map((d) => d.name).reverse()])
      await q.dropColumn('labour_events', c);
  }
}

/** The dimensions the new tables group by; '-' when not known or not applicable. */
const DIMENSIONS = [
  { name: 'education_code', length: 8 },
  { name: 'occupation', length: 2 },
  { name: 'sector', length: 2 },
  { name: 'placement_type', length: 4 },
  { name: 'employer_kind', length: 16 },
  { name: 'channel', length: 1 },
  { name: 'office', length: 4 },
];

const dimension = (name: string, length: number) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: false,
  default: "'-'",
});

function rootOfficeCode(): string {
  return migrationContext.regionCode;
}
