import type { ConsoleContext } from '../../http/console-context.js';
import type { FormState } from '../../http/forms.js';
import { CsrfField } from '../shared/CsrfField.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { Field } from '../shared/Field.js';
import { Hidden } from '../shared/Hidden.js';
import { Layout } from '../shared/Layout.js';
import { Notice } from '../shared/Notice.js';

export interface ResetPasswordView {
  /** `token` (hidden) and the errors of a refused password. */
  form: FormState;
  /** The link no longer works (used, replaced, expired): say so and offer a new one. */
  invalid: boolean;
}

/** The mailed link `/masuk/atur-ulang?token=…`: a new password; the token is spent only by the POST. */
export function ResetPasswordPage({ c, vm }: { c: ConsoleContext; vm: ResetPasswordView }): JSX.Element {
  const t = c.t;
  const { values, errors, problem } = vm.form;
  const labels = { password: t('reset.newPassword') };
  return (
    <Layout c={c} title={t('reset.title')}>
      <h1 safe>{t('reset.title')}</h1>
      {vm.invalid ? (
        <>
          <Notice kind="error" text={t('reset.invalid')} />
          <p>
            <a class="btn primary" href="/masuk/lupa-kata-sandi" safe>
              {t('reset.again')}
            </a>
          </p>
        </>
      ) : (
        <>
          <p safe>{t('reset.intro')}</p>
          <ErrorSummary c={c} errors={errors} labels={labels} problem={problem} />
          <form novalidate method="post" action="/masuk/atur-ulang" class="stack">
            <CsrfField c={c} />
            <Hidden name="token" value={values.token ?? ''} />
            <Field
              name="password"
              label={labels.password}
              type="password"
              values={{}}
              errors={errors}
              required
              autocomplete="new-password"
              hint={t('hint.password')}
            />
            <div class="actions">
              <button class="btn primary" type="submit" safe>
                {t('reset.submit')}
              </button>
            </div>
          </form>
        </>
      )}
    </Layout>
  );
}
