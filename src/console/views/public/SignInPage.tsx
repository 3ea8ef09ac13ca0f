import { escapeHtml } from '@kitajs/html';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FormState } from '../../http/forms.js';
import { CsrfField } from '../shared/CsrfField.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { Field } from '../shared/Field.js';
import { Hidden } from '../shared/Hidden.js';
import { Layout } from '../shared/Layout.js';
import { Notice } from '../shared/Notice.js';

export interface SignInView {
  /** `email` and `next` (where to go afterwards); `problem` when the sign-in was refused. */
  form: FormState;
  /** Just signed out: say so. */
  signedOut: boolean;
  /** Just chose a new password through a reset link: say so. */
  passwordReset?: boolean;
}

export function SignInPage({ c, vm }: { c: ConsoleContext; vm: SignInView }): JSX.Element {
  const t = c.t;
  const { values, errors, problem } = vm.form;
  const labels = { email: t('field.email'), password: t('field.password') };
  return (
    <Layout c={c} title={t('signin.title')}>
      <h1 safe>{t('signin.title')}</h1>
      {vm.signedOut ? <Notice kind="info" text={t('signin.signedOut')} /> : ''}
      {vm.passwordReset ? <Notice kind="success" text={t('reset.done')} /> : ''}
      <ErrorSummary c={c} errors={errors} labels={labels} problem={problem} />
      <form novalidate method="post" action="/masuk" class="stack">
        <CsrfField c={c} />
        <Hidden name="next" value={values.next ?? '/'} />
        <Field
          name="email"
          label={labels.email}
          type="email"
          values={values}
          errors={errors}
          required
          autocomplete="username"
        />
        <Field
          name="password"
          label={labels.password}
          type="password"
          values={values}
          errors={errors}
          required
          autocomplete="current-password"
        />
        <div class="actions">
          <button class="btn primary" type="submit" safe>
            {t('signin.submit')}
          </button>
        </div>
      </form>
      <p>
        <a href="/masuk/lupa-kata-sandi" safe>
          {t('reset.forgotLink')}
        </a>
      </p>
      <p>
        {escapeHtml(t('signin.noAccount'))}{' '}
        <a href="/daftar/pencari-kerja" safe>
          {t('nav.registerSeeker')}
        </a>
        {' · '}
        <a href="/daftar/perusahaan" safe>
          {t('nav.registerCompany')}
        </a>
      </p>
    </Layout>
  );
}
