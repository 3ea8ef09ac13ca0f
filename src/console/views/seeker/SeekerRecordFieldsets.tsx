import { ExperienceFields } from './ExperienceFields.js';
import { SeekerIdentityFields, type SeekerFieldsProps } from './SeekerIdentityFields.js';
import { SeekerProfileFields } from './SeekerProfileFields.js';

/**
 * The job seeker's record as one registers it: identity, profile and work experience, each in its own
 * fieldset. Shared by the seeker's own registration and the officer's walk-in registration.
 */
export function SeekerRecordFieldsets({ c, values, errors, labels, pickers }: SeekerFieldsProps): JSX.Element {
  const t = c.t;
  return (
    <>
      <fieldset>
        <legend safe>{t('register.identity')}</legend>
        <SeekerIdentityFields c={c} values={values} errors={errors} labels={labels} />
      </fieldset>
      <fieldset>
        <legend safe>{t('register.profile')}</legend>
        <SeekerProfileFields c={c} values={values} errors={errors} labels={labels} pickers={pickers} />
      </fieldset>
      <fieldset>
        <legend safe>{t('experience.title')}</legend>
        <ExperienceFields c={c} values={values} errors={errors} />
      </fieldset>
    </>
  );
}
