import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns.js';

/**
 * What an employer said about a vacancy that closed with positions unfilled: the hires it made
 * (recorded as placements of the vacancy) and why the rest stayed open. One row per vacancy.
 */
export class VacancyOutcomes1764232400000 implements MigrationInterface {
  name = 'VacancyOutcomes1764232400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'vacancy_outcomes',
        columns: [
          { ...col.ref('vacancy_id'), isPrimary: true },
          col.ref('employer_id'),
          col.str('unfilled_reason', 32, true),
          col.str('note', 500, true),
          col.ref('recorded_by'),
          col.instant('recorded_at'),
          col.instant('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_vacancy_outcomes_employer', columnNames: ['employer_id'] }),
          new TableIndex({ name: 'IDX_vacancy_outcomes_reason', columnNames: ['unfilled_reason', 'recorded_at'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_vacancy_outcomes_vacancy',
            columnNames: ['vacancy_id'],
            referencedTableName: 'vacancies',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('vacancy_outcomes');
  }
}
