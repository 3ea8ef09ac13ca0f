import type { ConsoleContext } from '../../http/console-context.js';
import type { FormState } from '../../http/forms.js';
import { CsrfField } from '../shared/CsrfField.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { Field } from '../shared/Field.js';
import { Layout } from '../shared/Layout.js';

/** A walk-in job seeker attaches a login to the record the officer made, with the officer's claim code. */
export function ClaimPage({ c, form }: { c: ConsoleContext; form: FormState }): JSX.Element {
  const t = c.t;
  const { values, errors } = form;
  const labels = {
    claimCode: t('field.claimCode'),
    nik: t('field.nik'),
    email: t('field.email'),
    password: t('field.password'),
  };
  return (
    <Layout c={c} title={t('claim.title')}>
      <h1 safe>{t('claim.title')}</h1>
      <p safe>{t('claim.intro')}</p>
      <ErrorSummary c={c} errors={errors} labels={labels} problem={form.problem} />
      <form method="post" action="/daftar/klaim" class="stack" novalidate>
        <CsrfField c={c} />
        <Field
          name="claimCode"
          label={labels.claimCode}
          values={values}
          errors={errors}
          required
          autocomplete="off"
          hint={t('hint.claimCode')}
        />
        <Field
          name="nik"
          label={labels.nik}
          values={values}
          errors={errors}
          required
          inputmode="numeric"
          autocomplete="off"
          hint={t('hint.claimNik')}
        />
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
        <div class="actions">
          <button class="btn primary" type="submit" safe>
            {t('claim.submit')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
