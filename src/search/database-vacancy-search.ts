import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { pageWindow } from '../common/http/pagination.js';
import { educationRank } from '../common/reference/education.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PreparedStatements } from '../database/prepared-statements.js';
import { toVacancyView, Vacancy, type VacancyView } from '../vacancies/vacancy.entity.js';
import { LocalSearchChanges } from './local-search-changes.js';
import { LruMap } from '../common/lru-map.js';
import { SearchCache } from './search-cache.js';
import {
  fts5Query,
  INNODB_DEFAULT_STOPWORDS,
  INNODB_DEFAULTS,
  mysqlTextPlan,
  searchTerms,
  type InnodbFulltext,
} from './search-terms.js';
import {
  UNSPECIFIED_KECAMATAN,
  VacancySearch,
  type VacancyFacets,
  type VacancyQuery,
  type VacancySearchResult,
  type VacancySort,
} from './vacancy-search.js';

/** Each sort with the id tie-break, in the order of the composite indexes of `searchable_vacancies`. */
const ORDER: Record<VacancySort, string> = {
  newest: 's.published_at DESC, s.vacancy_id',
  closing: 's.closes_at, s.published_at DESC, s.vacancy_id',
  // NULL sorts lowest on both engines, so vacancies stating no wage come last.
  salary: 's.pay DESC, s.published_at DESC, s.vacancy_id',
};

/** Vacancy views kept per cached result (a page shows 20 by default; most pages share their vacancies). */
const VIEWS_PER_ENTRY = 5;

const marks = (values: unknown[]) => values.map(() => '?').join(', ');

/** A view shared between searches must not be changed by any of them. */
function frozen(view: VacancyView): VacancyView {
  Object.freeze(view.employer);
  Object.freeze(view.skills);
  return Object.freeze(view);
}

interface Counted {
  total: number;
  facets: VacancyFacets;
}

/**
 * Search on the database's own full-text index: `searchable_vacancies` (one row per OPEN vacancy of a VERIFIED
 * employer, kept by SearchableVacancies in the writers' transactions) with SQLite FTS5 or an InnoDB FULLTEXT
 * index for the words and composite indexes for the filters and sorts, so a page is read from an index.
 * The page's ids and the total with the facets are cached per version of the searchable set, and the
 * vacancies' views per revision of their rows: a repeated search is one statement that checks both.
 * See docs/search.md.
 */
@Injectable()
export class DatabaseVacancySearch extends VacancySearch {
  private readonly logger = new Logger('DatabaseVacancySearch');
  private readonly mysql: boolean;
  private readonly cache: SearchCache;
  /** Views of searchable vacancies, each with the revision of its row when it was read. */
  private readonly keptViews: LruMap<string, { revision: number; view: VacancyView }>;
  /**
   * Answers given within the last SEARCH_FRESH_MS, with the local change count they were computed under: a
   * repeat inside that window, with no local change since, is answered without a statement.
   */
  private readonly fresh: LruMap<string, { at: number; epoch: number; result: VacancySearchResult }>;
  private readonly freshMs: number;
  /** MySQL: what the FULLTEXT index can look up, read once before the first search (fulltextReady). */
  private fulltext: InnodbFulltext = INNODB_DEFAULTS;
  private fulltextRead: Promise<void> | null = null;

  private readonly vacancyColumns: ColumnMetadata[];

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly statements: PreparedStatements,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly local: LocalSearchChanges,
  ) {
    super();
    this.freshMs = config.search.cacheEntries === 0 ? 0 : config.search.freshMs;
    this.fresh = new LruMap(Math.max(1, config.search.cacheEntries));
    this.mysql = ds.options.type === 'mysql';
    this.cache = new SearchCache(config.search.cacheEntries);
    this.keptViews = new LruMap(config.search.cacheEntries * VIEWS_PER_ENTRY);
    // What a vacancy's view shows: not the words kept for the index, nor who typed it in.
    const unseen = new Set(['searchText', 'educationRank', 'createdBy']);
    this.vacancyColumns = ds.getMetadata(Vacancy).columns.filter((c) => !unseen.has(c.propertyName));
  }

  async search(query: VacancyQuery): Promise<VacancySearchResult> {
    const { page, pageSize, skip } = pageWindow(query);
    const sort = query.sort ?? 'newest';
    const terms = searchTerms(query.q);
    const filters = {
      terms,
      educationRank: query.educationLevel ? educationRank(query.educationLevel) : null,
      kecamatanCode: query.kecamatanCode ?? null,
      // `1671` → the kecamatan codes `16.71.…` (a prefix match, which the kecamatan index serves).
      kecamatanPrefix: query.regencyCode ? `${query.regencyCode.slice(0, 2)}.${query.regencyCode.slice(2)}.%` : null,
      employmentType: query.employmentType ?? null,
      requiresAk1: query.requiresAk1 ?? null,
      salaryMin: query.salaryMin ?? null,
      employerId: query.employerId?.toLowerCase() ?? null,
    };
    const key = JSON.stringify(filters);
    const pageKey = `page ${sort} ${skip} ${pageSize} ${key}`;
    if (this.freshMs === 0) return this.answer(filters, sort, page, pageSize, skip, key, pageKey);
    const now = Date.now();
    const recent = this.fresh.get(pageKey);
    if (recent && recent.epoch === this.local.epoch && now - recent.at < this.freshMs && now >= recent.at)
      return { ...recent.result, items: [...recent.result.items], facets: copyFacets(recent.result.facets) };
    // The count before reading: a local commit while the answer is computed makes it stale at once.
    const epoch = this.local.epoch;
    const result = await this.answer(filters, sort, page, pageSize, skip, key, pageKey);
    if (!this.sqliteTransactionOpen())
      this.fresh.set(pageKey, {
        at: now,
        epoch,
        result: { ...result, items: [...result.items], facets: copyFacets(result.facets) },
      });
    return result;
  }

  private async answer(
    filters: Filters,
    sort: VacancySort,
    page: number,
    pageSize: number,
    skip: number,
    key: string,
    pageKey: string,
  ): Promise<VacancySearchResult> {
    const countKey = `count ${key}`;
    await this.fulltextReady();
    // A search asked before: one statement tells whether the set is still at that version and gives the
    // revisions of the page's rows.
    const known = this.cache.peek<string[]>(pageKey);
    const knownCount = this.cache.peek<Counted>(countKey);
    let version: string | undefined;
    if (known && knownCount?.version === known.version) {
      const state = await this.state(known.value);
      if (state.version === known.version) {
        const items = await this.views(known.value, state.revisions);
        return { items, page, pageSize, total: knownCount.value.total, facets: copyFacets(knownCount.value.facets) };
      }
      version = state.version;
    }
    version ??= (await this.state([])).version;
    const cached = <T>(k: string, compute: () => Promise<T>) => this.cached(version, k, compute);
    const [ids, counted] = await Promise.all([
      cached(pageKey, () => this.pageIds(filters, sort, skip, pageSize)),
      cached(countKey, () => this.countAndFacets(filters)),
    ]);
    // A vacancy that stopped being searchable since the ids were found is left out, as with Meilisearch.
    const items = await this.load(ids, { searchableOnly: true });
    return { items, page, pageSize, total: counted.total, facets: copyFacets(counted.facets) };
  }

  /**
   * Vacancies by id, in the order given, as the API shows them; with `searchableOnly`, those no longer
   * OPEN or whose employer is no longer VERIFIED are left out.
   *
   * Searchable ones are read through their rows' revisions (one narrow read): a view kept from an earlier
   * search is used while its row's revision is the same (every change to the vacancy or its employer replaces
   * it, see SearchableVacancies), and only the others are read from the vacancies.
   */
  async load(ids: string[], options: { searchableOnly?: boolean } = {}): Promise<VacancyView[]> {
    if (ids.length === 0) return [];
    if (!options.searchableOnly) return this.read(ids, false);
    return this.views(ids, (await this.state(ids)).revisions);
  }

  /**
   * The version of the searchable set (changed by every transaction that changes the set) and the revisions of
   * the rows of `ids` that are searchable, in one statement.
   */
  private async state(ids: string[]): Promise<{ version: string; revisions: Map<string, number> }> {
    const rows = await this.statements.execute<{ state: number | string; id: string; revision: number | string }>(
      `SELECT 1 AS state, version AS id, 0 AS revision FROM search_state WHERE id = 1` +
        (ids.length === 0
          ? ''
          : ` UNION ALL SELECT 0, vacancy_id, revision FROM searchable_vacancies WHERE vacancy_id IN (${marks(ids)})`),
      ids,
    );
    const revisions = new Map<string, number>();
    let version = '';
    for (const r of rows) {
      if (Number(r.state) === 1) version = r.id;
      else revisions.set(r.id, Number(r.revision));
    }
    return { version, revisions };
  }

  /** Views of the searchable ones of `ids`, in their order: kept ones while their row's revision is unchanged. */
  private async views(ids: string[], revisionOf: Map<string, number>): Promise<VacancyView[]> {
    const kept = new Map<string, VacancyView>();
    for (const [id, revision] of revisionOf) {
      const view = this.keptViews.get(id);
      if (view?.revision === revision) kept.set(id, view.view);
    }
    const missing = [...revisionOf.keys()].filter((id) => !kept.has(id));
    if (missing.length > 0) {
      const keep = !this.sqliteTransactionOpen();
      for (const view of await this.read(missing, true)) {
        kept.set(view.id, view);
        if (keep && !this.sqliteTransactionOpen())
          this.keptViews.set(view.id, { revision: revisionOf.get(view.id)!, view: frozen(view) });
      }
    }
    return ids.flatMap((id) => kept.get(id) ?? []);
  }

  /** The vacancies, in the order given, in one statement with their employers. */
  private async read(ids: string[], searchableOnly: boolean): Promise<VacancyView[]> {
    const rows = await this.statements.execute<Record<string, unknown>>(
      `SELECT ${this.vacancyColumns.map((c) => `v.${c.databaseName}`).join(', ')},
              e.legal_name AS employer_legal_name, e.status AS employer_status
         FROM vacancies v JOIN employers e ON e.id = v.employer_id
        WHERE v.id IN (${marks(ids)})`,
      ids,
    );
    const byId = new Map(rows.map((r) => [String(r.id), r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const v = this.hydrate(row);
      if (searchableOnly && (v.status !== 'OPEN' || row.employer_status !== 'VERIFIED')) return [];
      return [toVacancyView(v, { id: v.employerId, legalName: String(row.employer_legal_name) })];
    });
  }

  /** Each column converted as TypeORM converts it when it loads the entity. */
  private hydrate(row: Record<string, unknown>): Vacancy {
    const v = {} as Record<string, unknown>;
    for (const c of this.vacancyColumns)
      v[c.propertyName] = this.ds.driver.prepareHydratedValue(row[c.databaseName], c);
    return v as unknown as Vacancy;
  }

  /**
   * On SQLite every request shares one connection, so a search that runs while a write transaction is open
   * reads its uncommitted rows: such a result is answered but not kept.
   */
  private async cached<T>(version: string, key: string, compute: () => Promise<T>): Promise<T> {
    if (this.sqliteTransactionOpen()) return compute();
    return this.cache
      .get(version, key, async () => {
        const result = await compute();
        if (this.sqliteTransactionOpen()) throw new UncacheableResult(result);
        return result;
      })
      .catch((err: unknown) => {
        if (err instanceof UncacheableResult) return err.result as T;
        throw err;
      });
  }

  private sqliteTransactionOpen(): boolean {
    if (this.mysql) return false;
    const db = (this.ds.driver as unknown as { databaseConnection?: { inTransaction?: boolean } }).databaseConnection;
    return db?.inTransaction === true;
  }

  private async pageIds(filters: Filters, sort: VacancySort, skip: number, pageSize: number): Promise<string[]> {
    const { where, params } = this.where(filters);
    const rows: { id: string }[] = await this.ds.query(
      `SELECT s.vacancy_id AS id FROM searchable_vacancies s ${where} ORDER BY ${ORDER[sort]} LIMIT ? OFFSET ?`,
      [...params, pageSize, skip],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The total and the three facets from one pass over the matching rows, grouped by all three facet columns
   * at once (at most a few thousand groups) and summed per facet here.
   */
  private async countAndFacets(filters: Filters): Promise<Counted> {
    const { where, params } = this.where(filters);
    const rows: { employmentType: string; kecamatanCode: string | null; educationMin: string; n: number | string }[] =
      await this.ds.query(
        `SELECT s.employment_type AS employmentType, s.kecamatan_code AS kecamatanCode,
                s.education_min AS educationMin, COUNT(*) AS n
           FROM searchable_vacancies s ${where}
          GROUP BY s.employment_type, s.kecamatan_code, s.education_min`,
        params,
      );
    const facets: VacancyFacets = { employmentType: {}, kecamatanCode: {}, educationMin: {} };
    let total = 0;
    for (const r of rows) {
      const n = Number(r.n);
      total += n;
      const kecamatan = r.kecamatanCode ?? UNSPECIFIED_KECAMATAN;
      facets.employmentType[r.employmentType] = (facets.employmentType[r.employmentType] ?? 0) + n;
      facets.kecamatanCode[kecamatan] = (facets.kecamatanCode[kecamatan] ?? 0) + n;
      facets.educationMin[r.educationMin] = (facets.educationMin[r.educationMin] ?? 0) + n;
    }
    return { total, facets };
  }

  private where(f: Filters): { where: string; params: unknown[] } {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      conditions.push(sql);
      params.push(...values);
    };
    if (f.terms.length > 0 && !this.mysql) {
      add('s.seq IN (SELECT rowid FROM searchable_texts_fts WHERE searchable_texts_fts MATCH ?)', fts5Query(f.terms));
    }
    if (f.terms.length > 0 && this.mysql) {
      const plan = mysqlTextPlan(f.terms, this.fulltext);
      const text = [
        ...(plan.against ? ['MATCH (t.search_text) AGAINST (? IN BOOLEAN MODE)'] : []),
        // The column's general_ci weighs every letter beyond the BMP alike (𐌭 = 𐍈); UCA 5.2 tells them
        // apart and still folds case and accents.
        ...plan.likes.map(() => 't.search_text LIKE ? COLLATE utf8mb4_unicode_520_ci'),
      ];
      add(
        `s.seq IN (SELECT t.seq FROM searchable_texts t WHERE ${text.join(' AND ')})`,
        ...(plan.against ? [plan.against] : []),
        ...plan.likes,
      );
    }
    if (f.educationRank !== null) add('s.education_rank <= ?', f.educationRank);
    if (f.kecamatanCode !== null) add('s.kecamatan_code = ?', f.kecamatanCode);
    if (f.kecamatanPrefix !== null) add('s.kecamatan_code LIKE ?', f.kecamatanPrefix);
    if (f.employmentType !== null) add('s.employment_type = ?', f.employmentType);
    if (f.requiresAk1 !== null) add('s.requires_ak1 = ?', f.requiresAk1 ? 1 : 0);
    if (f.salaryMin !== null) add('s.pay >= ?', f.salaryMin);
    if (f.employerId !== null) add('s.employer_id = ?', f.employerId);
    return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
  }

  /**
   * What MySQL's FULLTEXT index can look up, read once: the token sizes (server settings) and the stopwords
   * (the server's stopword table when one is set, else InnoDB's built-in list). Defaults if unreadable.
   */
  private fulltextReady(): Promise<void> {
    if (!this.mysql) return Promise.resolve();
    this.fulltextRead ??= this.readFulltextSettings().then((s) => {
      this.fulltext = s;
    });
    return this.fulltextRead;
  }

  private async readFulltextSettings(): Promise<InnodbFulltext> {
    try {
      const [v]: { minSize: number | string; maxSize: number | string; stopwordTable: string | null }[] =
        await this.ds.query(
          `SELECT @@innodb_ft_min_token_size AS minSize, @@innodb_ft_max_token_size AS maxSize,
                  @@innodb_ft_server_stopword_table AS stopwordTable`,
        );
      let stopwords: string[] = INNODB_DEFAULT_STOPWORDS;
      if (v.stopwordTable) {
        const [db, table] = String(v.stopwordTable).split('/');
        const rows: { value: string }[] = await this.ds.query(
          `SELECT value FROM ${this.ds.driver.escape(db)}.${this.ds.driver.escape(table)}`,
        );
        stopwords = rows.map((r) => String(r.value).toLowerCase());
      }
      return { minTokenSize: Number(v.minSize), maxTokenSize: Number(v.maxSize), stopwords: new Set(stopwords) };
    } catch (err) {
      this.logger.warn({
        msg: 'could not read the FULLTEXT settings; assuming InnoDB defaults',
        error: (err as Error).message,
      });
      return INNODB_DEFAULTS;
    }
  }
}

type Filters = {
  terms: string[];
  educationRank: number | null;
  kecamatanCode: string | null;
  kecamatanPrefix: string | null;
  employmentType: string | null;
  requiresAk1: boolean | null;
  salaryMin: number | null;
  employerId: string | null;
};

/** Carries a result computed while an SQLite write transaction was open out of the cache, unkept. */
class UncacheableResult {
  constructor(readonly result: unknown) {}
}

function copyFacets(f: VacancyFacets): VacancyFacets {
  return {
    employmentType: { ...f.employmentType },
    kecamatanCode: { ...f.kecamatanCode },
    educationMin: { ...f.educationMin },
  };
}
