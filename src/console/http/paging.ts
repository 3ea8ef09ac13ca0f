import { PageQuery } from '../../common/http/pagination.js';

/** The `page` of a list's query (20 rows a page); anything but a page number is the first page. */
export function pageOf(query: Record<string, unknown>): PageQuery {
  const page = typeof query.page === 'string' && /^\d{1,6}$/.test(query.page) ? Number(query.page) : 1;
  return Object.assign(new PageQuery(), { page: Math.max(1, page), pageSize: 20 });
}

/** Only the listed query parameters, as strings (for filters and pager links). */
export function pick(query: Record<string, unknown>, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) if (typeof query[k] === 'string' && query[k] !== '') out[k] = query[k] as string;
  return out;
}
