import type { OfficeView } from '../../../offices/offices.service.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FormState } from '../../http/forms.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { CsrfField } from '../shared/CsrfField.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { Field } from '../shared/Field.js';
import { Layout } from '../shared/Layout.js';

export const NEW_OFFICER_FIELDS = ['fullName', 'email', 'password', 'nip', 'officeId'] as const;

/** "Tambah petugas": an officer account in the officer's own office or one below it (the only ones offered). */
export function NewOfficerPage({
  c,
  offices,
  form,
}: {
  c: ConsoleContext;
  offices: OfficeView[];
  form: FormState;
}): JSX.Element {
  const t = c.t;
  const labels: Record<string, string> = {
    fullName: t('field.fullName'),
    email: t('field.email'),
    password: t('field.password'),
    nip: t('officer.nip'),
    officeId: t('officer.office'),
  };
  return (
    <Layout c={c} title={t('officer.newTitle')}>
      <p class="no-print">
        <a href="/petugas/kantor" safe>
          {`← ${t('office.title')}`}
        </a>
      </p>
      <h1 safe>{t('officer.newTitle')}</h1>
      <p safe>{t('officer.newIntro')}</p>
      <ErrorSummary c={c} errors={form.errors} labels={labels} problem={form.problem} />
      <form method="post" action="/petugas/kantor/petugas-baru" class="stack" novalidate>
        <CsrfField c={c} />
        <Field
          name="officeId"
          label={labels.officeId}
          type="select"
          values={form.values}
          errors={form.errors}
          required
          options={offices.map((o) => ({
            value: o.id,
            label: `${o.name} (${t(`office.level.${o.level}` as MessageKey)})`,
          }))}
        />
        <Field name="fullName" label={labels.fullName} values={form.values} errors={form.errors} required />
        <Field
          name="email"
          label={labels.email}
          type="email"
          values={form.values}
          errors={form.errors}
          required
          autocomplete="off"
        />
        <Field
          name="password"
          label={labels.password}
          type="password"
          values={form.values}
          errors={form.errors}
          required
          autocomplete="new-password"
        />
        <Field name="nip" label={labels.nip} values={form.values} errors={form.errors} inputmode="numeric" />
        <div class="actions">
          <button class="btn primary" type="submit" safe>
            {t('officer.create')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
