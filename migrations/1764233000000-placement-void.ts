import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns.js';

/**
 * Voiding a mistaken placement (`POST /placements/:id/void`): a placement is RECORDED or VOID, with who
 * voided it, when and why. The "an application is hired at most once" key now holds live placements only:
 * it moves to (application_id, live), `live` being 1 while RECORDED and NULL once VOID (NULLs never
 * collide), so the application of a voided hire can be hired again.
 */
export class PlacementVoid1764233000000 implements MigrationInterface {
  name = 'PlacementVoid1764233000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('placements', [
      new TableColumn({ name: 'status', type: 'varchar', length: '8', isNullable: false, default: "'RECORDED'" }),
      new TableColumn(col.instant('voided_at', true)),
      new TableColumn(col.ref('voided_by', true)),
      new TableColumn(col.str('void_reason', 500, true)),
      new TableColumn({ name: 'live', type: 'int', isNullable: true, default: 1 }),
    ]);
    await q.dropIndex('placements', 'UQ_placements_application_id');
    await q.createIndex(
      'placements',
      new TableIndex({ name: 'UQ_placements_application_id', columnNames: ['application_id', 'live'], isUnique: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('placements', 'UQ_placements_application_id');
    await q.query('DELETE FROM placements WHERE live IS NULL');
    await q.createIndex(
      'placements',
      new TableIndex({ name: 'UQ_placements_application_id', columnNames: ['application_id'], isUnique: true }),
    );
    for (const c of ['live', 'void_reason', 'voided_by', 'voided_at', 'status']) await q.dropColumn('placements', c);
  }
}
