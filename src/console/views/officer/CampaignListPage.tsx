import type { CampaignView } from '../../../outreach/outreach.service.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { PagerModel } from '../../view-models/pager.js';
import { DataTable } from '../shared/DataTable.js';
import { Layout } from '../shared/Layout.js';
import { Pager } from '../shared/Pager.js';
import { StatusBadge } from '../shared/StatusBadge.js';

export interface CampaignListView {
  items: CampaignView[];
  total: number;
  pager: PagerModel;
  /** Office names by id, shown beside campaigns of an office other than the officer's own (`own`). */
  offices: { own: string; names: Record<string, string> };
}

/** Every campaign, newest first: whom it reached and how many took part within 30 days. */
export function CampaignListPage({ c, vm }: { c: ConsoleContext; vm: CampaignListView }): JSX.Element {
  const t = c.t;
  const columns = [
    { label: t('campaign.title') },
    { label: t('campaign.createdAt') },
    { label: t('campaign.recipients'), num: true },
    { label: t('campaign.delivered'), num: true },
    { label: t('campaign.participatedAfter'), num: true },
    { label: t('campaign.conversionRate'), num: true },
  ];
  return (
    <Layout c={c} title={t('campaign.listTitle')}>
      <p class="no-print">
        <a href="/petugas/penjangkauan" safe>
          {`← ${t('nav.outreach')}`}
        </a>
      </p>
      <h1 safe>{t('campaign.listTitle')}</h1>
      <p safe>{t('campaign.listIntro')}</p>
      <p>
        <a class="btn primary" href="/petugas/penjangkauan/kampanye/baru" safe>
          {t('outreach.send')}
        </a>
      </p>
      <p role="status" safe>
        {t('campaign.count', { n: vm.total })}
      </p>
      {vm.items.length ? (
        <DataTable columns={columns}>
          {vm.items.map((k) => (
            <tr>
              <td>
                <a href={`/petugas/penjangkauan/kampanye/${k.id}`}>
                  <strong safe>{k.title}</strong>
                </a>{' '}
                <StatusBadge t={t} group="campaignStatus" code={k.status} />
                {k.officeId !== vm.offices.own && vm.offices.names[k.officeId] ? (
                  <>
                    <br />
                    <span class="meta" safe>
                      {vm.offices.names[k.officeId]}
                    </span>
                  </>
                ) : (
                  ''
                )}
              </td>
              <td safe>{t.date(k.createdAt)}</td>
              <td class="num" safe>{`${t.number(k.recipients)} ${t('campaign.recipientsUnit')}`}</td>
              <td class="num">
                {k.status === 'SENT' ? `${t.number(k.delivered)} ${t('campaign.deliveredUnit')}` : '–'}
              </td>
              <td class="num">
                {k.status === 'SENT' ? `${t.number(k.participatedAfter)} ${t('campaign.participatedUnit')}` : '–'}
              </td>
              <td class="num">{k.status === 'SENT' ? t.percent(k.conversionRate) : '–'}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p safe>{t('campaign.none')}</p>
      )}
      <Pager c={c} pager={vm.pager} />
    </Layout>
  );
}
