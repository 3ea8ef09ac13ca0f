import type { ConsoleContext } from '../../http/console-context.js';
import type { FormState } from '../../http/forms.js';
import type { CardModel } from '../../view-models/cards.js';
import { CsrfField } from '../shared/CsrfField.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { Field } from '../shared/Field.js';
import { Hidden } from '../shared/Hidden.js';
import { Layout } from '../shared/Layout.js';
import { Notice } from '../shared/Notice.js';
import { CardFacts } from './CardFacts.js';

/** The reasons offered, in this order; OTHER takes the seeker's own words. */
export const WITHDRAW_REASONS = ['SELF_EMPLOYED', 'EDUCATION', 'FAMILY', 'MOVED', 'HEALTH', 'OTHER'] as const;
export type WithdrawReason = (typeof WITHDRAW_REASONS)[number];

export interface WithdrawView {
  card: CardModel;
  form: FormState;
}

/** `/saya/kartu/berhenti` ("Tidak lagi mencari kerja"): the reason, what happens, then the card closes. */
export function WithdrawPage({ c, vm }: { c: ConsoleContext; vm: WithdrawView }): JSX.Element {
  const t = c.t;
  const { values, errors, problem } = vm.form;
  const labels = { choice: t('withdraw.reason'), reason: t('withdraw.other') };
  const choiceError = errors?.choice ?? null;
  return (
    <Layout c={c} title={t('withdraw.title')}>
      <h1 safe>{t('withdraw.title')}</h1>
      <p safe>{t('withdraw.intro')}</p>
      <CardFacts t={t} card={vm.card} />
      <ErrorSummary c={c} errors={errors} labels={labels} problem={problem} />
      <form method="post" action="/saya/kartu/berhenti" class="stack" novalidate data-confirm={t('withdraw.confirm')}>
        <CsrfField c={c} />
        <Hidden name="cardId" value={vm.card.id} />
        <fieldset id="f-choice" aria-invalid={choiceError ? 'true' : undefined}>
          <legend safe>{labels.choice}</legend>
          {choiceError ? (
            <p class="field-error" safe>
              {choiceError.join(' ')}
            </p>
          ) : (
            ''
          )}
          {WITHDRAW_REASONS.map((r) => (
            <div class="field check">
              <input type="radio" id={`f-choice-${r}`} name="choice" value={r} checked={values.choice === r} />
              <label for={`f-choice-${r}`} safe>
                {t(`withdraw.reason.${r}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <Field
          name="reason"
          label={labels.reason}
          type="textarea"
          rows={2}
          values={values}
          errors={errors}
          hint={t('withdraw.otherHint')}
        />
        <Notice kind="info" text={t('withdraw.note')} />
        <div class="actions">
          <button class="btn danger" type="submit" safe>
            {t('withdraw.submit')}
          </button>{' '}
          <a class="btn secondary" href="/saya/kartu" safe>
            {t('withdraw.back')}
          </a>
        </div>
      </form>
    </Layout>
  );
}
