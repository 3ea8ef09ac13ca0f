import { EXPERIENCE_MAX, experienceCount } from '../../http/experience.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FieldErrors, FormValues } from '../../http/forms.js';
import { Field } from '../shared/Field.js';

/**
 * Work experience entries: the filled rows plus one blank (three blank on an empty form), each a
 * small fieldset of position, company, from and to year. Blank rows are ignored when sent.
 */
export function ExperienceFields(props: { c: ConsoleContext; values: FormValues; errors: FieldErrors | null }) {
  const { c, values, errors } = props;
  const t = c.t;
  const filled = experienceCount(values);
  const rows = Math.min(EXPERIENCE_MAX, filled === 0 ? 3 : filled + 1);
  return (
    <>
      <p class="hint" safe>
        {t('experience.intro')}
      </p>
      {Array.from({ length: rows }, (_, row) => {
        const name = (part: string) => `experience.${row}.${part}`;
        return (
          <fieldset class="entry">
            <legend safe>{t('experience.entry', { n: row + 1 })}</legend>
            <div class="grid2">
              <Field name={name('position')} label={t('experience.position')} values={values} errors={errors} />
              <Field
                name={name('company')}
                label={t('experience.company')}
                values={values}
                errors={errors}
                autocomplete="organization"
              />
              <Field
                name={name('fromYear')}
                label={t('experience.fromYear')}
                type="number"
                values={values}
                errors={errors}
              />
              <Field
                name={name('toYear')}
                label={t('experience.toYear')}
                type="number"
                values={values}
                errors={errors}
                hint={t('experience.toYearHint')}
              />
            </div>
          </fieldset>
        );
      })}
    </>
  );
}
