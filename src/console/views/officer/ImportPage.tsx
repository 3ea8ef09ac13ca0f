import type { ImportOutcome as Outcome } from '../../../cards/card-import.service.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FormState } from '../../http/forms.js';
import { CsrfField } from '../shared/CsrfField.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { Field } from '../shared/Field.js';
import { Layout } from '../shared/Layout.js';
import { ImportColumns } from './ImportColumns.js';
import { ImportOutcome } from './ImportOutcome.js';

export interface ImportView {
  /** `csv`: the pasted text, kept when the import was refused. */
  form: FormState;
  report: Outcome | null;
}

/** The CSV import of cards from the earlier system (POST /cards/import): a file or pasted text, then the outcome. */
export function ImportPage({ c, vm }: { c: ConsoleContext; vm: ImportView }): JSX.Element {
  const t = c.t;
  const { values, errors, problem } = vm.form;
  const labels = { file: t('import.file'), csv: t('import.paste'), header: t('import.header') };
  return (
    <Layout c={c} title={t('nav.cardImport')}>
      <h1 safe>{t('nav.cardImport')}</h1>
      <p safe>{t('import.intro')}</p>
      <ImportColumns t={t} />
      <ErrorSummary c={c} errors={errors} labels={labels} problem={problem} />
      {vm.report ? <ImportOutcome t={t} report={vm.report} /> : ''}
      <form method="post" action="/petugas/kartu/impor" enctype="multipart/form-data" class="stack" novalidate>
        <CsrfField c={c} />
        <div class={['field', errors?.file && 'invalid']}>
          <label for="f-file" safe>
            {labels.file}
          </label>
          <p class="hint" id="f-file-hint" safe>
            {t('import.fileHint')}
          </p>
          <input type="file" id="f-file" name="file" accept=".csv,text/csv" aria-describedby="f-file-hint" />
        </div>
        <Field
          name="csv"
          label={labels.csv}
          type="textarea"
          rows={6}
          values={values}
          errors={errors}
          hint={t('import.pasteHint')}
        />
        <div class="actions">
          <button class="btn primary" type="submit" safe>
            {t('import.submit')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
