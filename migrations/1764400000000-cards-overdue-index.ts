import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The monitoring summary counts an office's cards whose report is overdue (ACTIVE, not expired, due before
 * the office's threshold). With only `(status, next_report_due)` that read every matching card's row for its
 * office and expiry: ~12 ms at city scale, ~50 ms with grace days (the threshold is then a CASE per office, so
 * every ACTIVE card is checked). This index answers it from the index alone: 2 and 11 ms.
 */
export class CardsOverdueIndex1764400000000 implements MigrationInterface {
  name = 'CardsOverdueIndex1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      'cards',
      new TableIndex({
        name: 'IDX_cards_office_status_due_expires',
        columnNames: ['office_id', 'status', 'next_report_due', 'expires_at'],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('cards', 'IDX_cards_office_status_due_expires');
  }
}
