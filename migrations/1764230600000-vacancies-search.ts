import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns.js';

/** Vacancies (the legal vacancy report) and the outbox that keeps the Meilisearch index in step. */
export class VacanciesSearch1764230600000 implements MigrationInterface {
  name = 'VacanciesSearch1764230600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'vacancies',
        columns: [
          col.id(),
          col.ref('employer_id'),
          col.str('status', 16),
          col.str('title', 200),
          { name: 'description', type: 'text', isNullable: false },
          col.str('occupation_code', 4, true),
          col.str('education_min', 8),
          // Rank of education_min (SMA = SMK), so "open to someone with level X" is one comparison.
          col.int('education_rank'),
          col.str('major', 200, true),
          // JSON array of the skills as the employer wrote them.
          { name: 'skills', type: 'text', isNullable: false },
          col.int('experience_years_min', true),
          col.int('age_min', true),
          col.int('age_max', true),
          col.str('gender_requirement', 3),
          col.str('employment_type', 16),
          col.bigint('salary_min', true),
          col.bigint('salary_max', true),
          col.str('kecamatan_code', 8, true),
          col.str('location', 300),
          col.int('quota'),
          // Number of placements recorded against this vacancy, kept in the placement's transaction.
          col.int('filled', false, 0),
          col.date('closes_at'),
          col.bool('requires_ak1', true),
          // Lower-cased title, description and skills: what the database search driver matches words in.
          { name: 'search_text', type: 'text', isNullable: false },
          col.instant('published_at', true),
          col.instant('closed_at', true),
          col.str('closed_reason', 24, true),
          col.str('close_note', 500, true),
          col.ref('created_by'),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_vacancies_status_published', columnNames: ['status', 'published_at'] }),
          new TableIndex({ name: 'IDX_vacancies_status_closes', columnNames: ['status', 'closes_at'] }),
          new TableIndex({ name: 'IDX_vacancies_employer', columnNames: ['employer_id', 'status'] }),
          new TableIndex({ name: 'IDX_vacancies_published', columnNames: ['published_at'] }),
          new TableIndex({ name: 'IDX_vacancies_closed', columnNames: ['closed_at'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_vacancies_employer',
            columnNames: ['employer_id'],
            referencedTableName: 'employers',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'search_outbox',
        columns: [
          // Increasing sequence: the worker delivers oldest first and deletes exactly what it delivered.
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          col.str('entity_type', 16),
          col.ref('entity_id'),
          col.instant('enqueued_at'),
          col.int('attempts', false, 0),
          col.instant('next_attempt_at'),
          col.str('last_error', 500, true),
        ],
        indices: [new TableIndex({ name: 'IDX_search_outbox_due', columnNames: ['next_attempt_at'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('search_outbox');
    await q.dropTable('vacancies');
  }
}
