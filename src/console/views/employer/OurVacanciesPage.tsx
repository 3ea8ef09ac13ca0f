import { escapeHtml } from '@kitajs/html';
import type { ConsoleContext } from '../../http/console-context.js';
import type { OurVacanciesView } from '../../view-models/vacancies.js';
import { DataTable } from '../shared/DataTable.js';
import { Flash } from '../shared/Flash.js';
import { Layout } from '../shared/Layout.js';
import { Notice } from '../shared/Notice.js';
import { Pager } from '../shared/Pager.js';
import { PostButton } from '../shared/PostButton.js';
import { StatusBadge } from '../shared/StatusBadge.js';

/** The company's vacancies, each with the actions its state allows now. */
export function OurVacanciesPage({ c, vm }: { c: ConsoleContext; vm: OurVacanciesView }): JSX.Element {
  const t = c.t;
  const columns = [
    { label: t('field.title') },
    { label: t('field.status') },
    { label: t('employer.filledQuota'), num: true },
    { label: t('common.actions') },
  ];
  return (
    <Layout c={c} title={t('nav.ourVacancies')}>
      <h1 safe>{t('nav.ourVacancies')}</h1>
      <Flash c={c} flash={vm.flash} />
      {vm.mayPost ? (
        <p>
          <a class="btn primary" href="/perusahaan/lowongan/baru" safe>
            {t('employer.newVacancy')}
          </a>
        </p>
      ) : (
        <Notice kind="warning">
          {escapeHtml(
            t(vm.companyStatus === 'SUSPENDED' ? 'employer.postSuspended' : 'employer.postAfterVerification'),
          )}{' '}
          <a href="/perusahaan" safe>
            {t('errpage.companyStatus')}
          </a>
        </Notice>
      )}
      {vm.rows.length ? (
        <DataTable columns={columns}>
          {vm.rows.map(({ vacancy: v, actions, recordOutcome }) => (
            <tr>
              <td>
                <a href={`/lowongan/${v.id}`} safe>
                  {v.title}
                </a>
                <br />
                <span class="meta" safe>
                  {t('vacancy.closesOn', { date: t.date(v.closesAt) })}
                </span>
              </td>
              <td>
                <StatusBadge t={t} group="vacancy" code={v.status} />
              </td>
              <td class="num">
                {v.filled} / {v.quota}
              </td>
              <td>
                <div class="actions">
                  <a class="btn secondary" href={`/perusahaan/lowongan/${v.id}/pelamar`} safe>
                    {t('employer.applicants')}
                  </a>
                  {recordOutcome ? (
                    <a class="btn primary" href={`/perusahaan/lowongan/${v.id}/hasil`} safe>
                      {t('outcome.action')}
                    </a>
                  ) : (
                    ''
                  )}
                  {actions.edit ? (
                    <a class="btn secondary" href={`/perusahaan/lowongan/${v.id}/ubah`} safe>
                      {t('common.edit')}
                    </a>
                  ) : (
                    ''
                  )}
                  {actions.publish ? (
                    <PostButton
                      c={c}
                      action={`/perusahaan/lowongan/${v.id}/terbitkan`}
                      label={t('employer.publish')}
                      kind="primary"
                    />
                  ) : (
                    ''
                  )}
                  {actions.close ? (
                    <PostButton
                      c={c}
                      action={`/perusahaan/lowongan/${v.id}/tutup`}
                      label={t('employer.close')}
                      kind="danger"
                      confirm={t('employer.closeConfirm')}
                    />
                  ) : (
                    ''
                  )}
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p safe>{t('employer.noVacancies')}</p>
      )}
      <Pager c={c} pager={vm.pager} />
    </Layout>
  );
}
