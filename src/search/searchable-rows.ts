import { randomInt, randomUUID } from 'node:crypto';

// The SQL that writes the database search driver's index: used by its owner (searchable-vacancies.ts) and
// by the seed, which runs without Nest. The migration that created the tables keeps its own copy.

/**
 * The columns of `searchable_vacancies` (`seq` is generated), each with the SQL that derives it from the
 * vacancy `v` and its employer `e`: one definition for a single change, a rebuild and the seed.
 */
export const COLUMNS: [column: string, expression: string][] = [
  ['vacancy_id', 'v.id'],
  ['employer_id', 'v.employer_id'],
  ['employment_type', 'v.employment_type'],
  ['kecamatan_code', 'v.kecamatan_code'],
  ['education_rank', 'v.education_rank'],
  ['education_min', 'v.education_min'],
  ['requires_ak1', 'v.requires_ak1'],
  ['pay', 'COALESCE(v.salary_max, v.salary_min)'],
  ['published_at', 'COALESCE(v.published_at, v.created_at)'],
  ['closes_at', 'v.closes_at'],
];

/**
 * `searchable_texts.search_text`: the words of title, description and skills (`vacancies.search_text`, kept by
 * the vacancies owner, see vacancySearchText) and the employer's legal name. FTS5 tokenizes it itself; on
 * MySQL the name is cut to its words too and the whole padded with spaces (` kasir minimarket pt maju `), so a
 * word the FULLTEXT index does not hold (too short, a stopword) is found with LIKE '% word %'
 * (search-terms.ts). The MySQL form has one bound parameter, NOT_A_WORD (see withText).
 */
export function textExpression(mysql: boolean): string {
  return mysql
    ? `CONCAT(' ', v.search_text, ' ', REGEXP_REPLACE(e.legal_name, ?, ' '), ' ')`
    : `v.search_text || ' ' || e.legal_name`;
}

/** Anything that is not part of a word: a letter, digit or combining mark (as searchWords cuts text). */
const NOT_A_WORD = '[^\\p{L}\\p{N}\\p{M}]+';

/** The parameters of a statement whose text expression comes before the others. */
export const withText = (mysql: boolean, params: unknown[]) => (mysql ? [NOT_A_WORD, ...params] : params);

/** A fresh `revision`: random, so a value a rolled-back change wrote never comes back for another content. */
export const newRevision = () => randomInt(1, 2 ** 31 - 1);

/** Only OPEN vacancies of VERIFIED employers are searchable. */
export const SEARCHABLE = `v.status = 'OPEN' AND e.status = 'VERIFIED'`;

export const FROM = 'FROM vacancies v JOIN employers e ON e.id = v.employer_id';

type Query = (sql: string, params: unknown[]) => Promise<unknown>;

/** INSERT … SELECT of the searchable rows (a WHERE to extend), its one parameter the new rows' revision. */
function insertRows(): string {
  const names = [...COLUMNS.map(([c]) => c), 'revision'].join(', ');
  const values = [...COLUMNS.map(([, e]) => e), '?'].join(', ');
  return `INSERT INTO searchable_vacancies (${names}) SELECT ${values} ${FROM} WHERE ${SEARCHABLE}`;
}

/** Which rows a write touches: one vacancy's, or those of every vacancy of one employer. */
export type RowScope = { vacancyId: string } | { employerId: string };

function scoped(scope: RowScope): { rows: string; sources: string; param: string } {
  return 'vacancyId' in scope
    ? { rows: 's.vacancy_id = ?', sources: 'v.id = ?', param: scope.vacancyId }
    : { rows: 's.employer_id = ?', sources: 'v.employer_id = ?', param: scope.employerId };
}

/**
 * Removes the scope's rows and their words. SQLite's FTS5 table indexes `searchable_texts` as external
 * content, so its entries go first, given the text they were made from.
 */
export async function removeRows(query: Query, mysql: boolean, scope: RowScope): Promise<void> {
  const { rows, param } = scoped(scope);
  if (!mysql) {
    await query(
      `INSERT INTO searchable_texts_fts (searchable_texts_fts, rowid, search_text)
       SELECT 'delete', t.seq, t.search_text
         FROM searchable_vacancies s JOIN searchable_texts t ON t.seq = s.seq WHERE ${rows}`,
      [param],
    );
  }
  await query(`DELETE FROM searchable_texts WHERE seq IN (SELECT s.seq FROM searchable_vacancies s WHERE ${rows})`, [
    param,
  ]);
  await query(`DELETE FROM searchable_vacancies WHERE ${rows.replace('s.', '')}`, [param]);
}

/** Writes the rows and words of the scope's searchable vacancies (none when nothing in it is searchable). */
export async function addRows(query: Query, mysql: boolean, scope: RowScope): Promise<void> {
  const { rows, sources, param } = scoped(scope);
  // A new revision: a row written again (an edited title, a returning employer) must not carry the number of
  // the row it replaces, or instances would keep showing the view they read before.
  await query(`${insertRows()} AND ${sources}`, [newRevision(), param]);
  await query(
    `INSERT INTO searchable_texts (seq, search_text)
     SELECT s.seq, ${textExpression(mysql)}
       FROM searchable_vacancies s JOIN vacancies v ON v.id = s.vacancy_id JOIN employers e ON e.id = v.employer_id
      WHERE ${rows}`,
    withText(mysql, [param]),
  );
  if (!mysql) {
    await query(
      `INSERT INTO searchable_texts_fts (rowid, search_text)
       SELECT t.seq, t.search_text FROM searchable_vacancies s JOIN searchable_texts t ON t.seq = s.seq WHERE ${rows}`,
      [param],
    );
  }
}

/** A new random version of the searchable set (never a counter: a rolled-back change must not bring its number back). */
export async function bumpVersion(query: Query): Promise<void> {
  await query('UPDATE search_state SET version = ? WHERE id = 1', [randomUUID()]);
}

/**
 * Fills the index from scratch with every OPEN vacancy of a VERIFIED employer, a statement per table rather
 * than row by row (SQLite's FTS5 table is built in one pass, 'rebuild', several times faster than entry by
 * entry), and gives the set a new version; answers how many rows. For `npm run search:reindex` with the
 * database driver and for the seed.
 */
export async function fillSearchableVacancies(query: Query, mysql: boolean): Promise<number> {
  await query('DELETE FROM searchable_texts', []);
  await query('DELETE FROM searchable_vacancies', []);
  await query(insertRows(), [newRevision()]);
  await query(
    `INSERT INTO searchable_texts (seq, search_text)
     SELECT s.seq, ${textExpression(mysql)}
       FROM searchable_vacancies s JOIN vacancies v ON v.id = s.vacancy_id JOIN employers e ON e.id = v.employer_id`,
    withText(mysql, []),
  );
  if (!mysql) await query(`INSERT INTO searchable_texts_fts (searchable_texts_fts) VALUES ('rebuild')`, []);
  await bumpVersion(query);
  const [{ n }] = (await query('SELECT COUNT(*) AS n FROM searchable_vacancies', [])) as { n: number | string }[];
  return Number(n);
}
