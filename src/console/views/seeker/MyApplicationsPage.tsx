import { escapeHtml } from '@kitajs/html';
import type { ConsoleContext } from '../../http/console-context.js';
import type { MyApplicationsView } from '../../view-models/applications.js';
import { DataTable } from '../shared/DataTable.js';
import { Flash } from '../shared/Flash.js';
import { Layout } from '../shared/Layout.js';
import { Pager } from '../shared/Pager.js';
import { PostButton } from '../shared/PostButton.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { MyReferrals } from './MyReferrals.js';

/**
 * "Lamaran saya": the vacancies the office referred the seeker to, then each application with its
 * status, whether the employer may see the seeker's phone and email (changeable at any time), and
 * withdraw while it is undecided.
 */
export function MyApplicationsPage({ c, vm }: { c: ConsoleContext; vm: MyApplicationsView }): JSX.Element {
  const t = c.t;
  const columns = [
    { label: t('field.vacancy') },
    { label: t('application.appliedAt') },
    { label: t('field.status') },
    { label: t('consent.column') },
    { label: t('common.actions'), hidden: true },
  ];
  return (
    <Layout c={c} title={t('nav.myApplications')}>
      <h1 safe>{t('nav.myApplications')}</h1>
      <Flash c={c} flash={vm.flash} />
      <MyReferrals t={t} rows={vm.referrals} />
      {vm.rows.length ? (
        <DataTable columns={columns}>
          {vm.rows.map(({ application: a, actions }) => (
            <tr>
              <td>
                <a href={`/lowongan/${a.vacancy.id}`} safe>
                  {a.vacancy.title}
                </a>
                <br />
                <span class="meta" safe>
                  {a.vacancy.employer.legalName}
                </span>
              </td>
              <td safe>{t.date(a.appliedAt)}</td>
              <td>
                <StatusBadge t={t} group="application" code={a.status} />
                {a.closedReason ? (
                  <>
                    <br />
                    <span class="meta" safe>
                      {t.label('closedReason', a.closedReason)}
                    </span>
                  </>
                ) : (
                  ''
                )}
              </td>
              <td>
                <span safe>{a.shareContact ? t('consent.shared') : t('consent.notShared')}</span>
                <br />
                <PostButton
                  c={c}
                  action={`/saya/lamaran/${a.id}/kontak`}
                  label={a.shareContact ? t('consent.stop') : t('consent.share')}
                  hidden={{ shareContact: a.shareContact ? 'false' : 'true' }}
                />
              </td>
              <td>
                {actions.withdraw ? (
                  <PostButton
                    c={c}
                    action={`/saya/lamaran/${a.id}/tarik`}
                    label={t('application.withdraw')}
                    confirm={t('application.withdrawConfirm')}
                    kind="danger"
                  />
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>
          {escapeHtml(t('application.none'))}{' '}
          <a href="/" safe>
            {t('nav.vacancies')}
          </a>
        </p>
      )}
      <Pager c={c} pager={vm.pager} />
    </Layout>
  );
}
