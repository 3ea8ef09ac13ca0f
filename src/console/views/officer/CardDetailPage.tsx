import { escapeHtml } from '@kitajs/html';
import type { ConsoleContext } from '../../http/console-context.js';
import { cardReasonLabel, type CardDetailView } from '../../view-models/cards.js';
import { ConfirmAction } from '../shared/ConfirmAction.js';
import { DocumentsPanel } from '../shared/DocumentsPanel.js';
import { Fact } from '../shared/Fact.js';
import { Facts } from '../shared/Facts.js';
import { Flash } from '../shared/Flash.js';
import { Layout } from '../shared/Layout.js';
import { OverdueBadge } from '../shared/OverdueBadge.js';
import { placementText, validity } from '../shared/phrases.js';
import { PlacementList } from '../shared/PlacementList.js';
import { PostButton } from '../shared/PostButton.js';
import { ReasonForm } from '../shared/ReasonForm.js';
import { StatusBadge } from '../shared/StatusBadge.js';

/** A card for the officer: its facts and holder, and the transitions its status allows now. */
export function CardDetailPage({ c, vm }: { c: ConsoleContext; vm: CardDetailView }): JSX.Element {
  const t = c.t;
  const { card, holder } = vm;
  const path = `/petugas/kartu/${card.id}`;
  const back = { back: path };
  return (
    <Layout c={c} title={card.number ?? t('nav.cardRegister')}>
      <p>
        <a href="/petugas/kartu" safe>
          {`← ${t('nav.cardRegister')}`}
        </a>
      </p>
      <h1 safe>{card.number ?? t(card.numbered ? 'card.numberPending' : 'card.requestRejected')}</h1>
      <Flash c={c} flash={vm.flash} />
      <Facts>
        <Fact label={t('field.status')}>
          <StatusBadge t={t} group="card" code={card.status} />
        </Fact>
        <Fact label={t('field.holder')} text={holder.fullName} />
        <Fact label={t('field.nik')} text={holder.nik} />
        <Fact label={t('card.born')} text={`${holder.birthPlace}, ${t.date(holder.birthDate)}`} />
        <Fact label={t('field.validity')} text={validity(t, card)} />
        <Fact label={t('field.nextReportDue')}>
          {card.reportDue ? escapeHtml(t.date(card.reportDue.date)) : '–'}
          {card.reportDue?.overdue ? (
            <>
              {' '}
              <OverdueBadge t={t} />
            </>
          ) : (
            ''
          )}
        </Fact>
        {card.reason ? <Fact label={t(cardReasonLabel(card.status))} text={card.reason} /> : ''}
        <Fact label={t('card.placedAt')} text={card.placement ? placementText(t, card.placement) : '–'} />
        <Fact
          label={t('card.reportsTitle')}
          text={card.reportedOn.length ? card.reportedOn.map((d) => t.date(d)).join(', ') : '–'}
        />
      </Facts>
      <div class="actions">
        {card.actions.approve ? (
          <ConfirmAction
            c={c}
            action={`${path}/setujui`}
            label={t('officer.approve')}
            question={t('officer.approveQuestion', { name: holder.fullName, nik: holder.nik })}
            confirm={t('officer.approveConfirm')}
            hidden={back}
          />
        ) : (
          ''
        )}
        {card.actions.reject ? (
          <ReasonForm c={c} action={`${path}/tolak`} button={t('officer.reject')} hidden={back} />
        ) : (
          ''
        )}
        {card.actions.print || card.status === 'PLACED' || card.status === 'EXPIRED' ? (
          <a class="btn secondary" href={`${path}/cetak`} safe>
            {t('card.printLink')}
          </a>
        ) : (
          ''
        )}
        {card.actions.report ? (
          <PostButton c={c} action={`${path}/lapor`} label={t('officer.reportFor')} hidden={back} />
        ) : (
          ''
        )}
        {card.actions.revoke ? (
          <ReasonForm c={c} action={`${path}/berhenti`} button={t('officer.withdrawForHolder')} hidden={back} />
        ) : (
          ''
        )}
        {card.actions.revoke ? (
          <ReasonForm c={c} action={`${path}/cabut`} button={t('officer.revoke')} hidden={back} />
        ) : (
          ''
        )}
      </div>
      {vm.placements.length > 0 ? (
        <PlacementList
          c={c}
          title={t('voidPlacement.cardTitle')}
          items={vm.placements}
          actionBase="/petugas/penempatan"
          back={path}
          confirm={t('voidPlacement.confirmOfficer')}
          idem={vm.idem}
        />
      ) : (
        ''
      )}
      <DocumentsPanel
        c={c}
        docs={vm.docs}
        mode="officer"
        uploadAction={`/petugas/pencari-kerja/${vm.seekerId}/dokumen`}
        fileBase="/petugas/dokumen"
        back={path}
      />
    </Layout>
  );
}
