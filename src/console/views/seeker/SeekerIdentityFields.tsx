import type { CodeOption } from '../shared/CodeDatalist.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FieldErrors, FormValues } from '../../http/forms.js';
import { Field } from '../shared/Field.js';
import { options } from '../shared/options.js';

export interface SeekerFieldsProps {
  c: ConsoleContext;
  values: FormValues;
  errors: FieldErrors | null;
  labels: Record<string, string>;
  /** Suggestions of the detailed education and desired occupation pickers (none: plain code fields). */
  pickers?: SeekerPickers;
}

/** The code lists the seeker's profile pickers suggest. */
export interface SeekerPickers {
  education: CodeOption[];
  occupations: CodeOption[];
}

/** The identity inputs (as on the KTP), shared by registration and the officer's walk-in form. */
export function SeekerIdentityFields({ c, values, errors, labels }: SeekerFieldsProps): JSX.Element {
  const t = c.t;
  return (
    <>
      <Field
        name="nik"
        label={labels.nik}
        values={values}
        errors={errors}
        required
        inputmode="numeric"
        hint={t('hint.nik')}
      />
      <Field name="fullName" label={labels.fullName} values={values} errors={errors} required autocomplete="name" />
      <Field name="birthPlace" label={labels.birthPlace} values={values} errors={errors} required />
      <Field
        name="birthDate"
        label={labels.birthDate}
        values={values}
        errors={errors}
        required
        type="date"
        autocomplete="bday"
      />
      <Field
        name="gender"
        label={labels.gender}
        values={values}
        errors={errors}
        required
        type="select"
        options={options(t, 'gender', ['L', 'P'], t('common.choose'))}
      />
    </>
  );
}
