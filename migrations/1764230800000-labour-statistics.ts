import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns.js';

/**
 * The labour-market event history behind the IPK reports (one row per event, never changed), and its
 * monthly roll-up, kept in the same transactions, from which reports are read.
 */
export class LabourStatistics1764230800000 implements MigrationInterface {
  name = 'LabourStatistics1764230800000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'labour_events',
        columns: [
          col.id(),
          col.date('event_date'),
          col.str('subject', 8),
          col.str('kind', 12),
          col.str('sex', 3),
          col.str('age_band', 8),
          col.str('education', 8),
          col.int('positions'),
          col.ref('ref_id'),
          col.instant('recorded_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_labour_events_date', columnNames: ['event_date'] }),
          new TableIndex({ name: 'IDX_labour_events_ref', columnNames: ['ref_id', 'kind'] }),
        ],
      }),
    );
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
    // Event counts of the monitoring summary filter cards by issue date.
    await q.createIndex('cards', new TableIndex({ name: 'IDX_cards_issued', columnNames: ['issued_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('cards', 'IDX_cards_issued');
    await q.dropTable('labour_monthly');
    await q.dropTable('labour_events');
  }
}
