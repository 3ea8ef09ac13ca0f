import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * `GET /monitoring/outcomes` reads the cards placed, revoked or withdrawn in a period: a range of
 * `closed_at` per status. Without this index the only way in was cards(status, expires_at), which
 * reads every closed card of those statuses ever (a quarter of the register at national scale) to
 * keep the period's few. With it, each status is one index range, and the month is read from the
 * index alone. Expired cards use cards(status, expires_at); vacancies use the existing
 * vacancies(closed_reason, closed_at) and vacancies(status, closes_at).
 */
export class OutcomeIndexes1764232600000 implements MigrationInterface {
  name = 'OutcomeIndexes1764232600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      'cards',
      new TableIndex({ name: 'IDX_cards_status_closed', columnNames: ['status', 'closed_at'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('cards', 'IDX_cards_status_closed');
  }
}
