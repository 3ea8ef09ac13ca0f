import type { SeekerView } from '../../../seekers/seeker.entity.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FormState } from '../../http/forms.js';
import type { FlashModel } from '../../view-models/flash.js';
import { CsrfField } from '../shared/CsrfField.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { Fact } from '../shared/Fact.js';
import { Facts } from '../shared/Facts.js';
import { Flash } from '../shared/Flash.js';
import { seekerLabels } from '../shared/labels.js';
import { Layout } from '../shared/Layout.js';
import { ExperienceFields } from './ExperienceFields.js';
import { SeekerProfileFields } from './SeekerProfileFields.js';
import type { SeekerPickers } from './SeekerIdentityFields.js';

export interface ProfileView {
  flash: FlashModel;
  /** The identity, as registered (not editable here). */
  seeker: Pick<SeekerView, 'fullName' | 'nik' | 'birthPlace' | 'birthDate' | 'gender'>;
  form: FormState;
  pickers: SeekerPickers;
}

/** The job seeker's identity (read only) and profile form, work experience included. */
export function ProfilePage({ c, vm }: { c: ConsoleContext; vm: ProfileView }): JSX.Element {
  const t = c.t;
  const { seeker } = vm;
  const { values, errors } = vm.form;
  const labels = seekerLabels(t, values);
  return (
    <Layout c={c} title={t('nav.profile')}>
      <h1 safe>{t('nav.profile')}</h1>
      <Flash c={c} flash={vm.flash} />
      <h2 safe>{t('register.identity')}</h2>
      <Facts>
        <Fact label={t('field.fullName')} text={seeker.fullName} />
        <Fact label={t('field.nik')} text={seeker.nik} />
        <Fact label={t('card.born')} text={`${seeker.birthPlace}, ${t.date(seeker.birthDate)}`} />
        <Fact label={t('field.gender')} text={t.label('gender', seeker.gender)} />
      </Facts>
      <p class="meta" safe>
        {t('profile.identityNote')}
      </p>
      <h2 safe>{t('register.profile')}</h2>
      <ErrorSummary c={c} errors={errors} labels={labels} />
      <form method="post" action="/saya/profil" class="stack" novalidate>
        <CsrfField c={c} />
        <SeekerProfileFields c={c} values={values} errors={errors} labels={labels} pickers={vm.pickers} />
        <fieldset>
          <legend safe>{t('experience.title')}</legend>
          <ExperienceFields c={c} values={values} errors={errors} />
        </fieldset>
        <div class="actions">
          <button class="btn primary" type="submit" safe>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
