import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns.js';

/**
 * A REJECTED document not replaced within REJECTED_DOCUMENT_RETENTION_DAYS loses its file to the daily job;
 * the row stays (type, status, reason, dates) with `purged_at` set, so the checklist still says why.
 */
export class DocumentPurge1764233100000 implements MigrationInterface {
  name = 'DocumentPurge1764233100000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('seeker_documents', new TableColumn(col.instant('purged_at', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('seeker_documents', 'purged_at');
  }
}
