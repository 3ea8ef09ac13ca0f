import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns.js';

/**
 * The documents a job seeker hands in for the card's checklist (docs/documents.md): one current document
 * per seeker and type (a new upload deletes the older one), and their bytes when STORAGE_DRIVER=database
 * (`longblob` on MySQL, `blob` on SQLite), in a table of their own so that lists never read them.
 */
export class SeekerDocuments1764232700000 implements MigrationInterface {
  name = 'SeekerDocuments1764232700000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type === 'mysql' || q.connection.options.type === 'mariadb';
    await q.createTable(
      new Table({
        name: 'seeker_documents',
        columns: [
          col.id(),
          col.ref('seeker_id'),
          col.str('type', 16),
          col.str('content_type', 32),
          col.int('size'),
          col.str('status', 16),
          col.str('reject_reason', 500, true),
          col.str('storage_key', 64),
          col.str('sha256', 64),
          col.ref('uploaded_by'),
          col.instant('uploaded_at'),
          col.ref('decided_by', true),
          col.instant('decided_at', true),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_seeker_documents_seeker_id_type',
            columnNames: ['seeker_id', 'type'],
            isUnique: true,
          }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_seeker_documents_seeker',
            columnNames: ['seeker_id'],
            referencedTableName: 'seekers',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'document_blobs',
        columns: [
          { ...col.str('storage_key', 64), isPrimary: true },
          { name: 'content', type: mysql ? 'longblob' : 'blob', isNullable: false },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('document_blobs');
    await q.dropTable('seeker_documents');
  }
}
