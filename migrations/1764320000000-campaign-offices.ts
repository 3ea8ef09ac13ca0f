import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns.js';

/**
 * Outreach campaigns belong to an office (issue 20): `outreach_campaigns.office_id`, the office of the
 * officer who wrote it. Nullable here like the other owned tables: the first office is made at start,
 * which then gives it every campaign written before (OfficesService.onModuleInit); until then a NULL
 * counts as the first office's (OfficeScope).
 */
export class CampaignOffices1764320000000 implements MigrationInterface {
  name = 'CampaignOffices1764320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('outreach_campaigns', new TableColumn(col.ref('office_id', true)));
    await q.createIndex(
      'outreach_campaigns',
      new TableIndex({ name: 'IDX_outreach_campaigns_office_id', columnNames: ['office_id'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('outreach_campaigns', 'IDX_outreach_campaigns_office_id');
    await q.dropColumn('outreach_campaigns', 'office_id');
  }
}
