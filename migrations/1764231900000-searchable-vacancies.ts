import { randomUUID } from 'node:crypto';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './columns.js';

const isMysql = (q: QueryRunner) => q.connection.options.type === 'mysql' || q.connection.options.type === 'mariadb';

/**
 * The database search driver's own index (issue 15). `searchable_vacancies`: one narrow row per searchable
 * vacancy (OPEN, employer VERIFIED) with the columns filters, sorts and facets read, and composite indexes
 * that give each sort's page (and the common filters' counts) from an index. `searchable_texts`: its words,
 * under an SQLite FTS5 table or an InnoDB FULLTEXT index. `search_state`: a version that changes in every
 * transaction that changes the searchable set, so results cached by any instance are known stale at once.
 * Filled from the existing rows here; afterwards kept by src/search/searchable-vacancies.ts, whose SQL is the
 * same as below (this copy stays as it was written).
 */
export class SearchableVacancies1764231900000 implements MigrationInterface {
  name = 'SearchableVacancies1764231900000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = isMysql(q);
    await q.createTable(
      new Table({
        name: 'searchable_vacancies',
        columns: [
          // The row's number, which its words (and SQLite's FTS5 rowid) are filed under.
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          col.ref('vacancy_id'),
          col.ref('employer_id'),
          col.str('employment_type', 16),
          col.str('kecamatan_code', 8, true),
          col.int('education_rank'),
          col.str('education_min', 8),
          { name: 'requires_ak1', type: 'boolean', isNullable: false },
          // Top of the wage range: COALESCE(salary_max, salary_min).
          col.bigint('pay', true),
          col.instant('published_at'),
          col.date('closes_at'),
          // A random number replaced whenever the vacancy changes in a way its view shows but search does not
          // read (a hire counted, the location edited): the key of the views instances keep.
          col.int('revision', false, 0),
        ],
        indices: [
          new TableIndex({ name: 'UQ_searchable_vacancies_vacancy_id', columnNames: ['vacancy_id'], isUnique: true }),
        ],
      }),
    );
    // Each sort's order with the id tie-break, so a page is read from an index and stops after pageSize rows;
    // the selective filters lead their own copy of the newest order. Mixed directions need raw DDL.
    for (const [name, columns] of [
      ['IDX_searchable_newest', 'published_at DESC, vacancy_id'],
      ['IDX_searchable_closing', 'closes_at, published_at DESC, vacancy_id'],
      ['IDX_searchable_pay', 'pay DESC, published_at DESC, vacancy_id'],
      [
        'IDX_searchable_kecamatan',
        'kecamatan_code, published_at DESC, vacancy_id, education_rank, employment_type, education_min',
      ],
      ['IDX_searchable_employer', 'employer_id, published_at DESC, vacancy_id'],
      // The facet count reads this one in group order (no sort) and tests the usual filters from it.
      ['IDX_searchable_facets', 'employment_type, kecamatan_code, education_min, education_rank, pay, requires_ak1'],
    ]) {
      await q.query(`CREATE INDEX ${name} ON searchable_vacancies (${columns})`);
    }

    await q.createTable(
      new Table({
        name: 'searchable_texts',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true },
          // Title, description, skills and the employer's legal name. On MySQL reduced to its words between
          // single spaces (` kasir minimarket pt maju `), so a word the FULLTEXT index cannot look up (too
          // short, a stopword) is found with LIKE '% word %'.
          { name: 'search_text', type: mysql ? 'mediumtext' : 'text', isNullable: false },
        ],
      }),
    );
    if (mysql) {
      await q.query('ALTER TABLE searchable_texts ADD FULLTEXT INDEX FT_searchable_texts (search_text)');
    } else {
      await q.query(
        `CREATE VIRTUAL TABLE searchable_texts_fts USING fts5(search_text, content='searchable_texts', ` +
          `content_rowid='seq', tokenize='unicode61 remove_diacritics 2')`,
      );
    }

    await q.createTable(
      new Table({
        name: 'search_state',
        columns: [
          { name: 'id', type: 'int', isPrimary: true },
          // A fresh random value on every change (never a counter: a rolled-back change must not come back).
          col.str('version', 36),
        ],
      }),
    );
    await q.query('INSERT INTO search_state (id, version) VALUES (1, ?)', [randomUUID()]);

    await q.query(
      `INSERT INTO searchable_vacancies (vacancy_id, employer_id, employment_type, kecamatan_code, education_rank,
         education_min, requires_ak1, pay, published_at, closes_at)
       SELECT v.id, v.employer_id, v.employment_type, v.kecamatan_code, v.education_rank, v.education_min,
              v.requires_ak1, COALESCE(v.salary_max, v.salary_min), COALESCE(v.published_at, v.created_at), v.closes_at
         FROM vacancies v JOIN employers e ON e.id = v.employer_id
        WHERE v.status = 'OPEN' AND e.status = 'VERIFIED'`,
    );
    const notAWord = '[^\\p{L}\\p{N}\\p{M}]+';
    if (mysql) {
      // vacancies.search_text now holds only words, one space apart (vacancySearchText); MySQL's LIKE match of
      // short words relies on it. Rows that can still become searchable are brought to that form.
      await q.query(
        `UPDATE vacancies SET search_text = TRIM(REGEXP_REPLACE(search_text, ?, ' ')) WHERE status IN ('DRAFT', 'OPEN')`,
        [notAWord],
      );
    }
    const text = mysql
      ? `CONCAT(' ', v.search_text, ' ', REGEXP_REPLACE(e.legal_name, ?, ' '), ' ')`
      : `v.search_text || ' ' || e.legal_name`;
    await q.query(
      `INSERT INTO searchable_texts (seq, search_text)
       SELECT s.seq, ${text}
         FROM searchable_vacancies s JOIN vacancies v ON v.id = s.vacancy_id JOIN employers e ON e.id = v.employer_id`,
      mysql ? [notAWord] : [],
    );
    if (!mysql) await q.query(`INSERT INTO searchable_texts_fts (searchable_texts_fts) VALUES ('rebuild')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('search_state');
    if (!isMysql(q)) await q.query('DROP TABLE searchable_texts_fts');
    await q.dropTable('searchable_texts');
    await q.dropTable('searchable_vacancies');
  }
}
