import { LocalSearchChanges } from './local-search-changes.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { SearchIndexer } from './search-indexer.js';
import {
  addRows,
  bumpVersion,
  COLUMNS,
  fillSearchableVacancies,
  FROM,
  newRevision,
  removeRows,
  SEARCHABLE,
  textExpression,
  withText,
} from './searchable-rows.js';

/**
 * The owner of the database driver's index: `searchable_vacancies` (one row per OPEN vacancy of a VERIFIED
 * employer: the filter and sort columns and the words, with SQLite's FTS5 table or MySQL's FULLTEXT index on
 * them) and `search_state` (the version of that set). The vacancies and employers owners tell it about every
 * change inside their transactions, so search shows a change as soon as it commits, and the set's version
 * changes in the same commit whenever the set does (what the result cache keys on). It also writes the
 * Meilisearch outbox row of the change, so a change reaches every search index from this one call.
 *
 * On MySQL, concurrent transactions each bring the rows in step with what they see, and an employer's change
 * first locks its vacancies: a vacancy being changed is then waited for, and one changed afterwards
 * (or created, whose foreign key waits for the employer's row) is written after the employer's change commits,
 * reading it. So a suspension and an edit of one of its vacancies committing side by side cannot leave a row
 * that neither would have written.
 */
@Injectable()
export class SearchableVacancies {
  private readonly mysql: boolean;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: SearchIndexer,
    private readonly local: LocalSearchChanges,
  ) {
    this.mysql = ds.options.type === 'mysql';
  }

  /**
   * The current version of the searchable set (null before the first migration made its row). Whatever is
   * read after it is at least that new, so a copy kept under it is never older than its version.
   */
  async version(): Promise<string | null> {
    const [state]: { version: string }[] = await this.ds.query('SELECT version FROM search_state WHERE id = 1');
    return state?.version ?? null;
  }

  /**
   * A vacancy was created or changed (published, edited, closed, expired, hired against, filled): its row is
   * written, rewritten or removed as needed, with a new version of the set. A change search does not read (a
   * hire that does not fill the vacancy, an edit of its location) keeps the version, so cached results stay;
   * only the row's revision changes, so the vacancy's cached view is read again. `requirementsChanged`: a
   * requirement only matching reads changed (age, gender, experience): the set gets a new version all the same,
   * because the recommendations' pool of open vacancies is kept per version too (MatchingService).
   */
  async vacancyChanged(
    m: EntityManager,
    vacancyId: string,
    { requirementsChanged = false }: { requirementsChanged?: boolean } = {},
  ): Promise<void> {
    await this.refreshVacancy(m, vacancyId, requirementsChanged);
    await this.outbox.enqueue(m, 'vacancy', vacancyId);
    this.local.touched(m);
  }

  /**
   * A hire was counted against a vacancy that stays OPEN: nothing search reads changed (the set, the words, the
   * sort keys), only the vacancy's view (positions left). One statement: the row's revision, so instances read
   * the view again. (A hire that fills it is a `vacancyChanged`: the vacancy leaves search.)
   */
  async vacancyCounted(m: EntityManager, vacancyId: string): Promise<void> {
    await m.query('UPDATE searchable_vacancies SET revision = ? WHERE vacancy_id = ?', [newRevision(), vacancyId]);
    await this.outbox.enqueue(m, 'vacancy', vacancyId);
    this.local.touched(m);
  }

  /**
   * An employer's status or legal name changed: its vacancies' rows are removed and the searchable ones
   * written again (a suspension empties them, a reinstatement brings the open ones back, a new name is found).
   */
  async employerChanged(m: EntityManager, employerId: string): Promise<void> {
    // Exclusive: InnoDB puts a shared lock only on the index it read, which an edit by primary key never meets.
    if (this.mysql) await m.query('SELECT id FROM vacancies WHERE employer_id = ? FOR UPDATE', [employerId]);
    const query = (sql: string, params: unknown[]) => m.query(sql, params);
    await removeRows(query, this.mysql, { employerId });
    await addRows(query, this.mysql, { employerId });
    await bumpVersion(query);
    await this.outbox.enqueue(m, 'employer', employerId);
    this.local.touched(m);
  }

  /** Rebuilds every row from the vacancies and employers (`npm run search:reindex`); answers how many. */
  async rebuild(m: EntityManager): Promise<number> {
    const n = await fillSearchableVacancies((sql, params) => m.query(sql, params), this.mysql);
    this.local.touched(m);
    return n;
  }

  private async refreshVacancy(m: EntityManager, vacancyId: string, requirementsChanged: boolean): Promise<void> {
    const derived = [...COLUMNS.map(([c, e]) => [`s.${c}`, e]), ['t.search_text', textExpression(this.mysql)]];
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT CASE WHEN ${SEARCHABLE} THEN 1 ELSE 0 END AS searchable, s.seq AS seq,
              ${derived.map(([stored, expression], i) => `${expression} AS w${i}, ${stored} AS c${i}`).join(', ')}
         ${FROM} LEFT JOIN searchable_vacancies s ON s.vacancy_id = v.id LEFT JOIN searchable_texts t ON t.seq = s.seq
        WHERE v.id = ?`,
      withText(this.mysql, [vacancyId]),
    );
    const row = rows[0];
    const present = row !== undefined && row.seq !== null;
    const searchable = row !== undefined && Number(row.searchable) === 1;
    if (!present && !searchable) return;
    const query = (sql: string, params: unknown[]) => m.query(sql, params);
    if (present && searchable && derived.every((_, i) => same(row[`w${i}`], row[`c${i}`]))) {
      // Nothing search reads changed, so the version stays (unless matching's requirements did); the views
      // instances keep of it are stale.
      await query('UPDATE searchable_vacancies SET revision = ? WHERE vacancy_id = ?', [newRevision(), vacancyId]);
      if (requirementsChanged) await bumpVersion(query);
      return;
    }
    if (present) await removeRows(query, this.mysql, { vacancyId });
    if (searchable) await addRows(query, this.mysql, { vacancyId });
    await bumpVersion(query);
  }
}

/** The derived value and the stored one are equal (as the driver returns them: dates, numbers, strings). */
function same(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (a instanceof Date || b instanceof Date) return new Date(a as Date).getTime() === new Date(b as Date).getTime();
  return String(a) === String(b);
}
