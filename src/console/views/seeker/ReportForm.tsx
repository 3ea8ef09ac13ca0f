import type { ConsoleContext } from '../../http/console-context.js';
import { CsrfField } from '../shared/CsrfField.js';
import { Field } from '../shared/Field.js';
import { Hidden } from '../shared/Hidden.js';

/** The holder's six-monthly report on their active card, with an optional note. */
export function ReportForm({ c, cardId }: { c: ConsoleContext; cardId: string }): JSX.Element {
  const t = c.t;
  return (
    <>
      <h2 safe>{t('card.reportTitle')}</h2>
      <p safe>{t('card.reportIntro')}</p>
      <form novalidate method="post" action="/saya/kartu/lapor" class="stack">
        <CsrfField c={c} />
        <Hidden name="cardId" value={cardId} />
        <Field name="note" label={t('card.reportNote')} type="textarea" rows={2} values={{}} />
        <button class="btn primary" type="submit" safe>
          {t('card.reportSubmit')}
        </button>
      </form>
    </>
  );
}
