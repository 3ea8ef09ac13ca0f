import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { sqlInstant } from '../src/common/sql.js';
import { REFERENCE_LISTS, readShippedList } from '../src/reference/reference-lists.js';
import { col } from './columns.js';

/**
 * The code lists the IPK tables group by (data/reference/*.csv), loaded once here so every start and
 * every test has them; an officer replaces a list later through PUT /reference/:list. Seekers gain a
 * detailed education code and a desired occupation (KBJI), employers their kind (IPK III/8).
 */
export class ReferenceCodes1764232900000 implements MigrationInterface {
  name = 'ReferenceCodes1764232900000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'reference_codes',
        columns: [
          { ...col.str('list', 16), isPrimary: true },
          { ...col.str('code', 16), isPrimary: true },
          col.str('label', 200),
          col.str('parent', 16, true),
          col.bool('active', true),
          col.int('position'),
          col.instant('updated_at'),
        ],
      }),
    );
    const now = sqlInstant(new Date());
    for (const list of REFERENCE_LISTS) {
      const rows = readShippedList(list);
      for (let i = 0; i < rows.length; i += 100) {
        const chunk = rows.slice(i, i + 100);
        await q.query(
          `INSERT INTO reference_codes (list, code, label, parent, active, position, updated_at) VALUES ${chunk
            .map(() => '(?, ?, ?, ?, 1, ?, ?)')
            .join(', ')}`,
          chunk.flatMap((r, j) => [list, r.code, r.label, r.parent, i + j, now]),
        );
      }
    }
    await q.addColumns('seekers', [
      new TableColumn(col.str('education_code', 8, true)),
      new TableColumn(col.str('desired_occupation_code', 4, true)),
    ]);
    await q.addColumn(
      'employers',
      new TableColumn({ name: 'kind', type: 'varchar', length: '16', isNullable: false, default: "'SWASTA'" }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('employers', 'kind');
    await q.dropColumn('seekers', 'desired_occupation_code');
    await q.dropColumn('seekers', 'education_code');
    await q.dropTable('reference_codes');
  }
}
