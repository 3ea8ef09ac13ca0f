import { escapeHtml } from '@kitajs/html';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FormState } from '../../http/forms.js';
import { CsrfField } from '../shared/CsrfField.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { Field } from '../shared/Field.js';
import { seekerLabels } from '../shared/labels.js';
import { Layout } from '../shared/Layout.js';
import { SeekerRecordFieldsets } from '../seeker/SeekerRecordFieldsets.js';
import type { SeekerPickers } from '../seeker/SeekerIdentityFields.js';

/** A job seeker registers themself: identity, profile, work experience and the account. */
export function RegisterSeekerPage({
  c,
  form,
  pickers,
}: {
  c: ConsoleContext;
  form: FormState;
  pickers: SeekerPickers;
}): JSX.Element {
  const t = c.t;
  const { values, errors } = form;
  const labels = seekerLabels(t, values);
  return (
    <Layout c={c} title={t('register.seekerTitle')}>
      <h1 safe>{t('register.seekerTitle')}</h1>
      <p safe>{t('register.seekerIntro')}</p>
      <p>
        {escapeHtml(t('claim.registerHint'))}{' '}
        <a href="/daftar/klaim" safe>
          {t('claim.registerLink')}
        </a>
      </p>
      <ErrorSummary c={c} errors={errors} labels={labels} problem={form.problem} />
      <form method="post" action="/daftar/pencari-kerja" class="stack" novalidate>
        <CsrfField c={c} />
        <SeekerRecordFieldsets c={c} values={values} errors={errors} labels={labels} pickers={pickers} />
        <fieldset>
          <legend safe>{t('register.account')}</legend>
          <Field
            name="email"
            label={labels.email}
            values={values}
            errors={errors}
            required
            type="email"
            autocomplete="email"
          />
          <Field
            name="password"
            label={labels.password}
            values={values}
            errors={errors}
            required
            type="password"
            autocomplete="new-password"
            hint={t('hint.password')}
          />
        </fieldset>
        <div class="actions">
          <button class="btn primary" type="submit" safe>
            {t('register.submit')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
