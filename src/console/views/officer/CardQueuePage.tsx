import { escapeHtml } from '@kitajs/html';
import type { ConsoleContext } from '../../http/console-context.js';
import type { CardListView } from '../../view-models/cards.js';
import { DataTable } from '../shared/DataTable.js';
import { Flash } from '../shared/Flash.js';
import { Layout } from '../shared/Layout.js';
import { Pager } from '../shared/Pager.js';
import { ConfirmAction } from '../shared/ConfirmAction.js';
import { ReasonForm } from '../shared/ReasonForm.js';
import { StatusBadge } from '../shared/StatusBadge.js';

const BACK = '/petugas/kartu/permohonan';

/** Card requests waiting for a decision, with the identity to check: approve, or reject with a reason. */
export function CardQueuePage({ c, vm }: { c: ConsoleContext; vm: CardListView }): JSX.Element {
  const t = c.t;
  const columns = [
    { label: t('field.holder') },
    { label: t('officer.identity') },
    { label: t('field.status') },
    { label: t('common.actions') },
  ];
  return (
    <Layout c={c} title={t('nav.cardQueue')}>
      <h1 safe>{t('nav.cardQueue')}</h1>
      <Flash c={c} flash={vm.flash} />
      <p safe>{t('officer.cardQueueIntro')}</p>
      <p role="status" safe>
        {t('officer.pendingCount', { n: vm.total })}
      </p>
      {vm.rows.length ? (
        <DataTable columns={columns}>
          {vm.rows.map(({ card, holder }) => (
            <tr>
              <td>
                <strong safe>{holder.fullName}</strong>
                <br />
                <span class="meta" safe>{`NIK ${holder.nik}`}</span>
              </td>
              <td>
                {escapeHtml(`${holder.birthPlace}, ${t.date(holder.birthDate)} · ${t.label('gender', holder.gender)}`)}
                <br />
                <span class="meta" safe>
                  {`${t.label('education', holder.educationLevel)} · ${t.kecamatan(holder.kecamatanCode)}`}
                </span>
              </td>
              <td>
                <StatusBadge t={t} group="card" code={card.status} />
              </td>
              <td>
                {card.actions.approve ? (
                  <ConfirmAction
                    c={c}
                    action={`/petugas/kartu/${card.id}/setujui`}
                    label={t('officer.approve')}
                    question={t('officer.approveQuestion', { name: holder.fullName, nik: holder.nik })}
                    confirm={t('officer.approveConfirm')}
                    hidden={{ back: BACK }}
                  />
                ) : (
                  ''
                )}
                {card.actions.reject ? (
                  <ReasonForm
                    c={c}
                    action={`/petugas/kartu/${card.id}/tolak`}
                    button={t('officer.reject')}
                    hidden={{ back: BACK }}
                  />
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p safe>{t('officer.queueEmpty')}</p>
      )}
      <Pager c={c} pager={vm.pager} />
    </Layout>
  );
}
