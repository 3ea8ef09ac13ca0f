import { VacancyHeading } from '../public/VacancyHeading.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { ReferralView } from '../../view-models/vacancies.js';
import { DataTable } from '../shared/DataTable.js';
import { Layout } from '../shared/Layout.js';
import { Pager } from '../shared/Pager.js';
import { ReferredTable } from '../referrals/ReferredTable.js';
import { CandidateRow } from './CandidateRow.js';
import { CloseVacancyForm } from './CloseVacancyForm.js';

/**
 * One vacancy for the officer: its legal fields, the ranked candidates (GET /vacancies/:id/candidates)
 * with why they match and "Rujuk…" while it takes applications, the seekers referred to it already
 * (GET /vacancies/:id/referrals), and closing it with a reason while it can still be closed.
 */
export function ReferralPage({ c, vm }: { c: ConsoleContext; vm: ReferralView }): JSX.Element {
  const t = c.t;
  const v = vm.vacancy;
  const columns = [
    { label: t('referral.seeker') },
    { label: t('field.cardNumber') },
    { label: t('referral.score'), num: true },
    { label: t('referral.why') },
    ...(vm.mayRefer ? [{ label: t('common.actions'), hidden: true }] : []),
  ];
  return (
    <Layout c={c} title={v.title}>
      <p class="no-print">
        <a href="/petugas/lowongan" safe>
          {`← ${t('nav.officerVacancies')}`}
        </a>
      </p>
      <VacancyHeading c={c} v={v} flash={vm.flash} />
      <h2 safe>{t('referral.title')}</h2>
      <p safe>{t('referral.intro')}</p>
      <p role="status" safe>
        {t('referral.count', { n: vm.total })}
      </p>
      {vm.candidates.length ? (
        <DataTable columns={columns}>
          {vm.candidates.map((x) => (
            <CandidateRow c={c} x={x} referTo={vm.mayRefer ? v.id : null} />
          ))}
        </DataTable>
      ) : (
        <p safe>{t('referral.none')}</p>
      )}
      <Pager c={c} pager={vm.pager} />
      <h2 safe>{t('referral.referredTitle')}</h2>
      {vm.referred.total ? (
        <p role="status" safe>
          {t('referral.referredCount', { n: vm.referred.total })}
        </p>
      ) : (
        ''
      )}
      <ReferredTable t={t} vm={vm.referred} />
      {vm.mayClose ? <CloseVacancyForm c={c} vacancyId={v.id} /> : ''}
    </Layout>
  );
}
