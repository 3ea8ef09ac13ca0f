import { escapeHtml } from '@kitajs/html';
import type { ConsoleContext } from '../../http/console-context.js';
import type { ApplicantsView } from '../../view-models/applications.js';
import { DataTable } from '../shared/DataTable.js';
import { Flash } from '../shared/Flash.js';
import { Layout } from '../shared/Layout.js';
import { Pager } from '../shared/Pager.js';
import { quotaFilled, salaryRange } from '../shared/phrases.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { ReferredTable } from '../referrals/ReferredTable.js';
import { ApplicantRow } from './ApplicantRow.js';

/**
 * A vacancy's applicants with their cards as they are now (shortlist, reject, hire; phone and email
 * where the applicant allowed it), then the job seekers the labour office referred to it.
 */
export function ApplicantsPage({ c, vm }: { c: ConsoleContext; vm: ApplicantsView }): JSX.Element {
  const t = c.t;
  const v = vm.vacancy;
  const title = `${t('employer.applicants')}: ${v.title}`;
  const summary = `${quotaFilled(t, v)} · ${salaryRange(t, v)}`;
  const columns = [
    { label: t('employer.applicant') },
    { label: t('application.appliedAt') },
    { label: t('employer.cardNow') },
    { label: t('field.status') },
    { label: t('common.actions') },
  ];
  return (
    <Layout c={c} title={title}>
      <p>
        <a href="/perusahaan/lowongan" safe>
          {`← ${t('nav.ourVacancies')}`}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <Flash c={c} flash={vm.flash} />
      <p>
        <StatusBadge t={t} group="vacancy" code={v.status} /> {escapeHtml(summary)}
      </p>
      <p class="meta" safe>
        {t('employer.liveCard')}
      </p>
      {vm.rows.length ? (
        <DataTable columns={columns}>
          {vm.rows.map((row) => (
            <ApplicantRow c={c} row={row} vacancy={v} today={vm.today} />
          ))}
        </DataTable>
      ) : (
        <p safe>{t('employer.noApplicants')}</p>
      )}
      <Pager c={c} pager={vm.pager} />
      <h2 safe>{`${t('employer.referredTitle')} (${vm.referred.total})`}</h2>
      <p class="meta" safe>
        {t('employer.referredIntro')}
      </p>
      <ReferredTable t={t} vm={vm.referred} />
    </Layout>
  );
}
