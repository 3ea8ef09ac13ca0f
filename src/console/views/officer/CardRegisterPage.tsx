import { CARD_STATUSES } from '../../../cards/card.entity.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { CardListView } from '../../view-models/cards.js';
import { DataTable } from '../shared/DataTable.js';
import { Field } from '../shared/Field.js';
import { Layout } from '../shared/Layout.js';
import { options, yesNoOptions } from '../shared/options.js';
import { OverdueBadge } from '../shared/OverdueBadge.js';
import { Pager } from '../shared/Pager.js';
import { validity } from '../shared/phrases.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { SearchSubmit } from '../shared/SearchSubmit.js';
import { FoundCount } from '../shared/FoundCount.js';

/** The card register: search by name or number, status and overdue report; each card links to its page. */
export function CardRegisterPage({ c, vm }: { c: ConsoleContext; vm: CardListView }): JSX.Element {
  const t = c.t;
  const { q = '', status = '', reportOverdue = '' } = vm.filters;
  const values = { q, status, reportOverdue };
  const columns = [
    { label: t('field.cardNumber') },
    { label: t('field.holder') },
    { label: t('field.status') },
    { label: t('field.validity') },
  ];
  return (
    <Layout c={c} title={t('nav.cardRegister')}>
      <h1 safe>{t('nav.cardRegister')}</h1>
      <form novalidate method="get" action="/petugas/kartu" role="search">
        <div class="grid2">
          <Field name="q" label={t('officer.searchCard')} values={values} />
          <Field
            name="status"
            label={t('field.status')}
            type="select"
            values={values}
            options={options(t, 'card', CARD_STATUSES, t('search.any'))}
          />
          <Field
            name="reportOverdue"
            label={t('officer.overdueFilter')}
            type="select"
            values={values}
            options={yesNoOptions(t)}
          />
        </div>
        <SearchSubmit t={t} />
      </form>
      <FoundCount t={t} n={vm.total} />
      {vm.rows.length ? (
        <DataTable columns={columns}>
          {vm.rows.map(({ card, holder }) => (
            <tr>
              <td>
                <a href={`/petugas/kartu/${card.id}`} safe>
                  {card.number ?? t('card.numberPending')}
                </a>
              </td>
              <td safe>{holder.fullName}</td>
              <td>
                <StatusBadge t={t} group="card" code={card.status} />
                {card.reportDue?.overdue ? (
                  <>
                    {' '}
                    <OverdueBadge t={t} />
                  </>
                ) : (
                  ''
                )}
              </td>
              <td safe>{validity(t, card)}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        ''
      )}
      <Pager c={c} pager={vm.pager} />
    </Layout>
  );
}
