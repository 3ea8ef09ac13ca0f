import type { VacancyView } from '../../../vacancies/vacancy.entity.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FormState } from '../../http/forms.js';
import type { FlashModel } from '../../view-models/flash.js';
import { placementTypeOptions } from '../shared/CodeDatalist.js';
import { CsrfField } from '../shared/CsrfField.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { Field } from '../shared/Field.js';
import { Flash } from '../shared/Flash.js';
import { Hidden } from '../shared/Hidden.js';
import { Layout } from '../shared/Layout.js';
import { PlacementList, type PlacementItem } from '../shared/PlacementList.js';

export interface DirectPlacementView {
  flash: FlashModel;
  form: FormState;
  /** The company's open vacancies the hire may count for. */
  vacancies: Pick<VacancyView, 'id' | 'title'>[];
  /** The form's one-time key: a double submit records the hire once. */
  idem: string;
  /** The company's recent hires, each voidable within 7 days of recording. */
  placements: PlacementItem[];
}

/** The hire of an AK1 holder who did not apply through the platform, found by card number and NIK. */
export function DirectPlacementPage({ c, vm }: { c: ConsoleContext; vm: DirectPlacementView }): JSX.Element {
  const t = c.t;
  const { values, errors, problem } = vm.form;
  const labels = {
    cardNumber: t('field.cardNumber'),
    nik: t('field.nik'),
    startDate: t('field.startDate'),
    position: t('field.position'),
    vacancyId: t('field.vacancy'),
    placementType: t('field.placementType'),
  };
  const vacancies = [
    { value: '', label: t('employer.noVacancy') },
    ...vm.vacancies.map((v) => ({ value: v.id, label: v.title })),
  ];
  return (
    <Layout c={c} title={t('nav.directPlacement')}>
      <h1 safe>{t('nav.directPlacement')}</h1>
      <Flash c={c} flash={vm.flash} />
      <p safe>{t('employer.directIntro')}</p>
      <ErrorSummary c={c} errors={errors} labels={labels} problem={problem} />
      <form
        method="post"
        action="/perusahaan/penempatan"
        class="stack"
        novalidate
        data-confirm={t('employer.directConfirm')}
      >
        <CsrfField c={c} />
        <Hidden name="idem" value={vm.idem} />
        <Field
          name="cardNumber"
          label={labels.cardNumber}
          values={values}
          errors={errors}
          required
          hint={t('hint.cardNumber')}
        />
        <Field name="nik" label={labels.nik} values={values} errors={errors} required inputmode="numeric" />
        <Field name="startDate" label={labels.startDate} type="date" values={values} errors={errors} required />
        <Field name="position" label={labels.position} values={values} errors={errors} required />
        <Field
          name="vacancyId"
          label={labels.vacancyId}
          type="select"
          values={values}
          errors={errors}
          options={vacancies}
        />
        <Field
          name="placementType"
          label={labels.placementType}
          type="select"
          values={values}
          errors={errors}
          options={placementTypeOptions(t)}
          hint={t('hint.placementType')}
        />
        <div class="actions">
          <button class="btn primary" type="submit" safe>
            {t('employer.recordHire')}
          </button>
        </div>
      </form>
      <PlacementList
        c={c}
        title={t('voidPlacement.employerTitle')}
        items={vm.placements}
        actionBase="/perusahaan/penempatan"
        back="/perusahaan/penempatan"
        confirm={t('voidPlacement.confirmEmployer')}
        idem={vm.idem}
      />
      {vm.placements.length > 0 ? (
        <p class="muted" safe>
          {t('voidPlacement.employerWindow')}
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}
