import type { DeliveryReply } from '../../../notifications/dto/notification.reply.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FormState } from '../../http/forms.js';
import type { MessageKey } from '../../i18n/i18n.js';
import type { PagerModel } from '../../view-models/pager.js';
import { DataTable } from '../shared/DataTable.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { Field } from '../shared/Field.js';
import { FoundCount } from '../shared/FoundCount.js';
import { Layout } from '../shared/Layout.js';
import { Notice } from '../shared/Notice.js';
import { Pager } from '../shared/Pager.js';
import { SearchSubmit } from '../shared/SearchSubmit.js';

export interface DeliveriesView {
  form: FormState;
  rows: DeliveryReply[] | null;
  total: number;
  pager: PagerModel | null;
  /** Neither SMTP nor WhatsApp is set up: nothing is ever sent. */
  noChannels: boolean;
}

/** A delivery's failure reason in words: the code before the first colon, else a plain "not delivered". */
export function deliveryReason(c: ConsoleContext, lastError: string | null): string {
  if (!lastError) return '';
  const code = lastError.split(':')[0].trim();
  const key = `deliveryReason.${code}`;
  return c.t.has(key) ? c.t(key) : c.t('deliveryReason.other');
}

/** Email and WhatsApp deliveries for officers, opening on the failed ones, with the reason in words. */
export function DeliveriesPage({ c, vm }: { c: ConsoleContext; vm: DeliveriesView }): JSX.Element {
  const t = c.t;
  const { values, errors } = vm.form;
  const labels = {
    status: t('deliveries.status'),
    channel: t('deliveries.channel'),
    from: t('field.from'),
    to: t('field.to'),
  };
  const statuses = [
    { value: '', label: t('search.any') },
    ...(['FAILED', 'PENDING', 'SENT'] as const).map((s) => ({ value: s, label: t(`deliveryStatus.${s}`) })),
  ];
  const channels = [
    { value: '', label: t('search.any') },
    ...(['EMAIL', 'WHATSAPP'] as const).map((s) => ({ value: s, label: t(`channel.${s}`) })),
  ];
  const columns = [
    { label: t('deliveries.when') },
    { label: t('deliveries.kind') },
    { label: t('deliveries.status') },
    { label: t('deliveries.attempts'), num: true },
  ];
  return (
    <Layout c={c} title={t('deliveries.title')}>
      <h1 safe>{t('deliveries.title')}</h1>
      <p safe>{t('deliveries.intro')}</p>
      {vm.noChannels ? <Notice kind="info" text={t('deliveries.notConfigured')} /> : ''}
      <ErrorSummary c={c} errors={errors} labels={labels} />
      <form novalidate method="get" action="/petugas/pengiriman" role="search">
        <div class="grid2">
          <Field name="status" label={labels.status} type="select" values={values} errors={errors} options={statuses} />
          <Field
            name="channel"
            label={labels.channel}
            type="select"
            values={values}
            errors={errors}
            options={channels}
          />
          <Field name="from" label={labels.from} type="date" values={values} errors={errors} />
          <Field name="to" label={labels.to} type="date" values={values} errors={errors} />
        </div>
        <SearchSubmit t={t} />
      </form>
      {vm.rows ? <FoundCount t={t} n={vm.total} /> : ''}
      {vm.rows?.length ? (
        <DataTable columns={columns}>
          {vm.rows.map((d) => (
            <tr>
              <td safe>{t.dateTime(d.createdAt)}</td>
              <td>
                <span safe>
                  {t.has(`kind.${d.kind}`) ? t(`kind.${d.kind}` as MessageKey) : t('deliveryReason.other')}
                </span>
                <br />
                <span class="meta">{t.has(`channel.${d.channel}`) ? t(`channel.${d.channel}` as MessageKey) : ''}</span>
              </td>
              <td>
                <span>{t.has(`deliveryStatus.${d.status}`) ? t(`deliveryStatus.${d.status}` as MessageKey) : ''}</span>
                {d.lastError && d.status !== 'SENT' ? (
                  <>
                    <br />
                    <span class="meta" safe>
                      {deliveryReason(c, d.lastError)}
                    </span>
                  </>
                ) : (
                  ''
                )}
                {d.status === 'PENDING' && d.nextAttemptAt ? (
                  <>
                    <br />
                    <span class="meta" safe>
                      {t('deliveries.nextAttempt', { when: t.dateTime(d.nextAttemptAt) })}
                    </span>
                  </>
                ) : (
                  ''
                )}
                {d.sentAt ? (
                  <>
                    <br />
                    <span class="meta" safe>
                      {t('deliveries.sentAt', { when: t.dateTime(d.sentAt) })}
                    </span>
                  </>
                ) : (
                  ''
                )}
              </td>
              <td class="num" safe>
                {t.number(d.attempts)}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : vm.rows ? (
        <p safe>{t('deliveries.none')}</p>
      ) : (
        ''
      )}
      {vm.pager ? <Pager c={c} pager={vm.pager} /> : ''}
    </Layout>
  );
}
