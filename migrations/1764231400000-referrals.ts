import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns.js';

/**
 * Referrals: the office refers a job seeker holding an active AK1 card to an open vacancy (antar kerja).
 * One referral per seeker and vacancy, kept by a unique key so two officers clicking at once make one row.
 */
export class Referrals1764231400000 implements MigrationInterface {
  name = 'Referrals1764231400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'referrals',
        columns: [
          col.id(),
          col.ref('vacancy_id'),
          col.ref('seeker_id'),
          // Copied from the vacancy, so that the employer's lists and tenant checks need no join.
          col.ref('employer_id'),
          col.text('note'),
          col.ref('referred_by'),
          col.instant('referred_at'),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_referrals_vacancy_id_seeker_id',
            columnNames: ['vacancy_id', 'seeker_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_referrals_seeker_referred', columnNames: ['seeker_id', 'referred_at'] }),
          new TableIndex({ name: 'IDX_referrals_employer', columnNames: ['employer_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_referrals_vacancy',
            columnNames: ['vacancy_id'],
            referencedTableName: 'vacancies',
            referencedColumnNames: ['id'],
          }),
          new TableForeignKey({
            name: 'FK_referrals_seeker',
            columnNames: ['seeker_id'],
            referencedTableName: 'seekers',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('referrals');
  }
}
