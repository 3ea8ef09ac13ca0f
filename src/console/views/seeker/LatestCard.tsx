import type { Translator } from '../../i18n/i18n.js';
import type { CardModel } from '../../view-models/cards.js';
import { Notice } from '../shared/Notice.js';
import { CardFacts } from './CardFacts.js';

/** With no card held: the latest card, with congratulations when it closed on a hire. */
export function LatestCard({ t, card }: { t: Translator; card: CardModel }): JSX.Element {
  const placed = t('card.placedNote', {
    employer: card.placement?.employerName ?? '–',
    date: t.date(card.placement?.startDate),
  });
  return (
    <section aria-labelledby="last-h">
      <h2 id="last-h" safe>
        {t('card.latest')}
      </h2>
      {card.status === 'PLACED' ? <Notice kind="success" text={placed} /> : ''}
      {card.status === 'REJECTED' ? <Notice kind="warning" text={t('card.rejectedNote')} /> : ''}
      <CardFacts t={t} card={card} />
      {card.status === 'PLACED' || card.status === 'EXPIRED' ? (
        <p>
          <a class="btn secondary" href="/saya/kartu/cetak" safe>
            {t('card.printPlaced')}
          </a>
        </p>
      ) : (
        ''
      )}
    </section>
  );
}
