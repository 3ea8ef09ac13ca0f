import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns.js';

/**
 * Outreach campaigns ("sosialisasi"): a message from the office to the employers an audience matched
 * when the campaign was made. The recipients are kept as rows, so the send and every later count use
 * that same set, however the employers change afterwards.
 */
export class Outreach1764232200000 implements MigrationInterface {
  name = 'Outreach1764232200000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'outreach_campaigns',
        columns: [
          col.id(),
          col.str('title', 120),
          col.text('message', false),
          // The audience as asked (JSON), its period resolved: what the recipients were matched by.
          col.text('audience', false),
          col.str('status', 16),
          // The size of the recipient set, fixed at creation like the set itself.
          col.int('recipient_count'),
          col.ref('created_by'),
          col.instant('created_at'),
          col.ref('sent_by', true),
          col.instant('sent_at', true),
        ],
        indices: [new TableIndex({ name: 'IDX_outreach_campaigns_created', columnNames: ['created_at', 'id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'outreach_recipients',
        columns: [
          { ...col.ref('campaign_id'), isPrimary: true },
          { ...col.ref('employer_id'), isPrimary: true },
        ],
        indices: [new TableIndex({ name: 'IDX_outreach_recipients_employer', columnNames: ['employer_id'] })],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_outreach_recipients_campaign',
            columnNames: ['campaign_id'],
            referencedTableName: 'outreach_campaigns',
            referencedColumnNames: ['id'],
          }),
          new TableForeignKey({
            name: 'FK_outreach_recipients_employer',
            columnNames: ['employer_id'],
            referencedTableName: 'employers',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('outreach_recipients');
    await q.dropTable('outreach_campaigns');
  }
}
