import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns.js';

/**
 * The applicant's consent to show their phone and email to the vacancy's employer (UU PDP No. 27/2022):
 * the current choice on the application (off unless given), and every choice made, in an append-only log.
 */
export class ApplicationConsent1764231500000 implements MigrationInterface {
  name = 'ApplicationConsent1764231500000';

  async up(q: QueryRunner): Promise<void> {
    // Applications made before consent was asked for never gave it.
    await q.addColumn('applications', new TableColumn(col.bool('share_contact', false)));
    await q.createTable(
      new Table({
        name: 'application_consents',
        columns: [
          col.id(),
          col.ref('application_id'),
          col.ref('seeker_id'),
          col.bool('share_contact', false),
          // The signed-in user who made the choice (the seeker's own account).
          col.ref('recorded_by'),
          col.instant('recorded_at'),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_application_consents_application',
            columnNames: ['application_id', 'recorded_at'],
          }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_application_consents_application',
            columnNames: ['application_id'],
            referencedTableName: 'applications',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('application_consents');
    await q.dropColumn('applications', 'share_contact');
  }
}
