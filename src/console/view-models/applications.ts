import { applicationActions, type ApplicationActions } from '../../applications/application-lifecycle.js';
import type { MyApplicationView, PipelineItemView } from '../../applications/applications.service.js';
import type { Page } from '../../common/http/pagination.js';
import type { VacancyReferralView } from '../../referrals/referrals.service.js';
import type { VacancyView } from '../../vacancies/vacancy.entity.js';
import { flashOf, type FlashModel } from './flash.js';
import { pagerOf, type PagerModel } from './pager.js';
import { referredListView, type MyReferralRow, type ReferredListView } from './referrals.js';

export interface MyApplicationRow {
  application: MyApplicationView;
  actions: ApplicationActions;
}

/** "Lamaran saya": the office's referrals, then the applications (each with its contact consent). */
export interface MyApplicationsView {
  flash: FlashModel;
  referrals: MyReferralRow[];
  rows: MyApplicationRow[];
  pager: PagerModel;
}

export function myApplicationsView(
  page: Page<MyApplicationView>,
  referrals: MyReferralRow[],
  query: Record<string, unknown>,
): MyApplicationsView {
  return {
    flash: flashOf(query),
    referrals,
    rows: page.items.map((application) => ({ application, actions: applicationActions(application) })),
    pager: pagerOf('/saya/lamaran', query, page),
  };
}

export interface ApplicantRow {
  item: PipelineItemView;
  actions: ApplicationActions;
  /** The one-time key of this row's hire form (a double submit records the hire once). */
  idem: string;
}

/** A vacancy's applicants for its HR staff, with the hire form's defaults, and who the office referred. */
export interface ApplicantsView {
  flash: FlashModel;
  vacancy: VacancyView;
  rows: ApplicantRow[];
  referred: ReferredListView;
  pager: PagerModel;
  /** The hire form's default start date. */
  today: string;
}

export function applicantsView(
  vacancy: VacancyView,
  page: Page<PipelineItemView>,
  referred: Page<VacancyReferralView>,
  today: string,
  idem: () => string,
  query: Record<string, unknown>,
): ApplicantsView {
  return {
    flash: flashOf(query),
    vacancy,
    rows: page.items.map((item) => ({ item, actions: applicationActions(item), idem: idem() })),
    referred: referredListView(referred),
    pager: pagerOf(`/perusahaan/lowongan/${vacancy.id}/pelamar`, query, page),
    today,
  };
}
