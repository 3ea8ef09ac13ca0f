import type { Page } from '../../common/http/pagination.js';

/** What a pager needs: where the list is, the query to keep, and where in the list we are. */
export interface PagerModel {
  base: string;
  query: Record<string, unknown>;
  page: number;
  pageSize: number;
  total: number;
}

export function pagerOf(base: string, query: Record<string, unknown>, page: Omit<Page<unknown>, 'items'>): PagerModel {
  return { base, query, page: page.page, pageSize: page.pageSize, total: page.total };
}
