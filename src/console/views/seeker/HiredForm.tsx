import type { ConsoleContext } from '../../http/console-context.js';
import { codeSelectOptions, placementTypeOptions } from '../shared/CodeDatalist.js';
import { CsrfField } from '../shared/CsrfField.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { Field } from '../shared/Field.js';
import { Hidden } from '../shared/Hidden.js';
import type { HiredView } from './HiredPage.js';

/** The self-report: employer, start date (TMT), position, after a confirmation. */
export function HiredForm({ c, vm, labels }: { c: ConsoleContext; vm: HiredView; labels: Record<string, string> }) {
  const t = c.t;
  const { values, errors, problem } = vm.form;
  return (
    <>
      <p safe>{t('hired.intro')}</p>
      <ErrorSummary c={c} errors={errors} labels={labels} problem={problem} />
      <form method="post" action="/saya/sudah-bekerja" class="stack" novalidate data-confirm={t('hired.confirm')}>
        <CsrfField c={c} />
        <Hidden name="idem" value={vm.idem} />
        <Field name="employerName" label={labels.employerName} values={values} errors={errors} required />
        <Field
          name="startDate"
          label={labels.startDate}
          type="date"
          values={values}
          errors={errors}
          required
          hint={t('hint.startDate')}
        />
        <Field name="position" label={labels.position} values={values} errors={errors} />
        <Field
          name="placementType"
          label={labels.placementType}
          type="select"
          values={values}
          errors={errors}
          options={placementTypeOptions(t)}
          hint={t('hint.placementType')}
        />
        <Field
          name="employerKind"
          label={labels.employerKind}
          type="select"
          values={values}
          errors={errors}
          options={codeSelectOptions(vm.kinds, t('common.choose'))}
        />
        <div class="actions">
          <button class="btn primary" type="submit" safe>
            {t('hired.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
