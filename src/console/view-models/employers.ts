import type { CodeOption } from '../views/shared/CodeDatalist.js';
import type { Page } from '../../common/http/pagination.js';
import { employerActions, type EmployerActions } from '../../employers/employer-lifecycle.js';
import type { EmployerView } from '../../employers/employer.entity.js';
import { flashOf, type FlashModel } from './flash.js';
import { pagerOf, type PagerModel } from './pager.js';

/** The HR staff's company page: its status and what the company may do now. */
export interface CompanyView {
  flash: FlashModel;
  employer: EmployerView;
  actions: EmployerActions;
  /** The kinds of employer the company may choose (IPK III/8). */
  kinds: CodeOption[];
}

export function companyView(
  employer: EmployerView,
  query: Record<string, unknown>,
  kinds: CodeOption[] = [],
): CompanyView {
  return { flash: flashOf(query), employer, actions: employerActions(employer), kinds };
}

export interface EmployerRow {
  employer: EmployerView;
  actions: EmployerActions;
}

/** The officer's verification queue. */
export interface EmployerQueueView {
  flash: FlashModel;
  rows: EmployerRow[];
  total: number;
  pager: PagerModel;
  filters: { status: string; q: string };
  /** The page to come back to after an action (this list, with its filters). */
  back: string;
}

export function employerQueueView(
  page: Page<EmployerView>,
  query: Record<string, string>,
  back: string,
): EmployerQueueView {
  return {
    flash: flashOf(query),
    rows: page.items.map((employer) => ({ employer, actions: employerActions(employer) })),
    total: page.total,
    pager: pagerOf('/petugas/perusahaan', query, page),
    filters: { status: query.status ?? '', q: query.q ?? '' },
    back,
  };
}
