import type { ConsoleContext } from '../../http/console-context.js';
import type { FormState } from '../../http/forms.js';
import { codeSelectOptions, type CodeOption } from '../shared/CodeDatalist.js';
import { CsrfField } from '../shared/CsrfField.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { Field, type FieldProps } from '../shared/Field.js';
import { COMPANY_LABEL_KEYS, labelsOf } from '../shared/labels.js';
import { Layout } from '../shared/Layout.js';

type CompanyField = keyof typeof COMPANY_LABEL_KEYS;

/** A company registers itself and its first HR account (`POST /auth/register/employer`). */
export function RegisterCompanyPage({
  c,
  form,
  kinds,
}: {
  c: ConsoleContext;
  form: FormState;
  kinds: CodeOption[];
}): JSX.Element {
  const t = c.t;
  const labels = labelsOf(t, COMPANY_LABEL_KEYS);
  const f = (name: CompanyField, extra: Partial<FieldProps> = {}) => (
    <Field name={name} label={labels[name]} values={form.values} errors={form.errors} {...extra} />
  );
  return (
    <Layout c={c} title={t('register.companyTitle')}>
      <h1 safe>{t('register.companyTitle')}</h1>
      <p safe>{t('register.companyIntro')}</p>
      <ErrorSummary c={c} errors={form.errors} labels={labels} problem={form.problem} />
      <form method="post" action="/daftar/perusahaan" class="stack" novalidate>
        <CsrfField c={c} />
        <fieldset>
          <legend safe>{t('register.company')}</legend>
          {f('company.legalName', { required: true, autocomplete: 'organization' })}
          {f('company.nib', { required: true, inputmode: 'numeric', hint: t('hint.nib') })}
          {f('company.npwp', { inputmode: 'numeric', hint: t('hint.npwp') })}
          {f('company.kbli', { required: true, inputmode: 'numeric', hint: t('hint.kbli') })}
          {f('company.kind', {
            type: 'select',
            options: codeSelectOptions(kinds, t('common.choose')),
            hint: t('hint.employerKind'),
          })}
          {f('company.address', { required: true, type: 'textarea', rows: 2 })}
          {f('company.kecamatanCode', { type: 'kecamatan', hint: t('hint.kecamatan') })}
          {f('company.phone', { required: true, type: 'tel', autocomplete: 'tel' })}
        </fieldset>
        <fieldset>
          <legend safe>{t('register.hrAccount')}</legend>
          {f('fullName', { required: true, autocomplete: 'name' })}
          {f('email', { required: true, type: 'email', autocomplete: 'email' })}
          {f('password', { required: true, type: 'password', autocomplete: 'new-password', hint: t('hint.password') })}
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
