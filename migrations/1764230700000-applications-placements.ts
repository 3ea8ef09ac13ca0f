import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns.js';

/** Applications to vacancies, recorded hires (placements), and stored responses for idempotent requests. */
export class ApplicationsPlacements1764230700000 implements MigrationInterface {
  name = 'ApplicationsPlacements1764230700000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'applications',
        columns: [
          col.id(),
          col.ref('vacancy_id'),
          col.ref('seeker_id'),
          // Copied from the vacancy so that tenant checks and employer lists need no join.
          col.ref('employer_id'),
          col.str('status', 16),
          col.str('closed_reason', 24, true),
          col.text('cover_letter'),
          col.instant('applied_at'),
          col.instant('decided_at', true),
          col.ref('decided_by', true),
          col.instant('updated_at'),
        ],
        indices: [
          // One application per seeker and vacancy: a double click is a 409, never two rows.
          new TableIndex({
            name: 'UQ_applications_vacancy_id_seeker_id',
            columnNames: ['vacancy_id', 'seeker_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_applications_seeker_status', columnNames: ['seeker_id', 'status'] }),
          new TableIndex({ name: 'IDX_applications_vacancy_status', columnNames: ['vacancy_id', 'status'] }),
          new TableIndex({ name: 'IDX_applications_employer_applied', columnNames: ['employer_id', 'applied_at'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_applications_vacancy',
            columnNames: ['vacancy_id'],
            referencedTableName: 'vacancies',
            referencedColumnNames: ['id'],
          }),
          new TableForeignKey({
            name: 'FK_applications_seeker',
            columnNames: ['seeker_id'],
            referencedTableName: 'seekers',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'placements',
        columns: [
          col.id(),
          col.ref('seeker_id'),
          col.ref('employer_id', true),
          col.str('employer_name', 200),
          col.ref('vacancy_id', true),
          col.ref('application_id', true),
          col.ref('card_id', true),
          col.str('card_number', 40, true),
          col.date('start_date'),
          col.str('position', 200, true),
          col.str('source', 16),
          col.ref('recorded_by'),
          col.instant('recorded_at'),
        ],
        indices: [
          // An application is hired at most once.
          new TableIndex({ name: 'UQ_placements_application_id', columnNames: ['application_id'], isUnique: true }),
          new TableIndex({ name: 'IDX_placements_seeker', columnNames: ['seeker_id'] }),
          new TableIndex({ name: 'IDX_placements_vacancy', columnNames: ['vacancy_id'] }),
          new TableIndex({ name: 'IDX_placements_employer_recorded', columnNames: ['employer_id', 'recorded_at'] }),
          new TableIndex({ name: 'IDX_placements_recorded', columnNames: ['recorded_at'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_placements_seeker',
            columnNames: ['seeker_id'],
            referencedTableName: 'seekers',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [
          col.id(),
          col.ref('user_id'),
          col.str('idem_key', 200),
          col.str('route', 100),
          col.str('request_hash', 64),
          col.int('status_code', true),
          col.text('response_body'),
          col.instant('created_at'),
          col.instant('completed_at', true),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_idempotency_keys_user_id_idem_key',
            columnNames: ['user_id', 'idem_key'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_idempotency_keys_created', columnNames: ['created_at'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('idempotency_keys');
    await q.dropTable('placements');
    await q.dropTable('applications');
  }
}
