import type { CampaignView } from '../../../outreach/outreach.service.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FlashModel } from '../../view-models/flash.js';
import { ConfirmAction } from '../shared/ConfirmAction.js';
import { Fact } from '../shared/Fact.js';
import { Facts } from '../shared/Facts.js';
import { Flash } from '../shared/Flash.js';
import { Layout } from '../shared/Layout.js';
import { Notice } from '../shared/Notice.js';
import { StatusBadge } from '../shared/StatusBadge.js';

export interface CampaignPageView {
  flash: FlashModel;
  campaign: CampaignView;
  /** The campaign's office by name, and whether it is the officer's own (only its officers send it). */
  office: { name: string; own: boolean };
}

/**
 * One campaign: while a draft, how many employers it will reach and "Kirim" (asked first); once sent,
 * what came of it — reached, not reached, took part within 30 days, and the rate — and whom it was for.
 */
export function CampaignPage({ c, vm }: { c: ConsoleContext; vm: CampaignPageView }): JSX.Element {
  const t = c.t;
  const k = vm.campaign;
  const a = k.audience;
  const participation =
    a.participating === null
      ? t('campaign.participatingAny')
      : a.participating
        ? t('campaign.participatingTrue')
        : t('campaign.participatingFalse');
  return (
    <Layout c={c} title={k.title}>
      <p class="no-print">
        <a href="/petugas/penjangkauan/kampanye" safe>
          {`← ${t('campaign.listTitle')}`}
        </a>
      </p>
      <Flash c={c} flash={vm.flash} />
      <h1 safe>{k.title}</h1>
      <p>
        <StatusBadge t={t} group="campaignStatus" code={k.status} />
      </p>
      {k.status === 'DRAFT' ? (
        <Notice kind="info" role="status">
          <strong safe>{t('campaign.recipientsPreview', { n: t.number(k.recipients) })}</strong>
        </Notice>
      ) : (
        ''
      )}
      <h2 safe>{t('campaign.message')}</h2>
      <blockquote class="message" safe>
        {k.message}
      </blockquote>
      {k.status === 'DRAFT' && !vm.office.own ? (
        <Notice kind="info" text={t('campaign.otherOffice', { name: vm.office.name })} />
      ) : k.status === 'DRAFT' ? (
        <>
          <ConfirmAction
            c={c}
            action={`/petugas/penjangkauan/kampanye/${k.id}/kirim`}
            label={t('campaign.sendLabel')}
            question={t('campaign.sendQuestion', { n: t.number(k.recipients) })}
            confirm={t('campaign.sendConfirm')}
          />
          <p class="hint" safe>
            {t('campaign.resultsDraft')}
          </p>
        </>
      ) : (
        <>
          <h2 safe>{t('campaign.results')}</h2>
          <Facts>
            <Fact label={t('campaign.recipients')} text={t.number(k.recipients)} />
            <Fact label={t('campaign.delivered')} text={t.number(k.delivered)} />
            <Fact label={t('campaign.failed')} text={t.number(k.failed)} />
            <Fact label={t('campaign.participatedAfter')} text={t.number(k.participatedAfter)} />
            <Fact label={t('campaign.conversionRate')} text={t.percent(k.conversionRate)} />
          </Facts>
          <p class="hint" safe>
            {t('campaign.resultsIntro')}
          </p>
        </>
      )}
      <h2 safe>{t('campaign.audience')}</h2>
      <Facts>
        <Fact label={t('campaign.participating')} text={participation} />
        {a.participating === null && a.silentClosures === null ? (
          ''
        ) : (
          <Fact label={t('campaign.period')} text={`${t.date(a.from)} – ${t.date(a.to)}`} />
        )}
        {a.silentClosures === null ? (
          ''
        ) : (
          <Fact
            label={t('campaign.silentClosures')}
            text={a.silentClosures ? t('campaign.silentClosuresTrue') : t('campaign.silentClosuresFalse')}
          />
        )}
        <Fact label={t('campaign.status')} text={a.status ? t.label('employer', a.status) : t('campaign.anyStatus')} />
        <Fact label={t('campaign.kbli')} text={a.kbli ?? t('campaign.allSectors')} />
        <Fact
          label={t('campaign.kecamatan')}
          text={a.kecamatanCode ? t.kecamatan(a.kecamatanCode) : t('campaign.anyKecamatan')}
        />
        <Fact label={t('campaign.office')} text={vm.office.name} />
        <Fact label={t('campaign.createdAt')} text={t.dateTime(k.createdAt)} />
        <Fact label={t('campaign.sentAt')} text={k.sentAt ? t.dateTime(k.sentAt) : t('campaign.notSent')} />
      </Facts>
    </Layout>
  );
}
