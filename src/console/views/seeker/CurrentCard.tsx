import { escapeHtml } from '@kitajs/html';
import type { ConsoleContext } from '../../http/console-context.js';
import type { CardModel } from '../../view-models/cards.js';
import { Notice } from '../shared/Notice.js';
import { CardFacts } from './CardFacts.js';
import { ReportForm } from './ReportForm.js';
import { StillLooking } from './StillLooking.js';

/**
 * The pending or active card: overdue warning, facts, "are you still looking for work?" (three answers),
 * then the report, print and "I have a job".
 */
export function CurrentCard({ c, card }: { c: ConsoleContext; card: CardModel }): JSX.Element {
  const t = c.t;
  const overdue = t('card.overdue', { date: t.date(card.reportDue?.date) });
  return (
    <section aria-labelledby="cur-h">
      <h2 id="cur-h" safe>
        {t('card.current')}
      </h2>
      {card.reportDue?.overdue ? (
        <Notice kind="warning" role="alert">
          <strong safe>{t('card.overdueTitle')}</strong> {escapeHtml(overdue)}
        </Notice>
      ) : (
        ''
      )}
      <CardFacts t={t} card={card} />
      {card.status === 'ACTIVE' ? <StillLooking c={c} /> : ''}
      {card.actions.report ? <ReportForm c={c} cardId={card.id} /> : ''}
      {card.actions.print ? (
        <div class="actions">
          <a class="btn secondary" href="/saya/kartu/cetak" safe>
            {t('card.printLink')}
          </a>{' '}
          <a class="btn secondary" href="/saya/sudah-bekerja" safe>
            {t('nav.hired')}
          </a>
        </div>
      ) : (
        ''
      )}
      {card.status === 'PENDING' ? <Notice kind="info" text={t('card.pendingNote')} /> : ''}
    </section>
  );
}
