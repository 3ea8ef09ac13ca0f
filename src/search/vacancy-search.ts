import type { Page } from '../common/http/pagination.js';
import type { EducationLevel } from '../common/reference/education.js';
import type { EmploymentType, VacancyView } from '../vacancies/vacancy.entity.js';
import type { VacancyFacetsReply } from '../vacancies/dto/vacancy.reply.js';

export type VacancySort = 'newest' | 'closing' | 'salary';

/** A public search: every filter narrows; absent filters do not. */
export interface VacancyQuery {
  /**
   * Every word (at most 8; see searchTerms) must appear, in any order, case or accents, in title, description,
   * skills or employer name; the last word also as a prefix.
   */
  q?: string;
  /** "Open to someone with this level": educationMin ranks at or below it. */
  educationLevel?: EducationLevel;
  kecamatanCode?: string;
  /** The regency/city of the work place, 4 digits (`1671`): vacancies whose kecamatan lies in it. */
  regencyCode?: string;
  employmentType?: EmploymentType;
  requiresAk1?: boolean;
  /** Wage the seeker wants at least: vacancies whose top of range (salaryMax, else salaryMin) reaches it. */
  salaryMin?: number;
  employerId?: string;
  sort?: VacancySort;
  page?: number;
  pageSize?: number;
}

/** Counts over the whole filtered set (not the page); each facet's counts sum to `total`. */
export type VacancyFacets = VacancyFacetsReply;

export const UNSPECIFIED_KECAMATAN = 'UNSPECIFIED';

export interface VacancySearchResult extends Page<VacancyView> {
  facets: VacancyFacets;
}

/**
 * The port the vacancies module searches through. Only OPEN vacancies of VERIFIED employers are ever
 * returned, whatever the driver. Drivers: `database` (SQL on SQLite or MySQL) and `meilisearch`.
 */
export abstract class VacancySearch {
  abstract search(query: VacancyQuery): Promise<VacancySearchResult>;
}
