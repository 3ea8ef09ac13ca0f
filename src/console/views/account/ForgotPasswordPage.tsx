import type { ConsoleContext } from '../../http/console-context.js';
import type { FormState } from '../../http/forms.js';
import { CsrfField } from '../shared/CsrfField.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { Field } from '../shared/Field.js';
import { Layout } from '../shared/Layout.js';
import { Notice } from '../shared/Notice.js';

export interface ForgotPasswordView {
  form: FormState;
  /** The request was taken: the same sentence whether or not the address has an account. */
  sent: boolean;
}

/** "Lupa kata sandi?": an email address, then always the same friendly answer. */
export function ForgotPasswordPage({ c, vm }: { c: ConsoleContext; vm: ForgotPasswordView }): JSX.Element {
  const t = c.t;
  const { values, errors, problem } = vm.form;
  const labels = { email: t('field.email') };
  return (
    <Layout c={c} title={t('reset.requestTitle')}>
      <h1 safe>{t('reset.requestTitle')}</h1>
      {vm.sent ? <Notice kind="success" text={t('reset.requested')} /> : ''}
      <p safe>{t('reset.requestIntro')}</p>
      <ErrorSummary c={c} errors={errors} labels={labels} problem={problem} />
      <form novalidate method="post" action="/masuk/lupa-kata-sandi" class="stack">
        <CsrfField c={c} />
        <Field
          name="email"
          label={labels.email}
          type="email"
          values={values}
          errors={errors}
          required
          autocomplete="email"
        />
        <div class="actions">
          <button class="btn primary" type="submit" safe>
            {t('reset.requestSubmit')}
          </button>
        </div>
      </form>
      <p>
        <a href="/masuk" safe>
          {t('signin.toSignIn')}
        </a>
      </p>
    </Layout>
  );
}
