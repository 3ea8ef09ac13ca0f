import { EDUCATION_LEVELS } from '../../../common/reference/education.js';
import { MARITAL_STATUSES } from '../../../seekers/profile.js';
import { CodeDatalist } from '../shared/CodeDatalist.js';
import { Field } from '../shared/Field.js';
import { options } from '../shared/options.js';
import type { SeekerFieldsProps } from './SeekerIdentityFields.js';

/** The profile inputs shared by registration, the profile page and the walk-in form. */
export function SeekerProfileFields({ c, values, errors, labels, pickers }: SeekerFieldsProps): JSX.Element {
  const t = c.t;
  const choose = t('common.choose');
  return (
    <>
      <Field name="phone" label={labels.phone} type="tel" values={values} errors={errors} autocomplete="tel" />
      <Field
        name="address"
        label={labels.address}
        type="textarea"
        rows={2}
        values={values}
        errors={errors}
        required
        autocomplete="street-address"
      />
      <Field
        name="kecamatanCode"
        label={labels.kecamatanCode}
        type="kecamatan"
        values={values}
        errors={errors}
        hint={t('hint.kecamatan')}
      />
      <Field
        name="maritalStatus"
        label={labels.maritalStatus}
        type="select"
        values={values}
        errors={errors}
        options={options(t, 'marital', MARITAL_STATUSES, choose)}
      />
      <Field
        name="educationLevel"
        label={labels.educationLevel}
        type="select"
        values={values}
        errors={errors}
        required
        options={options(t, 'education', EDUCATION_LEVELS, choose)}
      />
      <Field name="major" label={labels.major} values={values} errors={errors} />
      <Field
        name="educationCode"
        label={labels.educationCode}
        values={values}
        errors={errors}
        list="dl-education"
        autocomplete="off"
        hint={t('hint.educationCode')}
      />
      <CodeDatalist id="dl-education" options={pickers?.education ?? []} />
      <Field
        name="desiredOccupationCode"
        label={labels.desiredOccupationCode}
        values={values}
        errors={errors}
        list="dl-occupation"
        autocomplete="off"
        hint={t('hint.desiredOccupation')}
      />
      <CodeDatalist id="dl-occupation" options={pickers?.occupations ?? []} />
      <Field name="graduationYear" label={labels.graduationYear} type="number" values={values} errors={errors} />
      <Field
        name="skills"
        label={labels.skills}
        type="textarea"
        rows={2}
        values={values}
        errors={errors}
        hint={t('hint.skills')}
      />
    </>
  );
}
