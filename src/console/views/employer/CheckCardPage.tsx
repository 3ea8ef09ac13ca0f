import type { CardValidationView } from '../../../card-validation/card-validation.entity.js';
import type { ValidationReply } from '../../../card-validation/card-validation.service.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FormState } from '../../http/forms.js';
import { CsrfField } from '../shared/CsrfField.js';
import { DataTable } from '../shared/DataTable.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { Field } from '../shared/Field.js';
import { Layout } from '../shared/Layout.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { CheckResult } from './CheckResult.js';

export interface CheckCardView {
  form: FormState;
  /** The answer to the check just made. */
  reply: ValidationReply | null;
  /** The company's latest checks. */
  history: CardValidationView[];
}

/** "Cek kartu AK1": an applicant's card checked by number and NIK, recorded as the company's evidence. */
export function CheckCardPage({ c, vm }: { c: ConsoleContext; vm: CheckCardView }): JSX.Element {
  const t = c.t;
  const { values, errors, problem } = vm.form;
  const labels = { cardNumber: t('field.cardNumber'), nik: t('field.nik') };
  const columns = [{ label: t('check.checkedAt') }, { label: t('field.cardNumber') }, { label: t('employer.result') }];
  return (
    <Layout c={c} title={t('nav.checkCard')}>
      <h1 safe>{t('nav.checkCard')}</h1>
      <p safe>{t('employer.checkIntro')}</p>
      <ErrorSummary c={c} errors={errors} labels={labels} problem={problem} />
      {vm.reply ? <CheckResult t={t} reply={vm.reply} /> : ''}
      <form method="post" action="/perusahaan/cek-kartu" class="stack" novalidate>
        <CsrfField c={c} />
        <Field
          name="cardNumber"
          label={labels.cardNumber}
          values={values}
          errors={errors}
          required
          hint={t('hint.cardNumber')}
        />
        <Field
          name="nik"
          label={labels.nik}
          values={values}
          errors={errors}
          required
          inputmode="numeric"
          hint={t('hint.nik')}
        />
        <div class="actions">
          <button class="btn primary" type="submit" safe>
            {t('employer.check')}
          </button>
        </div>
      </form>
      <h2 safe>{t('employer.recentChecks')}</h2>
      {vm.history.length ? (
        <DataTable columns={columns}>
          {vm.history.map((h) => (
            <tr>
              <td safe>{t.dateTime(h.checkedAt)}</td>
              <td safe>{h.cardNumber}</td>
              <td>
                <StatusBadge t={t} group="checkResult" code={h.result} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p safe>{t('employer.noChecks')}</p>
      )}
    </Layout>
  );
}
