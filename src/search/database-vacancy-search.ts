import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { pageWindow } from '../common/http/pagination.js';
import { containsPattern, LIKE_ESCAPE, queryWords } from '../common/sql.js';
import { Employer } from '../employers/employer.entity.js';
import { educationRank } from '../common/reference/education.js';
import { toVacancyView, Vacancy, type VacancyView } from '../vacancies/vacancy.entity.js';
import {
  UNSPECIFIED_KECAMATAN,
  VacancySearch,
  type VacancyFacets,
  type VacancyQuery,
  type VacancySearchResult,
} from './vacancy-search.js';

/** SQL expression of the wage a `salaryMin` filter and the salary sort compare: the top of the range. */
const PAY = 'COALESCE(v.salary_max, v.salary_min)';

/**
 * Search in SQL, identical on SQLite and MySQL: LIKE over the lower-cased `search_text` column and the
 * employer's name (one condition per word), plain comparisons for filters, GROUP BY for facets.
 * Good for a city's volume; see docs/search.md for when to switch to Meilisearch.
 */
@Injectable()
export class DatabaseVacancySearch extends VacancySearch {
  constructor(@InjectDataSource() private readonly ds: DataSource) {
    super();
  }

  async search(query: VacancyQuery): Promise<VacancySearchResult> {
    const { page, pageSize, skip } = pageWindow(query);
    const pageQb = this.filtered(query).select('v.id', 'id');
    this.orderBy(pageQb, query.sort ?? 'newest');
    const [idRows, { total, facets }] = await Promise.all([
      pageQb.offset(skip).limit(pageSize).getRawMany<{ id: string }>(),
      this.countAndFacets(query),
    ]);
    const items = await this.load(idRows.map((r) => r.id));
    return { items, page, pageSize, total, facets };
  }

  /**
   * Vacancies by id, in the order given, as the API shows them; with `searchableOnly`, those no longer
   * OPEN or whose employer is no longer VERIFIED are left out.
   */
  async load(ids: string[], options: { searchableOnly?: boolean } = {}): Promise<VacancyView[]> {
    if (ids.length === 0) return [];
    const vacancies = await this.ds.getRepository(Vacancy).findBy({ id: In(ids) });
    const employerIds = [...new Set(vacancies.map((v) => v.employerId))];
    const employers = await this.ds
      .getRepository(Employer)
      .find({ where: { id: In(employerIds) }, select: { id: true, legalName: true, status: true } });
    const byId = new Map(vacancies.map((v) => [v.id, v]));
    const employerById = new Map(employers.map((e) => [e.id, e]));
    return ids.flatMap((id) => {
      const v = byId.get(id);
      const e = v && employerById.get(v.employerId);
      if (!v || !e) return [];
      if (options.searchableOnly && (v.status !== 'OPEN' || e.status !== 'VERIFIED')) return [];
      return [toVacancyView(v, e)];
    });
  }

  /** The searchable set (OPEN, employer VERIFIED) narrowed by the query's filters. */
  private filtered(query: VacancyQuery): SelectQueryBuilder<Vacancy> {
    const qb = this.ds
      .createQueryBuilder()
      .from(Vacancy, 'v')
      .innerJoin(Employer, 'e', 'e.id = v.employer_id')
      .where(`v.status = 'OPEN'`)
      .andWhere(`e.status = 'VERIFIED'`);
    for (const [i, word] of queryWords(query.q).entries()) {
      const p = `w${i}`;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where(`v.search_text LIKE :${p} ${LIKE_ESCAPE}`, { [p]: containsPattern(word) })
            .orWhere(`LOWER(e.legal_name) LIKE :${p} ${LIKE_ESCAPE}`),
        ),
      );
    }
    if (query.educationLevel) qb.andWhere('v.education_rank <= :rank', { rank: educationRank(query.educationLevel) });
    if (query.kecamatanCode) qb.andWhere('v.kecamatan_code = :kecamatan', { kecamatan: query.kecamatanCode });
    if (query.employmentType) qb.andWhere('v.employment_type = :type', { type: query.employmentType });
    if (query.requiresAk1 !== undefined) qb.andWhere('v.requires_ak1 = :ak1', { ak1: query.requiresAk1 ? 1 : 0 });
    if (query.salaryMin !== undefined) qb.andWhere(`${PAY} >= :pay`, { pay: query.salaryMin });
    if (query.employerId) qb.andWhere('v.employer_id = :employerId', { employerId: query.employerId.toLowerCase() });
    return qb as SelectQueryBuilder<Vacancy>;
  }

  /** Orders with a final tie-break on id, so pages never overlap or skip. */
  private orderBy(qb: SelectQueryBuilder<Vacancy>, sort: 'newest' | 'closing' | 'salary'): void {
    if (sort === 'closing') qb.orderBy('v.closes_at', 'ASC').addOrderBy('v.published_at', 'DESC');
    else if (sort === 'salary')
      qb.orderBy(`CASE WHEN ${PAY} IS NULL THEN 1 ELSE 0 END`, 'ASC')
        .addOrderBy(PAY, 'DESC')
        .addOrderBy('v.published_at', 'DESC');
    else qb.orderBy('v.published_at', 'DESC');
    qb.addOrderBy('v.id', 'ASC');
  }

  /**
   * The total and the three facets from one pass over the matching rows: grouped by all three facet
   * columns at once (at most a few thousand groups), then summed per facet here. One scan instead of four.
   */
  private async countAndFacets(query: VacancyQuery): Promise<{ total: number; facets: VacancyFacets }> {
    const rows = await this.filtered(query)
      .select('v.employment_type', 'employmentType')
      .addSelect('v.kecamatan_code', 'kecamatanCode')
      .addSelect('v.education_min', 'educationMin')
      .addSelect('COUNT(*)', 'n')
      .groupBy('v.employment_type')
      .addGroupBy('v.kecamatan_code')
      .addGroupBy('v.education_min')
      .getRawMany<{ employmentType: string; kecamatanCode: string | null; educationMin: string; n: string | number }>();
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
}
