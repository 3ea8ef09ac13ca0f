import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns.js';

/** Job seekers, AK1 cards with their reports and serial counters, and the employers' card validations. */
export class SeekersCards1764230500000 implements MigrationInterface {
  name = 'SeekersCards1764230500000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'seekers',
        columns: [
          col.id(),
          // AES-256-GCM sealed NIK, and its keyed hash for uniqueness and lookup.
          col.str('nik_encrypted', 200),
          col.str('nik_hash', 64),
          col.str('full_name', 200),
          col.str('birth_place', 100),
          col.date('birth_date'),
          col.str('gender', 1),
          col.str('marital_status', 16, true),
          col.str('phone', 32, true),
          col.str('address', 500),
          col.str('kecamatan_code', 8, true),
          col.str('education_level', 8),
          col.str('major', 100, true),
          col.int('graduation_year', true),
          col.text('skills'),
          col.text('experience'),
          // Set when a hire is recorded: no longer an active job seeker (cleared by a new card).
          col.instant('placed_at', true),
          col.ref('created_by', true),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_seekers_nik_hash', columnNames: ['nik_hash'], isUnique: true }),
          new TableIndex({ name: 'IDX_seekers_created', columnNames: ['created_at'] }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'cards',
        columns: [
          col.id(),
          col.ref('seeker_id'),
          col.str('status', 16),
          // Lookup key (separators removed), unique; and the number as shown on the card.
          col.str('card_number', 40, true),
          col.str('card_number_display', 40, true),
          // The holder's NIK hash while PENDING or ACTIVE, NULL otherwise: one such card per NIK.
          col.str('active_nik_hash', 64, true),
          col.str('origin', 16),
          col.date('issued_at', true),
          col.date('expires_at', true),
          col.date('next_report_due', true),
          col.instant('requested_at'),
          col.instant('decided_at', true),
          col.ref('decided_by', true),
          col.str('status_reason', 500, true),
          col.instant('closed_at', true),
          col.ref('placement_employer_id', true),
          col.str('placement_employer_name', 200, true),
          col.date('placement_start_date', true),
          col.str('placement_source', 16, true),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_cards_card_number', columnNames: ['card_number'], isUnique: true }),
          new TableIndex({ name: 'UQ_cards_active_nik_hash', columnNames: ['active_nik_hash'], isUnique: true }),
          new TableIndex({ name: 'IDX_cards_seeker', columnNames: ['seeker_id'] }),
          new TableIndex({ name: 'IDX_cards_status_expires', columnNames: ['status', 'expires_at'] }),
          new TableIndex({ name: 'IDX_cards_status_due', columnNames: ['status', 'next_report_due'] }),
          new TableIndex({ name: 'IDX_cards_created', columnNames: ['created_at'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_cards_seeker',
            columnNames: ['seeker_id'],
            referencedTableName: 'seekers',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'card_reports',
        columns: [
          col.id(),
          col.ref('card_id'),
          col.instant('reported_at'),
          col.ref('reported_by', true),
          col.str('note', 500, true),
          col.date('due_before', true),
          col.date('due_after', true),
        ],
        indices: [new TableIndex({ name: 'IDX_card_reports_card', columnNames: ['card_id', 'reported_at'] })],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_card_reports_card',
            columnNames: ['card_id'],
            referencedTableName: 'cards',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );

    // One row per region and issue year; approvals advance it with an atomic UPDATE.
    await q.createTable(
      new Table({
        name: 'card_serials',
        columns: [
          { name: 'region_code', type: 'varchar', length: '4', isPrimary: true },
          { name: 'year', type: 'int', isPrimary: true },
          col.int('last_serial', false, 0),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'card_validations',
        columns: [
          col.id(),
          col.ref('employer_id'),
          col.ref('user_id'),
          col.ref('card_id', true),
          col.str('card_number', 40),
          col.str('channel', 16),
          col.str('result', 16),
          col.instant('checked_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_card_validations_employer_checked', columnNames: ['employer_id', 'checked_at'] }),
          new TableIndex({ name: 'IDX_card_validations_checked', columnNames: ['checked_at'] }),
          new TableIndex({ name: 'IDX_card_validations_card', columnNames: ['card_id'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('card_validations');
    await q.dropTable('card_serials');
    await q.dropTable('card_reports');
    await q.dropTable('cards');
    await q.dropTable('seekers');
  }
}
