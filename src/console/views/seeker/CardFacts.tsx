import type { Translator } from '../../i18n/i18n.js';
import { cardReasonLabel, type CardModel } from '../../view-models/cards.js';
import { Fact } from '../shared/Fact.js';
import { Facts } from '../shared/Facts.js';
import { placementText, validity } from '../shared/phrases.js';
import { StatusBadge } from '../shared/StatusBadge.js';

/**
 * A card's status, number (not for a rejected request, which never gets one), validity, next report
 * (while active), placement, and the office's reason for a rejection or revocation.
 */
export function CardFacts({ t, card }: { t: Translator; card: CardModel }): JSX.Element {
  return (
    <Facts>
      <Fact label={t('field.status')}>
        <StatusBadge t={t} group="card" code={card.status} />
      </Fact>
      {card.numbered ? <Fact label={t('field.cardNumber')} text={card.number ?? t('card.numberPending')} /> : ''}
      {card.reason ? <Fact label={t(cardReasonLabel(card.status))} text={card.reason} /> : ''}
      {card.issuedAt ? <Fact label={t('field.validity')} text={validity(t, card)} /> : ''}
      {card.reportDue ? <Fact label={t('field.nextReportDue')} text={t.date(card.reportDue.date)} /> : ''}
      {card.placement ? <Fact label={t('card.placedAt')} text={placementText(t, card.placement)} /> : ''}
    </Facts>
  );
}
