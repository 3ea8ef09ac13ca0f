import type { OfficeView } from '../../../offices/offices.service.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FormState } from '../../http/forms.js';
import { CsrfField } from '../shared/CsrfField.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { Field } from '../shared/Field.js';
import { Layout } from '../shared/Layout.js';

/** Renaming an office (and, below the root office, correcting its region code). */
export function OfficeEditPage({
  c,
  office,
  form,
}: {
  c: ConsoleContext;
  office: OfficeView;
  form: FormState;
}): JSX.Element {
  const t = c.t;
  const labels: Record<string, string> = { name: t('office.name'), code: t('office.code') };
  const title = t('office.editTitle', { name: office.name });
  return (
    <Layout c={c} title={title}>
      <p class="no-print">
        <a href="/petugas/kantor" safe>
          {`← ${t('office.title')}`}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <ErrorSummary c={c} errors={form.errors} labels={labels} problem={form.problem} />
      <form method="post" action={`/petugas/kantor/${office.id}/ubah`} class="stack" novalidate>
        <CsrfField c={c} />
        <Field name="name" label={labels.name} values={form.values} errors={form.errors} required />
        {office.parentId ? (
          <Field
            name="code"
            label={labels.code}
            values={form.values}
            errors={form.errors}
            required
            inputmode="numeric"
            hint={t('office.codeHint')}
          />
        ) : (
          ''
        )}
        <div class="actions">
          <button class="btn primary" type="submit" safe>
            {t('office.save')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
