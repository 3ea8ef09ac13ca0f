import type { ConsoleContext } from '../../http/console-context.js';
import type { CardModel } from '../../view-models/cards.js';
import { Layout } from '../shared/Layout.js';
import { Notice } from '../shared/Notice.js';
import { CardFacts } from './CardFacts.js';
import { StillLooking } from './StillLooking.js';

/** `/saya/kartu/status`, opened from a card reminder: the three answers, or why there is nothing to answer. */
export function StillLookingPage({ c, card }: { c: ConsoleContext; card: CardModel | null }): JSX.Element {
  const t = c.t;
  const active = card?.status === 'ACTIVE';
  return (
    <Layout c={c} title={t('still.title')}>
      {active ? <StillLooking c={c} headingLevel={1} /> : <h1 safe>{t('still.title')}</h1>}
      {active ? '' : <Notice kind="info" text={t('still.noCard')} />}
      {card ? <CardFacts t={t} card={card} /> : ''}
      <p>
        <a href="/saya/kartu" safe>
          {t('withdraw.back')}
        </a>
      </p>
    </Layout>
  );
}
