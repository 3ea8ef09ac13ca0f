import { Injectable, Logger } from '@nestjs/common';
import { pageWindow } from '../common/http/pagination.js';
import { DatabaseVacancySearch } from './database-vacancy-search.js';
import { FACET_ATTRIBUTES, toMeiliFilter, toMeiliSort } from './meili-documents.js';
import { MeiliGateway } from './meili-gateway.js';
import { searchTerms } from './search-terms.js';
import { VacancySearch, type VacancyFacets, type VacancyQuery, type VacancySearchResult } from './vacancy-search.js';

/** After a failed request, searches go to the database for this long before Meilisearch is tried again. */
const RETRY_AFTER_MS = 5000;

/**
 * Search through Meilisearch. The index gives the matching ids, total and facets; the items are read
 * from the database by id (and anything that stopped being searchable since the last outbox delivery
 * is dropped). When Meilisearch cannot answer, the same query is served by the database driver.
 */
@Injectable()
export class MeiliVacancySearch extends VacancySearch {
  private readonly logger = new Logger('MeiliVacancySearch');
  private unavailableUntil = 0;

  constructor(
    private readonly meili: MeiliGateway,
    private readonly database: DatabaseVacancySearch,
  ) {
    super();
  }

  async search(query: VacancyQuery): Promise<VacancySearchResult> {
    if (Date.now() < this.unavailableUntil) return this.database.search(query);
    try {
      return await this.searchIndex(query);
    } catch (err) {
      this.unavailableUntil = Date.now() + RETRY_AFTER_MS;
      this.logger.warn({
        msg: 'Meilisearch search failed; answering from the database',
        error: (err as Error).message,
      });
      return this.database.search(query);
    }
  }

  /** Called when Meilisearch is known to be back (after a successful outbox delivery). */
  markAvailable(): void {
    this.unavailableUntil = 0;
  }

  private async searchIndex(query: VacancyQuery): Promise<VacancySearchResult> {
    const { page, pageSize } = pageWindow(query);
    const res = await this.meili.index().search(searchTerms(query.q).join(' '), {
      filter: toMeiliFilter(query),
      facets: [...FACET_ATTRIBUTES],
      sort: toMeiliSort(query.sort),
      page,
      hitsPerPage: pageSize,
      matchingStrategy: 'all',
      attributesToRetrieve: ['id'],
    });
    const ids = res.hits.map((h) => String(h.id));
    const items = await this.database.load(ids, { searchableOnly: true });
    const dist = res.facetDistribution ?? {};
    // Vacancies without a kecamatan are indexed under UNSPECIFIED, so these counts also sum to the total.
    const facets: VacancyFacets = {
      employmentType: { ...(dist.employmentType ?? {}) },
      kecamatanCode: { ...(dist.kecamatanCode ?? {}) },
      educationMin: { ...(dist.educationMin ?? {}) },
    };
    return { items, page, pageSize, total: res.totalHits ?? 0, facets };
  }
}
