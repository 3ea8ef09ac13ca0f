import { EDUCATION_LEVELS } from '../../../common/reference/education.js';
import { EMPLOYMENT_TYPES } from '../../../vacancies/vacancy.entity.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FieldErrors, FormValues } from '../../http/forms.js';
import { Field } from '../shared/Field.js';
import { kecamatanOptions, options, yesNoOptions } from '../shared/options.js';

const SORTS = ['newest', 'closing', 'salary'] as const;

/**
 * The search form: the keyword box first, the other filters folded under "Saringan lainnya" (open
 * when one of them is set or refused).
 */
export function SearchFilters(props: { c: ConsoleContext; values: FormValues; errors: FieldErrors | null }) {
  const { c, values, errors } = props;
  const t = c.t;
  const any = t('search.any');
  const more = Object.keys(values).some((k) => k !== 'q' && k !== 'page' && k !== 'ok' && values[k]) || !!errors;
  const sorts = SORTS.map((s) => ({ value: s, label: t.label('sort', s) }));
  return (
    <form novalidate method="get" action="/" class="filters" role="search" aria-label={t('search.label')}>
      <Field name="q" label={t('search.q')} values={values} errors={errors} hint={t('search.qHint')} />
      <details class="filters-more" open={more}>
        <summary safe>{t('search.more')}</summary>
        <Field
          name="educationLevel"
          label={t('search.education')}
          type="select"
          values={values}
          errors={errors}
          options={options(t, 'education', EDUCATION_LEVELS, any)}
        />
        <Field
          name="kecamatanCode"
          label={t('field.kecamatan')}
          type="select"
          values={values}
          errors={errors}
          options={kecamatanOptions(any)}
        />
        <Field
          name="employmentType"
          label={t('field.employmentType')}
          type="select"
          values={values}
          errors={errors}
          options={options(t, 'employment', EMPLOYMENT_TYPES, any)}
        />
        <Field
          name="salaryMin"
          label={t('search.salaryMin')}
          values={values}
          errors={errors}
          inputmode="numeric"
          hint={t('search.salaryHint')}
        />
        <Field
          name="requiresAk1"
          label={t('search.requiresAk1')}
          type="select"
          values={values}
          errors={errors}
          options={yesNoOptions(t)}
        />
        <Field name="sort" label={t('search.sort')} type="select" values={values} errors={errors} options={sorts} />
      </details>
      <div class="actions">
        <button class="btn primary" type="submit" safe>
          {t('search.submit')}
        </button>{' '}
        <a class="btn secondary" href="/" safe>
          {t('search.reset')}
        </a>
      </div>
    </form>
  );
}
