import type { Page } from '../../common/http/pagination.js';
import type { MyReferralView, VacancyReferralView } from '../../referrals/referrals.service.js';
import { vacancyActions } from '../../vacancies/vacancy-lifecycle.js';

/** A referral the seeker sees on "Lamaran saya", with whether they can still apply through it. */
export interface MyReferralRow {
  referral: MyReferralView;
  /** The vacancy still takes applications and the seeker has not applied yet. */
  mayApply: boolean;
}

export function myReferralRows(page: Page<MyReferralView>, today: string): MyReferralRow[] {
  return page.items.map((referral) => ({
    referral,
    mayApply: referral.applicationId === null && vacancyActions(referral.vacancy, today).apply,
  }));
}

/** The referrals of one vacancy, as its officer and its employer see them (newest first). */
export interface ReferredListView {
  rows: VacancyReferralView[];
  total: number;
}

export function referredListView(page: Page<VacancyReferralView>): ReferredListView {
  return { rows: page.items, total: page.total };
}
