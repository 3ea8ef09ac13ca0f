import type { ConsoleContext } from '../../http/console-context.js';
import type { CardModel } from '../../view-models/cards.js';
import { Layout } from '../shared/Layout.js';
import { CardFacts } from './CardFacts.js';
import { ReportForm } from './ReportForm.js';

/** `/saya/kartu/lapor` ("Masih mencari kerja"): the six-monthly report's confirmation for the active card. */
export function ReportPage({ c, card }: { c: ConsoleContext; card: CardModel }): JSX.Element {
  const t = c.t;
  return (
    <Layout c={c} title={t('card.reportTitle')}>
      <h1 safe>{t('still.looking')}</h1>
      <p safe>{t('report.pageIntro')}</p>
      <CardFacts t={t} card={card} />
      <ReportForm c={c} cardId={card.id} />
      <p>
        <a href="/saya/kartu" safe>
          {t('withdraw.back')}
        </a>
      </p>
    </Layout>
  );
}
